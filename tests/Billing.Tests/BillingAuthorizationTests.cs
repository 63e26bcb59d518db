using System.Net;
using System.Text.Json;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.Billing.Tests.FeeScheduleApiTests;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Billing.Tests;

/// <summary>
/// Two properties: A with offices 1201 and 1202, B with office 0801, each with an office rate in effect since 2020.
/// One service for the whole class; tests that set rates use dates of their own.
/// </summary>
public sealed class BillingScene(TestInfrastructure infrastructure) : IAsyncLifetime
{
    private int _nextDay;

    public BillingApp App { get; private set; } = null!;

    public UnitRegistered A1201 { get; private set; } = null!;

    public UnitRegistered A1202 { get; private set; } = null!;

    public UnitRegistered B0801 { get; private set; } = null!;

    public Guid PropertyA => A1201.PropertyId;

    public Guid PropertyB => B0801.PropertyId;

    public Guid ScheduleOfA { get; private set; }

    public Guid ScheduleOfB { get; private set; }

    /// <summary>A date no other rate in the scene starts on, so a new rate is never refused as a duplicate.</summary>
    public string NewDate() => new DateOnly(2030, 1, 1).AddDays(Interlocked.Increment(ref _nextDay)).ToString("yyyy-MM-dd");

    public async ValueTask InitializeAsync()
    {
        App = await BillingTestApp.StartAsync(infrastructure);
        A1201 = await App.RegisterUnitAsync("1201");
        A1202 = await App.RegisterUnitAsync("1202", A1201.PropertyId);
        B0801 = await App.RegisterUnitAsync("0801");
        foreach (var unit in new[] { A1201, A1202, B0801 })
        {
            await App.WaitForUnitAsync(unit.UnitId);
        }
        ScheduleOfA = await SetOfficeRateAsync(PropertyA);
        ScheduleOfB = await SetOfficeRateAsync(PropertyB);
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();

    private async Task<Guid> SetOfficeRateAsync(Guid propertyId)
    {
        var response = await App.ClientAs(Roles.Finance, propertyId).PostJsonAsync("/fee-schedules", Rate(propertyId, 3.5m, "2020-01-01"));
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }
}

/// <summary>Who may read and set fees, and that nobody sees beyond their properties or, for occupants, their units.</summary>
public sealed class BillingAuthorizationTests(BillingScene scene) : IClassFixture<BillingScene>
{
    private static readonly string[] Endpoints =
    [
        "rates in effect", "fee schedule", "set rate", "unit charge", "bill run preview", "bill run commit", "unit bills", "bill list",
        "take payment", "arrears", "collection rate", "late-fee rules", "set late-fee rule", "payments list", "receipts list", "payment notice",
        "unit receipts",
    ];

    // The README's table, written out again here so a change to either one shows.
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["rates in effect"] = [Roles.Finance, Roles.Manager, Roles.Supervisor, Roles.Admin],
        ["fee schedule"] = [Roles.Finance, Roles.Manager, Roles.Supervisor, Roles.Admin],
        ["set rate"] = [Roles.Finance, Roles.Admin],
        ["unit charge"] = [Roles.Occupant, Roles.Finance, Roles.Manager, Roles.Admin],
        ["bill run preview"] = [Roles.Finance, Roles.Manager, Roles.Admin],
        ["bill run commit"] = [Roles.Finance, Roles.Admin],
        ["unit bills"] = [Roles.Occupant, Roles.Finance, Roles.Manager, Roles.Admin],
        ["bill list"] = [Roles.Finance, Roles.Manager, Roles.Admin],
        ["take payment"] = [Roles.Finance, Roles.Admin],
        ["arrears"] = [Roles.Finance, Roles.Manager, Roles.Admin],
        ["collection rate"] = [Roles.Finance, Roles.Manager, Roles.Admin],
        ["late-fee rules"] = [Roles.Finance, Roles.Manager, Roles.Supervisor, Roles.Admin],
        ["set late-fee rule"] = [Roles.Finance, Roles.Admin],
        ["payments list"] = [Roles.Finance, Roles.Manager, Roles.Admin],
        ["receipts list"] = [Roles.Finance, Roles.Manager, Roles.Admin],
        ["payment notice"] = [Roles.Occupant, Roles.Finance, Roles.Manager, Roles.Admin],
        ["unit receipts"] = [Roles.Occupant, Roles.Finance, Roles.Manager, Roles.Admin],
    };

    private BillingApp App => scene.App;

    public static TheoryData<string, string> EveryRoleAtEveryEndpoint() => AccessMatrix.EveryRoleAt(Endpoints);

    [Theory]
    [MemberData(nameof(EveryRoleAtEveryEndpoint))]
    public async Task A_role_does_what_its_work_needs_and_is_refused_with_403_elsewhere(string endpoint, string role)
    {
        // Everyone works at property A; the occupant rents office 1201.
        var client = role switch
        {
            Roles.Occupant => App.ClientAsOccupant(Guid.NewGuid(), scene.PropertyA, scene.A1201.UnitId),
            Roles.Admin => App.ClientAsAdmin(),
            _ => App.ClientAs(role, scene.PropertyA),
        };
        var ratesBefore = await RateCountAsync();
        var paymentsBefore = await App.ScalarAsync<long>("SELECT count(*) FROM payments");

        var response = endpoint switch
        {
            "rates in effect" => await client.GetAsync($"/fee-schedules?propertyId={scene.PropertyA}", Cancel),
            "fee schedule" => await client.GetAsync($"/fee-schedules/{scene.ScheduleOfA}", Cancel),
            "set rate" => await client.PostJsonAsync("/fee-schedules", Rate(scene.PropertyA, 5.2m, scene.NewDate(), item: "water", unitType: null)),
            "unit charge" => await client.GetAsync($"/units/{scene.A1201.UnitId}/monthly-service-charge", Cancel),
            "bill run preview" => await client.PostJsonAsync("/bill-runs/preview", BillRunApiTests.Run(scene.PropertyA, "2031-01")),
            "bill run commit" => await client.PostJsonAsync("/bill-runs", BillRunApiTests.Run(scene.PropertyA, "2031-01")),
            "unit bills" => await client.GetAsync($"/units/{scene.A1201.UnitId}/bills", Cancel),
            "bill list" => await client.GetAsync($"/bills?propertyId={scene.PropertyA}", Cancel),
            "take payment" => await client.PostJsonAsync("/payments", PaymentApiTests.Payment(scene.A1201.UnitId, "cash", 1m)),
            "arrears" => await client.GetAsync($"/arrears?propertyId={scene.PropertyA}", Cancel),
            "late-fee rules" => await client.GetAsync($"/fee-schedules/late-fee-rules?propertyId={scene.PropertyA}", Cancel),
            "set late-fee rule" => await client.PostJsonAsync("/fee-schedules/late-fee-rules", JsonSerializer.Serialize(
                new { propertyId = scene.PropertyA, dailyRate = 0.0005m, graceDays = 10, cap = 0.1m, effectiveFrom = scene.NewDate() })),
            "payments list" => await client.GetAsync($"/payments?propertyId={scene.PropertyA}", Cancel),
            "receipts list" => await client.GetAsync($"/receipts?propertyId={scene.PropertyA}", Cancel),
            "payment notice" => await client.GetAsync($"/units/{scene.A1201.UnitId}/payment-notice", Cancel),
            "unit receipts" => await client.GetAsync($"/units/{scene.A1201.UnitId}/receipts", Cancel),
            _ => await client.GetAsync($"/arrears/collection-rate?propertyId={scene.PropertyA}&period=2031-01", Cancel),
        };

        if (Allowed[endpoint].Contains(role))
        {
            response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync(Cancel));
        }
        else
        {
            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            problem.GetProperty("detail").GetString().ShouldBe("Your roles do not allow this action.");
            (await RateCountAsync()).ShouldBe(ratesBefore);
            (await App.ScalarAsync<long>("SELECT count(*) FROM payments")).ShouldBe(paymentsBefore);
        }
    }

    [Fact]
    public async Task Without_a_token_every_endpoint_answers_401_and_changes_nothing()
    {
        var anonymous = App.CreateClient();
        var ratesBefore = await RateCountAsync();

        HttpResponseMessage[] responses =
        [
            await anonymous.GetAsync($"/fee-schedules?propertyId={scene.PropertyA}", Cancel),
            await anonymous.GetAsync($"/fee-schedules/{scene.ScheduleOfA}", Cancel),
            await anonymous.PostJsonAsync("/fee-schedules", Rate(scene.PropertyA, 9m, scene.NewDate())),
            await anonymous.GetAsync($"/units/{scene.A1201.UnitId}/monthly-service-charge", Cancel),
            await anonymous.PostJsonAsync("/bill-runs", BillRunApiTests.Run(scene.PropertyA, "2031-02")),
            await anonymous.GetAsync($"/units/{scene.A1201.UnitId}/bills", Cancel),
            await anonymous.PostJsonAsync("/payments", PaymentApiTests.Payment(scene.A1201.UnitId, "cash", 1m)),
            await anonymous.GetAsync($"/receipts/{Guid.NewGuid()}", Cancel),
            await anonymous.GetAsync($"/units/{scene.A1201.UnitId}/receipts", Cancel),
            await anonymous.GetAsync($"/arrears?propertyId={scene.PropertyA}", Cancel),
        ];

        foreach (var response in responses)
        {
            await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
            response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        }
        (await RateCountAsync()).ShouldBe(ratesBefore);
    }

    [Theory]
    [InlineData(Roles.Finance)]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Supervisor)]
    public async Task Another_propertys_fees_look_like_an_unknown_propertys(string role)
    {
        var atB = App.ClientAs(role, scene.PropertyB);

        var schedule = await (await atB.GetAsync($"/fee-schedules/{scene.ScheduleOfA}", Cancel)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var unknown = await (await atB.GetAsync($"/fee-schedules/{Guid.NewGuid()}", Cancel)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        schedule.GetProperty("title").GetString().ShouldBe(unknown.GetProperty("title").GetString());
        (await RatesAsync(atB, scene.PropertyA)).ShouldBeEmpty();
        (await RatesAsync(atB, scene.PropertyB)).ShouldHaveSingleItem().GetProperty("feeScheduleId").GetGuid().ShouldBe(scene.ScheduleOfB);
    }

    [Fact]
    public async Task A_rate_for_a_property_outside_ones_scope_gets_the_answer_of_an_unknown_property_and_stores_nothing()
    {
        var ratesBefore = await RateCountAsync();
        var financeOfB = App.ClientAs(Roles.Finance, scene.PropertyB);
        var nowhere = Guid.NewGuid();
        var unknownProperty = await ErrorsOfAsync(App.ClientAs(Roles.Finance, nowhere), Rate(nowhere, 3.8m, scene.NewDate()));

        (await ErrorsOfAsync(financeOfB, Rate(scene.PropertyA, 3.8m, scene.NewDate()))).ShouldBe(unknownProperty);

        (await RateCountAsync()).ShouldBe(ratesBefore);
        (await RatesAsync(App.ClientAs(Roles.Finance, scene.PropertyA), scene.PropertyA))
            .ShouldHaveSingleItem().GetProperty("rate").GetDecimal().ShouldBe(3.5m);
    }

    [Fact]
    public async Task Another_units_charge_answers_404_like_an_unknown_unit()
    {
        var unknown = await (await App.ClientAs(Roles.Finance, scene.PropertyA).GetAsync($"/units/{Guid.NewGuid()}/monthly-service-charge", Cancel))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        HttpClient[] outsiders =
        [
            App.ClientAsOccupant(Guid.NewGuid(), scene.PropertyA, scene.A1202.UnitId),
            App.ClientAs(Roles.Finance, scene.PropertyB),
            App.ClientAs(Roles.Manager, scene.PropertyB),
        ];

        foreach (var outsider in outsiders)
        {
            var problem = await (await outsider.GetAsync($"/units/{scene.A1201.UnitId}/monthly-service-charge", Cancel))
                .ShouldBeProblemAsync(HttpStatusCode.NotFound);
            problem.GetProperty("title").GetString().ShouldBe(unknown.GetProperty("title").GetString());
        }

        var own = await App.ClientAsOccupant(Guid.NewGuid(), scene.PropertyA, scene.A1202.UnitId)
            .GetFromJsonAsync<JsonElement>($"/units/{scene.A1202.UnitId}/monthly-service-charge", Cancel);
        own.GetProperty("unitNumber").GetString().ShouldBe("1202");
    }

    private Task<long> RateCountAsync() => App.ScalarAsync<long>("SELECT count(*) FROM fee_rates");

    private static async Task<List<JsonElement>> RatesAsync(HttpClient client, Guid propertyId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/fee-schedules?propertyId={propertyId}&asOf=2026-01-01", Cancel))
            .GetProperty("rates").EnumerateArray().ToList();

    private static async Task<string> ErrorsOfAsync(HttpClient client, string rate)
    {
        var problem = await (await client.PostJsonAsync("/fee-schedules", rate)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        return problem.GetProperty("errors").GetRawText();
    }
}
