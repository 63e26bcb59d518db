using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PropertyPlatform.Directory.Infrastructure.Auditing;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Id).ValueGeneratedNever();
        entry.Property(e => e.SubjectType).HasMaxLength(32);
        entry.Property(e => e.EntityType).HasMaxLength(32);
        entry.Property(e => e.Action).HasMaxLength(64);
        entry.Property(e => e.Actor).HasMaxLength(AuditEntry.ActorMaxLength);
        entry.Property(e => e.Changes).HasColumnType("jsonb");
        entry.HasIndex(e => new { e.SubjectId, e.At });
    }
}
