using System.Net;
using System.Text.Json;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.WorkOrders.Tests;

/// <summary>
/// Two properties: A with units 1201 (the occupant's) and 1202 (a neighbour's), B with 0301, one order on each.
/// One service for the class: every test only adds orders, so they do not disturb each other.
/// </summary>
public sealed class TwoPropertiesWithOrders(TestInfrastructure infrastructure) : IAsyncLifetime
{
    public WorkOrdersApp App { get; private set; } = null!;

    public Guid PropertyA { get; } = Guid.NewGuid();

    public Guid PropertyB { get; } = Guid.NewGuid();

    public Guid OccupantA1 { get; } = Guid.NewGuid();

    public Guid UnitA1 { get; private set; }

    public Guid UnitA2 { get; private set; }

    public Guid UnitB1 { get; private set; }

    public Guid OrderA1 { get; private set; }

    public Guid OrderA2 { get; private set; }

    public Guid OrderB1 { get; private set; }

    /// <summary>A patrol route of property A (checklist version 1, one item) and a record of it.</summary>
    public Guid RouteA { get; private set; }

    public Guid RecordA { get; private set; }

    public async ValueTask InitializeAsync()
    {
        App = await WorkOrdersApp.StartAsync(infrastructure);
        UnitA1 = (await App.RegisterUnitAsync("1201", PropertyA)).UnitId;
        UnitA2 = (await App.RegisterUnitAsync("1202", PropertyA)).UnitId;
        UnitB1 = (await App.RegisterUnitAsync("0301", PropertyB)).UnitId;
        foreach (var unit in new[] { UnitA1, UnitA2, UnitB1 })
        {
            await App.WaitForUnitAsync(unit);
        }

        OrderA1 = await SubmitAsync(App.ClientAs(Roles.FrontDesk, PropertyA), UnitA1);
        OrderA2 = await SubmitAsync(App.ClientAs(Roles.FrontDesk, PropertyA), UnitA2);
        OrderB1 = await SubmitAsync(App.ClientAs(Roles.FrontDesk, PropertyB), UnitB1);

        var route = await App.ClientAs(Roles.Supervisor, PropertyA).PostJsonAsync("/patrol-routes", PatrolRoute(PropertyA));
        route.StatusCode.ShouldBe(HttpStatusCode.Created, await route.Content.ReadAsStringAsync(Cancel));
        RouteA = (await route.ReadJsonAsync()).GetProperty("id").GetGuid();
        var record = await App.ClientAs(Roles.Security, PropertyA).PostJsonAsync($"/patrol-routes/{RouteA}/records", PatrolRecord());
        record.StatusCode.ShouldBe(HttpStatusCode.Created, await record.Content.ReadAsStringAsync(Cancel));
        RecordA = (await record.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>A route with a fresh name (names are unique per property) and the checklist of <see cref="RouteA"/>.</summary>
    public static string PatrolRoute(Guid? propertyId, string? name = null) =>
        JsonSerializer.Serialize(new { propertyId, name = name ?? $"巡查 {Guid.NewGuid():N}", area = "A座大堂", checklist = new[] { "门窗关闭" } });

    /// <summary>A record of <see cref="RouteA"/> with every item passed: it raises no order.</summary>
    public string PatrolRecord() =>
        JsonSerializer.Serialize(new { patrolledAt = App.Time.GetUtcNow(), checklistVersion = 1, items = new[] { new { item = 1, passed = true } } });

    /// <summary>A client for <paramref name="role"/> at property A; the occupant is the one of unit 1201.</summary>
    public HttpClient ClientAt(string role) =>
        role == Roles.Occupant ? App.ClientAsOccupant(OccupantA1, PropertyA, UnitA1) : App.ClientAs(role, PropertyA);

    public static string Order(Guid unitId) => JsonSerializer.Serialize(new
    {
        unitId,
        category = "plumbing",
        priority = "normal",
        channel = "phone",
        description = "厨房水龙头滴水",
    });

    public static async Task<Guid> SubmitAsync(HttpClient client, Guid unitId)
    {
        var response = await client.PostJsonAsync("/work-orders", Order(unitId));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

/// <summary>Who may take and read work orders, and that nobody sees beyond their properties or units.</summary>
public sealed class WorkOrderAccessTests(TwoPropertiesWithOrders world) : IClassFixture<TwoPropertiesWithOrders>
{
    /// <summary>The README's matrix: the roles each endpoint admits; every other role gets 403.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["submit"] = [Roles.Occupant, Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Admin],
        ["list"] = [Roles.Occupant, Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Engineer, Roles.Admin],
        ["get"] = [Roles.Occupant, Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Engineer, Roles.Admin],
        ["create patrol route"] = [Roles.Supervisor, Roles.Manager, Roles.Admin],
        ["change patrol route"] = [Roles.Supervisor, Roles.Manager, Roles.Admin],
        ["list patrol routes"] = [Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Engineer, Roles.Security, Roles.Admin],
        ["get patrol route"] = [Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Engineer, Roles.Security, Roles.Admin],
        ["record patrol"] = [Roles.Engineer, Roles.Security],
        ["list patrol records"] = [Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Engineer, Roles.Security, Roles.Admin],
        ["get patrol record"] = [Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Engineer, Roles.Security, Roles.Admin],
    };

    public static TheoryData<string, string> EveryRoleAtEveryEndpoint() => AccessMatrix.EveryRoleAt(Allowed.Keys);

    [Theory]
    [MemberData(nameof(EveryRoleAtEveryEndpoint))]
    public async Task Each_role_may_call_exactly_the_endpoints_of_its_work(string endpoint, string role)
    {
        var response = await CallAsync(world.ClientAt(role), endpoint);

        if (Allowed[endpoint].Contains(role))
        {
            response.IsSuccessStatusCode.ShouldBeTrue($"{role} {endpoint}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
        }
        else
        {
            await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        }
    }

    [Theory]
    [InlineData("submit")]
    [InlineData("list")]
    [InlineData("get")]
    [InlineData("create patrol route")]
    [InlineData("change patrol route")]
    [InlineData("list patrol routes")]
    [InlineData("get patrol route")]
    [InlineData("record patrol")]
    [InlineData("list patrol records")]
    [InlineData("get patrol record")]
    public async Task Without_a_token_every_endpoint_answers_401_and_nothing_is_taken(string endpoint)
    {
        const string Count = "SELECT (SELECT count(*) FROM work_orders) + (SELECT count(*) FROM patrol_routes) + (SELECT count(*) FROM patrol_records)";
        var before = await world.App.ScalarAsync<long>(Count);

        var response = await CallAsync(world.App.CreateClient(), endpoint);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ShouldNotBeEmpty();
        (await world.App.ScalarAsync<long>(Count)).ShouldBe(before);
    }

    [Fact]
    public async Task Another_propertys_order_is_not_found_just_like_an_unknown_one()
    {
        var frontDesk = world.ClientAt(Roles.FrontDesk);

        var otherProperty = await frontDesk.GetAsync($"/work-orders/{world.OrderB1}", Cancel);
        var unknown = await frontDesk.GetAsync($"/work-orders/{Guid.NewGuid()}", Cancel);

        (await otherProperty.ShouldBeProblemAsync(HttpStatusCode.NotFound)).GetProperty("title").GetString()
            .ShouldBe((await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_occupant_sees_their_own_units_order_but_not_a_neighbours()
    {
        var occupant = world.ClientAt(Roles.Occupant);

        (await occupant.GetAsync($"/work-orders/{world.OrderA1}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await occupant.GetAsync($"/work-orders/{world.OrderA2}", Cancel)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await occupant.GetAsync($"/work-orders/{world.OrderB1}", Cancel)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Lists_hold_only_the_callers_properties_or_units_whatever_the_filter_asks()
    {
        var frontDeskA = await ListedAsync(world.ClientAt(Roles.FrontDesk), "/work-orders?pageSize=200");
        frontDeskA.ShouldContain(world.OrderA1);
        frontDeskA.ShouldContain(world.OrderA2);
        frontDeskA.ShouldNotContain(world.OrderB1);
        (await ListedAsync(world.ClientAt(Roles.FrontDesk), $"/work-orders?propertyId={world.PropertyB}")).ShouldBeEmpty();

        var occupant = await ListedAsync(world.ClientAt(Roles.Occupant), "/work-orders?pageSize=200");
        occupant.ShouldContain(world.OrderA1);
        occupant.ShouldNotContain(world.OrderA2);
        occupant.ShouldNotContain(world.OrderB1);
        (await ListedAsync(world.ClientAt(Roles.Occupant), $"/work-orders?unitId={world.UnitA2}")).ShouldBeEmpty();

        var engineerB = await ListedAsync(world.App.ClientAs(Roles.Engineer, world.PropertyB), "/work-orders?pageSize=200");
        engineerB.ShouldBe([world.OrderB1]);

        var admin = await ListedAsync(world.App.ClientAsAdmin(), "/work-orders?pageSize=200");
        admin.ShouldContain(world.OrderA1);
        admin.ShouldContain(world.OrderB1);
    }

    [Fact]
    public async Task A_unit_outside_the_callers_scope_is_refused_as_if_it_did_not_exist()
    {
        var unknown = await world.ClientAt(Roles.FrontDesk).PostJsonAsync("/work-orders", TwoPropertiesWithOrders.Order(Guid.NewGuid()));
        var otherProperty = await world.ClientAt(Roles.FrontDesk).PostJsonAsync("/work-orders", TwoPropertiesWithOrders.Order(world.UnitB1));
        var neighbours = await world.ClientAt(Roles.Occupant).PostJsonAsync("/work-orders", TwoPropertiesWithOrders.Order(world.UnitA2));

        var expected = (await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("unitId").ToString();
        foreach (var refused in new[] { otherProperty, neighbours })
        {
            (await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("unitId").ToString().ShouldBe(expected);
        }
        (await ListedAsync(world.App.ClientAsAdmin(), $"/work-orders?unitId={world.UnitB1}")).ShouldBe([world.OrderB1]);
        (await ListedAsync(world.App.ClientAsAdmin(), $"/work-orders?unitId={world.UnitA2}")).ShouldBe([world.OrderA2]);
    }

    [Fact]
    public async Task An_occupant_reports_a_repair_for_their_own_unit_and_finds_it_in_their_list()
    {
        var occupant = world.ClientAt(Roles.Occupant);

        var id = await TwoPropertiesWithOrders.SubmitAsync(occupant, world.UnitA1);

        // The request says "phone", but it came from the occupant's own app, and that is what the order records.
        (await occupant.GetFromJsonAsync<JsonElement>($"/work-orders/{id}", Cancel)).GetProperty("channel").GetString().ShouldBe("occupant_app");
        (await ListedAsync(occupant, "/work-orders?pageSize=200")).ShouldContain(id);
        (await ListedAsync(world.ClientAt(Roles.FrontDesk), "/work-orders?pageSize=200")).ShouldContain(id);
    }

    private Task<HttpResponseMessage> CallAsync(HttpClient client, string endpoint) => endpoint switch
    {
        "submit" => client.PostJsonAsync("/work-orders", TwoPropertiesWithOrders.Order(world.UnitA1)),
        "list" => client.GetAsync("/work-orders", Cancel),
        "get" => client.GetAsync($"/work-orders/{world.OrderA1}", Cancel),
        "create patrol route" => client.PostJsonAsync("/patrol-routes", TwoPropertiesWithOrders.PatrolRoute(world.PropertyA)),
        // The same checklist: the route stays at version 1, so records of it keep being accepted.
        "change patrol route" => client.PutAsync($"/patrol-routes/{world.RouteA}",
            new StringContent(TwoPropertiesWithOrders.PatrolRoute(null, "A座大堂巡查"), System.Text.Encoding.UTF8, "application/json"), Cancel),
        "list patrol routes" => client.GetAsync("/patrol-routes", Cancel),
        "get patrol route" => client.GetAsync($"/patrol-routes/{world.RouteA}", Cancel),
        "record patrol" => client.PostJsonAsync($"/patrol-routes/{world.RouteA}/records", world.PatrolRecord()),
        "list patrol records" => client.GetAsync("/patrol-records", Cancel),
        "get patrol record" => client.GetAsync($"/patrol-records/{world.RecordA}", Cancel),
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint)),
    };

    private static async Task<List<Guid>> ListedAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()).ToList();
    }
}
