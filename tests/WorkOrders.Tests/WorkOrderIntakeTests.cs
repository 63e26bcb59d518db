using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.WorkOrders.Tests;

/// <summary>The front desk takes repair requests over HTTP; WorkOrders runs on real PostgreSQL and RabbitMQ.</summary>
public sealed class WorkOrderIntakeTests(TestInfrastructure infrastructure)
{
    [Fact]
    public async Task A_repair_request_for_a_known_unit_is_numbered_stored_and_announced()
    {
        await using var app = await WorkOrdersApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        var client = app.ClientAs(Roles.FrontDesk, unit.PropertyId);
        await app.WaitForUnitAsync(unit.UnitId);

        var response = await client.PostAsJsonAsync("/work-orders", Request(unit.UnitId), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        created.GetProperty("number").GetString()!.ShouldMatch(@"^WO-\d{8}-0001$");
        created.GetProperty("status").GetString().ShouldBe("submitted");
        created.GetProperty("unitNumber").GetString().ShouldBe("1201");
        created.GetProperty("propertyId").GetGuid().ShouldBe(unit.PropertyId);

        var id = created.GetProperty("id").GetGuid();
        response.Headers.Location!.ToString().ShouldBe($"/work-orders/{id}");
        var fetched = await client.GetFromJsonAsync<JsonElement>($"/work-orders/{id}", TestContext.Current.CancellationToken);
        fetched.GetProperty("description").GetString().ShouldBe("卫生间漏水");

        // The event left through the outbox: the broker confirmed it.
        await Eventually.ReturnsAsync(
            () => app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE sent_at IS NOT NULL AND message_type LIKE '%WorkOrderSubmitted%'"),
            count => count == 1, WorkOrdersApp.Patience);
    }

    [Fact]
    public async Task Numbers_run_on_per_property_and_day()
    {
        await using var app = await WorkOrdersApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        var client = app.ClientAs(Roles.FrontDesk, unit.PropertyId);
        await app.WaitForUnitAsync(unit.UnitId);

        var numbers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var response = await client.PostAsJsonAsync("/work-orders", Request(unit.UnitId), TestContext.Current.CancellationToken);
            numbers.Add((await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("number").GetString()!);
        }

        numbers.Select(n => n[^4..]).ShouldBe(["0001", "0002", "0003"]);
        var page = await client.GetFromJsonAsync<JsonElement>($"/work-orders?propertyId={unit.PropertyId}&status=submitted", TestContext.Current.CancellationToken);
        page.GetProperty("total").GetInt32().ShouldBe(3);
        page.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("number").GetString()).ShouldBe(numbers.AsEnumerable().Reverse(), "newest first");
        var none = await client.GetFromJsonAsync<JsonElement>($"/work-orders?propertyId={unit.PropertyId}&status=in_progress", TestContext.Current.CancellationToken);
        none.GetProperty("total").GetInt32().ShouldBe(0);
        var unknown = await client.GetAsync($"/work-orders?status=nonsense", TestContext.Current.CancellationToken);
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Requests_taken_at_the_same_moment_at_two_properties_are_numbered_without_gaps_or_repeats()
    {
        await using var app = await WorkOrdersApp.StartAsync(infrastructure);
        var tower = await app.RegisterUnitAsync();
        var mall = await app.RegisterUnitAsync("B101");
        var towerDesk = app.ClientAs(Roles.FrontDesk, tower.PropertyId);
        var mallDesk = app.ClientAs(Roles.FrontDesk, mall.PropertyId);
        await app.WaitForUnitAsync(tower.UnitId);
        await app.WaitForUnitAsync(mall.UnitId);

        // Twenty at each property at once: they are committed together, several to a transaction.
        var sent = Enumerable.Range(0, 20).SelectMany(_ => new[]
        {
            (Property: tower.PropertyId, Answer: towerDesk.PostAsJsonAsync("/work-orders", Request(tower.UnitId), TestContext.Current.CancellationToken)),
            (Property: mall.PropertyId, Answer: mallDesk.PostAsJsonAsync("/work-orders", Request(mall.UnitId), TestContext.Current.CancellationToken)),
        }).ToList();
        await Task.WhenAll(sent.Select(s => s.Answer));

        foreach (var (property, desk) in new[] { (tower.PropertyId, towerDesk), (mall.PropertyId, mallDesk) })
        {
            var numbers = new List<string>();
            foreach (var (_, answer) in sent.Where(s => s.Property == property))
            {
                var response = await answer;
                response.StatusCode.ShouldBe(HttpStatusCode.Created);
                numbers.Add((await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("number").GetString()!);
            }
            numbers.Select(n => int.Parse(n[^4..], CultureInfo.InvariantCulture)).Order().ShouldBe(Enumerable.Range(1, 20));
            var stored = await desk.GetFromJsonAsync<JsonElement>($"/work-orders?propertyId={property}&pageSize=50", TestContext.Current.CancellationToken);
            stored.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("number").GetString()).Order().ShouldBe(numbers.Order());
        }
    }

    [Fact]
    public async Task A_preferred_time_in_China_Standard_Time_is_kept_as_the_same_instant()
    {
        await using var app = await WorkOrdersApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        var client = app.ClientAs(Roles.FrontDesk, unit.PropertyId);
        await app.WaitForUnitAsync(unit.UnitId);
        var request = new StringContent(
            $"{{\"unitId\": \"{unit.UnitId}\", \"category\": \"hvac\", \"priority\": \"normal\", \"channel\": \"walk_in\", \"description\": \"空调不制冷\", \"preferredTime\": \"2026-11-23T14:30:00+08:00\"}}",
            Encoding.UTF8, "application/json");

        var response = await client.PostAsync("/work-orders", request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
        var fetched = await client.GetFromJsonAsync<JsonElement>($"/work-orders/{id}", TestContext.Current.CancellationToken);
        fetched.GetProperty("preferredTime").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 11, 23, 14, 30, 0, TimeSpan.FromHours(8)));
    }

    [Fact]
    public async Task A_page_far_beyond_the_end_is_empty_not_an_error()
    {
        await using var app = await WorkOrdersApp.StartAsync(infrastructure);
        var client = app.ClientAs(Roles.FrontDesk, Guid.NewGuid());

        var page = await client.GetFromJsonAsync<JsonElement>("/work-orders?page=2147483647&pageSize=200", TestContext.Current.CancellationToken);

        page.GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_request_for_an_unknown_unit_is_refused_with_a_field_error_and_nothing_is_stored()
    {
        await using var app = await WorkOrdersApp.StartAsync(infrastructure);
        var client = app.ClientAs(Roles.FrontDesk, Guid.NewGuid());

        var response = await client.PostAsJsonAsync("/work-orders", Request(Guid.NewGuid()), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        problem.GetProperty("errors").GetProperty("unitId").GetArrayLength().ShouldBe(1);
        await ShouldHaveStoredNothingAsync(app);
    }

    [Theory]
    [InlineData("{\"unitId\": ")]
    [InlineData("{\"unitId\": 42, \"category\": \"plumbing\", \"priority\": \"high\", \"channel\": \"phone\", \"description\": \"x\"}")]
    [InlineData("{\"unitId\": \"00000000-0000-0000-0000-000000000001\", \"category\": \"gardening\", \"priority\": \"high\", \"channel\": \"phone\", \"description\": \"x\"}")]
    [InlineData("{\"unitId\": \"00000000-0000-0000-0000-000000000001\", \"category\": \"plumbing\", \"priority\": \"high\", \"channel\": \"phone\", \"description\": \"\"}")]
    [InlineData("{\"unitId\": \"00000000-0000-0000-0000-000000000001\", \"category\": \"plumbing\", \"priority\": \"high\", \"channel\": \"phone\", \"description\": \"x\", \"contactPhone\": \"call me\"}")]
    [InlineData("")]
    public async Task Malformed_or_invalid_requests_get_a_400_problem_and_change_nothing(string body)
    {
        await using var app = await WorkOrdersApp.StartAsync(infrastructure);
        var client = app.ClientAs(Roles.FrontDesk, Guid.NewGuid());

        var response = await client.PostAsync("/work-orders", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        problem.GetProperty("status").GetInt32().ShouldBe(400);
        problem.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        await ShouldHaveStoredNothingAsync(app);
    }

    [Fact]
    public async Task An_unknown_work_order_is_a_404_problem()
    {
        await using var app = await WorkOrdersApp.StartAsync(infrastructure);
        var client = app.ClientAs(Roles.FrontDesk, Guid.NewGuid());

        var response = await client.GetAsync($"/work-orders/{Guid.NewGuid()}", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    private static async Task ShouldHaveStoredNothingAsync(WorkOrdersApp app)
    {
        (await app.ScalarAsync<long>("SELECT count(*) FROM work_orders")).ShouldBe(0);
        (await app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages")).ShouldBe(0);
        (await app.ScalarAsync<long>("SELECT count(*) FROM daily_counters")).ShouldBe(0);
    }

    private static object Request(Guid unitId) => new
    {
        unitId,
        category = "plumbing",
        priority = "high",
        channel = "phone",
        description = "卫生间漏水",
        contactPhone = "13800138000",
    };
}
