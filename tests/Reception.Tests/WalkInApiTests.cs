using System.Net;
using System.Text.Json;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Reception.Tests;

/// <summary>Walk-ins over HTTP, on real PostgreSQL and RabbitMQ: the desk registers, the host answers, the gate admits.</summary>
public sealed class WalkInApiTests(TestInfrastructure infrastructure)
{
    public static string WalkIn(Guid unitId, string visitorName = "王五") => JsonSerializer.Serialize(new
    {
        unitId,
        visitorName,
        visitorPhone = "13800138000",
        idType = "resident_id_card",
        idNumber = "11010519491231002X",
        purpose = "送文件",
        partySize = 1,
    });

    public static async Task<JsonElement> RegisterWalkInAsync(HttpClient desk, Guid unitId, string visitorName = "王五")
    {
        var response = await desk.PostJsonAsync("/visits/walk-ins", WalkIn(unitId, visitorName));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task A_walk_in_waits_for_the_host_who_confirms_and_the_guard_then_checks_them_in_by_code()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        await app.WaitForUnitAsync(unit.UnitId);
        var desk = app.ClientAs(Roles.FrontDesk, unit.PropertyId);
        var host = app.ClientAsOccupant(Guid.NewGuid(), unit.PropertyId, unit.UnitId);
        var guard = app.ClientAs(Roles.Security, unit.PropertyId);

        var walkIn = await RegisterWalkInAsync(desk, unit.UnitId);
        var id = walkIn.GetProperty("id").GetGuid();
        walkIn.GetProperty("status").GetString().ShouldBe("awaiting_host");
        walkIn.GetProperty("isWalkIn").GetBoolean().ShouldBeTrue();
        var code = walkIn.GetProperty("passCode").GetString();
        (await VisitApiTestsTotal(desk, $"/visits?propertyId={unit.PropertyId}&status=awaiting_host")).ShouldBe(1);
        await (await guard.PostAsync($"/visits/{id}/check-in", null, Cancel)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        // The host sees the waiting visitor in their own list and confirms.
        (await VisitApiTestsTotal(host, "/visits?status=awaiting_host")).ShouldBe(1);
        var confirmed = await host.PostAsync($"/visits/{id}/confirm", null, Cancel);
        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK, await confirmed.Content.ReadAsStringAsync(Cancel));
        (await confirmed.ReadJsonAsync()).GetProperty("status").GetString().ShouldBe("expected");

        var atGate = await guard.GetFromJsonAsync<JsonElement>($"/visits/by-pass-code/{code}?propertyId={unit.PropertyId}", Cancel);
        atGate.GetProperty("id").GetGuid().ShouldBe(id);
        var checkedIn = await (await guard.PostAsync($"/visits/{id}/check-in", null, Cancel)).ReadJsonAsync();
        checkedIn.GetProperty("status").GetString().ShouldBe("checked_in");

        await Eventually.ReturnsAsync(
            () => app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE sent_at IS NOT NULL AND (message_type LIKE '%.WalkInAwaitingHost%' OR message_type LIKE '%.WalkInConfirmed%')"),
            count => count == 2, ReceptionApp.Patience);
    }

    [Fact]
    public async Task Nobody_answers_in_time_so_the_walk_in_expires_and_a_late_confirmation_is_refused()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        await app.WaitForUnitAsync(unit.UnitId);
        var desk = app.ClientAs(Roles.FrontDesk, unit.PropertyId);
        var id = (await RegisterWalkInAsync(desk, unit.UnitId)).GetProperty("id").GetGuid();

        app.Time.Advance(TimeSpan.FromMinutes(16));
        desk = app.ClientAs(Roles.FrontDesk, unit.PropertyId);

        (await desk.GetFromJsonAsync<JsonElement>($"/visits/{id}", Cancel)).GetProperty("status").GetString().ShouldBe("expired");
        (await VisitApiTestsTotal(desk, $"/visits?propertyId={unit.PropertyId}&status=expired")).ShouldBe(1);
        (await VisitApiTestsTotal(desk, $"/visits?propertyId={unit.PropertyId}&status=awaiting_host")).ShouldBe(0);
        var host = app.ClientAsOccupant(Guid.NewGuid(), unit.PropertyId, unit.UnitId);
        await (await host.PostAsync($"/visits/{id}/confirm", null, Cancel)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await app.ClientAs(Roles.Security, unit.PropertyId).PostAsync($"/visits/{id}/check-in", null, Cancel))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_host_declines_and_only_their_own_visitors_can_be_answered()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        var other = await app.RegisterUnitAsync("1202", unit.PropertyId);
        await app.WaitForUnitAsync(unit.UnitId);
        await app.WaitForUnitAsync(other.UnitId);
        var desk = app.ClientAs(Roles.FrontDesk, unit.PropertyId);
        var id = (await RegisterWalkInAsync(desk, unit.UnitId)).GetProperty("id").GetGuid();
        var neighbour = app.ClientAsOccupant(Guid.NewGuid(), unit.PropertyId, other.UnitId);

        await (await neighbour.PostAsync($"/visits/{id}/confirm", null, Cancel)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await VisitApiTestsTotal(neighbour, "/visits")).ShouldBe(0);
        // Occupants do not register walk-ins: they invite.
        (await neighbour.PostJsonAsync("/visits/walk-ins", WalkIn(other.UnitId))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var host = app.ClientAsOccupant(Guid.NewGuid(), unit.PropertyId, unit.UnitId);
        var declined = await (await host.PostJsonAsync($"/visits/{id}/decline", JsonSerializer.Serialize(new { reason = "不认识" }))).ReadJsonAsync();
        declined.GetProperty("status").GetString().ShouldBe("declined");
        declined.GetProperty("declineReason").GetString().ShouldBe("不认识");
        await (await host.PostAsync($"/visits/{id}/confirm", null, Cancel)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_walk_in_without_a_name_or_for_an_unknown_unit_is_a_field_error()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        await app.WaitForUnitAsync(unit.UnitId);
        var desk = app.ClientAs(Roles.FrontDesk, unit.PropertyId);

        await (await desk.PostJsonAsync("/visits/walk-ins", WalkIn(unit.UnitId, ""))).ShouldHaveFieldErrorAsync("visitorName");
        await (await desk.PostJsonAsync("/visits/walk-ins", WalkIn(Guid.NewGuid()))).ShouldHaveFieldErrorAsync("unitId");
        (await app.ScalarAsync<long>("SELECT count(*) FROM visits")).ShouldBe(0);
    }

    private static async Task<int> VisitApiTestsTotal(HttpClient client, string path) =>
        (await client.GetFromJsonAsync<JsonElement>(path, Cancel)).GetProperty("total").GetInt32();
}
