using MassTransit;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Messaging;
using PropertyPlatform.TestSupport;
using RabbitMQ.Client;

namespace PropertyPlatform.ServiceDefaults.Tests.LocalCopies;

/// <summary>The local copy of Directory's units that services keep, from ServiceDefaults in one piece.</summary>
public sealed class UnitCopyTests(TestInfrastructure infrastructure)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public void A_copy_takes_every_field_of_UnitRegistered_and_a_change_replaces_them()
    {
        var registered = Registered(Guid.NewGuid());

        var unit = UnitCopy.From(registered);

        unit.Id.ShouldBe(registered.UnitId);
        unit.PropertyId.ShouldBe(registered.PropertyId);
        unit.BuildingId.ShouldBe(registered.BuildingId);
        unit.BuildingName.ShouldBe("B座");
        unit.Number.ShouldBe("1808");
        unit.Floor.ShouldBe(18);
        unit.Type.ShouldBe(UnitType.Residence);
        unit.ChargeableArea.ShouldBe(89.35m);

        unit.Apply(Changed(registered, "1809", 19, 90m));

        unit.Id.ShouldBe(registered.UnitId);
        unit.Number.ShouldBe("1809");
        unit.Floor.ShouldBe(19);
        unit.ChargeableArea.ShouldBe(90m);
    }

    [Fact]
    public void A_snapshot_read_before_a_change_does_not_undo_the_change_that_arrived_first()
    {
        var registered = Registered(Guid.NewGuid());
        var readFromFeed = Record(registered, "1808", 89.35m, registered.OccurredAt.AddSeconds(1));
        var changedAfterTheRead = Changed(registered, "1808", 18, 92m) with { OccurredAt = registered.OccurredAt.AddSeconds(2) };
        var unit = UnitCopy.From(changedAfterTheRead);

        unit.Apply(readFromFeed).ShouldBeFalse();

        unit.ChargeableArea.ShouldBe(92m);
        unit.Version.ShouldBe(changedAfterTheRead.OccurredAt);
    }

    [Fact]
    public void A_newer_snapshot_replaces_an_older_change_and_an_older_change_arriving_late_is_ignored()
    {
        var registered = Registered(Guid.NewGuid());
        var olderChange = Changed(registered, "1808", 18, 90m) with { OccurredAt = registered.OccurredAt.AddSeconds(1) };
        var unit = UnitCopy.From(registered);
        unit.Apply(olderChange).ShouldBeTrue();

        unit.Apply(Record(registered, "1808", 95m, registered.OccurredAt.AddSeconds(3))).ShouldBeTrue();
        unit.Apply(olderChange).ShouldBeFalse();
        unit.Apply(Record(registered, "1808", 95m, registered.OccurredAt.AddSeconds(3))).ShouldBeFalse();

        unit.ChargeableArea.ShouldBe(95m);
    }

    [Fact]
    public void A_copy_made_before_versions_were_kept_takes_any_state()
    {
        var registered = Registered(Guid.NewGuid());
        var unit = UnitCopy.From(Record(registered, "1808", 89.35m, registered.OccurredAt));
        typeof(UnitCopy).GetProperty(nameof(UnitCopy.Version))!.SetValue(unit, null);

        unit.Apply(Record(registered, "1808", 70m, DateTimeOffset.UnixEpoch)).ShouldBeTrue();

        unit.ChargeableArea.ShouldBe(70m);
    }

    [Fact]
    public void The_shared_consumer_gets_the_queue_a_service_s_own_consumer_would()
    {
        IEndpointNameFormatter formatter = new ServiceEndpointNameFormatter("frontdesk");

        formatter.Consumer<UnitRegisteredConsumer<FrontDeskDbContext>>().ShouldBe("frontdesk-unit-registered");
        formatter.Consumer<Messaging.ParcelLoggedConsumer>().ShouldBe("frontdesk-parcel-logged");
    }

    [Fact]
    public async Task A_service_with_unit_copies_keeps_them_from_its_own_queue_once_per_message()
    {
        var database = await infrastructure.CreateDatabaseAsync("frontdesk");
        var broker = await infrastructure.CreateRabbitMqVirtualHostAsync("frontdesk");
        using var host = await StartFrontDeskAsync(database, broker);

        await QueueShouldExistAsync(broker, "frontdesk-unit-registered");
        await QueueShouldExistAsync(broker, "frontdesk-unit-changed");

        var registered = Registered(Guid.NewGuid());
        var bus = host.Services.GetRequiredService<IBus>();
        await bus.Publish(registered, c => c.MessageId = registered.EventId, TestContext.Current.CancellationToken);
        var unit = await Eventually.ReturnsAsync(() => FindAsync(host, registered.UnitId), u => u is not null, Patience);
        unit!.ChargeableArea.ShouldBe(89.35m);

        // The same message again is skipped; the inbox records it under the consumer's plain name.
        await bus.Publish(registered with { UnitNumber = "9999" }, c => c.MessageId = registered.EventId, TestContext.Current.CancellationToken);
        var changed = Changed(registered, "1809", 19, 90m);
        await bus.Publish(changed, c => c.MessageId = changed.EventId, TestContext.Current.CancellationToken);
        await Eventually.ReturnsAsync(() => FindAsync(host, registered.UnitId), u => u!.Number == "1809", Patience);
        // A registration that arrives after the change (another queue) does not undo it.
        var late = registered with { EventId = Guid.NewGuid(), UnitNumber = "0101" };
        await bus.Publish(late, c => c.MessageId = late.EventId, TestContext.Current.CancellationToken);
        await Eventually.ReturnsAsync(
            () => QueryAsync(host, db => db.InboxMessages.CountAsync(m => m.MessageId == late.EventId)), c => c == 1, Patience);
        (await FindAsync(host, registered.UnitId))!.Number.ShouldBe("1809");
        var consumers = await QueryAsync(host, db => db.InboxMessages.Where(m => m.MessageId == registered.EventId).Select(m => m.Consumer).ToListAsync());
        consumers.ShouldBe(["UnitRegisteredConsumer"]);

        await host.StopAsync(CancellationToken.None);
    }

    /// <summary>A change a second after the registration, as Directory's versions always grow.</summary>
    private static UnitChanged Changed(UnitRegistered unit, string number, int floor, decimal area) => new(
        Guid.NewGuid(), unit.OccurredAt.AddSeconds(1), unit.PropertyId, unit.UnitId, unit.BuildingId, unit.BuildingName, number, floor, unit.Type, area);

    private static UnitRecord Record(UnitRegistered unit, string number, decimal area, DateTimeOffset version) => new(
        unit.UnitId, unit.PropertyId, unit.BuildingId, unit.BuildingName, number, unit.Floor, unit.Type, area, version);

    private static UnitRegistered Registered(Guid unitId) => new(
        Guid.NewGuid(), PropertyPlatform.ServiceDefaults.Domain.StoredTime.Of(DateTimeOffset.UtcNow), Guid.NewGuid(), unitId, Guid.NewGuid(), "B座", "1808", 18, UnitType.Residence, 89.35m);

    private static async Task<IHost> StartFrontDeskAsync(string database, string broker)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:frontdeskdb"] = database,
            ["ConnectionStrings:rabbitmq"] = broker,
            ["OTEL_SERVICE_NAME"] = "frontdesk",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddServiceDatabase<FrontDeskDbContext>("frontdeskdb");
        builder.AddMessaging<FrontDeskDbContext>(bus => bus.AddUnitCopies<FrontDeskDbContext>());
        builder.Services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = true);

        var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            // No migrations in a test service: the schema comes straight from the model.
            await scope.ServiceProvider.GetRequiredService<FrontDeskDbContext>().Database.EnsureCreatedAsync();
        }
        await host.StartAsync(TestContext.Current.CancellationToken);
        return host;
    }

    private static Task<UnitCopy?> FindAsync(IHost host, Guid unitId) =>
        QueryAsync(host, db => db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId));

    private static async Task<T> QueryAsync<T>(IHost host, Func<FrontDeskDbContext, Task<T>> query)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<FrontDeskDbContext>());
    }

    /// <summary>A passive declare fails when the queue is missing.</summary>
    private static async Task QueueShouldExistAsync(string broker, string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(broker) };
        await using var connection = await factory.CreateConnectionAsync(TestContext.Current.CancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: TestContext.Current.CancellationToken);
        await channel.QueueDeclarePassiveAsync(queue, TestContext.Current.CancellationToken);
    }
}

/// <summary>A test service that keeps nothing but the unit copy.</summary>
public sealed class FrontDeskDbContext(DbContextOptions<FrontDeskDbContext> options) : ServiceDbContext(options), IHasUnitCopies
{
    public DbSet<UnitCopy> Units => Set<UnitCopy>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyUnitCopies();
    }
}
