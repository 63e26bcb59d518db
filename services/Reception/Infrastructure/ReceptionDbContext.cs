using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Reception.Domain;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.LocalCopies;

namespace PropertyPlatform.Reception.Infrastructure;

public sealed class ReceptionDbContext(DbContextOptions<ReceptionDbContext> options) : ServiceDbContext(options), IHasUnitCopies
{
    /// <summary>Filter of the visits whose pass code still admits someone; pass codes are unique among them.</summary>
    public const string ActiveVisitFilter = "status IN ('Expected', 'CheckedIn')";

    public DbSet<Visit> Visits => Set<Visit>();

    public DbSet<UnitCopy> Units => Set<UnitCopy>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyUnitCopies();

        modelBuilder.Entity<Visit>(visit =>
        {
            visit.HasKey(v => v.Id);
            visit.Property(v => v.VisitorName).HasMaxLength(Visit.VisitorNameMaxLength);
            visit.Property(v => v.VisitorPhone).HasMaxLength(32);
            visit.Property(v => v.IdType).HasConversion<string>().HasMaxLength(32);
            visit.Property(v => v.IdNumber).HasMaxLength(32);
            visit.Property(v => v.PlateNumber).HasMaxLength(Visit.PlateNumberMaxLength);
            visit.Property(v => v.Purpose).HasMaxLength(Visit.PurposeMaxLength);
            visit.Property(v => v.PassCode).HasMaxLength(16);
            visit.Property(v => v.Status).HasConversion<string>().HasMaxLength(32);
            visit.Property(v => v.CancelReason).HasMaxLength(Visit.ReasonMaxLength);
            // Optimistic concurrency on PostgreSQL's row version: two guards checking one visitor in cannot both win.
            visit.Property<uint>("xmin").IsRowVersion();
            visit.HasOne<UnitCopy>().WithMany().HasForeignKey(v => v.UnitId).OnDelete(DeleteBehavior.Restrict);
            visit.HasIndex(v => new { v.PropertyId, v.PassCode }).IsUnique().HasFilter(ActiveVisitFilter)
                .HasDatabaseName("ix_visits_active_pass_code");
            visit.HasIndex(v => new { v.PropertyId, v.ExpectedFrom });
        });
    }
}
