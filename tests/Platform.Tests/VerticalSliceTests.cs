using System.Net;
using System.Text;
using System.Text.Json;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.Platform.Tests;

/// <summary>
/// A client's view through the gateway, signed in with the demo accounts: the administrator registers a unit in
/// Directory, WorkOrders learns of it by event, the front desk takes a repair request for it and finds it in its
/// Notifications inbox. One class, so its tests run one after another and may compare counts.
/// </summary>
public sealed class VerticalSliceTests(PlatformFixture platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private HttpClient Gateway => platform.Gateway;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_service_reports_healthy_through_the_gateway()
    {
        var health = await Eventually.ReturnsAsync(
            () => Gateway.GetFromJsonAsync<JsonElement>("/health", Cancellation),
            h => h.GetProperty("status").GetString() == "Healthy", Patience);

        foreach (var service in new[] { "directory", "reception", "workorders", "complaints", "billing", "notifications" })
        {
            health.GetProperty("entries").GetProperty(service).GetProperty("status").GetString().ShouldBe("Healthy", service);
        }
    }

    [Fact]
    public async Task Without_a_token_or_with_a_wrong_password_the_gateway_answers_401_problems()
    {
        foreach (var path in new[] { "/api/directory/properties", "/api/workorders/work-orders", "/api/notifications/inbox" })
        {
            var response = await Gateway.GetAsync(path, Cancellation);
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, path);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }

        var wrongPassword = await Gateway.PostAsJsonAsync("/api/directory/auth/token", new { userName = "frontdesk", password = "wrong" }, Cancellation);
        wrongPassword.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        wrongPassword.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task A_demo_front_desk_account_signs_in_and_sees_only_its_property()
    {
        using var frontDesk = await platform.SignInAsync("frontdesk");
        using var admin = await platform.SignInAsync("admin");
        var otherProperty = await PostAsync(admin, "/api/directory/properties", new { name = $"另一物业-{Guid.NewGuid():N}"[..12], type = "residential" });

        var me = await frontDesk.GetFromJsonAsync<JsonElement>("/api/directory/me", Cancellation);
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["frontdesk"]);
        var visible = await frontDesk.GetFromJsonAsync<JsonElement>("/api/directory/properties", Cancellation);
        var ids = visible.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToList();
        ids.ShouldHaveSingleItem().ShouldBe(await DemoPropertyAsync(frontDesk));
        var hidden = await frontDesk.GetAsync($"/api/directory/properties/{otherProperty.GetProperty("id").GetGuid()}", Cancellation);
        hidden.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_repair_request_for_a_new_unit_reaches_the_front_desk_inbox()
    {
        using var frontDesk = await platform.SignInAsync("frontdesk");
        var unitId = await RegisterUnitAsync();

        var order = await SubmitRepairAsync(frontDesk, unitId);
        var number = order.GetProperty("number").GetString()!;
        number.ShouldMatch(@"^WO-\d{8}-\d{4}$");
        var orderId = order.GetProperty("id").GetGuid();

        var inbox = await Eventually.ReturnsAsync(
            () => InboxAsync(frontDesk, number), entries => entries.Count > 0, Patience);
        var entry = inbox.ShouldHaveSingleItem();
        entry.GetProperty("link").GetString()!.ShouldContain(orderId.ToString());

        var fetched = await frontDesk.GetAsync($"/api/workorders/work-orders/{orderId}", Cancellation);
        fetched.StatusCode.ShouldBe(HttpStatusCode.OK);
        fetched.Headers.Contains("X-Correlation-Id").ShouldBeTrue();
    }

    [Fact]
    public async Task A_repair_request_for_an_unknown_unit_is_a_400_problem_and_stores_nothing()
    {
        using var frontDesk = await platform.SignInAsync("frontdesk");
        var before = await OrderCountAsync(frontDesk);

        var response = await frontDesk.PostAsJsonAsync("/api/workorders/work-orders", Repair(Guid.NewGuid()), Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await OrderCountAsync(frontDesk)).ShouldBe(before);
    }

    [Fact]
    public async Task Malformed_and_oversized_requests_are_refused_with_problems_and_change_nothing()
    {
        using var admin = await platform.SignInAsync("admin");
        var before = await admin.GetFromJsonAsync<JsonElement>("/api/directory/properties", Cancellation);

        var malformed = await admin.PostAsync("/api/directory/properties",
            new StringContent("{\"name\": \"国贸\", \"type\": ", Encoding.UTF8, "application/json"), Cancellation);
        var wrongType = await admin.PostAsync("/api/directory/properties",
            new StringContent("{\"name\": 42, \"type\": \"office_tower\"}", Encoding.UTF8, "application/json"), Cancellation);
        // Expect: 100-continue, as well-behaved clients send large bodies: the gateway answers before the body is sent.
        using var oversizedRequest = new HttpRequestMessage(HttpMethod.Post, "/api/directory/properties")
        {
            Content = new StringContent(new string('x', 33 * 1024 * 1024), Encoding.UTF8, "application/json"),
        };
        oversizedRequest.Headers.ExpectContinue = true;
        var oversized = await admin.SendAsync(oversizedRequest, Cancellation);

        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        wrongType.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        oversized.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        foreach (var response in new[] { malformed, wrongType, oversized })
        {
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }
        var after = await admin.GetFromJsonAsync<JsonElement>("/api/directory/properties", Cancellation);
        after.GetProperty("total").GetInt32().ShouldBe(before.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Repairs_taken_while_RabbitMQ_is_down_reach_the_inbox_once_each_when_it_is_back()
    {
        using var frontDesk = await platform.SignInAsync("frontdesk");
        var unitId = await RegisterUnitAsync();
        var first = await SubmitRepairAsync(frontDesk, unitId);
        await Eventually.ReturnsAsync(() => InboxAsync(frontDesk, first.GetProperty("number").GetString()!), entries => entries.Count == 1, Patience);

        await platform.StopAsync("rabbitmq");
        var numbers = new List<string>();
        try
        {
            for (var i = 0; i < 5; i++)
            {
                // The front desk keeps working: the change commits, its event waits in the outbox.
                var order = await SubmitRepairAsync(frontDesk, unitId);
                numbers.Add(order.GetProperty("number").GetString()!);
            }
        }
        finally
        {
            await platform.StartAsync("rabbitmq");
        }

        foreach (var number in numbers)
        {
            var entries = await Eventually.ReturnsAsync(() => InboxAsync(frontDesk, number), e => e.Count >= 1, TimeSpan.FromMinutes(3));
            entries.Count.ShouldBe(1, number);
        }
    }

    /// <summary>The administrator registers a building of its own in the demo property, and a unit in it.</summary>
    private async Task<Guid> RegisterUnitAsync()
    {
        using var admin = await platform.SignInAsync("admin");
        var propertyId = await DemoPropertyAsync(admin);
        var building = await PostAsync(admin, "/api/directory/buildings", new { propertyId, name = $"测试楼-{Guid.NewGuid():N}"[..12] });
        var unit = await PostAsync(admin, "/api/directory/units", new
        {
            buildingId = building.GetProperty("id").GetGuid(),
            number = "1201",
            floor = 12,
            type = "office",
            chargeableArea = 120.50m,
        });
        return unit.GetProperty("id").GetGuid();
    }

    /// <summary>The demo property: the only property the demo front desk account is scoped to.</summary>
    private async Task<Guid> DemoPropertyAsync(HttpClient client)
    {
        using var frontDesk = await platform.SignInAsync("frontdesk");
        var me = await frontDesk.GetFromJsonAsync<JsonElement>("/api/directory/me", Cancellation);
        var scope = me.GetProperty("propertyIds").EnumerateArray().Select(p => p.GetGuid()).ToList();
        var property = await client.GetFromJsonAsync<JsonElement>($"/api/directory/properties/{scope.ShouldHaveSingleItem()}", Cancellation);
        return property.GetProperty("id").GetGuid();
    }

    /// <summary>Submits a repair, waiting until WorkOrders has received the unit (a 400 stores nothing, so retrying is safe).</summary>
    private static async Task<JsonElement> SubmitRepairAsync(HttpClient client, Guid unitId)
    {
        var response = await Eventually.ReturnsAsync(
            () => client.PostAsJsonAsync("/api/workorders/work-orders", Repair(unitId), Cancellation),
            r => r.StatusCode != HttpStatusCode.BadRequest, Patience);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancellation));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
    }

    private static async Task<int> OrderCountAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/workorders/work-orders?pageSize=1", Cancellation)).GetProperty("total").GetInt32();

    /// <summary>The caller's inbox entries about the work order <paramref name="number"/>.</summary>
    private static async Task<List<JsonElement>> InboxAsync(HttpClient client, string number)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/notifications/inbox?pageSize=200", Cancellation);
        return page.GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("title").GetString()!.Contains(number, StringComparison.Ordinal)).ToList();
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body, Cancellation);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancellation));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
    }

    private static object Repair(Guid unitId) => new
    {
        unitId,
        category = "plumbing",
        priority = "high",
        channel = "phone",
        description = "卫生间漏水",
        contactPhone = "13800138000",
    };
}
