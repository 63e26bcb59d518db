using Microsoft.EntityFrameworkCore;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.WorkOrders.Domain;

namespace PropertyPlatform.WorkOrders.Infrastructure;

public sealed class WorkOrdersDbContext(DbContextOptions<WorkOrdersDbContext> options) : ServiceDbContext(options), IHasUnitCopies
{
    public DbSet<WorkOrder> WorkOrders => Set<WorkOrder>();

    public DbSet<UnitCopy> Units => Set<UnitCopy>();

    public DbSet<PropertyTimeLimit> TimeLimits => Set<PropertyTimeLimit>();

    public DbSet<Engineer> Engineers => Set<Engineer>();

    public DbSet<WorkOrderPhoto> Photos => Set<WorkOrderPhoto>();

    public DbSet<PatrolRoute> PatrolRoutes => Set<PatrolRoute>();

    public DbSet<PatrolRecord> PatrolRecords => Set<PatrolRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyUnitCopies();

        modelBuilder.Entity<WorkOrder>(order =>
        {
            order.HasKey(o => o.Id);
            order.Property(o => o.Number).HasMaxLength(32);
            order.HasIndex(o => new { o.PropertyId, o.Number }).IsUnique();
            order.Property(o => o.Category).HasConversion<string>().HasMaxLength(32);
            order.Property(o => o.Priority).HasConversion<string>().HasMaxLength(32);
            order.Property(o => o.Channel).HasConversion<string>().HasMaxLength(32);
            order.Property(o => o.Status).HasConversion<string>().HasMaxLength(32);
            order.Property(o => o.Description).HasMaxLength(WorkOrder.DescriptionMaxLength);
            order.Property(o => o.Location).HasMaxLength(200);
            order.Property(o => o.ContactName).HasMaxLength(100);
            order.Property(o => o.ContactPhone).HasMaxLength(32);
            // Optimistic concurrency on PostgreSQL's row version: two clerks changing one order cannot both win.
            order.Property<uint>("xmin").IsRowVersion();
            order.HasOne<UnitCopy>().WithMany().HasForeignKey(o => o.UnitId).OnDelete(DeleteBehavior.Restrict);
            order.HasIndex(o => new { o.PropertyId, o.SubmittedAt });
            order.Property(o => o.UnitNumber).HasMaxLength(32);
            order.Property(o => o.TakenByName).HasMaxLength(Actor.NameMaxLength);
            order.Property(o => o.AssigneeName).HasMaxLength(Actor.NameMaxLength);
            order.Property(o => o.HoldReason).HasMaxLength(WorkOrder.ReasonMaxLength);
            order.Property(o => o.CompletionSummary).HasMaxLength(WorkOrder.SummaryMaxLength);
            order.Property(o => o.Materials).HasMaxLength(1000);
            order.Property(o => o.FollowUpComment).HasMaxLength(WorkOrder.ReasonMaxLength);
            order.Property(o => o.CancelReason).HasMaxLength(WorkOrder.ReasonMaxLength);
            order.Property(o => o.ResponseFlag).HasConversion<string>().HasMaxLength(16);
            order.Property(o => o.ResolutionFlag).HasConversion<string>().HasMaxLength(16);
            order.Property(o => o.QuoteStatus).HasConversion<string>().HasMaxLength(16);
            order.Property(o => o.QuoteAmount).HasPrecision(12, 2);
            order.Property(o => o.QuoteDescription).HasMaxLength(WorkOrder.ReasonMaxLength);
            // The deadline sweeper reads only the orders whose next warning or due time has come.
            order.HasIndex(o => o.NextDeadlineAt).HasFilter("next_deadline_at IS NOT NULL");
            // Lists filter by status and category and page newest first: with years of orders the page and its count
            // read this index only. Its prefix serves the board's status queries.
            order.HasIndex(o => new { o.PropertyId, o.Status, o.Category, o.SubmittedAt });
            // The monthly statistics read the orders submitted, accepted, completed or followed up in the month.
            order.HasIndex(o => new { o.PropertyId, o.AcceptedAt }).HasFilter("accepted_at IS NOT NULL");
            order.HasIndex(o => new { o.PropertyId, o.CompletedAt }).HasFilter("completed_at IS NOT NULL");
            order.HasIndex(o => new { o.PropertyId, o.FollowedUpAt }).HasFilter("followed_up_at IS NOT NULL");
            order.HasMany(o => o.Timeline).WithOne().HasForeignKey(e => e.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<WorkOrderTimelineEntry>(entry =>
        {
            entry.ToTable("work_order_timeline");
            entry.HasKey(e => e.Id);
            // The order gives each line its id; a line found on a tracked order is new, to be inserted.
            entry.Property(e => e.Id).ValueGeneratedNever();
            entry.HasIndex(e => new { e.WorkOrderId, e.Sequence }).IsUnique();
            entry.Property(e => e.ActorName).HasMaxLength(Actor.NameMaxLength);
            entry.Property(e => e.From).HasConversion<string>().HasMaxLength(32);
            entry.Property(e => e.To).HasConversion<string>().HasMaxLength(32);
            entry.Property(e => e.Note).HasMaxLength(WorkOrder.SummaryMaxLength);
            entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        });

        modelBuilder.Entity<WorkOrderPhoto>(photo =>
        {
            photo.ToTable("work_order_photos");
            photo.HasKey(p => p.Id);
            // In the order's database, not a file store: a photo and the order's photo count commit together.
            photo.HasOne<WorkOrder>().WithMany().HasForeignKey(p => p.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
            photo.HasIndex(p => new { p.WorkOrderId, p.Sequence }).IsUnique();
            photo.Property(p => p.ContentType).HasMaxLength(32);
            photo.Property(p => p.Sha256).HasMaxLength(64);
            photo.Property(p => p.FileName).HasMaxLength(WorkOrderPhoto.FileNameMaxLength);
            photo.Property(p => p.Stage).HasConversion<string>().HasMaxLength(16);
            photo.Property(p => p.UploadedByName).HasMaxLength(Actor.NameMaxLength);
        });

        modelBuilder.Entity<Engineer>(engineer =>
        {
            engineer.HasKey(e => new { e.PersonId, e.PropertyId });
            engineer.Property(e => e.Name).HasMaxLength(Actor.NameMaxLength);
            engineer.Property(e => e.Phone).HasMaxLength(32);
            // An event and the feed's fill may change one row at once: the second writer retries and compares versions again.
            engineer.Property(e => e.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<PropertyTimeLimit>(limit =>
        {
            limit.ToTable("time_limits");
            limit.HasKey(l => new { l.PropertyId, l.Priority });
            limit.Property(l => l.Priority).HasConversion<string>().HasMaxLength(32);
        });

        modelBuilder.ApplyPatrols();
        modelBuilder.ApplyDailyCounters();
    }
}
