using System.Net;
using System.Text.Json;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Complaints.Tests;

/// <summary>Complaints' copy of Directory's units, fed by UnitRegistered from the broker.</summary>
public sealed class UnitCopyTests(TestInfrastructure infrastructure)
{
    [Fact]
    public async Task A_unit_can_be_named_once_its_UnitRegistered_arrives()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var registered = Registered("1808");
        var client = app.ClientAs(Roles.FrontDesk, registered.PropertyId);
        (await client.PostJsonAsync("/complaints", Complaint(registered))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        await app.PublishAsync(registered);

        var created = await Eventually.ReturnsAsync(() => client.PostJsonAsync("/complaints", Complaint(registered)),
            response => response.StatusCode == HttpStatusCode.Created, ComplaintsApp.Patience);
        var complaint = await created.ReadJsonAsync();
        complaint.GetProperty("unitNumber").GetString().ShouldBe("1808");
        complaint.GetProperty("buildingName").GetString().ShouldBe("B座");
    }

    [Fact]
    public async Task The_same_message_delivered_twice_is_applied_once_and_a_new_one_is_applied()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var first = Registered("1808");
        var client = app.ClientAs(Roles.FrontDesk, first.PropertyId);
        await app.PublishAsync(first);
        await app.WaitForUnitAsync(first.UnitId);
        var complaintId = (await (await client.PostJsonAsync("/complaints", Complaint(first))).ReadJsonAsync()).GetProperty("id").GetGuid();

        // Redelivered with the same message id (here with different content, to show it is skipped, not re-applied).
        await app.PublishAsync(first with { UnitNumber = "9999" });
        await Eventually.ReturnsAsync(() => Task.FromResult(app.Consumed.Count(first.EventId)), count => count == 2, ComplaintsApp.Patience);

        (await UnitNumberOfComplaint(client, complaintId)).ShouldBe("1808");
        (await app.ScalarAsync<long>($"SELECT count(*) FROM inbox_messages WHERE message_id = '{first.EventId}'")).ShouldBe(1);

        // Directory's change of the unit is a new message and does apply.
        await app.PublishAsync(UnitRegistration.ChangeOf(first, number: "1809"));
        await Eventually.ReturnsAsync(() => UnitNumberOfComplaint(client, complaintId), number => number == "1809", ComplaintsApp.Patience);
    }

    private static async Task<string?> UnitNumberOfComplaint(HttpClient client, Guid complaintId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/complaints/{complaintId}", Cancel)).GetProperty("unitNumber").GetString();

    private static UnitRegistered Registered(string number) => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "B座", number, 18, UnitType.Residence, 89.3m);

    private static string Complaint(UnitRegistered unit) => JsonSerializer.Serialize(new
    {
        propertyId = unit.PropertyId,
        unitId = unit.UnitId,
        channel = "phone",
        category = "parking",
        description = "车位被占用",
    });
}
