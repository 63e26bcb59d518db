using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PropertyPlatform.Contracts;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Messaging;

namespace PropertyPlatform.ServiceDefaults.Data;

/// <summary>
/// The base of every service's DbContext: snake_case names, and the outbox and inbox tables that make
/// events reliable. <see cref="Publish"/> stores an event in the same transaction as the change that
/// caused it; the outbox relay hands it to RabbitMQ once that transaction has committed.
/// </summary>
public abstract class ServiceDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    /// <summary>Queues an integration event; it is saved with the next <c>SaveChanges</c> and published after commit.</summary>
    public void Publish(IIntegrationEvent integrationEvent) => OutboxMessages.Add(OutboxMessageOf(integrationEvent));

    /// <summary>
    /// The outbox row of an event as <see cref="Publish"/> stores it; for a service that writes many rows at once
    /// itself (PostgreSQL COPY) in the transaction of its change.
    /// </summary>
    public static OutboxMessage OutboxMessageOf(IIntegrationEvent integrationEvent)
    {
        var type = integrationEvent.GetType();
        return new OutboxMessage
        {
            MessageId = integrationEvent.EventId,
            MessageType = OutboxMessage.TypeName(type),
            Body = JsonSerializer.Serialize(integrationEvent, type, MessageJson.Options),
            TraceParent = Activity.Current?.Id,
            CreatedAt = integrationEvent.OccurredAt,
        };
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        MovePendingEventsToOutbox();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        MovePendingEventsToOutbox();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Queues the aggregate's pending events now, under the current trace; <c>SaveChanges</c> does it for every other
    /// tracked aggregate. For changes of several requests saved together, each event keeping its own request's trace.
    /// </summary>
    public void PublishPendingEvents(AggregateRoot aggregate)
    {
        foreach (var integrationEvent in aggregate.PendingEvents)
        {
            Publish(integrationEvent);
        }
        aggregate.ClearPendingEvents();
    }

    private void MovePendingEventsToOutbox()
    {
        foreach (var aggregate in ChangeTracker.Entries<AggregateRoot>().Select(e => e.Entity).ToList())
        {
            PublishPendingEvents(aggregate);
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new InboxMessageConfiguration());
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Conventions.Add(_ => new SnakeCaseNamingConvention());
        // Npgsql stores timestamptz only from UTC values; clients may send any offset (+08:00 is common here).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcConverter>();
    }
}

/// <summary>Stores every <see cref="DateTimeOffset"/> as UTC; the instant is unchanged.</summary>
internal sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(value => value.ToUniversalTime(), value => value);
