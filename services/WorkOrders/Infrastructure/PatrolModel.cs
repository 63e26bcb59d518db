using Microsoft.EntityFrameworkCore;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.WorkOrders.Domain;

namespace PropertyPlatform.WorkOrders.Infrastructure;

/// <summary>Patrol routes and records (巡查), and the links from an order to the patrol or complaint that raised it.</summary>
internal static class PatrolModel
{
    public static ModelBuilder ApplyPatrols(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PatrolRoute>(route =>
        {
            route.HasKey(r => r.Id);
            route.Property(r => r.Name).HasMaxLength(PatrolRoute.NameMaxLength);
            route.Property(r => r.Area).HasMaxLength(PatrolRoute.AreaMaxLength);
            // A text[]: a handful of short items, always read and replaced whole.
            route.Property(r => r.Checklist).HasColumnType("text[]");
            route.HasIndex(r => new { r.PropertyId, r.Name }).IsUnique();
            // Two supervisors changing one checklist at once must not both make "the next version".
            route.Property<uint>("xmin").IsRowVersion();
        });

        modelBuilder.Entity<PatrolRecord>(record =>
        {
            record.HasKey(r => r.Id);
            record.Property(r => r.RouteName).HasMaxLength(PatrolRoute.NameMaxLength);
            record.Property(r => r.PatrollerName).HasMaxLength(Actor.NameMaxLength);
            record.HasOne<PatrolRoute>().WithMany().HasForeignKey(r => r.RouteId).OnDelete(DeleteBehavior.Restrict);
            record.HasIndex(r => new { r.PropertyId, r.PatrolledAt });
            record.HasIndex(r => new { r.RouteId, r.PatrolledAt });
            record.HasMany(r => r.Items).WithOne().HasForeignKey(i => i.PatrolRecordId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<PatrolRecordItem>(item =>
        {
            item.ToTable("patrol_record_items");
            item.HasKey(i => new { i.PatrolRecordId, i.Item });
            item.Property(i => i.Text).HasMaxLength(PatrolRoute.ItemMaxLength);
            item.Property(i => i.Note).HasMaxLength(PatrolRecord.NoteMaxLength);
            item.Property(i => i.UnitNumber).HasMaxLength(32);
            item.Property(i => i.Location).HasMaxLength(PatrolRecord.LocationMaxLength);
            item.Property(i => i.Category).HasConversion<string>().HasMaxLength(32);
            item.Property(i => i.Priority).HasConversion<string>().HasMaxLength(32);
            item.Property(i => i.WorkOrderNumber).HasMaxLength(32);
            item.HasOne<UnitCopy>().WithMany().HasForeignKey(i => i.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<WorkOrder>(order =>
        {
            order.HasOne<PatrolRecord>().WithMany().HasForeignKey(o => o.PatrolRecordId).OnDelete(DeleteBehavior.Restrict);
            order.HasIndex(o => o.ComplaintId).HasFilter("complaint_id IS NOT NULL");
        });
        return modelBuilder;
    }
}
