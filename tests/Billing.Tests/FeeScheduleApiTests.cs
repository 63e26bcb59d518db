using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;
using PropertyPlatform.Contracts.Billing;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Billing.Tests;

/// <summary>Finance sets a property's fee schedule (收费标准) over HTTP, on real PostgreSQL and RabbitMQ.</summary>
public sealed class FeeScheduleApiTests(TestInfrastructure infrastructure)
{
    [Fact]
    public async Task A_rate_is_stored_read_back_and_announced()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        var cashierId = Guid.NewGuid();
        var client = app.ClientAs(new AccessTokenContent(cashierId, "财务王芳", [Roles.Finance], false, [unit.PropertyId], []));
        await app.WaitForUnitAsync(unit.UnitId);

        var response = await client.PostJsonAsync("/fee-schedules", Rate(unit.PropertyId, 3.5m, "2026-01-01"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var schedule = await response.ReadJsonAsync();
        var id = schedule.GetProperty("id").GetGuid();
        response.Headers.Location!.ToString().ShouldBe($"/fee-schedules/{id}");
        schedule.GetProperty("item").GetString().ShouldBe("property_service");
        schedule.GetProperty("unitType").GetString().ShouldBe("office");
        schedule.GetProperty("basis").GetString().ShouldBe("per_square_metre_per_month");

        var fetched = await client.GetFromJsonAsync<JsonElement>($"/fee-schedules/{id}", Cancel);
        var rate = fetched.GetProperty("rates").EnumerateArray().ShouldHaveSingleItem();
        rate.GetProperty("rate").GetDecimal().ShouldBe(3.5m);
        rate.GetProperty("effectiveFrom").GetString().ShouldBe("2026-01-01");
        rate.GetProperty("setBy").GetProperty("personId").GetGuid().ShouldBe(cashierId);
        rate.GetProperty("setBy").GetProperty("name").GetString().ShouldBe("财务王芳");
        rate.GetProperty("setAt").GetDateTimeOffset()
            .ShouldBe(schedule.GetProperty("rates")[0].GetProperty("setAt").GetDateTimeOffset());

        await Eventually.ReturnsAsync(
            () => app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE sent_at IS NOT NULL AND message_type LIKE '%.FeeRateSet,%'"),
            count => count == 1, BillingApp.Patience);
    }

    [Fact]
    public async Task FeeRateSet_reaches_the_bus_with_the_rate_and_its_date()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        await app.WaitForUnitAsync(unit.UnitId);
        var announced = new TaskCompletionSource<FeeRateSet>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listener = app.Services.GetRequiredService<IBus>().ConnectReceiveEndpoint($"test-listener-{Guid.NewGuid():N}",
            endpoint => endpoint.Handler<FeeRateSet>(context =>
            {
                announced.TrySetResult(context.Message);
                return Task.CompletedTask;
            }));
        await listener.Ready.WaitAsync(BillingApp.Patience, Cancel);

        await app.ClientAs(Roles.Finance, unit.PropertyId).PostJsonAsync("/fee-schedules", Rate(unit.PropertyId, 0.5283m, "2026-07-01", item: "electricity", unitType: null));

        var set = await announced.Task.WaitAsync(BillingApp.Patience, Cancel);
        set.PropertyId.ShouldBe(unit.PropertyId);
        set.Item.ShouldBe(FeeItem.Electricity);
        set.UnitType.ShouldBeNull();
        set.Rate.ShouldBe(0.5283m);
        set.EffectiveFrom.ShouldBe(new DateOnly(2026, 7, 1));
        await listener.StopAsync(Cancel);
    }

    [Fact]
    public async Task A_later_rate_supersedes_the_earlier_from_its_date_and_the_history_is_kept()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        var client = app.ClientAs(Roles.Finance, unit.PropertyId);
        await app.WaitForUnitAsync(unit.UnitId);
        var first = await ScheduleIdOf(client, Rate(unit.PropertyId, 3.5m, "2026-01-01"));
        var second = await ScheduleIdOf(client, Rate(unit.PropertyId, 4.2m, "2026-07-01"));

        second.ShouldBe(first);
        (await RatesOn(client, unit.PropertyId, "2025-12-31")).ShouldBeEmpty();
        (await RatesOn(client, unit.PropertyId, "2026-01-01")).ShouldHaveSingleItem().GetProperty("rate").GetDecimal().ShouldBe(3.5m);
        (await RatesOn(client, unit.PropertyId, "2026-06-30")).ShouldHaveSingleItem().GetProperty("rate").GetDecimal().ShouldBe(3.5m);
        var july = (await RatesOn(client, unit.PropertyId, "2026-07-01")).ShouldHaveSingleItem();
        july.GetProperty("rate").GetDecimal().ShouldBe(4.2m);
        july.GetProperty("effectiveFrom").GetString().ShouldBe("2026-07-01");

        var history = (await client.GetFromJsonAsync<JsonElement>($"/fee-schedules/{first}", Cancel)).GetProperty("rates");
        history.EnumerateArray().Select(r => r.GetProperty("effectiveFrom").GetString()).ShouldBe(["2026-07-01", "2026-01-01"]);
    }

    [Fact]
    public async Task A_second_rate_for_the_same_date_is_refused_with_409_and_changes_nothing()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        var client = app.ClientAs(Roles.Finance, unit.PropertyId);
        await app.WaitForUnitAsync(unit.UnitId);
        var id = await ScheduleIdOf(client, Rate(unit.PropertyId, 3.5m, "2026-01-01"));

        var problem = await (await client.PostJsonAsync("/fee-schedules", Rate(unit.PropertyId, 3.8m, "2026-01-01")))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);

        problem.GetProperty("detail").GetString()!.ShouldContain("2026-01-01");
        var rates = (await client.GetFromJsonAsync<JsonElement>($"/fee-schedules/{id}", Cancel)).GetProperty("rates");
        rates.EnumerateArray().ShouldHaveSingleItem().GetProperty("rate").GetDecimal().ShouldBe(3.5m);
        (await app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages")).ShouldBe(1);
    }

    [Fact]
    public async Task Each_item_and_unit_type_has_its_own_schedule_and_today_is_the_default_date()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        var client = app.ClientAs(Roles.Finance, unit.PropertyId);
        await app.WaitForUnitAsync(unit.UnitId);
        await ScheduleIdOf(client, Rate(unit.PropertyId, 3.5m, "2020-01-01"));
        await ScheduleIdOf(client, Rate(unit.PropertyId, 8m, "2020-01-01", unitType: "shop"));
        await ScheduleIdOf(client, Rate(unit.PropertyId, 300m, "2020-01-01", item: "parking", unitType: null));
        await ScheduleIdOf(client, Rate(unit.PropertyId, 5.2m, "2020-01-01", item: "water", unitType: null));
        await ScheduleIdOf(client, Rate(unit.PropertyId, 9.9m, "2099-01-01", item: "water", unitType: null));

        var today = await client.GetFromJsonAsync<JsonElement>($"/fee-schedules?propertyId={unit.PropertyId}", Cancel);

        today.GetProperty("asOf").GetString().ShouldBe(
            TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM-dd"));
        var rates = today.GetProperty("rates").EnumerateArray()
            .Select(r => $"{r.GetProperty("item").GetString()}/{r.GetProperty("unitType")}/{r.GetProperty("basis").GetString()}/{r.GetProperty("rate").GetDecimal():0.####}")
            .ToList();
        rates.ShouldBe([
            "property_service/office/per_square_metre_per_month/3.5",
            "property_service/shop/per_square_metre_per_month/8",
            "parking//per_space_per_month/300",
            "water//per_cubic_metre/5.2",
        ]);
        (await RatesOn(client, Guid.NewGuid(), "2026-01-01")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Rates_are_only_listed_for_a_named_property()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);

        await (await app.ClientAs(Roles.Finance, Guid.NewGuid()).GetAsync("/fee-schedules", Cancel)).ShouldHaveFieldErrorAsync("propertyId");
    }

    [Theory]
    [InlineData("rate", "0.52835")] // five decimals
    [InlineData("rate", "-1")]
    [InlineData("rate", null)]
    [InlineData("effectiveFrom", null)]
    [InlineData("item", null)]
    [InlineData("unitType", null)] // the property-service fee needs one
    [InlineData("unitType", "parking_space")] // parking spaces pay the parking fee
    public async Task Invalid_rates_are_400_field_errors_and_nothing_is_stored(string field, string? value)
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        await app.WaitForUnitAsync(unit.UnitId);
        var body = JsonNode.Parse(Rate(unit.PropertyId, 3.5m, "2026-01-01"))!.AsObject();
        body[field] = value switch
        {
            null => null,
            _ when field == "rate" => JsonValue.Create(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)),
            _ => JsonValue.Create(value),
        };

        await (await app.ClientAs(Roles.Finance, unit.PropertyId).PostJsonAsync("/fee-schedules", body.ToJsonString())).ShouldHaveFieldErrorAsync(field);

        await ShouldHaveStoredNothingAsync(app);
    }

    [Fact]
    public async Task A_unit_type_on_a_metered_item_is_a_field_error_and_nothing_is_stored()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        await app.WaitForUnitAsync(unit.UnitId);

        await (await app.ClientAs(Roles.Finance, unit.PropertyId).PostJsonAsync("/fee-schedules", Rate(unit.PropertyId, 5.2m, "2026-01-01", item: "water")))
            .ShouldHaveFieldErrorAsync("unitType");

        await ShouldHaveStoredNothingAsync(app);
    }

    [Fact]
    public async Task A_rate_for_a_property_without_units_is_a_field_error_and_nothing_is_stored()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var propertyId = Guid.NewGuid();

        await (await app.ClientAs(Roles.Finance, propertyId).PostJsonAsync("/fee-schedules", Rate(propertyId, 3.5m, "2026-01-01")))
            .ShouldHaveFieldErrorAsync("propertyId");

        await ShouldHaveStoredNothingAsync(app);
    }

    [Theory]
    [InlineData("{\"propertyId\": ")]
    [InlineData("{\"propertyId\": \"00000000-0000-0000-0000-000000000001\", \"item\": \"gas\", \"rate\": 1, \"effectiveFrom\": \"2026-01-01\"}")]
    [InlineData("{\"propertyId\": \"00000000-0000-0000-0000-000000000001\", \"item\": \"water\", \"rate\": \"1.5\", \"effectiveFrom\": \"2026-01-01\"}")]
    [InlineData("{\"propertyId\": \"00000000-0000-0000-0000-000000000001\", \"item\": \"water\", \"rate\": 1.5, \"effectiveFrom\": \"2026-13-01\"}")]
    [InlineData("")]
    public async Task Malformed_requests_are_400_problems_and_nothing_is_stored(string body)
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);

        await (await app.ClientAs(Roles.Finance, Guid.Parse("00000000-0000-0000-0000-000000000001")).PostJsonAsync("/fee-schedules", body))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        await ShouldHaveStoredNothingAsync(app);
    }

    [Fact]
    public async Task An_unknown_fee_schedule_is_a_404_problem()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);

        await (await app.ClientAs(Roles.Finance, Guid.NewGuid()).GetAsync($"/fee-schedules/{Guid.NewGuid()}", Cancel))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_service_describes_itself_and_reports_its_health()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        // The description and the health checks are open: no sign-in needed.
        var client = app.CreateClient();

        var openApi = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Cancel);
        openApi.GetProperty("paths").TryGetProperty("/fee-schedules", out _).ShouldBeTrue();
        openApi.GetProperty("paths").TryGetProperty("/units/{unitId}/monthly-service-charge", out _).ShouldBeTrue();
        (await client.GetAsync("/health", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/alive", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<Guid> ScheduleIdOf(HttpClient client, string rate)
    {
        var response = await client.PostJsonAsync("/fee-schedules", rate);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    private static async Task<List<JsonElement>> RatesOn(HttpClient client, Guid propertyId, string day) =>
        (await client.GetFromJsonAsync<JsonElement>($"/fee-schedules?propertyId={propertyId}&asOf={day}", Cancel))
            .GetProperty("rates").EnumerateArray().ToList();

    private static async Task ShouldHaveStoredNothingAsync(BillingApp app)
    {
        (await app.ScalarAsync<long>("SELECT count(*) FROM fee_schedules")).ShouldBe(0);
        (await app.ScalarAsync<long>("SELECT count(*) FROM fee_rates")).ShouldBe(0);
        (await app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages")).ShouldBe(0);
    }

    internal static string Rate(Guid propertyId, decimal rate, string effectiveFrom, string item = "property_service", string? unitType = "office") =>
        JsonSerializer.Serialize(new { propertyId, item, unitType, rate, effectiveFrom });
}
