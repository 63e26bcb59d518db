using Microsoft.EntityFrameworkCore;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.WorkOrders.Domain;

namespace PropertyPlatform.WorkOrders.Infrastructure;

public sealed class WorkOrdersDbContext(DbContextOptions<WorkOrdersDbContext> options) : ServiceDbContext(options), IHasUnitCopies
{
    public DbSet<WorkOrder> WorkOrders => Set<WorkOrder>();

    public DbSet<UnitCopy> Units => Set<UnitCopy>();


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
        });

        modelBuilder.ApplyDailyCounters();
    }
}
