using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;
using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Complaints.Tests;

/// <summary>The front desk takes, investigates and answers complaints over HTTP, on real PostgreSQL and RabbitMQ.</summary>
public sealed class ComplaintApiTests(TestInfrastructure infrastructure)
{
    private static readonly TimeZoneInfo ChinaStandardTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task A_complaint_from_a_unit_is_numbered_stored_read_back_and_announced()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        var clerkId = Guid.NewGuid();
        var client = app.ClientAs(new AccessTokenContent(clerkId, "前台李静", [Roles.FrontDesk], false, [unit.PropertyId], []));
        await app.WaitForUnitAsync(unit.UnitId);

        var response = await client.PostJsonAsync("/complaints", Complaint(unit.PropertyId, unit.UnitId));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await response.ReadJsonAsync();
        var id = created.GetProperty("id").GetGuid();
        response.Headers.Location!.ToString().ShouldBe($"/complaints/{id}");
        created.GetProperty("number").GetString().ShouldBe($"TS-{TodayInChina(app):yyyyMMdd}-0001");
        created.GetProperty("status").GetString().ShouldBe("received");
        created.GetProperty("tier").GetString().ShouldBe("important");
        created.GetProperty("receivedBy").GetProperty("personId").GetGuid().ShouldBe(clerkId);
        created.GetProperty("receivedBy").GetProperty("name").GetString().ShouldBe("前台李静");

        var fetched = await client.GetFromJsonAsync<JsonElement>($"/complaints/{id}", Cancel);
        fetched.GetProperty("propertyId").GetGuid().ShouldBe(unit.PropertyId);
        fetched.GetProperty("unitId").GetGuid().ShouldBe(unit.UnitId);
        fetched.GetProperty("unitNumber").GetString().ShouldBe("1201");
        fetched.GetProperty("anonymous").GetBoolean().ShouldBeFalse();
        fetched.GetProperty("complainantName").GetString().ShouldBe("王女士");
        fetched.GetProperty("channel").GetString().ShouldBe("walk_in");
        fetched.GetProperty("category").GetString().ShouldBe("noise");
        fetched.GetProperty("description").GetString().ShouldBe("楼上装修噪音");
        fetched.GetProperty("receivedAt").GetDateTimeOffset().ShouldBe(created.GetProperty("receivedAt").GetDateTimeOffset());

        await Eventually.ReturnsAsync(
            () => app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE sent_at IS NOT NULL AND message_type LIKE '%.ComplaintReceived,%'"),
            count => count == 1, ComplaintsApp.Patience);
    }

    [Fact]
    public async Task An_important_complaint_reaches_the_bus_with_its_tier_for_the_managers()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        await app.WaitForUnitAsync(unit.UnitId);
        var announced = new TaskCompletionSource<ComplaintReceived>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listener = app.Services.GetRequiredService<IBus>().ConnectReceiveEndpoint($"test-listener-{Guid.NewGuid():N}",
            endpoint => endpoint.Handler<ComplaintReceived>(context =>
            {
                announced.TrySetResult(context.Message);
                return Task.CompletedTask;
            }));
        await listener.Ready.WaitAsync(ComplaintsApp.Patience, Cancel);

        var created = await (await app.ClientAs(Roles.FrontDesk, unit.PropertyId)
                .PostJsonAsync("/complaints", Collective(unit.PropertyId, unit.UnitId)))
            .ReadJsonAsync();

        var received = await announced.Task.WaitAsync(ComplaintsApp.Patience, Cancel);
        received.ComplaintId.ShouldBe(created.GetProperty("id").GetGuid());
        received.Tier.ShouldBe(ComplaintTier.Collective);
        received.PropertyId.ShouldBe(unit.PropertyId);
        await listener.StopAsync(Cancel);
    }

    [Fact]
    public async Task Numbers_run_on_per_property_and_start_again_the_next_day()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        var other = await app.RegisterUnitAsync(propertyId: Guid.NewGuid());
        var client = app.ClientAs(Roles.FrontDesk, unit.PropertyId);
        await app.WaitForUnitAsync(unit.UnitId);
        await app.WaitForUnitAsync(other.UnitId);

        var numbers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            numbers.Add(await NumberOf(client, Complaint(unit.PropertyId, unit.UnitId)));
        }
        var otherProperty = await NumberOf(app.ClientAs(Roles.FrontDesk, other.PropertyId), Complaint(other.PropertyId, other.UnitId));
        app.Time.Advance(TimeSpan.FromDays(1));
        // Yesterday's access token has long expired: the clerk signs in again.
        var nextDay = await NumberOf(app.ClientAs(Roles.FrontDesk, unit.PropertyId), Complaint(unit.PropertyId, unit.UnitId));

        numbers.Select(n => n[^4..]).ShouldBe(["0001", "0002", "0003"]);
        otherProperty[^4..].ShouldBe("0001");
        nextDay.ShouldBe($"TS-{TodayInChina(app):yyyyMMdd}-0001");
    }

    [Fact]
    public async Task An_anonymous_complaint_names_only_the_property()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        var client = app.ClientAs(Roles.FrontDesk, unit.PropertyId);
        await app.WaitForUnitAsync(unit.UnitId);

        var response = await client.PostJsonAsync("/complaints", Anonymous(unit.PropertyId));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await response.ReadJsonAsync();
        created.GetProperty("anonymous").GetBoolean().ShouldBeTrue();
        created.GetProperty("unitId").ValueKind.ShouldBe(JsonValueKind.Null);
        created.GetProperty("complainantName").ValueKind.ShouldBe(JsonValueKind.Null);
        created.GetProperty("tier").GetString().ShouldBe("general");
        var id = created.GetProperty("id").GetGuid();
        (await client.GetFromJsonAsync<JsonElement>($"/complaints/{id}", Cancel)).GetProperty("category").GetString().ShouldBe("cleaning");
    }

    [Fact]
    public async Task A_complaint_is_investigated_then_answered_and_the_answer_announced()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        var supervisorId = Guid.NewGuid();
        var client = app.ClientAs(new AccessTokenContent(supervisorId, "客服主管张伟", [Roles.Supervisor], false, [unit.PropertyId], []));
        await app.WaitForUnitAsync(unit.UnitId);
        var id = await Created(app.ClientAs(Roles.FrontDesk, unit.PropertyId), Complaint(unit.PropertyId, unit.UnitId));

        var investigating = await client.PostAsync($"/complaints/{id}/investigate", null, Cancel);
        investigating.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await investigating.ReadJsonAsync()).GetProperty("status").GetString().ShouldBe("investigating");

        var responded = await client.PostJsonAsync($"/complaints/{id}/respond", Answer());
        responded.StatusCode.ShouldBe(HttpStatusCode.OK);

        var complaint = await client.GetFromJsonAsync<JsonElement>($"/complaints/{id}", Cancel);
        complaint.GetProperty("status").GetString().ShouldBe("responded");
        complaint.GetProperty("finding").GetString().ShouldBe("装修单位超时施工属实");
        complaint.GetProperty("actionTaken").GetString().ShouldBe("已责令其按规定时间施工");
        complaint.GetProperty("justified").GetBoolean().ShouldBeTrue();
        complaint.GetProperty("investigatedBy").GetProperty("personId").GetGuid().ShouldBe(supervisorId);
        complaint.GetProperty("respondedBy").GetProperty("name").GetString().ShouldBe("客服主管张伟");
        complaint.GetProperty("investigationStartedAt").GetDateTimeOffset()
            .ShouldBeLessThanOrEqualTo(complaint.GetProperty("respondedAt").GetDateTimeOffset());
        await Eventually.ReturnsAsync(
            () => app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE sent_at IS NOT NULL AND message_type LIKE '%.ComplaintResponded,%'"),
            count => count == 1, ComplaintsApp.Patience);
    }

    [Fact]
    public async Task An_answer_before_the_investigation_is_refused_with_409_and_changes_nothing()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        var client = app.ClientAs(Roles.FrontDesk, unit.PropertyId);
        await app.WaitForUnitAsync(unit.UnitId);
        var id = await Created(client, Complaint(unit.PropertyId, unit.UnitId));

        await (await client.PostJsonAsync($"/complaints/{id}/respond", Answer())).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var complaint = await client.GetFromJsonAsync<JsonElement>($"/complaints/{id}", Cancel);
        complaint.GetProperty("status").GetString().ShouldBe("received");
        complaint.GetProperty("finding").ValueKind.ShouldBe(JsonValueKind.Null);
        complaint.GetProperty("justified").ValueKind.ShouldBe(JsonValueKind.Null);
        (await app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.ComplaintResponded,%'")).ShouldBe(0);
    }

    [Fact]
    public async Task Repeated_steps_are_refused_with_409_and_change_nothing()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        var client = app.ClientAs(Roles.FrontDesk, unit.PropertyId);
        await app.WaitForUnitAsync(unit.UnitId);
        var id = await Created(client, Complaint(unit.PropertyId, unit.UnitId));
        (await client.PostAsync($"/complaints/{id}/investigate", null, Cancel)).EnsureSuccessStatusCode();
        var started = (await client.GetFromJsonAsync<JsonElement>($"/complaints/{id}", Cancel)).GetProperty("investigationStartedAt").GetDateTimeOffset();

        await (await client.PostAsync($"/complaints/{id}/investigate", null, Cancel)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await client.GetFromJsonAsync<JsonElement>($"/complaints/{id}", Cancel)).GetProperty("investigationStartedAt").GetDateTimeOffset()
            .ShouldBe(started);

        (await client.PostJsonAsync($"/complaints/{id}/respond", Answer())).EnsureSuccessStatusCode();
        await (await client.PostJsonAsync($"/complaints/{id}/respond", Answer(finding: "改口", justified: false)))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await client.PostAsync($"/complaints/{id}/investigate", null, Cancel)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var complaint = await client.GetFromJsonAsync<JsonElement>($"/complaints/{id}", Cancel);
        complaint.GetProperty("status").GetString().ShouldBe("responded");
        complaint.GetProperty("finding").GetString().ShouldBe("装修单位超时施工属实");
        complaint.GetProperty("justified").GetBoolean().ShouldBeTrue();
        (await app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.ComplaintResponded,%'")).ShouldBe(1);
    }

    [Theory]
    [InlineData("finding", "")]
    [InlineData("actionTaken", null)]
    [InlineData("justified", null)]
    public async Task An_incomplete_answer_is_a_field_error_and_changes_nothing(string field, string? value)
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        var client = app.ClientAs(Roles.FrontDesk, unit.PropertyId);
        await app.WaitForUnitAsync(unit.UnitId);
        var id = await Created(client, Complaint(unit.PropertyId, unit.UnitId));
        (await client.PostAsync($"/complaints/{id}/investigate", null, Cancel)).EnsureSuccessStatusCode();
        var answer = JsonNode.Parse(Answer())!.AsObject();
        answer[field] = value is null ? null : JsonValue.Create(value);

        await (await client.PostJsonAsync($"/complaints/{id}/respond", answer.ToJsonString())).ShouldHaveFieldErrorAsync(field);

        (await client.GetFromJsonAsync<JsonElement>($"/complaints/{id}", Cancel)).GetProperty("status").GetString().ShouldBe("investigating");
    }

    [Fact]
    public async Task Complaints_are_listed_by_property_status_and_tier()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        var client = app.ClientAs(Roles.FrontDesk, unit.PropertyId);
        await app.WaitForUnitAsync(unit.UnitId);
        var first = await Created(client, Complaint(unit.PropertyId, unit.UnitId, tier: "important"));
        await Created(client, Complaint(unit.PropertyId, unit.UnitId, tier: "general"));
        await Created(client, Anonymous(unit.PropertyId));
        (await client.PostAsync($"/complaints/{first}/investigate", null, Cancel)).EnsureSuccessStatusCode();

        (await Total(client, $"/complaints?propertyId={unit.PropertyId}")).ShouldBe(3);
        (await Total(client, $"/complaints?propertyId={unit.PropertyId}&tier=general")).ShouldBe(2);
        (await Total(client, $"/complaints?propertyId={unit.PropertyId}&status=investigating")).ShouldBe(1);
        (await Total(client, $"/complaints?propertyId={unit.PropertyId}&status=received&tier=important")).ShouldBe(0);
        (await Total(client, $"/complaints?propertyId={Guid.NewGuid()}")).ShouldBe(0);
        var newestFirst = await client.GetFromJsonAsync<JsonElement>($"/complaints?propertyId={unit.PropertyId}&pageSize=1", Cancel);
        newestFirst.GetProperty("items")[0].GetProperty("anonymous").GetBoolean().ShouldBeTrue();
        await (await client.GetAsync("/complaints?tier=urgent", Cancel)).ShouldHaveFieldErrorAsync("tier");
        await (await client.GetAsync("/complaints?status=open", Cancel)).ShouldHaveFieldErrorAsync("status");
    }

    [Fact]
    public async Task A_complaint_naming_an_unknown_unit_is_a_field_error_and_nothing_is_stored()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        await app.WaitForUnitAsync(unit.UnitId);

        await (await app.ClientAs(Roles.FrontDesk, unit.PropertyId).PostJsonAsync("/complaints", Complaint(unit.PropertyId, Guid.NewGuid())))
            .ShouldHaveFieldErrorAsync("unitId");

        await ShouldHaveStoredNothingAsync(app);
    }

    [Fact]
    public async Task A_complaint_naming_a_unit_of_another_property_is_a_field_error_and_nothing_is_stored()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        var elsewhere = await app.RegisterUnitAsync(propertyId: Guid.NewGuid());
        await app.WaitForUnitAsync(unit.UnitId);
        await app.WaitForUnitAsync(elsewhere.UnitId);

        // A clerk working at both properties names the wrong one.
        var client = app.ClientAs(Roles.FrontDesk, unit.PropertyId, elsewhere.PropertyId);

        var problem = await (await client.PostJsonAsync("/complaints", Complaint(unit.PropertyId, elsewhere.UnitId)))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("errors").GetProperty("unitId")[0].GetString().ShouldBe("The unit belongs to another property.");

        await ShouldHaveStoredNothingAsync(app);
    }

    [Fact]
    public async Task An_anonymous_complaint_for_a_property_without_units_is_a_field_error_and_nothing_is_stored()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var propertyId = Guid.NewGuid();

        await (await app.ClientAs(Roles.FrontDesk, propertyId).PostJsonAsync("/complaints", Anonymous(propertyId))).ShouldHaveFieldErrorAsync("propertyId");

        await ShouldHaveStoredNothingAsync(app);
    }

    [Theory]
    [InlineData("channel", null)]
    [InlineData("category", null)]
    [InlineData("description", "")]
    [InlineData("description", null)]
    [InlineData("complainantPhone", "call me")]
    [InlineData("anonymous", true)] // anonymous, yet naming a unit and a complainant
    [InlineData("propertyId", "00000000-0000-0000-0000-000000000000")]
    public async Task Invalid_complaints_are_400_field_errors_and_nothing_is_stored(string field, object? value)
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        await app.WaitForUnitAsync(unit.UnitId);
        var body = JsonNode.Parse(Complaint(unit.PropertyId, unit.UnitId))!.AsObject();
        body[field] = value switch
        {
            null => null,
            string text => JsonValue.Create(text),
            bool flag => JsonValue.Create(flag),
            _ => throw new ArgumentOutOfRangeException(nameof(value)),
        };

        await (await app.ClientAs(Roles.FrontDesk, unit.PropertyId).PostJsonAsync("/complaints", body.ToJsonString())).ShouldHaveFieldErrorAsync(field);

        await ShouldHaveStoredNothingAsync(app);
    }

    [Fact]
    public async Task A_complaint_naming_nobody_must_be_marked_anonymous()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        await app.WaitForUnitAsync(unit.UnitId);
        var body = JsonSerializer.Serialize(new { propertyId = unit.PropertyId, channel = "phone", category = "noise", description = "夜间噪音" });

        await (await app.ClientAs(Roles.FrontDesk, unit.PropertyId).PostJsonAsync("/complaints", body)).ShouldHaveFieldErrorAsync("anonymous");

        await ShouldHaveStoredNothingAsync(app);
    }

    [Theory]
    [InlineData("{\"propertyId\": ")]
    [InlineData("{\"propertyId\": \"00000000-0000-0000-0000-000000000001\", \"anonymous\": true, \"channel\": \"fax\", \"category\": \"noise\", \"description\": \"x\"}")]
    [InlineData("{\"propertyId\": \"00000000-0000-0000-0000-000000000001\", \"anonymous\": true, \"channel\": \"phone\", \"category\": \"noise\", \"tier\": \"urgent\", \"description\": \"x\"}")]
    [InlineData("{\"propertyId\": 7}")]
    [InlineData("")]
    public async Task Malformed_requests_are_400_problems_and_nothing_is_stored(string body)
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);

        await (await app.ClientAs(Roles.FrontDesk, Guid.Parse("00000000-0000-0000-0000-000000000001")).PostJsonAsync("/complaints", body))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        await ShouldHaveStoredNothingAsync(app);
    }

    [Fact]
    public async Task Unknown_complaints_are_404_problems()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var client = app.ClientAs(Roles.Supervisor, Guid.NewGuid());

        await (await client.GetAsync($"/complaints/{Guid.NewGuid()}", Cancel)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsync($"/complaints/{Guid.NewGuid()}/investigate", null, Cancel)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostJsonAsync($"/complaints/{Guid.NewGuid()}/respond", Answer())).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_service_describes_itself_and_reports_its_health()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        // The description and the health checks are open: no sign-in needed.
        var client = app.CreateClient();

        var openApi = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Cancel);
        openApi.GetProperty("paths").TryGetProperty("/complaints/{id}/respond", out _).ShouldBeTrue();
        (await client.GetAsync("/health", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/alive", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static DateTime TodayInChina(ComplaintsApp app) => TimeZoneInfo.ConvertTime(app.Time.GetUtcNow(), ChinaStandardTime).Date;

    private static async Task<Guid> Created(HttpClient client, string complaint)
    {
        var response = await client.PostJsonAsync("/complaints", complaint);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    private static async Task<string> NumberOf(HttpClient client, string complaint)
    {
        var response = await client.PostJsonAsync("/complaints", complaint);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.ReadJsonAsync()).GetProperty("number").GetString()!;
    }

    private static async Task<int> Total(HttpClient client, string path) =>
        (await client.GetFromJsonAsync<JsonElement>(path, Cancel)).GetProperty("total").GetInt32();

    private static async Task ShouldHaveStoredNothingAsync(ComplaintsApp app)
    {
        (await app.ScalarAsync<long>("SELECT count(*) FROM complaints")).ShouldBe(0);
        (await app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages")).ShouldBe(0);
        (await app.ScalarAsync<long>("SELECT count(*) FROM daily_counters")).ShouldBe(0);
    }

    private static string Complaint(Guid propertyId, Guid unitId, string tier = "important") => JsonSerializer.Serialize(new
    {
        propertyId,
        unitId,
        complainantName = "王女士",
        complainantPhone = "13800138000",
        channel = "walk_in",
        category = "noise",
        tier,
        description = "楼上装修噪音",
    });

    private static string Collective(Guid propertyId, Guid unitId) => JsonSerializer.Serialize(new
    {
        propertyId,
        unitId,
        complainantName = "王女士",
        channel = "walk_in",
        category = "noise",
        tier = "collective",
        description = "楼上装修噪音",
        coComplainants = new[] { new { name = "李先生", unit = "1202" } },
    });

    private static string Anonymous(Guid propertyId) => JsonSerializer.Serialize(new
    {
        propertyId,
        anonymous = true,
        channel = "letter",
        category = "cleaning",
        description = "大堂地面长期不清洁",
    });

    private static string Answer(string finding = "装修单位超时施工属实", bool justified = true) => JsonSerializer.Serialize(new
    {
        finding,
        actionTaken = "已责令其按规定时间施工",
        justified,
        explanation = justified ? null : "经核实, 施工在允许时段内",
    });
}
