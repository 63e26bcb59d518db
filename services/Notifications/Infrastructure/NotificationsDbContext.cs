using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.ServiceDefaults.Data;

namespace PropertyPlatform.Notifications.Infrastructure;

public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : ServiceDbContext(options), IDataProtectionKeyContext
{
    public DbSet<InboxEntry> InboxEntries => Set<InboxEntry>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<CompanySigner> CompanySigners => Set<CompanySigner>();

    public DbSet<Delivery> Deliveries => Set<Delivery>();

    public DbSet<Preference> Preferences => Set<Preference>();

    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<RoutingRule> RoutingRules => Set<RoutingRule>();

    /// <summary>The key ring that encrypts contacts (see <c>NotificationsDataProtection</c>).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

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
    
        modelBuilder.Entity<Contact>(contact =>
        {
            contact.HasKey(c => c.PersonId);
            contact.Property(c => c.PersonId).ValueGeneratedNever();
            contact.Property(c => c.Name).HasMaxLength(Contact.NameMaxLength);
            contact.Property(c => c.EmailMasked).HasMaxLength(ProtectedValue.MaskedMaxLength);
            contact.Property(c => c.EmailCiphertext).HasMaxLength(ProtectedValue.CiphertextMaxLength);
            contact.Property(c => c.PhoneMasked).HasMaxLength(ProtectedValue.MaskedMaxLength);
            contact.Property(c => c.PhoneCiphertext).HasMaxLength(ProtectedValue.CiphertextMaxLength);
            contact.OwnsMany(c => c.Units, unit =>
            {
                unit.ToTable("contact_units");
                unit.WithOwner().HasForeignKey("PersonId");
                unit.HasKey(u => u.OccupancyId);
                unit.Property(u => u.OccupancyId).ValueGeneratedNever();
                unit.HasIndex(u => new { u.PropertyId, u.UnitId });
            });
            contact.Navigation(c => c.Units).AutoInclude();
        });

        modelBuilder.Entity<CompanySigner>(signer =>
        {
            signer.HasKey(s => s.SignerId);
            signer.Property(s => s.SignerId).ValueGeneratedNever();
            signer.Ignore(s => s.IsCurrent);
            // What is addressed to a company reaches its current signers.
            signer.HasIndex(s => s.CompanyId);
        });

        modelBuilder.Entity<Delivery>(delivery =>
        {
            delivery.HasKey(d => d.Id);
            delivery.Property(d => d.Id).ValueGeneratedNever();
            delivery.Property(d => d.EventType).HasMaxLength(Delivery.EventTypeMaxLength);
            delivery.Property(d => d.RecipientKey).HasMaxLength(100);
            delivery.Property(d => d.Channel).HasConversion<string>().HasMaxLength(16);
            delivery.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
            delivery.Property(d => d.Language).HasConversion<string>().HasMaxLength(8);
            delivery.Property(d => d.AddressMasked).HasMaxLength(ProtectedValue.MaskedMaxLength);
            delivery.Property(d => d.Subject).HasMaxLength(MessageText.TitleMaxLength);
            delivery.Property(d => d.Body).HasMaxLength(MessageText.BodyMaxLength + 1000);
            delivery.Property(d => d.Reason).HasMaxLength(Delivery.ReasonMaxLength);
            // The sender and support staff's replay may touch one delivery at once: the later write fails instead of overwriting.
            delivery.Property<uint>("xmin").IsRowVersion();
            // Exactly once per event, recipient and channel, whatever arrives twice.
            delivery.HasIndex(d => new { d.EventId, d.RecipientKey, d.Channel }).IsUnique();
            // The sender looks for what is due.
            delivery.HasIndex(d => new { d.Status, d.DueAt });
            delivery.HasIndex(d => new { d.PersonId, d.CreatedAt });
        });

        modelBuilder.Entity<Preference>(preference =>
        {
            preference.HasKey(p => p.PersonId);
            preference.Property(p => p.PersonId).ValueGeneratedNever();
            preference.Property(p => p.Language).HasConversion<string>().HasMaxLength(8);
            preference.Property(p => p.TimeZone).HasMaxLength(64);
            preference.Property(p => p.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        });
    
        modelBuilder.Entity<WebhookSubscription>(subscription =>
        {
            subscription.HasKey(s => s.Id);
            subscription.Property(s => s.Id).ValueGeneratedNever();
            subscription.Property(s => s.Name).HasMaxLength(WebhookSubscription.NameMaxLength);
            subscription.Property(s => s.Url).HasMaxLength(WebhookSubscription.UrlMaxLength);
            subscription.Property(s => s.SecretCiphertext).HasMaxLength(1000);
            subscription.HasIndex(s => s.PropertyId);
        });

        modelBuilder.Entity<WebhookDelivery>(delivery =>
        {
            delivery.HasKey(d => d.Id);
            delivery.Property(d => d.Id).ValueGeneratedNever();
            delivery.Property(d => d.Sequence).UseIdentityByDefaultColumn();
            delivery.Property(d => d.EventType).HasMaxLength(WebhookDelivery.EventTypeMaxLength);
            delivery.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
            delivery.Property(d => d.LastError).HasMaxLength(WebhookDelivery.ErrorMaxLength);
            delivery.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
            // One delivery per subscription and event, whatever arrives twice.
            delivery.HasIndex(d => new { d.SubscriptionId, d.EventId }).IsUnique();
            // A subscription's queue, in the order it is sent.
            delivery.HasIndex(d => new { d.SubscriptionId, d.Status, d.OccurredAt, d.Sequence });
        });

        modelBuilder.Entity<RoutingRule>(rule =>
        {
            // One rule per property and event type; without one the catalog's default applies.
            rule.HasKey(r => new { r.PropertyId, r.EventType });
            rule.Property(r => r.EventType).HasMaxLength(RoutingRule.EventTypeMaxLength);
            rule.Property(r => r.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        });
    }
}
