using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.Platform.Tests;

/// <summary>
/// Issue 4's day at the desk, through the gateway with the demo accounts: the front desk takes a phone repair for
/// the demo occupant's office, dispatches it, the engineer accepts, pauses, resumes and completes it, an
/// unsatisfied follow-up reopens it, and it finally closes — in the timeline, on the board, in the statistics,
/// and in the occupant's inbox.
/// </summary>
public sealed class WorkOrderJourneyTests(PlatformFixture platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_phone_repair_is_dispatched_worked_reopened_by_an_unsatisfied_follow_up_and_closed()
    {
        using var desk = await platform.SignInAsync("frontdesk");
        using var engineer = await platform.SignInAsync("engineer");
        using var occupant = await platform.SignInAsync("occupant");
        using var supervisor = await platform.SignInAsync("supervisor");
        var tenant = await occupant.GetFromJsonAsync<JsonElement>("/api/directory/me", Cancellation);
        var engineerId = (await engineer.GetFromJsonAsync<JsonElement>("/api/directory/me", Cancellation)).GetProperty("id").GetGuid();
        var propertyId = tenant.GetProperty("propertyIds")[0].GetGuid();
        var unitId = tenant.GetProperty("unitIds")[0].GetGuid();

        // WorkOrders knows the demo units and engineers from Directory's events: until then intake and dispatch answer 400.
        var intake = await Eventually.ReturnsAsync(() => desk.PostAsJsonAsync("/api/workorders/work-orders", new
        {
            unitId, category = "hvac", priority = "high", channel = "phone", description = "会议室空调不制冷",
            contactName = tenant.GetProperty("name").GetString(), requesterId = tenant.GetProperty("id").GetGuid(),
        }, Cancellation), r => r.StatusCode != HttpStatusCode.BadRequest, Patience);
        intake.StatusCode.ShouldBe(HttpStatusCode.Created, await intake.Content.ReadAsStringAsync(Cancellation));
        var order = await intake.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        var id = order.GetProperty("id").GetGuid();
        var number = order.GetProperty("number").GetString()!;

        var dispatched = await Eventually.ReturnsAsync(
            () => SendAsync(desk, id, "dispatch", new { assigneeId = engineerId }), r => r.StatusCode != HttpStatusCode.BadRequest, Patience);
        dispatched.StatusCode.ShouldBe(HttpStatusCode.OK, await dispatched.Content.ReadAsStringAsync(Cancellation));
        await ActAsync(engineer, id, "accept");
        await ActAsync(engineer, id, "start");
        await ActAsync(engineer, id, "hold", new { reason = "等压缩机配件", resumeAt = DateTimeOffset.UtcNow.AddHours(4) });
        await ActAsync(engineer, id, "resume");
        await ActAsync(engineer, id, "complete", new { summary = "更换压缩机电容", materials = "电容 x1", labourMinutes = 50 });

        var board = await desk.GetFromJsonAsync<JsonElement>($"/api/workorders/board?propertyId={propertyId}", Cancellation);
        board.GetProperty("followUpsDue").GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("number").GetString()).ShouldContain(number);

        (await ActAsync(desk, id, "follow-up", new { satisfaction = 2, comment = "还是不够凉", resolved = true }))
            .GetProperty("status").GetString().ShouldBe("reopened");
        await ActAsync(desk, id, "dispatch", new { assigneeId = engineerId });
        await ActAsync(engineer, id, "accept");
        await ActAsync(engineer, id, "start");
        await ActAsync(engineer, id, "complete", new { summary = "补充冷媒", labourMinutes = 30 });
        await ActAsync(desk, id, "follow-up", new { satisfaction = 5, resolved = true });
        var closed = await ActAsync(desk, id, "close");

        closed.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "transition")
            .Select(e => e.GetProperty("to").GetString()).ShouldBe(
            [
                "submitted", "dispatched", "accepted", "in_progress", "on_hold", "in_progress", "completed", "followed_up", "reopened",
                "dispatched", "accepted", "in_progress", "completed", "followed_up", "closed",
            ]);
        var board2 = await desk.GetFromJsonAsync<JsonElement>($"/api/workorders/board?propertyId={propertyId}", Cancellation);
        board2.GetProperty("followUpsDue").GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("number").GetString()).ShouldNotContain(number);

        var month = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM");
        var statistics = await supervisor.GetFromJsonAsync<JsonElement>($"/api/workorders/statistics?propertyId={propertyId}&month={month}", Cancellation);
        statistics.GetProperty("reopen").GetProperty("reopened").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        statistics.GetProperty("followUp").GetProperty("followedUp").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        statistics.GetProperty("resolution").GetProperty("count").GetInt32().ShouldBeGreaterThanOrEqualTo(1);

        // The occupant hears of both dispatches and both completions. Each kind of event has its own queue, so the
        // notices arrive in any order: wait for the ones asserted, not for any four.
        var inbox = await Eventually.ReturnsAsync(
            () => InboxAboutAsync(occupant, number),
            entries => entries.Count(e => e.Contains("已派", StringComparison.Ordinal)) >= 2 && entries.Count(e => e.Contains("已完工", StringComparison.Ordinal)) >= 2,
            Patience);
        inbox.Count(e => e.Contains("已派", StringComparison.Ordinal)).ShouldBe(2);
        inbox.Count(e => e.Contains("已完工", StringComparison.Ordinal)).ShouldBe(2);
        var engineerInbox = await Eventually.ReturnsAsync(() => InboxAboutAsync(engineer, number), entries => entries.Count >= 2, Patience);
        engineerInbox.Count.ShouldBe(2, "the engineer was told of each dispatch");
    }

    [Fact]
    public async Task An_occupant_sees_their_companys_orders_and_not_another_units()
    {
        using var occupant = await platform.SignInAsync("occupant");
        using var desk = await platform.SignInAsync("frontdesk");
        var tenant = await occupant.GetFromJsonAsync<JsonElement>("/api/directory/me", Cancellation);
        var units = tenant.GetProperty("unitIds").EnumerateArray().Select(u => u.GetGuid()).ToHashSet();
        var propertyId = tenant.GetProperty("propertyIds")[0].GetGuid();
        var all = await desk.GetFromJsonAsync<JsonElement>($"/api/directory/units?propertyId={propertyId}&pageSize=200", Cancellation);
        var neighbour = all.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("id").GetGuid()).First(u => !units.Contains(u));

        var response = await Eventually.ReturnsAsync(() => desk.PostAsJsonAsync("/api/workorders/work-orders", new
        {
            unitId = neighbour, category = "electrical", priority = "normal", channel = "walk_in", description = "走廊灯不亮",
        }, Cancellation), r => r.StatusCode != HttpStatusCode.BadRequest, Patience);
        var neighbours = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("id").GetGuid();

        (await occupant.GetAsync($"/api/workorders/work-orders/{neighbours}", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var visible = await occupant.GetFromJsonAsync<JsonElement>("/api/workorders/work-orders?pageSize=200", Cancellation);
        visible.GetProperty("items").EnumerateArray().ShouldAllBe(o => units.Contains(o.GetProperty("unitId").GetGuid()));
    }

    private static async Task<List<string>> InboxAboutAsync(HttpClient client, string number)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/notifications/inbox?pageSize=200", Cancellation);
        return page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("title").GetString()!)
            .Where(t => t.Contains(number, StringComparison.Ordinal)).ToList();
    }

    private static async Task<JsonElement> ActAsync(HttpClient client, Guid id, string action, object? body = null)
    {
        var response = await SendAsync(client, id, action, body);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{action}: {await response.Content.ReadAsStringAsync(Cancellation)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
    }

    /// <summary>Acts with the version just read, as a client that shows the order before acting does.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Guid id, string action, object? body)
    {
        var read = await client.GetAsync($"/api/workorders/work-orders/{id}", Cancellation);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/workorders/work-orders/{id}/{action}")
        {
            Content = JsonContent.Create(body ?? new { }),
        };
        request.Headers.IfMatch.Add(read.Headers.ETag ?? EntityTagHeaderValue.Any);
        return await client.SendAsync(request, Cancellation);
    }
}
