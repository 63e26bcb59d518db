using System.Net;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.Directory.Tests.Feeds;

/// <summary>
/// A service's copy of units no longer depends on which started first: one started after Directory, or one whose
/// queue missed events, fills itself from Directory's unit feed, and events keep it current afterwards.
/// </summary>
public sealed class CopyFillTests(TestInfrastructure infrastructure)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> WithSecret => new() { ["ServiceAuth:Secret"] = UnitCopyKeeper.Secret };

    [Fact]
    public async Task A_service_started_after_Directory_registered_units_gets_all_of_them_and_then_follows_events()
    {
        await using var directory = await DirectoryApp.StartAsync(infrastructure, WithSecret);
        var (_, buildingId, _) = await directory.RegisterPlaceAsync();
        foreach (var number in new[] { "1202", "1203", "1204", "1205" })
        {
            await directory.RegisterUnitAsync(buildingId, number);
        }
        // Their UnitRegistered events are gone: no queue of the keeper existed to take them.
        await Eventually.ReturnsAsync(() => directory.CountAsync("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL"), c => c == 0, Patience);

        await using var keeper = await UnitCopyKeeper.StartAsync(
            directory, await infrastructure.CreateDatabaseAsync("keeper"), directory.BrokerConnectionString);

        var units = await Eventually.ReturnsAsync(keeper.UnitsAsync, u => u.Count == 5, Patience);
        units.Select(u => u.Number).ShouldBe(["1201", "1202", "1203", "1204", "1205"]);
        units.ShouldAllBe(u => u.BuildingName == "A座" && u.ChargeableArea == 120.50m && u.Version != null);
        (await keeper.CopyHealthAsync()).Description.ShouldBe("units: 5 of Directory's 5 records");

        // From now on events keep it current: a new unit and a change.
        await directory.RegisterUnitAsync(buildingId, "1206");
        using var admin = directory.ClientAsAdmin();
        var changed = await admin.PatchAsJsonAsync($"/units/{units[1].Id}", new { chargeableArea = 99.99m }, Cancellation);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        units = await Eventually.ReturnsAsync(keeper.UnitsAsync, u => u.Count == 6 && u.Single(x => x.Number == "1202").ChargeableArea == 99.99m, Patience);
    }

    [Fact]
    public async Task A_copy_that_missed_changes_and_registrations_catches_up_when_the_service_starts_again()
    {
        await using var directory = await DirectoryApp.StartAsync(infrastructure, WithSecret);
        var (_, buildingId, unitId) = await directory.RegisterPlaceAsync();
        var keeperDatabase = await infrastructure.CreateDatabaseAsync("keeper");
        await using (var keeper = await UnitCopyKeeper.StartAsync(directory, keeperDatabase, directory.BrokerConnectionString))
        {
            await Eventually.ReturnsAsync(keeper.UnitsAsync, u => u.Count == 1, Patience);
        }

        // While the service is away its events are lost (as when a queue is deleted, or a broker is replaced).
        using var admin = directory.ClientAsAdmin();
        (await admin.PatchAsJsonAsync($"/units/{unitId}", new { floor = 15, chargeableArea = 88.80m }, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await directory.RegisterUnitAsync(buildingId, "1501", floor: 15);
        var elsewhere = await infrastructure.CreateRabbitMqVirtualHostAsync("keeper");

        await using var restarted = await UnitCopyKeeper.StartAsync(directory, keeperDatabase, elsewhere);

        var units = await Eventually.ReturnsAsync(restarted.UnitsAsync, u => u.Count == 2 && u.Any(x => x.ChargeableArea == 88.80m), Patience);
        var first = units.Single(u => u.Id == unitId);
        (first.Floor, first.ChargeableArea).ShouldBe((15, 88.80m));
        units.Single(u => u.Id != unitId).Number.ShouldBe("1501");
    }

    [Fact]
    public async Task A_copy_lacking_a_record_older_than_its_newest_reads_the_whole_feed_again()
    {
        await using var directory = await DirectoryApp.StartAsync(infrastructure, WithSecret);
        var (_, buildingId, lost) = await directory.RegisterPlaceAsync();
        await directory.RegisterUnitAsync(buildingId, "1202");
        await directory.RegisterUnitAsync(buildingId, "1203");
        var keeperDatabase = await infrastructure.CreateDatabaseAsync("keeper");
        await using (var keeper = await UnitCopyKeeper.StartAsync(directory, keeperDatabase, directory.BrokerConnectionString))
        {
            await Eventually.ReturnsAsync(keeper.UnitsAsync, u => u.Count == 3, Patience);
            // The oldest unit's registration never arrived (say it ended in the error queue); newer ones did.
            await keeper.ExecuteAsync($"DELETE FROM units WHERE id = '{lost}'");
        }

        await using var restarted = await UnitCopyKeeper.StartAsync(directory, keeperDatabase, directory.BrokerConnectionString);

        var units = await Eventually.ReturnsAsync(restarted.UnitsAsync, u => u.Count == 3, Patience);
        units.ShouldContain(u => u.Id == lost && u.Number == "1201");
    }

    [Fact]
    public async Task A_service_started_before_Directory_answers_keeps_trying_and_fills_its_copy_once_Directory_lets_it_in()
    {
        // Directory runs without the service secret first: every token request is refused, as while it is unreachable.
        var database = await infrastructure.CreateDatabaseAsync("directory");
        var broker = await infrastructure.CreateRabbitMqVirtualHostAsync("directory");
        var keeperDatabase = await infrastructure.CreateDatabaseAsync("keeper");
        Guid unitId;
        await using (var refusing = await DirectoryApp.StartOnAsync(database, broker))
        {
            (_, _, unitId) = await refusing.RegisterPlaceAsync();
            await using var keeper = await UnitCopyKeeper.StartAsync(refusing, keeperDatabase, broker);
            var health = await Eventually.ReturnsAsync(keeper.CopyHealthAsync, h => h.Description!.Contains("attempt 2", StringComparison.Ordinal), Patience);
            health.Status.ShouldBe(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded);
            (await keeper.UnitsAsync()).ShouldBeEmpty();
        }

        await using var directory = await DirectoryApp.StartOnAsync(database, broker, WithSecret);
        await using var started = await UnitCopyKeeper.StartAsync(directory, keeperDatabase, broker);
        var units = await Eventually.ReturnsAsync(started.UnitsAsync, u => u.Count == 1, Patience);
        units.Single().Id.ShouldBe(unitId);
    }
}
