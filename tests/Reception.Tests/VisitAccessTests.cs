using System.Net;
using System.Text.Json;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Reception.Tests;

/// <summary>
/// Two properties: A with units 1201 (the occupant's) and 1202 (a neighbour's), B with 0301, one visit expected at
/// each, now. One service for the class: tests that change a visit register one of their own.
/// </summary>
public sealed class TwoPropertiesWithVisits(TestInfrastructure infrastructure) : IAsyncLifetime
{
    public ReceptionApp App { get; private set; } = null!;

    public Guid PropertyA { get; } = Guid.NewGuid();

    public Guid PropertyB { get; } = Guid.NewGuid();

    public Guid OccupantA1 { get; } = Guid.NewGuid();

    public Guid UnitA1 { get; private set; }

    public Guid UnitA2 { get; private set; }

    public Guid UnitB1 { get; private set; }

    public JsonElement VisitA1 { get; private set; }

    public JsonElement VisitA2 { get; private set; }

    public JsonElement VisitB1 { get; private set; }

    public async ValueTask InitializeAsync()
    {
        App = await ReceptionTestApp.StartAsync(infrastructure);
        UnitA1 = (await App.RegisterUnitAsync("1201", PropertyA)).UnitId;
        UnitA2 = (await App.RegisterUnitAsync("1202", PropertyA)).UnitId;
        UnitB1 = (await App.RegisterUnitAsync("0301", PropertyB)).UnitId;
        foreach (var unit in new[] { UnitA1, UnitA2, UnitB1 })
        {
            await App.WaitForUnitAsync(unit);
        }

        VisitA1 = await RegisterAsync(App.ClientAs(Roles.FrontDesk, PropertyA), UnitA1);
        VisitA2 = await RegisterAsync(App.ClientAs(Roles.FrontDesk, PropertyA), UnitA2);
        VisitB1 = await RegisterAsync(App.ClientAs(Roles.FrontDesk, PropertyB), UnitB1);
    }

    /// <summary>A client for <paramref name="role"/> at property A; the occupant is the one of unit 1201.</summary>
    public HttpClient ClientAt(string role) =>
        role == Roles.Occupant ? App.ClientAsOccupant(OccupantA1, PropertyA, UnitA1) : App.ClientAs(role, PropertyA);

    public static string Visit(Guid unitId) => JsonSerializer.Serialize(new
    {
        unitId,
        visitorName = "赵六",
        visitorPhone = "13700137000",
        idType = "passport",
        idNumber = "E12345678",
        purpose = "送货",
        partySize = 1,
        expectedFrom = DateTimeOffset.UtcNow,
        expectedUntil = DateTimeOffset.UtcNow.AddHours(4),
    });

    public static async Task<JsonElement> RegisterAsync(HttpClient client, Guid unitId)
    {
        var response = await client.PostJsonAsync("/visits", Visit(unitId));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return await response.ReadJsonAsync();
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

/// <summary>Who may register, admit and see visitors, and that nobody sees beyond their properties or units.</summary>
public sealed class VisitAccessTests(TwoPropertiesWithVisits world) : IClassFixture<TwoPropertiesWithVisits>
{
    /// <summary>The README's matrix: the roles each endpoint admits; every other role gets 403.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["list"] = [Roles.Occupant, Roles.FrontDesk, Roles.Security, Roles.Supervisor, Roles.Manager, Roles.Admin],
        ["get"] = [Roles.Occupant, Roles.FrontDesk, Roles.Security, Roles.Supervisor, Roles.Manager, Roles.Admin],
        ["by-pass-code"] = [Roles.FrontDesk, Roles.Security, Roles.Supervisor, Roles.Manager, Roles.Admin],
        ["register"] = [Roles.Occupant, Roles.FrontDesk, Roles.Security, Roles.Supervisor, Roles.Manager, Roles.Admin],
        ["check-in"] = [Roles.FrontDesk, Roles.Security, Roles.Supervisor, Roles.Manager, Roles.Admin],
        ["check-out"] = [Roles.FrontDesk, Roles.Security, Roles.Supervisor, Roles.Manager, Roles.Admin],
        ["cancel"] = [Roles.Occupant, Roles.FrontDesk, Roles.Security, Roles.Supervisor, Roles.Manager, Roles.Admin],
    };

    public static TheoryData<string, string> EveryRoleAtEveryEndpoint() => AccessMatrix.EveryRoleAt(Allowed.Keys);

    [Theory]
    [MemberData(nameof(EveryRoleAtEveryEndpoint))]
    public async Task Each_role_may_call_exactly_the_endpoints_of_its_work(string endpoint, string role)
    {
        var visit = await VisitReadyForAsync(endpoint);

        var response = await CallAsync(world.ClientAt(role), endpoint, visit);

        if (Allowed[endpoint].Contains(role))
        {
            response.IsSuccessStatusCode.ShouldBeTrue($"{role} {endpoint}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
        }
        else
        {
            await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            (await StatusAsync(visit)).ShouldBe(visit.GetProperty("status").GetString(), "a refused call changes nothing");
        }
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Without_a_token_every_endpoint_answers_401_and_nothing_changes(string endpoint)
    {
        var visit = await VisitReadyForAsync(endpoint);
        var before = await world.App.ScalarAsync<long>("SELECT count(*) FROM visits");

        var response = await CallAsync(world.App.CreateClient(), endpoint, visit);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await StatusAsync(visit)).ShouldBe(visit.GetProperty("status").GetString());
        (await world.App.ScalarAsync<long>("SELECT count(*) FROM visits")).ShouldBe(before);
    }

    public static TheoryData<string> Endpoints() => [.. Allowed.Keys];

    [Fact]
    public async Task Another_propertys_visit_is_not_found_just_like_an_unknown_one_and_stays_as_it_was()
    {
        var frontDesk = world.ClientAt(Roles.FrontDesk);
        var unknown = await (await frontDesk.GetAsync($"/visits/{Guid.NewGuid()}", Cancel)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        foreach (var endpoint in new[] { "get", "check-in", "check-out", "cancel" })
        {
            var problem = await (await CallAsync(frontDesk, endpoint, world.VisitB1)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            problem.GetProperty("title").GetString().ShouldBe(unknown.GetProperty("title").GetString(), endpoint);
        }
        (await StatusAsync(world.VisitB1)).ShouldBe("expected");

        // At the gate, B's pass code at A's desk is as unknown as a code nobody holds.
        var code = world.VisitB1.GetProperty("passCode").GetString();
        var unknownCode = await (await frontDesk.GetAsync($"/visits/by-pass-code/{NotIssued(code!)}?propertyId={world.PropertyB}", Cancel))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await frontDesk.GetAsync($"/visits/by-pass-code/{code}?propertyId={world.PropertyB}", Cancel))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound)).GetProperty("title").GetString().ShouldBe(unknownCode.GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_occupant_sees_and_cancels_their_own_units_visits_but_not_a_neighbours()
    {
        var occupant = world.ClientAt(Roles.Occupant);

        (await occupant.GetAsync($"/visits/{Id(world.VisitA1)}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await CallAsync(occupant, "get", world.VisitA2)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await CallAsync(occupant, "cancel", world.VisitA2)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await CallAsync(occupant, "get", world.VisitB1)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await StatusAsync(world.VisitA2)).ShouldBe("expected");
    }

    [Fact]
    public async Task An_occupant_invites_a_visitor_to_their_own_unit_the_gate_finds_the_code_and_the_host_can_call_it_off()
    {
        var occupant = world.ClientAt(Roles.Occupant);

        var invited = await TwoPropertiesWithVisits.RegisterAsync(occupant, world.UnitA1);

        (await Listed(occupant, "/visits?pageSize=200")).ShouldContain(Id(invited));
        var atGate = await world.App.ClientAs(Roles.Security, world.PropertyA)
            .GetFromJsonAsync<JsonElement>($"/visits/by-pass-code/{invited.GetProperty("passCode").GetString()}?propertyId={world.PropertyA}", Cancel);
        Id(atGate).ShouldBe(Id(invited));
        (await CallAsync(occupant, "cancel", invited)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await StatusAsync(invited)).ShouldBe("cancelled");
    }

    [Fact]
    public async Task Lists_hold_only_the_callers_properties_or_units_whatever_the_filter_asks()
    {
        var frontDeskA = await Listed(world.ClientAt(Roles.FrontDesk), "/visits?pageSize=200");
        frontDeskA.ShouldContain(Id(world.VisitA1));
        frontDeskA.ShouldContain(Id(world.VisitA2));
        frontDeskA.ShouldNotContain(Id(world.VisitB1));
        (await Listed(world.ClientAt(Roles.FrontDesk), $"/visits?propertyId={world.PropertyB}")).ShouldBeEmpty();

        var occupant = await Listed(world.ClientAt(Roles.Occupant), "/visits?pageSize=200");
        occupant.ShouldContain(Id(world.VisitA1));
        occupant.ShouldNotContain(Id(world.VisitA2));
        occupant.ShouldNotContain(Id(world.VisitB1));
        (await Listed(world.ClientAt(Roles.Occupant), $"/visits?unitId={world.UnitA2}")).ShouldBeEmpty();

        (await Listed(world.App.ClientAs(Roles.Security, world.PropertyB), "/visits?pageSize=200")).ShouldBe([Id(world.VisitB1)]);
        var admin = await Listed(world.App.ClientAsAdmin(), "/visits?pageSize=200");
        admin.ShouldContain(Id(world.VisitA1));
        admin.ShouldContain(Id(world.VisitB1));
    }

    [Fact]
    public async Task A_unit_outside_the_callers_scope_is_refused_as_if_it_did_not_exist()
    {
        var unknown = await world.ClientAt(Roles.FrontDesk).PostJsonAsync("/visits", TwoPropertiesWithVisits.Visit(Guid.NewGuid()));
        var otherProperty = await world.ClientAt(Roles.Security).PostJsonAsync("/visits", TwoPropertiesWithVisits.Visit(world.UnitB1));
        var neighbours = await world.ClientAt(Roles.Occupant).PostJsonAsync("/visits", TwoPropertiesWithVisits.Visit(world.UnitA2));

        var expected = (await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("unitId").ToString();
        foreach (var refused in new[] { otherProperty, neighbours })
        {
            (await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("unitId").ToString().ShouldBe(expected);
        }
        (await Listed(world.App.ClientAsAdmin(), $"/visits?unitId={world.UnitB1}")).ShouldBe([Id(world.VisitB1)]);
        (await Listed(world.App.ClientAsAdmin(), $"/visits?unitId={world.UnitA2}")).ShouldBe([Id(world.VisitA2)]);
    }

    /// <summary>
    /// The visit an allowed call would succeed on: a fresh expected one at the occupant's unit for check-in and cancel,
    /// a fresh checked-in one for check-out, the shared one for reads.
    /// </summary>
    private async Task<JsonElement> VisitReadyForAsync(string endpoint)
    {
        if (endpoint is not ("check-in" or "check-out" or "cancel"))
        {
            return world.VisitA1;
        }

        var desk = world.App.ClientAs(Roles.FrontDesk, world.PropertyA);
        var visit = await TwoPropertiesWithVisits.RegisterAsync(desk, world.UnitA1);
        if (endpoint == "check-out")
        {
            var checkedIn = await desk.PostAsync($"/visits/{Id(visit)}/check-in", null, Cancel);
            checkedIn.StatusCode.ShouldBe(HttpStatusCode.OK);
            return await checkedIn.ReadJsonAsync();
        }
        return visit;
    }

    private Task<HttpResponseMessage> CallAsync(HttpClient client, string endpoint, JsonElement visit) => endpoint switch
    {
        "list" => client.GetAsync("/visits", Cancel),
        "get" => client.GetAsync($"/visits/{Id(visit)}", Cancel),
        "by-pass-code" => client.GetAsync($"/visits/by-pass-code/{visit.GetProperty("passCode").GetString()}?propertyId={visit.GetProperty("propertyId").GetGuid()}", Cancel),
        "register" => client.PostJsonAsync("/visits", TwoPropertiesWithVisits.Visit(world.UnitA1)),
        "check-in" => client.PostAsync($"/visits/{Id(visit)}/check-in", null, Cancel),
        "check-out" => client.PostAsync($"/visits/{Id(visit)}/check-out", null, Cancel),
        "cancel" => client.PostJsonAsync($"/visits/{Id(visit)}/cancel", """{"reason": "住户改期"}"""),
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint)),
    };

    private async Task<string?> StatusAsync(JsonElement visit) =>
        (await world.App.ClientAsAdmin().GetFromJsonAsync<JsonElement>($"/visits/{Id(visit)}", Cancel)).GetProperty("status").GetString();

    private static Guid Id(JsonElement visit) => visit.GetProperty("id").GetGuid();

    /// <summary>A well-formed code other than <paramref name="code"/>.</summary>
    private static string NotIssued(string code) => code == "00000000" ? "00000001" : "00000000";

    private static async Task<List<Guid>> Listed(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(Id).ToList();
    }
}
