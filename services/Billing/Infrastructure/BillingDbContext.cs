using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Billing.Domain;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Domain;

namespace PropertyPlatform.Billing.Infrastructure;

public sealed class BillingDbContext(DbContextOptions<BillingDbContext> options) : ServiceDbContext(options), IHasUnitCopies
{
    public DbSet<FeeSchedule> FeeSchedules => Set<FeeSchedule>();

    public DbSet<FeeRate> FeeRates => Set<FeeRate>();

    public DbSet<UnitCopy> Units => Set<UnitCopy>();

    public DbSet<BillLine> BillLines => Set<BillLine>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyUnitCopies();

        modelBuilder.Entity<FeeSchedule>(schedule =>
        {
            schedule.HasKey(s => s.Id);
            schedule.Property(s => s.Item).HasConversion<string>().HasMaxLength(32);
            schedule.Property(s => s.UnitType).HasConversion<string>().HasMaxLength(32);
            // One schedule per property, item and unit type; "no unit type" counts as one value, not many.
            schedule.HasIndex(s => new { s.PropertyId, s.Item, s.UnitType }).IsUnique().AreNullsDistinct(false);
            // Optimistic concurrency on PostgreSQL's row version: two admins setting rates of one schedule cannot both win.
            schedule.Property<uint>("xmin").IsRowVersion();
            schedule.HasMany(s => s.Rates).WithOne().HasForeignKey(r => r.FeeScheduleId).OnDelete(DeleteBehavior.Cascade);
            schedule.Navigation(s => s.Rates).UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        modelBuilder.Entity<FeeRate>(rate =>
        {
            rate.HasKey(r => r.Id);
            rate.Property(r => r.Id).ValueGeneratedNever();
            rate.Property(r => r.Rate).HasPrecision(12, FeeSchedule.RateDecimals);
            rate.Property(r => r.SetByName).HasMaxLength(Actor.NameMaxLength);
            rate.HasIndex(r => new { r.FeeScheduleId, r.EffectiveFrom }).IsUnique();
        });

        modelBuilder.Entity<BillLine>(line =>
        {
            line.HasKey(l => l.Id);
            line.Property(l => l.Id).ValueGeneratedNever();
            line.Property(l => l.BuildingName).HasMaxLength(100);
            line.Property(l => l.UnitNumber).HasMaxLength(32);
            line.Property(l => l.Period).HasMaxLength(7);
            line.Property(l => l.Item).HasConversion<string>().HasMaxLength(32);
            line.Property(l => l.Status).HasConversion<string>().HasMaxLength(16);
            line.Property(l => l.Description).HasMaxLength(BillLine.DescriptionMaxLength);
            line.Property(l => l.Amount).HasPrecision(14, 2);
            line.Property(l => l.AmountPaid).HasPrecision(14, 2);
            line.Ignore(l => l.AmountOpen);
            // One line per unit, period and fee item, whatever happens (a rerun, a crash half-way, two runs at once);
            // a paid service's work order is part of the key so two services in a month are two lines.
            line.HasIndex(l => new { l.UnitId, l.Period, l.Item, l.SourceId }).IsUnique();
            line.HasIndex(l => new { l.PropertyId, l.Period });
            line.HasIndex(l => new { l.PropertyId, l.Status, l.DueDate });
            // Two cashiers paying the same line: the second save finds the row changed and retries on fresh numbers.
            line.Property<uint>("xmin").IsRowVersion();
        });
    }
}
