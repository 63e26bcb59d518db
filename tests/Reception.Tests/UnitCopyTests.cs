using System.Net;
using System.Text.Json;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Reception.Tests;

/// <summary>Reception's copy of Directory's units, fed by UnitRegistered from the broker.</summary>
public sealed class UnitCopyTests(TestInfrastructure infrastructure)
{
    [Fact]
    public async Task A_unit_becomes_a_valid_host_once_its_UnitRegistered_arrives()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var propertyId = Guid.NewGuid();
        var client = app.ClientAs(Roles.FrontDesk, propertyId);
        var unitId = Guid.NewGuid();
        (await client.PostJsonAsync("/visits", Visit(unitId))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        await app.PublishAsync(Registered(unitId, propertyId, "1808"));

        var created = await Eventually.ReturnsAsync(() => client.PostJsonAsync("/visits", Visit(unitId)),
            response => response.StatusCode == HttpStatusCode.Created, ReceptionApp.Patience);
        (await created.ReadJsonAsync()).GetProperty("unitNumber").GetString().ShouldBe("1808");
    }

    [Fact]
    public async Task The_same_message_delivered_twice_is_applied_once_and_a_new_one_is_applied()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var propertyId = Guid.NewGuid();
        var client = app.ClientAs(Roles.FrontDesk, propertyId);
        var unitId = Guid.NewGuid();
        var first = Registered(unitId, propertyId, "1808");
        await app.PublishAsync(first);
        await app.WaitForUnitAsync(unitId);
        var created = await client.PostJsonAsync("/visits", Visit(unitId));
        var visitId = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();

        // Redelivered with the same message id (here with different content, to show it is skipped, not re-applied).
        await app.PublishAsync(first with { UnitNumber = "9999" });
        await Eventually.ReturnsAsync(() => Task.FromResult(app.Consumed.Count(first.EventId)), count => count == 2, ReceptionApp.Patience);

        (await UnitNumberOfVisit(client, visitId)).ShouldBe("1808");
        (await app.ScalarAsync<long>($"SELECT count(*) FROM inbox_messages WHERE message_id = '{first.EventId}'")).ShouldBe(1);

        // Directory's change of the unit is a new message and does apply.
        await app.PublishAsync(UnitRegistration.ChangeOf(first, number: "1809"));
        await Eventually.ReturnsAsync(() => UnitNumberOfVisit(client, visitId), number => number == "1809", ReceptionApp.Patience);
    }

    private static async Task<string?> UnitNumberOfVisit(HttpClient client, Guid visitId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/visits/{visitId}", Cancel)).GetProperty("unitNumber").GetString();

    private static Contracts.Directory.UnitRegistered Registered(Guid unitId, Guid propertyId, string number) => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, propertyId, unitId, Guid.NewGuid(), "B座", number, 18, Contracts.Directory.UnitType.Residence, 89.3m);

    private static string Visit(Guid unitId) => JsonSerializer.Serialize(new
    {
        unitId,
        visitorName = "李四",
        visitorPhone = "13900139000",
        idType = "passport",
        idNumber = "E12345678",
        purpose = "探亲",
        partySize = 1,
        expectedFrom = DateTimeOffset.UtcNow.AddHours(1),
        expectedUntil = DateTimeOffset.UtcNow.AddHours(3),
    });
}
