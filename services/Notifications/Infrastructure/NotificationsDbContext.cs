using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.ServiceDefaults.Data;

namespace PropertyPlatform.Notifications.Infrastructure;

public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : ServiceDbContext(options)
{
    public DbSet<InboxEntry> InboxEntries => Set<InboxEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        modelBuilder.Entity<InboxEntry>(entry =>
        {
            entry.HasKey(e => e.Id);
            entry.Property(e => e.Id).ValueGeneratedNever();
            entry.Property(e => e.RecipientKey).HasMaxLength(100);
            entry.Property(e => e.RecipientRole).HasConversion<string>().HasMaxLength(32);
            entry.Property(e => e.TitleZhCn).HasMaxLength(MessageText.TitleMaxLength);
            entry.Property(e => e.BodyZhCn).HasMaxLength(MessageText.BodyMaxLength);
            entry.Property(e => e.TitleEn).HasMaxLength(MessageText.TitleMaxLength);
            entry.Property(e => e.BodyEn).HasMaxLength(MessageText.BodyMaxLength);
            entry.Property(e => e.Link).HasMaxLength(InboxEntry.LinkMaxLength);
            // Two readers marking one message read at once: the second finds it read instead of overwriting the time.
            entry.Property<uint>("xmin").IsRowVersion();
            // One message per event and recipient, even if the event arrives again under another message id.
            entry.HasIndex(e => new { e.SourceEventId, e.RecipientKey }).IsUnique();
            // The inbox is read newest first per property (and role).
            entry.HasIndex(e => new { e.PropertyId, e.CreatedAt });
        });
    }
}
