using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PropertyPlatform.ServiceDefaults.Messaging;

/// <summary>An integration event waiting in the service's database to be published (or kept a while after).</summary>
public sealed class OutboxMessage
{
    /// <summary>Increasing with commit order of insertion; the relay publishes in this order.</summary>
    public long Id { get; private set; }

    public Guid MessageId { get; init; }

    /// <summary>The event's type and assembly, e.g. <c>PropertyPlatform.Contracts.WorkOrders.WorkOrderSubmitted, PropertyPlatform.Contracts</c>.</summary>
    public required string MessageType { get; init; }

    public required string Body { get; init; }

    /// <summary>W3C traceparent of the request that caused the event, so the trace continues through RabbitMQ.</summary>
    public string? TraceParent { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>A type name that <see cref="Type.GetType(string)"/> resolves and that survives a version bump.</summary>
    public static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).UseIdentityByDefaultColumn();
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.Property(m => m.MessageType).HasMaxLength(300);
        builder.Property(m => m.Body).HasColumnType("jsonb");
        builder.Property(m => m.TraceParent).HasMaxLength(100);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        // The relay only ever looks for unsent rows; a partial index keeps that lookup small.
        builder.HasIndex(m => m.Id).HasFilter("sent_at IS NULL").HasDatabaseName("ix_outbox_messages_unsent");
        builder.HasIndex(m => m.SentAt);
    }
}
