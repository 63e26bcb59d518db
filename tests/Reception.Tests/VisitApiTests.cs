using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;
using PropertyPlatform.Contracts.Reception;
using PropertyPlatform.Reception.Infrastructure;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Reception.Tests;

/// <summary>Hosts pre-register visitors and security checks them in and out, over HTTP, on real PostgreSQL and RabbitMQ.</summary>
public sealed class VisitApiTests(TestInfrastructure infrastructure)
{
    private const string IdNumber = "11010519491231002X";

    [Fact]
    public async Task A_visit_to_a_known_unit_is_stored_with_a_pass_code_and_read_back_with_the_id_number_masked()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        var client = app.ClientAs(Roles.FrontDesk, unit.PropertyId);
        await app.WaitForUnitAsync(unit.UnitId);
        var from = DateTimeOffset.UtcNow.AddMinutes(30);

        var response = await client.PostJsonAsync("/visits", Visit(unit.UnitId, from));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        body.ShouldNotContain(IdNumber);
        var created = JsonDocument.Parse(body).RootElement;
        var id = created.GetProperty("id").GetGuid();
        response.Headers.Location!.ToString().ShouldBe($"/visits/{id}");
        created.GetProperty("status").GetString().ShouldBe("expected");
        created.GetProperty("propertyId").GetGuid().ShouldBe(unit.PropertyId);
        created.GetProperty("unitNumber").GetString().ShouldBe("1201");
        created.GetProperty("idType").GetString().ShouldBe("resident_id_card");
        created.GetProperty("idNumberMasked").GetString().ShouldBe("110***********002X");
        created.GetProperty("partySize").GetInt32().ShouldBe(2);
        var passCode = created.GetProperty("passCode").GetString()!;
        passCode.ShouldMatch("^[0-9]{8}$");

        var fetched = await client.GetAsync($"/visits/{id}", Cancel);
        var fetchedBody = await fetched.Content.ReadAsStringAsync(Cancel);
        fetchedBody.ShouldNotContain(IdNumber);
        var visit = JsonDocument.Parse(fetchedBody).RootElement;
        visit.GetProperty("visitorName").GetString().ShouldBe("张三");
        visit.GetProperty("plateNumber").GetString().ShouldBe("京A12345");
        visit.GetProperty("expectedFrom").GetDateTimeOffset().ShouldBe(from, TimeSpan.FromMilliseconds(1));
        // What the creation answered is what is read back, to the microsecond.
        foreach (var time in new[] { "expectedFrom", "expectedUntil", "registeredAt" })
        {
            visit.GetProperty(time).GetDateTimeOffset().ShouldBe(created.GetProperty(time).GetDateTimeOffset());
        }

        var byCode = await client.GetFromJsonAsync<JsonElement>($"/visits/by-pass-code/{passCode}?propertyId={unit.PropertyId}", Cancel);
        byCode.GetProperty("id").GetGuid().ShouldBe(id);

        // The full number is kept for the gate's check, encrypted; the front desk never reads it.
        byCode.GetProperty("idNumber").ValueKind.ShouldBe(JsonValueKind.Null);
        var stored = await app.ScalarAsync<string>($"SELECT id_number_ciphertext FROM visits WHERE id = '{id}'");
        stored.ShouldNotContain(IdNumber);
        app.Services.GetRequiredService<IdNumberProtector>().Reveal(stored).ShouldBe(IdNumber);
    }

    [Fact]
    public async Task Registering_announces_VisitRegistered_on_the_bus()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        await app.WaitForUnitAsync(unit.UnitId);
        var announced = new TaskCompletionSource<VisitRegistered>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listener = app.Services.GetRequiredService<IBus>().ConnectReceiveEndpoint($"test-listener-{Guid.NewGuid():N}",
            endpoint => endpoint.Handler<VisitRegistered>(context =>
            {
                announced.TrySetResult(context.Message);
                return Task.CompletedTask;
            }));
        await listener.Ready.WaitAsync(ReceptionApp.Patience, Cancel);

        var frontDesk = app.ClientAs(Roles.FrontDesk, unit.PropertyId);
        var created = await (await frontDesk.PostJsonAsync("/visits", Visit(unit.UnitId, DateTimeOffset.UtcNow.AddHours(1)))).ReadJsonAsync();

        var registered = await announced.Task.WaitAsync(ReceptionApp.Patience, Cancel);
        registered.VisitId.ShouldBe(created.GetProperty("id").GetGuid());
        registered.PropertyId.ShouldBe(unit.PropertyId);
        registered.UnitId.ShouldBe(unit.UnitId);
        await listener.StopAsync(Cancel);
    }

    [Fact]
    public async Task Visits_are_listed_by_property_unit_status_and_local_day()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        var other = await app.RegisterUnitAsync("1202", unit.PropertyId);
        var client = app.ClientAs(Roles.FrontDesk, unit.PropertyId);
        await app.WaitForUnitAsync(unit.UnitId);
        await app.WaitForUnitAsync(other.UnitId);
        var now = DateTimeOffset.UtcNow;
        var today = await Created(client, Visit(unit.UnitId, now));
        await Created(client, Visit(other.UnitId, now.AddMinutes(2)));
        await Created(client, Visit(unit.UnitId, now.AddDays(3)));
        (await client.PostAsync($"/visits/{today}/check-in", null, Cancel)).EnsureSuccessStatusCode();

        (await Total(client, $"/visits?propertyId={unit.PropertyId}")).ShouldBe(3);
        (await Total(client, $"/visits?propertyId={unit.PropertyId}&unitId={unit.UnitId}")).ShouldBe(2);
        (await Total(client, $"/visits?propertyId={unit.PropertyId}&status=checked_in")).ShouldBe(1);
        (await Total(client, $"/visits?propertyId={unit.PropertyId}&status=expected")).ShouldBe(2);
        var localDay = TimeZoneInfo.ConvertTime(now.AddDays(3), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        (await Total(client, $"/visits?propertyId={unit.PropertyId}&date={localDay:yyyy-MM-dd}")).ShouldBe(1);
        (await Total(client, $"/visits?propertyId={Guid.NewGuid()}")).ShouldBe(0);

        var page = await client.GetFromJsonAsync<JsonElement>($"/visits?propertyId={unit.PropertyId}&pageSize=2", Cancel);
        page.GetProperty("items").GetArrayLength().ShouldBe(2);
        page.GetProperty("pageSize").GetInt32().ShouldBe(2);
    }

    [Theory]
    [InlineData("status=arrived", "status")]
    [InlineData("date=0001-01-01", "date")]
    [InlineData("date=9999-12-31", "date")]
    public async Task Unusable_list_filters_are_field_errors(string query, string field)
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);

        var client = app.ClientAs(Roles.FrontDesk, Guid.NewGuid());

        await (await client.GetAsync($"/visits?{query}", Cancel)).ShouldHaveFieldErrorAsync(field);
    }

    [Fact]
    public async Task Security_checks_a_visitor_in_inside_the_window_and_out_again()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        var client = app.ClientAs(Roles.FrontDesk, unit.PropertyId);
        await app.WaitForUnitAsync(unit.UnitId);
        var id = await Created(client, Visit(unit.UnitId, DateTimeOffset.UtcNow));
        var guard = app.ClientAs(Roles.Security, unit.PropertyId);

        var checkedIn = await guard.PostAsync($"/visits/{id}/check-in", null, Cancel);
        checkedIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        var admitted = await checkedIn.ReadJsonAsync();
        admitted.GetProperty("status").GetString().ShouldBe("checked_in");
        // Security compares the document with the full number at check-in; everyone else reads it masked.
        admitted.GetProperty("idNumber").GetString().ShouldBe(IdNumber);
        (await client.GetFromJsonAsync<JsonElement>($"/visits/{id}", Cancel)).GetProperty("idNumber").ValueKind.ShouldBe(JsonValueKind.Null);

        var checkedOut = await guard.PostAsync($"/visits/{id}/check-out", null, Cancel);
        checkedOut.StatusCode.ShouldBe(HttpStatusCode.OK);
        var visit = await checkedOut.ReadJsonAsync();
        visit.GetProperty("status").GetString().ShouldBe("checked_out");
        visit.GetProperty("checkedInAt").GetDateTimeOffset().ShouldBeLessThanOrEqualTo(visit.GetProperty("checkedOutAt").GetDateTimeOffset());

        await Eventually.ReturnsAsync(
            () => app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE sent_at IS NOT NULL AND message_type LIKE '%.VisitorChecked%'"),
            count => count == 2, ReceptionApp.Patience);
    }

    [Fact]
    public async Task A_visitor_who_comes_before_the_window_is_refused_with_409_and_nothing_changes()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        var client = app.ClientAs(Roles.FrontDesk, unit.PropertyId);
        await app.WaitForUnitAsync(unit.UnitId);
        var id = await Created(client, Visit(unit.UnitId, DateTimeOffset.UtcNow.AddHours(2)));
        var guard = app.ClientAs(Roles.Security, unit.PropertyId);

        var problem = await (await guard.PostAsync($"/visits/{id}/check-in", null, Cancel)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        problem.GetProperty("detail").GetString()!.ShouldContain("early");
        await ShouldBeUnchangedAsync(app, client, id);
    }

    [Fact]
    public async Task A_government_visit_tells_the_manager_and_a_visitor_still_on_site_after_the_window_is_listed_as_overstaying()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        var client = app.ClientAs(Roles.FrontDesk, unit.PropertyId);
        await app.WaitForUnitAsync(unit.UnitId);
        var body = JsonNode.Parse(Visit(unit.UnitId, DateTimeOffset.UtcNow, hours: 1))!;
        body["category"] = "government";
        var id = await Created(client, body.ToJsonString());
        var ordinary = await Created(client, Visit(unit.UnitId, DateTimeOffset.UtcNow, hours: 1));
        var guard = app.ClientAs(Roles.Security, unit.PropertyId);
        (await guard.PostAsync($"/visits/{id}/check-in", null, Cancel)).EnsureSuccessStatusCode();
        (await guard.PostAsync($"/visits/{ordinary}/check-in", null, Cancel)).EnsureSuccessStatusCode();
        (await guard.PostAsync($"/visits/{ordinary}/check-out", null, Cancel)).EnsureSuccessStatusCode();

        var told = JsonDocument.Parse(await app.ScalarAsync<string>(
            "SELECT body::text FROM outbox_messages WHERE message_type LIKE '%.NotableVisitorExpected,%'")).RootElement;
        told.GetProperty("visitId").GetGuid().ShouldBe(id);
        told.GetProperty("category").GetString().ShouldBe("government");
        (await app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.NotableVisitorExpected,%'")).ShouldBe(1);
        (await LostItemApiTests.Total(guard, "/visits?overstaying=true")).ShouldBe(0);

        app.Time.Advance(TimeSpan.FromMinutes(90));
        guard = app.ClientAs(Roles.Security, unit.PropertyId);
        var overstaying = await guard.GetFromJsonAsync<JsonElement>("/visits?overstaying=true", Cancel);
        overstaying.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("id").GetGuid()).ShouldBe([id]);
        overstaying.GetProperty("items")[0].GetProperty("overstaying").GetBoolean().ShouldBeTrue();
        overstaying.GetProperty("items")[0].GetProperty("category").GetString().ShouldBe("government");
    }

    [Fact]
    public async Task A_visitor_who_comes_after_the_window_is_refused_with_409_and_nothing_changes()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        var client = app.ClientAs(Roles.FrontDesk, unit.PropertyId);
        await app.WaitForUnitAsync(unit.UnitId);
        var id = await Created(client, Visit(unit.UnitId, DateTimeOffset.UtcNow.AddMinutes(10), hours: 2));
        app.Time.Advance(TimeSpan.FromHours(3));
        // Signed in three hours later: the desk's token from before has expired by now.
        var guard = app.ClientAs(Roles.Security, unit.PropertyId);

        var problem = await (await guard.PostAsync($"/visits/{id}/check-in", null, Cancel)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        problem.GetProperty("detail").GetString()!.ShouldContain("closed");
        await ShouldBeUnchangedAsync(app, guard, id);
    }

    [Fact]
    public async Task Steps_out_of_order_are_refused_with_409_and_change_nothing()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        var client = app.ClientAs(Roles.FrontDesk, unit.PropertyId);
        await app.WaitForUnitAsync(unit.UnitId);
        var id = await Created(client, Visit(unit.UnitId, DateTimeOffset.UtcNow));
        var guard = app.ClientAs(Roles.Security, unit.PropertyId);

        await (await guard.PostAsync($"/visits/{id}/check-out", null, Cancel)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await ShouldBeUnchangedAsync(app, client, id);

        (await client.PostJsonAsync($"/visits/{id}/cancel", """{"reason": "访客改期"}""")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await guard.PostAsync($"/visits/{id}/check-in", null, Cancel)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await client.PostJsonAsync($"/visits/{id}/cancel", """{"reason": "again"}""")).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var visit = await client.GetFromJsonAsync<JsonElement>($"/visits/{id}", Cancel);
        visit.GetProperty("status").GetString().ShouldBe("cancelled");
        visit.GetProperty("cancelReason").GetString().ShouldBe("访客改期");
        visit.GetProperty("checkedInAt").ValueKind.ShouldBe(JsonValueKind.Null);
        // A cancelled visit's code admits nobody.
        var passCode = visit.GetProperty("passCode").GetString();
        await (await guard.GetAsync($"/visits/by-pass-code/{passCode}?propertyId={unit.PropertyId}", Cancel))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_checked_in_visitor_cannot_be_cancelled()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        var client = app.ClientAs(Roles.FrontDesk, unit.PropertyId);
        await app.WaitForUnitAsync(unit.UnitId);
        var id = await Created(client, Visit(unit.UnitId, DateTimeOffset.UtcNow));
        (await app.ClientAs(Roles.Security, unit.PropertyId).PostAsync($"/visits/{id}/check-in", null, Cancel)).EnsureSuccessStatusCode();

        await (await client.PostJsonAsync($"/visits/{id}/cancel", """{"reason": "改期"}""")).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        (await client.GetFromJsonAsync<JsonElement>($"/visits/{id}", Cancel)).GetProperty("status").GetString().ShouldBe("checked_in");
    }

    [Fact]
    public async Task A_visit_for_an_unknown_unit_is_a_field_error_and_nothing_is_stored()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);

        var client = app.ClientAs(Roles.FrontDesk, Guid.NewGuid());

        await (await client.PostJsonAsync("/visits", Visit(Guid.NewGuid(), DateTimeOffset.UtcNow.AddHours(1)))).ShouldHaveFieldErrorAsync("unitId");

        await ShouldHaveStoredNothingAsync(app);
    }

    [Theory]
    [InlineData("visitorName", null)]
    [InlineData("visitorPhone", "call me")]
    [InlineData("idType", null)]
    [InlineData("idNumber", "110105194912310021")] // check character wrong
    [InlineData("idNumber", "")]
    [InlineData("purpose", "")]
    [InlineData("partySize", 0)]
    [InlineData("partySize", 51)]
    [InlineData("expectedUntil", "past-start")] // ends before it starts
    [InlineData("expectedFrom", "yesterday")]
    [InlineData("expectedFrom", null)]
    public async Task Invalid_visits_are_400_field_errors_and_nothing_is_stored(string field, object? value)
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        await app.WaitForUnitAsync(unit.UnitId);
        var from = DateTimeOffset.UtcNow.AddHours(1);
        var body = JsonNode.Parse(Visit(unit.UnitId, from))!.AsObject();
        body[field] = value switch
        {
            "past-start" => JsonValue.Create(from.AddMinutes(-1)),
            "yesterday" => JsonValue.Create(DateTimeOffset.UtcNow.AddDays(-1)),
            null => null,
            string text => JsonValue.Create(text),
            int number => JsonValue.Create(number),
            _ => throw new ArgumentOutOfRangeException(nameof(value)),
        };

        await (await app.ClientAs(Roles.FrontDesk, unit.PropertyId).PostJsonAsync("/visits", body.ToJsonString())).ShouldHaveFieldErrorAsync(field);

        await ShouldHaveStoredNothingAsync(app);
    }

    [Theory]
    [InlineData("{\"unitId\": ")]
    [InlineData("{\"unitId\": \"00000000-0000-0000-0000-000000000001\", \"idType\": \"driving_licence\"}")]
    [InlineData("{\"unitId\": \"00000000-0000-0000-0000-000000000001\", \"partySize\": \"two\"}")]
    [InlineData("")]
    public async Task Malformed_requests_are_400_problems_and_nothing_is_stored(string body)
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);

        var client = app.ClientAs(Roles.FrontDesk, Guid.NewGuid());

        await (await client.PostJsonAsync("/visits", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        await ShouldHaveStoredNothingAsync(app);
    }

    [Fact]
    public async Task A_cancellation_without_a_reason_is_a_field_error_and_changes_nothing()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        var client = app.ClientAs(Roles.FrontDesk, unit.PropertyId);
        await app.WaitForUnitAsync(unit.UnitId);
        var id = await Created(client, Visit(unit.UnitId, DateTimeOffset.UtcNow.AddHours(1)));

        await (await client.PostJsonAsync($"/visits/{id}/cancel", """{"reason": " "}""")).ShouldHaveFieldErrorAsync("reason");

        await ShouldBeUnchangedAsync(app, client, id);
    }

    [Fact]
    public async Task Unknown_visits_and_pass_codes_are_404_problems()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var client = app.ClientAs(Roles.Security, Guid.NewGuid());

        await (await client.GetAsync($"/visits/{Guid.NewGuid()}", Cancel)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsync($"/visits/{Guid.NewGuid()}/check-in", null, Cancel)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/visits/by-pass-code/12345678?propertyId={Guid.NewGuid()}", Cancel))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_pass_code_look_up_names_the_property_and_a_well_formed_code()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var client = app.ClientAs(Roles.Security, Guid.NewGuid());

        await (await client.GetAsync("/visits/by-pass-code/12345678", Cancel)).ShouldHaveFieldErrorAsync("propertyId");
        await (await client.GetAsync($"/visits/by-pass-code/12AB?propertyId={Guid.NewGuid()}", Cancel)).ShouldHaveFieldErrorAsync("code");
    }

    [Fact]
    public async Task The_service_describes_itself_and_reports_its_health()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        // Anonymous: the gateway's document index and health checks call without a token.
        var client = app.CreateClient();

        var openApi = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Cancel);
        openApi.GetProperty("paths").TryGetProperty("/visits/{id}/check-in", out _).ShouldBeTrue();
        (await client.GetAsync("/health", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/alive", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<Guid> Created(HttpClient client, string visit)
    {
        var response = await client.PostJsonAsync("/visits", visit);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    private static async Task<int> Total(HttpClient client, string path) =>
        (await client.GetFromJsonAsync<JsonElement>(path, Cancel)).GetProperty("total").GetInt32();

    /// <summary>The visit is still expected, and only its registration was announced.</summary>
    private static async Task ShouldBeUnchangedAsync(ReceptionApp app, HttpClient client, Guid id)
    {
        var visit = await client.GetFromJsonAsync<JsonElement>($"/visits/{id}", Cancel);
        visit.GetProperty("status").GetString().ShouldBe("expected");
        visit.GetProperty("checkedInAt").ValueKind.ShouldBe(JsonValueKind.Null);
        visit.GetProperty("cancelledAt").ValueKind.ShouldBe(JsonValueKind.Null);
        (await app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages")).ShouldBe(1);
    }

    private static async Task ShouldHaveStoredNothingAsync(ReceptionApp app)
    {
        (await app.ScalarAsync<long>("SELECT count(*) FROM visits")).ShouldBe(0);
        (await app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages")).ShouldBe(0);
    }

    private static string Visit(Guid unitId, DateTimeOffset from, int hours = 4) => JsonSerializer.Serialize(new
    {
        unitId,
        visitorName = "张三",
        visitorPhone = "13800138000",
        idType = "resident_id_card",
        idNumber = IdNumber,
        plateNumber = "京A·12345",
        purpose = "商务拜访",
        partySize = 2,
        expectedFrom = from,
        expectedUntil = from.AddHours(hours),
    });
}
