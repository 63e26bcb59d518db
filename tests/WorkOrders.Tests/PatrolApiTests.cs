using System.Net;
using System.Text.Json;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.WorkOrders.Tests;

/// <summary>Property A with units 1201 and 1202, property B with 0301; each test makes its own routes.</summary>
public sealed class PatrolScene(TestInfrastructure infrastructure) : IAsyncLifetime
{
    public WorkOrdersApp App { get; private set; } = null!;

    public Guid PropertyA { get; } = Guid.NewGuid();

    public Guid PropertyB { get; } = Guid.NewGuid();

    public Guid UnitA1201 { get; private set; }

    public Guid UnitB0301 { get; private set; }

    public async ValueTask InitializeAsync()
    {
        App = await WorkOrdersApp.StartAsync(infrastructure);
        UnitA1201 = (await App.RegisterUnitAsync("1201", PropertyA)).UnitId;
        UnitB0301 = (await App.RegisterUnitAsync("0301", PropertyB)).UnitId;
        await App.WaitForUnitAsync(UnitA1201);
        await App.WaitForUnitAsync(UnitB0301);
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();

    public static string Route(string name, params string[] checklist) => JsonSerializer.Serialize(new { name, area = "A座 1-12层", checklist });

    public static string Route(Guid propertyId, string name, params string[] checklist) =>
        JsonSerializer.Serialize(new { propertyId, name, area = "A座 1-12层", checklist });

    /// <summary>Creates a route at property A as its supervisor and returns it.</summary>
    public async Task<JsonElement> CreateRouteAsync(params string[] checklist)
    {
        var response = await App.ClientAs(Roles.Supervisor, PropertyA)
            .PostJsonAsync("/patrol-routes", Route(PropertyA, $"巡查路线 {Guid.NewGuid():N}", checklist.Length > 0 ? checklist : ["消防通道畅通", "公共照明正常", "门窗关闭"]));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return await response.ReadJsonAsync();
    }

    public string Record(int version, params object[] items) =>
        JsonSerializer.Serialize(new { patrolledAt = App.Time.GetUtcNow().AddMinutes(-10), checklistVersion = version, items });

    public static object Pass(int item) => new { item, passed = true };

    public object FailAtUnit(int item, string note) =>
        new { item, passed = false, note, unitId = UnitA1201, location = "1201门口", category = "electrical", priority = "high" };
}

/// <summary>Patrols over HTTP: routes, records, and the orders a failed item raises, on real PostgreSQL and RabbitMQ.</summary>
public sealed class PatrolApiTests(PatrolScene scene) : IClassFixture<PatrolScene>
{
    private WorkOrdersApp App => scene.App;

    [Fact]
    public async Task A_supervisor_sets_up_a_route_that_patrollers_read_and_a_changed_checklist_is_its_next_version()
    {
        var created = await scene.CreateRouteAsync("消防通道畅通", "公共照明正常");
        var id = created.GetProperty("id").GetGuid();
        created.GetProperty("checklistVersion").GetInt32().ShouldBe(1);
        created.GetProperty("active").GetBoolean().ShouldBeTrue();
        created.GetProperty("propertyId").GetGuid().ShouldBe(scene.PropertyA);

        var guard = App.ClientAs(Roles.Security, scene.PropertyA);
        var read = await guard.GetFromJsonAsync<JsonElement>($"/patrol-routes/{id}", Cancel);
        read.GetProperty("checklist").EnumerateArray().Select(i => i.GetString()).ShouldBe(["消防通道畅通", "公共照明正常"]);
        var listed = await guard.GetFromJsonAsync<JsonElement>($"/patrol-routes?propertyId={scene.PropertyA}&pageSize=200", Cancel);
        listed.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ShouldContain(id);

        var manager = App.ClientAs(Roles.Manager, scene.PropertyA);
        var renamed = await manager.PutJsonAsync($"/patrol-routes/{id}", PatrolScene.Route("A座夜巡 " + id, "消防通道畅通", "公共照明正常"));
        renamed.StatusCode.ShouldBe(HttpStatusCode.OK, await renamed.Content.ReadAsStringAsync(Cancel));
        (await renamed.ReadJsonAsync()).GetProperty("checklistVersion").GetInt32().ShouldBe(1);

        var changed = await (await manager.PutJsonAsync($"/patrol-routes/{id}", PatrolScene.Route("A座夜巡 " + id, "消防通道畅通", "公共照明正常", "电梯运行正常"))).ReadJsonAsync();
        changed.GetProperty("checklistVersion").GetInt32().ShouldBe(2);
        changed.GetProperty("checklist").GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public async Task Bad_routes_are_refused_and_a_name_is_used_once_per_property()
    {
        var supervisor = App.ClientAs(Roles.Supervisor, scene.PropertyA);
        var name = $"重复 {Guid.NewGuid():N}";

        await (await supervisor.PostJsonAsync("/patrol-routes", PatrolScene.Route(scene.PropertyA, name))).ShouldHaveFieldErrorAsync("checklist");
        await (await supervisor.PostJsonAsync("/patrol-routes", JsonSerializer.Serialize(new { propertyId = scene.PropertyA, name, area = "A座" })))
            .ShouldHaveFieldErrorAsync("checklist");
        await (await supervisor.PostJsonAsync("/patrol-routes", PatrolScene.Route(scene.PropertyA, name, "门窗关闭", " "))).ShouldHaveFieldErrorAsync("checklist[1]");
        await (await supervisor.PostJsonAsync("/patrol-routes", PatrolScene.Route(scene.PropertyB, name, "门窗关闭"))).ShouldHaveFieldErrorAsync("propertyId");
        (await supervisor.PostJsonAsync("/patrol-routes", PatrolScene.Route(scene.PropertyA, name, "门窗关闭"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await (await supervisor.PostJsonAsync("/patrol-routes", PatrolScene.Route(scene.PropertyA, name, "门窗关闭"))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_failed_item_at_a_unit_raises_exactly_one_order_linked_to_the_record()
    {
        var route = await scene.CreateRouteAsync();
        var routeId = route.GetProperty("id").GetGuid();
        var guardId = Guid.NewGuid();
        var guard = App.ClientAs(new AccessTokenContent(guardId, "秩序维护员张强", [Roles.Security], false, [scene.PropertyA], []));

        var response = await guard.PostJsonAsync($"/patrol-routes/{routeId}/records", scene.Record(1,
            PatrolScene.Pass(1),
            scene.FailAtUnit(2, "1201门口走廊灯不亮"),
            new { item = 3, passed = false, note = "大堂侧门未锁", location = "大堂侧门" }));

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        var record = await response.ReadJsonAsync();
        var recordId = record.GetProperty("id").GetGuid();
        response.Headers.Location!.ToString().ShouldBe($"/patrol-records/{recordId}");
        record.GetProperty("patroller").GetProperty("personId").GetGuid().ShouldBe(guardId);
        record.GetProperty("failedItems").GetInt32().ShouldBe(2);
        var items = record.GetProperty("items").EnumerateArray().ToList();
        items[0].GetProperty("workOrderId").ValueKind.ShouldBe(JsonValueKind.Null);
        var orderId = items[1].GetProperty("workOrderId").GetGuid();
        items[1].GetProperty("workOrderNumber").GetString()!.ShouldMatch(@"^WO-\d{8}-\d{4}$");
        items[2].GetProperty("workOrderId").ValueKind.ShouldBe(JsonValueKind.Null, "a common area has no unit, so no order");

        var order = await App.ClientAs(Roles.FrontDesk, scene.PropertyA).GetFromJsonAsync<JsonElement>($"/work-orders/{orderId}", Cancel);
        order.GetProperty("channel").GetString().ShouldBe("patrol");
        order.GetProperty("patrolRecordId").GetGuid().ShouldBe(recordId);
        order.GetProperty("unitId").GetGuid().ShouldBe(scene.UnitA1201);
        order.GetProperty("category").GetString().ShouldBe("electrical");
        order.GetProperty("priority").GetString().ShouldBe("high");
        order.GetProperty("takenById").GetGuid().ShouldBe(guardId);
        order.GetProperty("takenByName").GetString().ShouldBe("秩序维护员张强");
        order.GetProperty("number").GetString().ShouldBe(items[1].GetProperty("workOrderNumber").GetString());
        (await App.ScalarAsync<long>($"SELECT count(*) FROM work_orders WHERE patrol_record_id = '{recordId}'")).ShouldBe(1);

        var read = await guard.GetFromJsonAsync<JsonElement>($"/patrol-records/{recordId}", Cancel);
        read.GetProperty("items")[1].GetProperty("workOrderId").GetGuid().ShouldBe(orderId);
        await Eventually.ReturnsAsync(
            () => App.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE sent_at IS NOT NULL AND body->>'workOrderId' = '{orderId}' AND message_type LIKE '%WorkOrderSubmitted%'"),
            count => count == 1, WorkOrdersApp.Patience);
    }

    [Fact]
    public async Task A_bad_record_is_refused_and_stores_neither_record_nor_order()
    {
        var route = await scene.CreateRouteAsync();
        var routeId = route.GetProperty("id").GetGuid();
        var engineer = App.ClientAs(Roles.Engineer, scene.PropertyA);
        var records = await CountAsync("patrol_records");
        var orders = await CountAsync("work_orders");

        var missingItem = await engineer.PostJsonAsync($"/patrol-routes/{routeId}/records",
            scene.Record(1, PatrolScene.Pass(1), scene.FailAtUnit(2, "灯不亮")));
        (await missingItem.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("item 3");

        var failedWithoutNote = await engineer.PostJsonAsync($"/patrol-routes/{routeId}/records",
            scene.Record(1, PatrolScene.Pass(1), scene.FailAtUnit(2, ""), PatrolScene.Pass(3)));
        await failedWithoutNote.ShouldHaveFieldErrorAsync("items[1].note");
        await (await engineer.PostJsonAsync($"/patrol-routes/{routeId}/records", "{\"checklistVersion\": 1, \"items\": [null]}"))
            .ShouldHaveFieldErrorAsync("patrolledAt");

        var otherPropertysUnit = await engineer.PostJsonAsync($"/patrol-routes/{routeId}/records", scene.Record(1,
            PatrolScene.Pass(1), new { item = 2, passed = false, note = "灯不亮", unitId = scene.UnitB0301, category = "electrical", priority = "high" },
            PatrolScene.Pass(3)));
        await otherPropertysUnit.ShouldHaveFieldErrorAsync("items[1].unitId");

        var staleChecklist = await engineer.PostJsonAsync($"/patrol-routes/{routeId}/records",
            scene.Record(2, PatrolScene.Pass(1), PatrolScene.Pass(2), PatrolScene.Pass(3)));
        await staleChecklist.ShouldBeProblemAsync(HttpStatusCode.Conflict);

        (await CountAsync("patrol_records")).ShouldBe(records);
        (await CountAsync("work_orders")).ShouldBe(orders);
    }

    [Fact]
    public async Task An_inactive_route_takes_no_records()
    {
        var route = await scene.CreateRouteAsync("门窗关闭");
        var routeId = route.GetProperty("id").GetGuid();
        var deactivate = JsonSerializer.Serialize(new { name = route.GetProperty("name").GetString(), area = "A座", checklist = new[] { "门窗关闭" }, active = false });
        (await App.ClientAs(Roles.Supervisor, scene.PropertyA).PutJsonAsync($"/patrol-routes/{routeId}", deactivate)).EnsureSuccessStatusCode();

        var response = await App.ClientAs(Roles.Security, scene.PropertyA).PostJsonAsync($"/patrol-routes/{routeId}/records", scene.Record(1, PatrolScene.Pass(1)));

        (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("inactive");
        (await App.ScalarAsync<long>($"SELECT count(*) FROM patrol_records WHERE route_id = '{routeId}'")).ShouldBe(0);
    }

    [Fact]
    public async Task Only_guards_and_engineers_record_patrols_and_another_propertys_route_is_not_found()
    {
        var route = await scene.CreateRouteAsync("门窗关闭");
        var routeId = route.GetProperty("id").GetGuid();
        var record = scene.Record(1, PatrolScene.Pass(1));

        await (await App.ClientAs(Roles.FrontDesk, scene.PropertyA).PostJsonAsync($"/patrol-routes/{routeId}/records", record))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await App.ClientAs(Roles.Security, scene.PropertyA).PutJsonAsync($"/patrol-routes/{routeId}", PatrolScene.Route("x", "门窗关闭"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var guardOfB = App.ClientAs(Roles.Security, scene.PropertyB);
        await (await guardOfB.GetAsync($"/patrol-routes/{routeId}", Cancel)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await guardOfB.PostJsonAsync($"/patrol-routes/{routeId}/records", record)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await App.ClientAs(Roles.Supervisor, scene.PropertyB).PutJsonAsync($"/patrol-routes/{routeId}", PatrolScene.Route("x", "门窗关闭"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await App.ScalarAsync<long>($"SELECT count(*) FROM patrol_records WHERE route_id = '{routeId}'")).ShouldBe(0);

        var made = await App.ClientAs(Roles.Security, scene.PropertyA).PostJsonAsync($"/patrol-routes/{routeId}/records", record);
        var recordId = (await made.ReadJsonAsync()).GetProperty("id").GetGuid();
        await (await guardOfB.GetAsync($"/patrol-records/{recordId}", Cancel)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var listedAtB = await guardOfB.GetFromJsonAsync<JsonElement>($"/patrol-records?routeId={routeId}", Cancel);
        listedAtB.GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Records_are_listed_by_route_and_patrol_time_newest_first_and_keep_the_checklist_they_answered()
    {
        var route = await scene.CreateRouteAsync("消防通道畅通", "门窗关闭");
        var routeId = route.GetProperty("id").GetGuid();
        var guard = App.ClientAs(Roles.Security, scene.PropertyA);
        var first = await RecordAsync(guard, routeId, scene.Record(1, PatrolScene.Pass(1), PatrolScene.Pass(2)));
        (await App.ClientAs(Roles.Supervisor, scene.PropertyA).PutJsonAsync($"/patrol-routes/{routeId}", PatrolScene.Route(route.GetProperty("name").GetString()!, "消防通道畅通", "门窗关闭", "电梯运行正常")))
            .EnsureSuccessStatusCode();
        var second = await RecordAsync(guard, routeId, scene.Record(2, PatrolScene.Pass(1), PatrolScene.Pass(2), PatrolScene.Pass(3)));

        var list = await App.ClientAs(Roles.Supervisor, scene.PropertyA).GetFromJsonAsync<JsonElement>(
            $"/patrol-records?propertyId={scene.PropertyA}&routeId={routeId}&from={App.Time.GetUtcNow().AddHours(-1):yyyy-MM-dd}", Cancel);
        list.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ShouldBe([second, first]);
        var old = list.GetProperty("items")[1];
        old.GetProperty("checklistVersion").GetInt32().ShouldBe(1);
        old.GetProperty("items").GetArrayLength().ShouldBe(2);

        var before = await guard.GetFromJsonAsync<JsonElement>($"/patrol-records?routeId={routeId}&to=2020-01-01", Cancel);
        before.GetProperty("total").GetInt32().ShouldBe(0);
        await (await guard.GetAsync($"/patrol-records?from=yesterday", Cancel)).ShouldHaveFieldErrorAsync("from");
    }

    private static async Task<Guid> RecordAsync(HttpClient client, Guid routeId, string record)
    {
        var response = await client.PostJsonAsync($"/patrol-routes/{routeId}/records", record);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    private Task<long> CountAsync(string table) => App.ScalarAsync<long>($"SELECT count(*) FROM {table}");
}

internal static class PatrolHttp
{
    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, string json) =>
        client.PutAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Cancel);
}
