using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Complaints.Tests;

/// <summary>A complaint's whole life over HTTP, on real PostgreSQL and RabbitMQ: owner, clocks, feedback, reopening, closing.</summary>
public sealed class ComplaintLifecycleApiTests(TestInfrastructure infrastructure)
{
    [Fact]
    public async Task An_occupants_noise_complaint_is_answered_reopened_answered_again_and_closed_satisfied()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        await app.WaitForUnitAsync(unit.UnitId);
        var occupantId = Guid.NewGuid();
        var occupant = app.ClientAsOccupant(occupantId, unit.PropertyId, unit.UnitId);
        var deskId = Guid.NewGuid();
        var desk = app.ClientAs(new AccessTokenContent(deskId, "前台李静", [Roles.FrontDesk], false, [unit.PropertyId], []));

        var created = await (await occupant.PostJsonAsync("/complaints", JsonSerializer.Serialize(new
        {
            propertyId = unit.PropertyId, unitId = unit.UnitId, channel = "occupant_app", category = "noise", description = "楼上夜间装修噪音",
        }))).ReadJsonAsync();
        var id = created.GetProperty("id").GetGuid();
        created.GetProperty("owner").ValueKind.ShouldBe(JsonValueKind.Null);
        created.GetProperty("complainantId").GetGuid().ShouldBe(occupantId);

        (await Step(desk, id, "investigate")).GetProperty("owner").GetProperty("personId").GetGuid().ShouldBe(deskId);
        await Step(desk, id, "respond", new { finding = "楼上装修超时施工属实", actionTaken = "已责令按时施工", justified = true });
        var requested = await Step(desk, id, "work-orders", new { category = "other", priority = "normal", description = "检查楼上施工隔音" });
        requested.GetProperty("workOrderRequests").GetArrayLength().ShouldBe(1);

        var reopened = await Step(occupant, id, "feedback", new { satisfied = false, comment = "晚上仍有噪音" });
        reopened.GetProperty("status").GetString().ShouldBe("reopened");
        reopened.GetProperty("reopenCount").GetInt32().ShouldBe(1);

        await Step(desk, id, "investigate");
        await Step(desk, id, "respond", new { finding = "复查: 夜间仍施工", actionTaken = "已暂停其夜间施工许可", justified = true });
        (await Step(occupant, id, "feedback", new { satisfied = true })).GetProperty("status").GetString().ShouldBe("feedback");
        var closed = await Step(desk, id, "close", new { });

        closed.GetProperty("status").GetString().ShouldBe("closed");
        closed.GetProperty("satisfied").GetBoolean().ShouldBeTrue();
        closed.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "transition")
            .Select(e => e.GetProperty("to").GetString()).ShouldBe(
                ["received", "investigating", "responded", "reopened", "investigating", "responded", "feedback", "closed"]);
        var mine = await occupant.GetFromJsonAsync<JsonElement>("/complaints", Cancel);
        mine.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == id).GetProperty("status").GetString().ShouldBe("closed");
        foreach (var type in new[] { "ComplaintInvestigationStarted", "ComplaintResponded", "ComplaintFeedbackGiven", "ComplaintReopened", "ComplaintClosed" })
        {
            (await app.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.{type},%'")).ShouldBeGreaterThan(0, type);
        }
    }

    [Fact]
    public async Task A_collective_complaint_reaches_a_manager_at_once_and_shows_in_the_managers_queue()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        await app.WaitForUnitAsync(unit.UnitId);
        var desk = app.ClientAs(Roles.FrontDesk, unit.PropertyId);

        var created = await (await desk.PostJsonAsync("/complaints", JsonSerializer.Serialize(new
        {
            propertyId = unit.PropertyId, unitId = unit.UnitId, complainantName = "王女士", channel = "walk_in", category = "parking", tier = "collective",
            description = "地库入口长期被占用", location = "B1 车库入口",
            coComplainants = new[] { new { name = "李先生", phone = (string?)"13900000001", unit = "1202" }, new { name = "赵女士", phone = (string?)null, unit = "1203" } },
        }))).ReadJsonAsync();

        created.GetProperty("escalatedTo").GetString().ShouldBe("manager");
        created.GetProperty("location").GetString().ShouldBe("B1 车库入口");
        created.GetProperty("coComplainants").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ShouldBe(["李先生", "赵女士"]);
        var queue = await app.ClientAs(Roles.Manager, unit.PropertyId).GetFromJsonAsync<JsonElement>($"/complaints?escalatedTo=manager", Cancel);
        queue.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ShouldContain(created.GetProperty("id").GetGuid());
        await Eventually.ReturnsAsync(
            () => app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE sent_at IS NOT NULL AND message_type LIKE '%.ComplaintEscalated,%'"),
            count => count == 1, ComplaintsApp.Patience);
    }

    [Fact]
    public async Task A_stale_version_is_a_409_and_changes_nothing()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var (desk, id) = await NewComplaintAsync(app);
        var read = await desk.GetAsync($"/complaints/{id}", Cancel);
        var etag = read.Headers.ETag!.Tag;

        var first = await Send(desk, id, "investigate", null, etag);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.ETag!.Tag.ShouldNotBe(etag);
        var stale = await Send(desk, id, "commit-reply-time", new { replyBy = app.Time.GetUtcNow().AddDays(1) }, etag);

        var problem = await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("changed since you read it");
        var now = await desk.GetFromJsonAsync<JsonElement>($"/complaints/{id}", Cancel);
        now.GetProperty("replyCommittedAt").ValueKind.ShouldBe(JsonValueKind.Null);
        (await Send(desk, id, "commit-reply-time", new { replyBy = app.Time.GetUtcNow().AddDays(1) }, first.Headers.ETag!.Tag)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_committed_reply_time_reminds_the_owner_before_it_and_escalates_to_the_supervisor_past_it()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var (desk, id) = await NewComplaintAsync(app);
        await Step(desk, id, "investigate");
        var replyBy = app.Time.GetUtcNow().AddDays(2);
        (await Step(desk, id, "commit-reply-time", new { replyBy, note = "需协调装修单位" })).GetProperty("replyDueAt").GetDateTimeOffset()
            .ShouldBe(replyBy, TimeSpan.FromMilliseconds(1));

        app.Time.Advance(TimeSpan.FromDays(2) - TimeSpan.FromHours(1));
        await app.SweepAsync();
        var reminded = await app.ClientAs(Roles.FrontDesk, await PropertyOf(app, id)).GetFromJsonAsync<JsonElement>($"/complaints/{id}", Cancel);
        reminded.GetProperty("replyFlag").GetString().ShouldBe("approaching");
        (await app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.ComplaintDeadlineApproaching,%'")).ShouldBe(1);

        app.Time.Advance(TimeSpan.FromHours(2));
        await app.SweepAsync();
        await app.SweepAsync();
        var late = await app.ClientAs(Roles.Supervisor, await PropertyOf(app, id)).GetFromJsonAsync<JsonElement>($"/complaints/{id}", Cancel);
        late.GetProperty("replyFlag").GetString().ShouldBe("overdue");
        late.GetProperty("escalatedTo").GetString().ShouldBe("supervisor");
        (await app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.ComplaintDeadlineBreached,%'")).ShouldBe(1);
        var overdue = await app.ClientAs(Roles.Supervisor, await PropertyOf(app, id)).GetFromJsonAsync<JsonElement>("/complaints?overdue=true", Cancel);
        overdue.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ShouldContain(id);
    }

    [Fact]
    public async Task An_investigation_not_started_the_day_of_receipt_is_escalated_after_a_restart_too()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var (_, id) = await NewComplaintAsync(app);
        var property = await PropertyOf(app, id);

        // Nobody swept for a day (the service was down): the next sweep acts on what came due meanwhile.
        app.Time.Advance(TimeSpan.FromDays(1));
        await app.SweepAsync();

        var complaint = await app.ClientAs(Roles.Supervisor, property).GetFromJsonAsync<JsonElement>($"/complaints/{id}", Cancel);
        complaint.GetProperty("investigationOverdue").GetBoolean().ShouldBeTrue();
        complaint.GetProperty("escalatedTo").GetString().ShouldBe("supervisor");
        complaint.GetProperty("timeline").EnumerateArray().Last().GetProperty("by").GetProperty("name").GetString().ShouldBe("system");
    }

    [Fact]
    public async Task Only_the_owner_or_a_lead_hands_over_and_the_new_owner_is_shown()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var (owner, id) = await NewComplaintAsync(app);
        var property = await PropertyOf(app, id);
        var colleagueId = Guid.NewGuid();

        await (await Send(app.ClientAs(Roles.FrontDesk, property), id, "handover", new { toPersonId = colleagueId, toName = "前台刘洋", note = "我来" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var handed = await Step(owner, id, "handover", new { toPersonId = colleagueId, toName = "前台刘洋", note = "交班: 待回复业主" });

        handed.GetProperty("owner").GetProperty("personId").GetGuid().ShouldBe(colleagueId);
        handed.GetProperty("timeline").EnumerateArray().Last().GetProperty("note").GetString()!.ShouldContain("前台刘洋");
        var worklist = await app.ClientAs(new AccessTokenContent(colleagueId, "前台刘洋", [Roles.FrontDesk], false, [property], []))
            .GetFromJsonAsync<JsonElement>("/complaints?ownedByMe=true", Cancel);
        worklist.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ShouldBe([id]);
    }

    [Fact]
    public async Task A_manager_records_compensation_and_closes_an_unresolved_complaint_with_a_reason()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var (desk, id) = await NewComplaintAsync(app);
        var manager = app.ClientAs(Roles.Manager, await PropertyOf(app, id));
        await Step(desk, id, "investigate");
        await Step(desk, id, "respond", new { finding = "保洁损坏地板属实", actionTaken = "已修复", justified = true });

        await (await Send(desk, id, "compensation", new { amount = 300, agreement = "赔偿" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var compensated = await Step(manager, id, "compensation", new { amount = 350.5m, agreement = "赔偿地板修复费用" });
        compensated.GetProperty("compensation").GetProperty("amount").GetDecimal().ShouldBe(350.5m);

        await (await Send(desk, id, "close", new { reason = "联系不上投诉人" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await Send(manager, id, "close", new { })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var closed = await Step(manager, id, "close", new { reason = "多次联系不上投诉人" });
        closed.GetProperty("status").GetString().ShouldBe("closed");
        closed.GetProperty("closeReason").GetString().ShouldBe("多次联系不上投诉人");
    }

    [Fact]
    public async Task Raising_the_tier_needs_a_reason_and_lowering_an_important_one_needs_a_manager()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var (desk, id) = await NewComplaintAsync(app);
        var property = await PropertyOf(app, id);

        await (await Send(desk, id, "tier", new { tier = "important" })).ShouldHaveFieldErrorAsync("reason");
        (await Step(desk, id, "tier", new { tier = "important", reason = "涉及消防安全" })).GetProperty("escalatedTo").GetString().ShouldBe("manager");
        await (await Send(desk, id, "tier", new { tier = "general", reason = "误判" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await Step(app.ClientAs(Roles.Manager, property), id, "tier", new { tier = "general", reason = "误判" })).GetProperty("tier").GetString().ShouldBe("general");
        (await app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.ComplaintTierChanged,%'")).ShouldBe(2);
    }

    [Theory]
    [InlineData("commit-reply-time", "{}", "replyBy")]
    [InlineData("respond", "{\"finding\":\"不属实\",\"actionTaken\":\"已说明\",\"justified\":false}", "explanation")]
    [InlineData("feedback", "{}", "satisfied")]
    [InlineData("reopen", "{\"reason\":\"\"}", "reason")]
    [InlineData("escalate", "{\"level\":\"manager\"}", "reason")]
    [InlineData("handover", "{\"toName\":\"刘洋\",\"note\":\"x\"}", "toPersonId")]
    [InlineData("compensation", "{\"amount\":1.001,\"agreement\":\"x\"}", "amount")]
    public async Task Bad_input_is_a_field_error_and_changes_nothing(string action, string body, string field)
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var (desk, id) = await NewComplaintAsync(app);
        await Step(desk, id, "investigate");
        var before = await desk.GetAsync($"/complaints/{id}", Cancel);
        var client = action == "compensation" ? app.ClientAs(Roles.Manager, await PropertyOf(app, id)) : desk;
        var outbox = await app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages");

        await (await client.PostJsonAsync($"/complaints/{id}/{action}", body)).ShouldHaveFieldErrorAsync(field);

        (await desk.GetAsync($"/complaints/{id}", Cancel)).Headers.ETag!.Tag.ShouldBe(before.Headers.ETag!.Tag);
        (await app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages")).ShouldBe(outbox);
    }

    [Fact]
    public async Task A_step_the_state_refuses_is_a_409_and_changes_nothing()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var (desk, id) = await NewComplaintAsync(app);
        var before = await desk.GetAsync($"/complaints/{id}", Cancel);

        await (await Send(desk, id, "feedback", new { satisfied = true })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await Send(desk, id, "reopen", new { reason = "x" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await Send(desk, id, "commit-reply-time", new { replyBy = app.Time.GetUtcNow().AddMinutes(-5) })).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        (await desk.GetAsync($"/complaints/{id}", Cancel)).Headers.ETag!.Tag.ShouldBe(before.Headers.ETag!.Tag);
        (await app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE message_type NOT LIKE '%.ComplaintReceived,%'")).ShouldBe(0);
    }

    [Fact]
    public async Task An_anonymous_complaint_hides_the_complainant_from_everyone_but_the_owner_and_managers()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        await app.WaitForUnitAsync(unit.UnitId);
        var ownerId = Guid.NewGuid();
        var owner = app.ClientAs(new AccessTokenContent(ownerId, "前台李静", [Roles.FrontDesk], false, [unit.PropertyId], []));
        var id = (await (await owner.PostJsonAsync("/complaints", JsonSerializer.Serialize(new
        {
            propertyId = unit.PropertyId, anonymous = true, complainantName = "匿名来电人", complainantPhone = "13800138000", channel = "phone",
            category = "staff_conduct", description = "保安态度恶劣",
        }))).ReadJsonAsync()).GetProperty("id").GetGuid();

        foreach (var client in new[] { owner, app.ClientAs(Roles.Manager, unit.PropertyId) })
        {
            var seen = await client.GetFromJsonAsync<JsonElement>($"/complaints/{id}", Cancel);
            seen.GetProperty("complainantHidden").GetBoolean().ShouldBeFalse();
            seen.GetProperty("complainantPhone").GetString().ShouldBe("13800138000");
        }
        foreach (var client in new[] { app.ClientAs(Roles.FrontDesk, unit.PropertyId), app.ClientAs(Roles.Supervisor, unit.PropertyId), app.ClientAsAdmin() })
        {
            var seen = await client.GetFromJsonAsync<JsonElement>($"/complaints/{id}", Cancel);
            seen.GetProperty("complainantHidden").GetBoolean().ShouldBeTrue();
            seen.GetProperty("complainantName").ValueKind.ShouldBe(JsonValueKind.Null);
            seen.GetProperty("complainantPhone").ValueKind.ShouldBe(JsonValueKind.Null);
            var listed = (await client.GetFromJsonAsync<JsonElement>("/complaints?pageSize=200", Cancel)).GetProperty("items").EnumerateArray()
                .Single(c => c.GetProperty("id").GetGuid() == id);
            listed.GetProperty("complainantPhone").ValueKind.ShouldBe(JsonValueKind.Null);
        }
        await (await app.ClientAsOccupant(Guid.NewGuid(), unit.PropertyId, unit.UnitId).GetAsync($"/complaints/{id}", Cancel))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_occupant_complaining_anonymously_follows_it_while_staff_do_not_learn_who_they_are()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        await app.WaitForUnitAsync(unit.UnitId);
        var occupantId = Guid.NewGuid();
        var occupant = app.ClientAsOccupant(occupantId, unit.PropertyId, unit.UnitId);

        var response = await occupant.PostJsonAsync("/complaints", JsonSerializer.Serialize(new
        {
            propertyId = unit.PropertyId, anonymous = true, channel = "occupant_app", category = "neighbours", description = "邻居宠物夜间吠叫", location = "A座 12 层",
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        var id = (await response.ReadJsonAsync()).GetProperty("id").GetGuid();

        var own = await occupant.GetFromJsonAsync<JsonElement>($"/complaints/{id}", Cancel);
        own.GetProperty("complainantId").GetGuid().ShouldBe(occupantId);
        var desk = await app.ClientAs(Roles.FrontDesk, unit.PropertyId).GetFromJsonAsync<JsonElement>($"/complaints/{id}", Cancel);
        desk.GetProperty("complainantHidden").GetBoolean().ShouldBeTrue();
        desk.GetProperty("receivedBy").ValueKind.ShouldBe(JsonValueKind.Null);
        desk.GetProperty("complainantId").ValueKind.ShouldBe(JsonValueKind.Null);
        desk.GetProperty("timeline")[0].GetProperty("by").ValueKind.ShouldBe(JsonValueKind.Null);
        desk.GetProperty("channel").GetString().ShouldBe("occupant_app");
        // Another occupant of the same unit does not see it: it has no unit, only its complainant.
        await (await app.ClientAsOccupant(Guid.NewGuid(), unit.PropertyId, unit.UnitId).GetAsync($"/complaints/{id}", Cancel))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await app.ClientAsOccupant(Guid.NewGuid(), unit.PropertyId, unit.UnitId).GetFromJsonAsync<JsonElement>("/complaints", Cancel))
            .GetProperty("total").GetInt32().ShouldBe(0);
    }

    private static async Task<Guid> PropertyOf(ComplaintsApp app, Guid id) =>
        await app.ScalarAsync<Guid>($"SELECT property_id FROM complaints WHERE id = '{id}'");

    private static async Task<(HttpClient Desk, Guid Id)> NewComplaintAsync(ComplaintsApp app)
    {
        var unit = await app.RegisterUnitAsync();
        await app.WaitForUnitAsync(unit.UnitId);
        var desk = app.ClientAs(new AccessTokenContent(Guid.NewGuid(), "前台李静", [Roles.FrontDesk], false, [unit.PropertyId], []));
        var response = await desk.PostJsonAsync("/complaints", JsonSerializer.Serialize(new
        {
            propertyId = unit.PropertyId, unitId = unit.UnitId, complainantName = "王女士", channel = "phone", category = "cleaning", description = "保洁损坏地板",
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return (desk, (await response.ReadJsonAsync()).GetProperty("id").GetGuid());
    }

    private static async Task<JsonElement> Step(HttpClient client, Guid id, string action, object? body = null)
    {
        var response = await Send(client, id, action, body);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{action}: {await response.Content.ReadAsStringAsync(Cancel)}");
        return await response.ReadJsonAsync();
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, Guid id, string action, object? body, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/complaints/{id}/{action}")
        {
            Content = body is null ? null : new StringContent(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json"),
        };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }
        return await client.SendAsync(request, Cancel);
    }
}
