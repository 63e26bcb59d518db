using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PropertyPlatform.ServiceDefaults.Messaging;

/// <summary>A message a consumer has applied; its presence makes a redelivery a no-op.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }

    /// <summary>The consumer that applied it: one message may be applied by several consumers of one service.</summary>
    public required string Consumer { get; init; }

    public DateTimeOffset ProcessedAt { get; init; }
}

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> builder)
    {
        builder.ToTable("inbox_messages");
        builder.HasKey(m => new { m.MessageId, m.Consumer });
        builder.Property(m => m.Consumer).HasMaxLength(200);
        builder.HasIndex(m => m.ProcessedAt);
    }
}
