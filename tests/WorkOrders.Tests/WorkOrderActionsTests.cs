using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using PropertyPlatform.WorkOrders.Infrastructure;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.WorkOrders.Tests;

/// <summary>The transitions through the API: roles, versions, refusals, time limits and the sweeper.</summary>
public sealed class WorkOrderActionsTests(TestInfrastructure infrastructure)
{
    private readonly Guid _property = Guid.NewGuid();
    private readonly Guid _engineer = Guid.NewGuid();
    private readonly Guid _otherEngineer = Guid.NewGuid();

    [Fact]
    public async Task A_phone_repair_goes_from_intake_to_closed_with_an_unsatisfied_follow_up_in_between()
    {
        await using var app = await StartAsync();
        var desk = app.ClientAs(Roles.FrontDesk, _property);
        var engineer = EngineerClient(app, _engineer, "李工");
        var id = await SubmitAsync(app, desk);

        await ActAsync(desk, id, "dispatch", new { assigneeId = _engineer });
        await ActAsync(engineer, id, "accept");
        await ActAsync(engineer, id, "start");
        await ActAsync(engineer, id, "hold", new { reason = "等待配件", resumeAt = app.Time.GetUtcNow().AddDays(1) });
        await ActAsync(engineer, id, "resume");
        await ActAsync(engineer, id, "complete", new { summary = "更换角阀", materials = "角阀 x1", labourMinutes = 40 });
        var reopened = await ActAsync(desk, id, "follow-up", new { satisfaction = 2, comment = "还有点漏", resolved = true });
        reopened.GetProperty("status").GetString().ShouldBe("reopened");
        await ActAsync(desk, id, "dispatch", new { assigneeId = _engineer });
        await ActAsync(engineer, id, "accept");
        await ActAsync(engineer, id, "start");
        await ActAsync(engineer, id, "complete", new { summary = "重新密封", labourMinutes = 20 });
        await ActAsync(desk, id, "follow-up", new { satisfaction = 5, resolved = true });
        var closed = await ActAsync(desk, id, "close");

        closed.GetProperty("status").GetString().ShouldBe("closed");
        closed.GetProperty("reopenCount").GetInt32().ShouldBe(1);
        closed.GetProperty("followUp").GetProperty("satisfaction").GetInt32().ShouldBe(5);
        var steps = closed.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("to").GetString()).ToList();
        steps.ShouldBe(
        [
            "submitted", "dispatched", "accepted", "in_progress", "on_hold", "in_progress", "completed", "followed_up", "reopened",
            "dispatched", "accepted", "in_progress", "completed", "followed_up", "closed",
        ]);
        closed.GetProperty("timeline")[2].GetProperty("actorName").GetString().ShouldBe("李工");
        (await app.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%WorkOrder%'")).ShouldBe(15,
            "one event per transition, and the intake");
    }

    [Fact]
    public async Task Two_engineers_accepting_the_same_order_one_wins_and_the_other_gets_a_409()
    {
        await using var app = await StartAsync();
        var desk = app.ClientAs(Roles.FrontDesk, _property);
        var id = await SubmitAsync(app, desk);
        await ActAsync(desk, id, "dispatch", new { assigneeId = _engineer });
        var version = (await desk.GetAsync($"/work-orders/{id}", Cancel)).Headers.ETag!.Tag;

        var answers = await Task.WhenAll(
            SendAsync(EngineerClient(app, _engineer, "李工"), id, "accept", null, version),
            SendAsync(EngineerClient(app, _otherEngineer, "赵工"), id, "accept", null, version));

        answers.Select(a => a.StatusCode).Order().ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        await answers.Single(a => a.StatusCode == HttpStatusCode.Conflict).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var order = await (await desk.GetAsync($"/work-orders/{id}", Cancel)).ReadJsonAsync();
        order.GetProperty("timeline").EnumerateArray().Count(e => e.GetProperty("to").GetString() == "accepted").ShouldBe(1);
    }

    [Fact]
    public async Task A_stale_version_is_a_409_problem_and_changes_nothing()
    {
        await using var app = await StartAsync();
        var desk = app.ClientAs(Roles.FrontDesk, _property);
        var id = await SubmitAsync(app, desk);
        var stale = (await desk.GetAsync($"/work-orders/{id}", Cancel)).Headers.ETag!.Tag;
        await ActAsync(desk, id, "dispatch", new { assigneeId = _engineer });

        var response = await SendAsync(desk, id, "cancel", new { reason = "业主取消" }, stale);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("reload");
        (await (await desk.GetAsync($"/work-orders/{id}", Cancel)).ReadJsonAsync()).GetProperty("status").GetString().ShouldBe("dispatched");
    }

    [Fact]
    public async Task A_transition_the_state_does_not_allow_is_a_409_problem_and_changes_nothing()
    {
        await using var app = await StartAsync();
        var desk = app.ClientAs(Roles.FrontDesk, _property);
        var id = await SubmitAsync(app, desk);

        var response = await SendAsync(EngineerClient(app, _engineer, "李工"), id, "complete", new { summary = "完成", labourMinutes = 10 });

        (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("submitted");
        var order = await (await desk.GetAsync($"/work-orders/{id}", Cancel)).ReadJsonAsync();
        order.GetProperty("status").GetString().ShouldBe("submitted");
        order.GetProperty("timeline").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Roles_decide_who_acts_an_unknown_engineer_is_a_field_error_and_bad_input_a_400()
    {
        await using var app = await StartAsync();
        var desk = app.ClientAs(Roles.FrontDesk, _property);
        var id = await SubmitAsync(app, desk);

        await (await SendAsync(EngineerClient(app, _engineer, "李工"), id, "dispatch", new { assigneeId = _engineer }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await SendAsync(desk, id, "accept")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await SendAsync(desk, id, "dispatch", new { assigneeId = Guid.NewGuid() })).ShouldHaveFieldErrorAsync("assigneeId");
        await (await SendAsync(app.ClientAs(Roles.FrontDesk, Guid.NewGuid()), id, "dispatch", new { assigneeId = _engineer }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await ActAsync(desk, id, "dispatch", new { assigneeId = _engineer });
        await ActAsync(EngineerClient(app, _engineer, "李工"), id, "accept");
        await ActAsync(EngineerClient(app, _engineer, "李工"), id, "start");
        await (await SendAsync(EngineerClient(app, _engineer, "李工"), id, "hold", new { reason = "" })).ShouldHaveFieldErrorAsync("reason");
        await (await SendAsync(EngineerClient(app, _engineer, "李工"), id, "complete", new { summary = "完成", labourMinutes = -1 }))
            .ShouldHaveFieldErrorAsync("labourMinutes");

        (await (await desk.GetAsync($"/work-orders/{id}", Cancel)).ReadJsonAsync()).GetProperty("status").GetString().ShouldBe("in_progress");
    }

    [Fact]
    public async Task The_sweeper_flags_an_order_at_80_percent_of_the_propertys_limit_and_escalates_it_past_the_limit()
    {
        await using var app = await StartAsync();
        var manager = app.ClientAs(Roles.Manager, _property);
        (await manager.PutAsync($"/time-limits/{_property}/high", Json(new { responseMinutes = 30, resolutionMinutes = 600 }), Cancel))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var desk = app.ClientAs(Roles.FrontDesk, _property);
        var id = await SubmitAsync(app, desk);
        var sweeper = app.Services.GetRequiredService<DeadlineSweeper>();

        app.Time.Advance(TimeSpan.FromMinutes(25));
        await sweeper.SweepAsync(Cancel);
        var approaching = await ReadAsync(app, id);
        app.Time.Advance(TimeSpan.FromMinutes(10));
        await sweeper.SweepAsync(Cancel);
        var overdue = await ReadAsync(app, id);

        approaching.GetProperty("timeLimits").GetProperty("responseFlag").GetString().ShouldBe("approaching");
        overdue.GetProperty("timeLimits").GetProperty("responseFlag").GetString().ShouldBe("overdue");
        overdue.GetProperty("timeLimits").GetProperty("escalatedAt").ValueKind.ShouldBe(JsonValueKind.String);
        (await app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%WorkOrderDeadlineBreached%'")).ShouldBe(1);
        await sweeper.SweepAsync(Cancel);
        (await app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%WorkOrderDeadline%'")).ShouldBe(2,
            "each flag is raised once");
    }

    [Fact]
    public async Task A_propertys_time_limits_start_from_the_defaults_and_only_a_manager_or_admin_changes_them()
    {
        await using var app = await StartAsync();

        var limits = await (await app.ClientAs(Roles.FrontDesk, _property).GetAsync($"/time-limits/{_property}", Cancel)).ReadJsonAsync();
        var emergency = limits.EnumerateArray().Single(l => l.GetProperty("priority").GetString() == "emergency");
        (emergency.GetProperty("responseMinutes").GetInt32(), emergency.GetProperty("resolutionMinutes").GetInt32()).ShouldBe((15, 240));
        await (await app.ClientAs(Roles.FrontDesk, _property).PutAsync($"/time-limits/{_property}/high",
            Json(new { responseMinutes = 30, resolutionMinutes = 600 }), Cancel)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await app.ClientAs(Roles.Manager, _property).PutAsync($"/time-limits/{_property}/high",
            Json(new { responseMinutes = 60, resolutionMinutes = 30 }), Cancel)).ShouldHaveFieldErrorAsync("resolutionMinutes");
    }

    private async Task<WorkOrdersApp> StartAsync()
    {
        var app = await WorkOrdersApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync("1201", _property);
        await app.WaitForUnitAsync(unit.UnitId);
        foreach (var (id, name) in new[] { (_engineer, "李工"), (_otherEngineer, "赵工") })
        {
            var staff = new StaffChanged(Guid.NewGuid(), DateTimeOffset.UtcNow, _property, id, true, name, "13900000000",
                Department.Engineering, [StaffRole.Engineer], [_property]);
            await app.PublishAsync(staff);
        }
        await Eventually.ReturnsAsync(() => app.ScalarAsync<long>("SELECT count(*) FROM engineers"), c => c == 2, WorkOrdersApp.Patience);
        _unit = unit.UnitId;
        return app;
    }

    private Guid _unit;

    private HttpClient EngineerClient(WorkOrdersApp app, Guid personId, string name) =>
        app.ClientAs(new AccessTokenContent(personId, name, [Roles.Engineer], false, [_property], []));

    private async Task<Guid> SubmitAsync(WorkOrdersApp app, HttpClient client)
    {
        var response = await client.PostJsonAsync("/work-orders", JsonSerializer.Serialize(new
        {
            unitId = _unit, category = "plumbing", priority = "high", channel = "phone", description = "卫生间漏水",
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    private async Task<JsonElement> ReadAsync(WorkOrdersApp app, Guid id) =>
        await (await app.ClientAs(Roles.Supervisor, _property).GetAsync($"/work-orders/{id}", Cancel)).ReadJsonAsync();

    /// <summary>Reads the order's version, acts with it as If-Match, and expects 200.</summary>
    private static async Task<JsonElement> ActAsync(HttpClient client, Guid id, string action, object? body = null)
    {
        var version = (await client.GetAsync($"/work-orders/{id}", Cancel)).Headers.ETag!.Tag;
        var response = await SendAsync(client, id, action, body, version);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{action}: {await response.Content.ReadAsStringAsync(Cancel)}");
        response.Headers.ETag!.Tag.ShouldNotBe(version);
        return await response.ReadJsonAsync();
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Guid id, string action, object? body = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/work-orders/{id}/{action}") { Content = Json(body ?? new { }) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }
        return client.SendAsync(request, Cancel);
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
