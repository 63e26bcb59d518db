using MassTransit;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.ServiceDefaults.Tests.Messaging;

/// <summary>
/// The promises of the outbox and inbox, against real PostgreSQL and RabbitMQ: an event leaves only when
/// its change commits, arrives even when the broker was down at the time, in order, and is applied once.
/// </summary>
public sealed class ReliableEventsTests(TestInfrastructure infrastructure)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Events_of_committed_changes_are_delivered_and_applied_once()
    {
        await using var service = await StartServiceAsync();
        var property = Guid.NewGuid();

        await service.LogParcelsAsync(property, Enumerable.Range(1, 5));

        var delivered = await Eventually.ReturnsAsync(() => service.DeliveredAsync(property), d => d.Count >= 5, Patience);
        delivered.Select(d => d.Sequence).Order().ShouldBe([1, 2, 3, 4, 5]);
        var outbox = await Eventually.ReturnsAsync(service.OutboxAsync, rows => rows.All(r => r.SentAt is not null), Patience);
        outbox.Count.ShouldBe(5);
    }

    [Fact]
    public async Task A_rolled_back_change_publishes_nothing()
    {
        await using var service = await StartServiceAsync();
        var property = Guid.NewGuid();

        await service.QueryAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Parcels.Add(Parcel.Log(property, 1, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            return 0;
        });
        await service.LogParcelsAsync(property, [2]);

        await Eventually.ReturnsAsync(() => service.DeliveredAsync(property), d => d.Count >= 1, Patience);
        (await service.DeliveredAsync(property)).Select(d => d.Sequence).ShouldBe([2]);
        (await service.OutboxAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_message_delivered_twice_is_applied_once()
    {
        await using var service = await StartServiceAsync();
        var property = Guid.NewGuid();
        var bus = service.Services.GetRequiredService<IBus>();
        var duplicate = new ParcelLogged(Guid.NewGuid(), DateTimeOffset.UtcNow, property, Guid.NewGuid(), 1);

        await bus.Publish(duplicate, context => context.MessageId = duplicate.EventId, TestContext.Current.CancellationToken);
        await bus.Publish(duplicate, context => context.MessageId = duplicate.EventId, TestContext.Current.CancellationToken);
        // A later message on the same queue: once it is applied, both copies of the duplicate have been handled
        // (the test service consumes one message at a time, see StartServiceAsync).
        var marker = new ParcelLogged(Guid.NewGuid(), DateTimeOffset.UtcNow, property, Guid.NewGuid(), 2);
        await bus.Publish(marker, context => context.MessageId = marker.EventId, TestContext.Current.CancellationToken);

        var delivered = await Eventually.ReturnsAsync(() => service.DeliveredAsync(property), d => d.Any(p => p.Sequence == 2), Patience);
        delivered.Count(d => d.Sequence == 1).ShouldBe(1);
    }

    [Fact]
    public async Task Events_committed_while_the_broker_is_down_arrive_once_each_when_it_is_back()
    {
        await using var service = await StartServiceAsync();
        var property = Guid.NewGuid();
        await service.LogParcelsAsync(property, [0]);
        await Eventually.ReturnsAsync(() => service.DeliveredAsync(property), d => d.Count == 1, Patience);

        await infrastructure.StopRabbitMqAsync();
        try
        {
            await service.LogParcelsAsync(property, Enumerable.Range(1, 20));
            (await service.OutboxAsync()).Count(m => m.SentAt is null).ShouldBe(20, "events wait in the outbox while the broker is down");
        }
        finally
        {
            await infrastructure.StartRabbitMqAsync();
        }

        var delivered = await Eventually.ReturnsAsync(() => service.DeliveredAsync(property), d => d.Count >= 21, TimeSpan.FromMinutes(2));
        delivered.Select(d => d.Sequence).Order().ShouldBe(Enumerable.Range(0, 21));
        // Every row ends up marked sent. Not necessarily in commit order: a batch is published together, and an event
        // refused while the broker came back is sent at a later try than events after it (see OutboxRelay).
        (await Eventually.ReturnsAsync(service.OutboxAsync, rows => rows.All(r => r.SentAt is not null), Patience)).Count.ShouldBe(21);
    }

    [Fact]
    public async Task Two_replicas_relay_the_same_outbox_without_duplicates()
    {
        var database = await infrastructure.CreateDatabaseAsync("parcels");
        var broker = await infrastructure.CreateRabbitMqVirtualHostAsync();
        await using var first = await ParcelsService.StartAsync(database, broker, outbox: OneAtATime);
        await using var second = await ParcelsService.StartAsync(database, broker, outbox: OneAtATime);
        var property = Guid.NewGuid();

        await Task.WhenAll(
            first.LogParcelsAsync(property, Enumerable.Range(1, 30)),
            second.LogParcelsAsync(property, Enumerable.Range(31, 30)));

        var delivered = await Eventually.ReturnsAsync(() => first.DeliveredAsync(property), d => d.Count >= 60, Patience);
        delivered.Select(d => d.Sequence).Order().ShouldBe(Enumerable.Range(1, 60));
        (await Eventually.ReturnsAsync(first.OutboxAsync, rows => rows.All(r => r.SentAt is not null), Patience)).Count.ShouldBe(60);
    }

    [Fact]
    public async Task Sent_events_and_inbox_records_are_removed_after_the_retention_period()
    {
        var clock = new AdjustableTimeProvider();
        await using var service = await StartServiceAsync(clock, options =>
        {
            options.Retention = TimeSpan.FromDays(7);
            options.CleanupInterval = TimeSpan.FromHours(1);
        });
        var property = Guid.NewGuid();
        await service.LogParcelsAsync(property, [1, 2]);
        await Eventually.ReturnsAsync(service.OutboxAsync, rows => rows.Count == 2 && rows.All(r => r.SentAt is not null), Patience);
        await Eventually.ReturnsAsync(() => service.QueryAsync(db => db.InboxMessages.CountAsync()), count => count == 2, Patience);

        clock.Advance(TimeSpan.FromDays(8));
        await service.LogParcelsAsync(property, [3]); // wakes the relay, which cleans up when due

        // The advanced clock may wake the relay before the new row commits: the old rows go first, the new one is sent next.
        await Eventually.ReturnsAsync(service.OutboxAsync, rows => rows.Count == 1 && rows[0].SentAt is not null, Patience);
        await Eventually.ReturnsAsync(() => service.QueryAsync(db => db.InboxMessages.CountAsync()), count => count == 1, Patience);
        (await service.DeliveredAsync(property)).Count.ShouldBe(3, "clean-up removes bookkeeping, never business data");
    }

    private static void OneAtATime(ServiceDefaults.Messaging.OutboxOptions options) => options.BatchSize = 1;

    private async Task<ParcelsService> StartServiceAsync(TimeProvider? time = null, Action<ServiceDefaults.Messaging.OutboxOptions>? outbox = null) =>
        await ParcelsService.StartAsync(
            await infrastructure.CreateDatabaseAsync("parcels"), await infrastructure.CreateRabbitMqVirtualHostAsync(), time, outbox);
}
