using System.Net;
using System.Text;
using System.Text.Json;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.Platform.Tests;

/// <summary>
/// A client's view through the gateway: Directory registers a unit, WorkOrders learns of it by event and
/// takes a repair request for it, and the front desk finds the request in its Notifications inbox.
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
    public async Task A_repair_request_for_a_new_unit_reaches_the_front_desk_inbox()
    {
        var (propertyId, unitId) = await RegisterUnitAsync("1201");

        var order = await SubmitRepairAsync(unitId);
        var number = order.GetProperty("number").GetString()!;
        number.ShouldMatch(@"^WO-\d{8}-0001$");
        var orderId = order.GetProperty("id").GetGuid();

        var inbox = await Eventually.ReturnsAsync(
            () => InboxAsync(propertyId), entries => entries.Count > 0, Patience);
        var entry = inbox.ShouldHaveSingleItem();
        entry.GetProperty("title").GetString()!.ShouldContain(number);
        entry.GetProperty("link").GetString()!.ShouldContain(orderId.ToString());

        var fetched = await Gateway.GetAsync($"/api/workorders/work-orders/{orderId}", Cancellation);
        fetched.StatusCode.ShouldBe(HttpStatusCode.OK);
        fetched.Headers.Contains("X-Correlation-Id").ShouldBeTrue();
    }

    [Fact]
    public async Task A_repair_request_for_an_unknown_unit_is_a_400_problem_and_nobody_is_notified()
    {
        var (propertyId, _) = await RegisterUnitAsync("1202");

        var response = await Gateway.PostAsJsonAsync("/api/workorders/work-orders", Repair(Guid.NewGuid()), Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var list = await Gateway.GetFromJsonAsync<JsonElement>($"/api/workorders/work-orders?propertyId={propertyId}", Cancellation);
        list.GetProperty("total").GetInt32().ShouldBe(0);
        (await InboxAsync(propertyId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Malformed_and_oversized_requests_are_refused_with_problems_and_change_nothing()
    {
        var before = await Gateway.GetFromJsonAsync<JsonElement>("/api/directory/properties", Cancellation);

        var malformed = await Gateway.PostAsync("/api/directory/properties",
            new StringContent("{\"name\": \"国贸\", \"type\": ", Encoding.UTF8, "application/json"), Cancellation);
        var wrongType = await Gateway.PostAsync("/api/directory/properties",
            new StringContent("{\"name\": 42, \"type\": \"office_tower\"}", Encoding.UTF8, "application/json"), Cancellation);
        // Expect: 100-continue, as well-behaved clients send large bodies: the gateway answers before the body is sent.
        using var oversizedRequest = new HttpRequestMessage(HttpMethod.Post, "/api/directory/properties")
        {
            Content = new StringContent(new string('x', 33 * 1024 * 1024), Encoding.UTF8, "application/json"),
        };
        oversizedRequest.Headers.ExpectContinue = true;
        var oversized = await Gateway.SendAsync(oversizedRequest, Cancellation);

        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        wrongType.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        oversized.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        foreach (var response in new[] { malformed, wrongType, oversized })
        {
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }
        var after = await Gateway.GetFromJsonAsync<JsonElement>("/api/directory/properties", Cancellation);
        after.GetProperty("total").GetInt32().ShouldBe(before.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Repairs_taken_while_RabbitMQ_is_down_reach_the_inbox_once_each_when_it_is_back()
    {
        var (propertyId, unitId) = await RegisterUnitAsync("1203");
        await SubmitRepairAsync(unitId);
        await Eventually.ReturnsAsync(() => InboxAsync(propertyId), entries => entries.Count == 1, Patience);

        var rabbitmq = platform.App.Resource("rabbitmq");
        await rabbitmq.StopAsync();
        var numbers = new List<string>();
        try
        {
            for (var i = 0; i < 5; i++)
            {
                // The front desk keeps working: the change commits, its event waits in the outbox.
                var order = await SubmitRepairAsync(unitId);
                numbers.Add(order.GetProperty("number").GetString()!);
            }
        }
        finally
        {
            await rabbitmq.StartAsync(Cancellation);
        }

        var inbox = await Eventually.ReturnsAsync(() => InboxAsync(propertyId), entries => entries.Count >= 6, TimeSpan.FromMinutes(3));
        inbox.Count.ShouldBe(6);
        foreach (var number in numbers)
        {
            inbox.Count(e => e.GetProperty("title").GetString()!.Contains(number, StringComparison.Ordinal)).ShouldBe(1, number);
        }
    }

    private async Task<(Guid PropertyId, Guid UnitId)> RegisterUnitAsync(string unitNumber)
    {
        var property = await PostAsync("/api/directory/properties", new { name = "国贸中心", type = "office_tower" });
        var propertyId = property.GetProperty("id").GetGuid();
        var building = await PostAsync("/api/directory/buildings", new { propertyId, name = "A座" });
        var unit = await PostAsync("/api/directory/units", new
        {
            buildingId = building.GetProperty("id").GetGuid(),
            number = unitNumber,
            floor = 12,
            type = "office",
            chargeableArea = 120.50m,
        });
        return (propertyId, unit.GetProperty("id").GetGuid());
    }

    /// <summary>Submits a repair, waiting until WorkOrders has received the unit (a 400 stores nothing, so retrying is safe).</summary>
    private async Task<JsonElement> SubmitRepairAsync(Guid unitId)
    {
        var response = await Eventually.ReturnsAsync(
            () => Gateway.PostAsJsonAsync("/api/workorders/work-orders", Repair(unitId), Cancellation),
            r => r.StatusCode != HttpStatusCode.BadRequest, Patience);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancellation));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
    }

    private async Task<List<JsonElement>> InboxAsync(Guid propertyId)
    {
        var page = await Gateway.GetFromJsonAsync<JsonElement>($"/api/notifications/inbox?propertyId={propertyId}&role=frontdesk&pageSize=200", Cancellation);
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    private async Task<JsonElement> PostAsync(string path, object body)
    {
        var response = await Gateway.PostAsJsonAsync(path, body, Cancellation);
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
