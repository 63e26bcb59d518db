using System.Net;
using System.Text;
using System.Text.Json;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.Directory.Tests;

/// <summary>Move-ins and move-outs over HTTP; the unit's history is kept.</summary>
public sealed class OccupanciesApiTests(TestInfrastructure infrastructure)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_move_in_and_a_move_out_are_announced_and_the_unit_keeps_its_history()
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);
        await using var started = await BrokerListener<OccupancyStarted>.StartAsync(app.BrokerConnectionString);
        await using var ended = await BrokerListener<OccupancyEnded>.StartAsync(app.BrokerConnectionString);
        var (propertyId, _, unitId) = await app.RegisterPlaceAsync();
        var client = app.ClientAsStaff(Roles.FrontDesk, "前台小王", propertyId);
        var firstOwner = (await app.RegisterCompanyAsync(propertyId, "甲公司")).GetProperty("id").GetGuid();
        var secondOwner = (await app.RegisterCompanyAsync(propertyId, "乙公司")).GetProperty("id").GetGuid();
        var moveIn = PeopleRequests.Today.AddDays(-30);

        var occupancy = await app.MoveInAsync(unitId, firstOwner, "owner", moveIn);
        var occupancyId = occupancy.GetProperty("id").GetGuid();
        occupancy.GetProperty("unitNumber").GetString().ShouldBe("1201");
        occupancy.GetProperty("buildingName").GetString().ShouldBe("A座");
        occupancy.GetProperty("occupantName").GetString().ShouldBe("甲公司");
        occupancy.GetProperty("current").GetBoolean().ShouldBeTrue();

        // A second current owner is refused and nothing is stored.
        var second = await client.PostAsJsonAsync("/occupancies", new { unitId, occupantId = secondOwner, role = "owner", startDate = PeopleRequests.Today }, Cancellation);
        (await second.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("owner");
        (await app.CountAsync("SELECT count(*) FROM occupancies")).ShouldBe(1);

        var moveOut = await client.PostAsJsonAsync($"/occupancies/{occupancyId}/end", new { endDate = PeopleRequests.Today }, Cancellation);
        moveOut.StatusCode.ShouldBe(HttpStatusCode.OK, await moveOut.Content.ReadAsStringAsync(Cancellation));
        (await moveOut.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("current").GetBoolean().ShouldBeFalse();
        await (await client.PostAsJsonAsync($"/occupancies/{occupancyId}/end", new { endDate = PeopleRequests.Today }, Cancellation))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await app.MoveInAsync(unitId, secondOwner, "owner", PeopleRequests.Today);

        var history = await client.GetFromJsonAsync<JsonElement>($"/occupancies?unitId={unitId}", Cancellation);
        history.Items().Select(o => (o.GetProperty("occupantName").GetString(), o.GetProperty("current").GetBoolean()))
            .ShouldBe([("乙公司", true), ("甲公司", false)]);
        history.Items().Last().GetProperty("endDate").GetString().ShouldBe(PeopleRequests.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        (await client.GetFromJsonAsync<JsonElement>($"/occupancies?unitId={unitId}&current=true", Cancellation)).GetProperty("total").GetInt32().ShouldBe(1);
        (await client.GetFromJsonAsync<JsonElement>($"/occupancies?occupantId={firstOwner}", Cancellation)).GetProperty("total").GetInt32().ShouldBe(1);

        var start = (await Eventually.ReturnsAsync(() => Task.FromResult(started.Received.ToList()), r => r.Count == 2, Patience))
            .Select(m => m.Message).Single(m => m.OccupantId == firstOwner);
        start.ShouldBe(new OccupancyStarted(start.EventId, start.OccurredAt, propertyId, occupancyId, unitId, firstOwner, OccupancyRole.Owner, moveIn));
        var end = (await Eventually.ReturnsAsync(() => Task.FromResult(ended.Received.ToList()), r => r.Count > 0, Patience)).Single().Message;
        end.ShouldBe(new OccupancyEnded(end.EventId, end.OccurredAt, propertyId, occupancyId, unitId, firstOwner, OccupancyRole.Owner, moveIn, PeopleRequests.Today));

        var audit = await app.ClientAs(Roles.Supervisor, propertyId).GetFromJsonAsync<JsonElement>($"/occupants/{firstOwner}/audit", Cancellation);
        audit.Items().Select(e => e.GetProperty("action").GetString()).ShouldBe(["occupancy_ended", "occupancy_started", "occupant_registered"]);
        audit.Items().First().GetProperty("actor").GetString().ShouldBe("前台小王");
    }

    [Fact]
    public async Task A_move_out_before_the_move_in_is_a_400_field_error_and_the_occupancy_stays_current()
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);
        var (propertyId, _, unitId) = await app.RegisterPlaceAsync();
        var client = app.ClientAs(Roles.FrontDesk, propertyId);
        var personId = (await app.RegisterPersonAsync(propertyId)).GetProperty("id").GetGuid();
        var occupancyId = (await app.MoveInAsync(unitId, personId, "resident", PeopleRequests.Today.AddDays(-3))).GetProperty("id").GetGuid();

        var before = await client.PostAsJsonAsync($"/occupancies/{occupancyId}/end", new { endDate = PeopleRequests.Today.AddDays(-4) }, Cancellation);
        var future = await client.PostAsJsonAsync($"/occupancies/{occupancyId}/end", new { endDate = PeopleRequests.Today.AddDays(2) }, Cancellation);
        var missing = await client.PostAsJsonAsync($"/occupancies/{occupancyId}/end", new { }, Cancellation);

        (await before.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("endDate").Single().ShouldContain("before the move-in");
        (await future.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("endDate").ShouldNotBeEmpty();
        (await missing.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("endDate").ShouldNotBeEmpty();
        (await client.GetFromJsonAsync<JsonElement>($"/occupancies/{occupancyId}", Cancellation)).GetProperty("current").GetBoolean().ShouldBeTrue();
        (await app.CountAsync("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%OccupancyEnded%'")).ShouldBe(0);
        (await app.CountAsync("SELECT count(*) FROM audit_entries WHERE action = 'occupancy_ended'")).ShouldBe(0);
    }

    [Theory]
    [InlineData("""{"role": "resident", "startDate": "2020-01-01", "occupant": "company"}""", "role")]
    [InlineData("""{"role": "owner", "startDate": "2999-01-01"}""", "startDate")]
    [InlineData("""{"role": "owner"}""", "startDate")]
    [InlineData("""{"startDate": "2020-01-01"}""", "role")]
    [InlineData("""{"role": "owner", "startDate": "2020-01-01", "unit": "unknown"}""", "unitId")]
    [InlineData("""{"role": "owner", "startDate": "2020-01-01", "occupant": "unknown"}""", "occupantId")]
    [InlineData("""{"role": "owner", "startDate": "2020-01-01", "occupant": "elsewhere"}""", "occupantId")]
    [InlineData("""{"role": "landlord", "startDate": "2020-01-01"}""", null)]
    [InlineData("""{"role": "owner", "startDate": "2020-13-01"}""", null)]
    public async Task An_invalid_move_in_is_a_400_problem_and_nothing_is_stored(string body, string? field)
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);
        var (propertyId, _, unitId) = await app.RegisterPlaceAsync();
        var elsewhere = (await app.RegisterPropertyAsync("阳光大厦")).GetProperty("id").GetGuid();
        var person = (await app.RegisterPersonAsync(propertyId)).GetProperty("id").GetGuid();
        var company = (await app.RegisterCompanyAsync(propertyId)).GetProperty("id").GetGuid();
        var stranger = (await app.RegisterPersonAsync(elsewhere, "王五")).GetProperty("id").GetGuid();
        var fields = JsonSerializer.Deserialize<Dictionary<string, string>>(body)!;
        var occupantId = fields.GetValueOrDefault("occupant") switch
        {
            "company" => company,
            "unknown" => Guid.NewGuid(),
            "elsewhere" => stranger,
            _ => person,
        };
        var requestUnit = fields.GetValueOrDefault("unit") == "unknown" ? Guid.NewGuid() : unitId;
        var json = $$"""{"unitId": "{{requestUnit}}", "occupantId": "{{occupantId}}", {{body[1..]}}""";

        var response = await app.ClientAs(Roles.FrontDesk, propertyId).PostAsync("/occupancies", new StringContent(json, Encoding.UTF8, "application/json"), Cancellation);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        if (field is not null)
        {
            problem.FieldErrors(field).ShouldNotBeEmpty();
        }
        (await app.CountAsync("SELECT count(*) FROM occupancies")).ShouldBe(0);
        (await app.CountAsync("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%Occupancy%'")).ShouldBe(0);
    }

    [Fact]
    public async Task An_unknown_occupancy_is_a_404_problem()
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);
        var propertyId = (await app.RegisterPropertyAsync()).GetProperty("id").GetGuid();
        var client = app.ClientAs(Roles.FrontDesk, propertyId);

        await (await client.GetAsync($"/occupancies/{Guid.NewGuid()}", Cancellation)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsJsonAsync($"/occupancies/{Guid.NewGuid()}/end", new { endDate = PeopleRequests.Today }, Cancellation))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
