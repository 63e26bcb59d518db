using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Contracts;
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
    public void Publish<TEvent>(TEvent integrationEvent) where TEvent : class, IIntegrationEvent
    {
        OutboxMessages.Add(new OutboxMessage
        {
            MessageId = integrationEvent.EventId,
            MessageType = typeof(TEvent).FullName!,
            Body = JsonSerializer.Serialize(integrationEvent, MessageJson.Options),
            TraceParent = Activity.Current?.Id,
            CreatedAt = integrationEvent.OccurredAt,
        });
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new InboxMessageConfiguration());
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Conventions.Add(_ => new SnakeCaseNamingConvention());
    }
}
