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

    public DbSet<OccupancyCopy> Occupancies => Set<OccupancyCopy>();

    public DbSet<Deposit> Deposits => Set<Deposit>();

    public DbSet<DepositStep> DepositSteps => Set<DepositStep>();

    public DbSet<CashDay> CashDays => Set<CashDay>();

    public DbSet<MeterReading> MeterReadings => Set<MeterReading>();

    public DbSet<ArrearsReminder> ArrearsReminders => Set<ArrearsReminder>();

    public DbSet<LateFeeRule> LateFeeRules => Set<LateFeeRule>();

    public DbSet<ScheduledRun> ScheduledRuns => Set<ScheduledRun>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<Receipt> Receipts => Set<Receipt>();

    public DbSet<ReceiptCounter> ReceiptCounters => Set<ReceiptCounter>();

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
            // A property's lines of a period in the order they are listed (the bills, a bill run's lines billed before).
            line.HasIndex(l => new { l.PropertyId, l.Period, l.BuildingName, l.UnitNumber, l.Id });
            line.HasIndex(l => new { l.PropertyId, l.Status, l.DueDate });
            // Two cashiers paying the same line: the second save finds the row changed and retries on fresh numbers.
            line.Property<uint>("xmin").IsRowVersion();
        });

        modelBuilder.Entity<Payment>(payment =>
        {
            payment.HasKey(p => p.Id);
            payment.Property(p => p.Id).ValueGeneratedNever();
            payment.Property(p => p.BuildingName).HasMaxLength(100);
            payment.Property(p => p.UnitNumber).HasMaxLength(32);
            payment.Property(p => p.Method).HasConversion<string>().HasMaxLength(16);
            payment.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
            payment.Property(p => p.Amount).HasPrecision(14, 2);
            payment.Property(p => p.PayerName).HasMaxLength(Payment.PayerNameMaxLength);
            payment.Property(p => p.IdempotencyKey).HasMaxLength(Payment.IdempotencyKeyMaxLength);
            payment.Property(p => p.CashierName).HasMaxLength(Actor.NameMaxLength);
            payment.Property(p => p.ReversalReason).HasMaxLength(Payment.ReasonMaxLength);
            payment.Property(p => p.ReversedByName).HasMaxLength(Actor.NameMaxLength);
            payment.Ignore(p => p.Allocated);
            payment.Ignore(p => p.Credit);
            // The same key is the same payment: a retried request or a concurrent duplicate finds the first one.
            payment.HasIndex(p => new { p.PropertyId, p.IdempotencyKey }).IsUnique();
            payment.HasIndex(p => new { p.UnitId, p.ReceivedAt });
            payment.Property<uint>("xmin").IsRowVersion();
            payment.HasMany(p => p.Allocations).WithOne().HasForeignKey(a => a.PaymentId).OnDelete(DeleteBehavior.Restrict);
            payment.Navigation(p => p.Allocations).UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        modelBuilder.Entity<PaymentAllocation>(allocation =>
        {
            allocation.ToTable("payment_allocations");
            allocation.HasKey(a => a.Id);
            allocation.Property(a => a.Id).ValueGeneratedNever();
            allocation.Property(a => a.Period).HasMaxLength(7);
            allocation.Property(a => a.Item).HasConversion<string>().HasMaxLength(32);
            allocation.Property(a => a.Amount).HasPrecision(14, 2);
            allocation.HasOne<BillLine>().WithMany().HasForeignKey(a => a.BillLineId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Receipt>(receipt =>
        {
            receipt.HasKey(r => r.Id);
            receipt.Property(r => r.Id).ValueGeneratedNever();
            receipt.Property(r => r.Series).HasMaxLength(16);
            receipt.Property(r => r.Number).HasMaxLength(32);
            receipt.Property(r => r.BuildingName).HasMaxLength(100);
            receipt.Property(r => r.UnitNumber).HasMaxLength(32);
            receipt.Property(r => r.Method).HasConversion<string>().HasMaxLength(16);
            receipt.Property(r => r.Amount).HasPrecision(14, 2);
            receipt.Property(r => r.Credit).HasPrecision(14, 2);
            receipt.Property(r => r.AmountInWords).HasMaxLength(100);
            receipt.Property(r => r.PayerName).HasMaxLength(Payment.PayerNameMaxLength);
            receipt.Property(r => r.CashierName).HasMaxLength(Actor.NameMaxLength);
            receipt.Property(r => r.VoidReason).HasMaxLength(Payment.ReasonMaxLength);
            receipt.Property(r => r.VoidedByName).HasMaxLength(Actor.NameMaxLength);
            // Gap-free per series means unique per series too: a number is never given twice.
            receipt.HasIndex(r => new { r.PropertyId, r.Series, r.Sequence }).IsUnique();
            receipt.HasIndex(r => r.PaymentId).IsUnique();
            // A cashier's day sums their receipts.
            receipt.HasIndex(r => new { r.CashierId, r.PaidAt });
            receipt.Property<uint>("xmin").IsRowVersion();
            receipt.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.ReceiptId).OnDelete(DeleteBehavior.Cascade);
            receipt.Navigation(r => r.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        modelBuilder.Entity<ReceiptLine>(line =>
        {
            line.ToTable("receipt_lines");
            line.HasKey(l => l.Id);
            line.Property(l => l.Id).ValueGeneratedNever();
            line.Property(l => l.Item).HasConversion<string>().HasMaxLength(32);
            line.Property(l => l.Period).HasMaxLength(7);
            line.Property(l => l.Description).HasMaxLength(BillLine.DescriptionMaxLength);
            line.Property(l => l.Amount).HasPrecision(14, 2);
        });

        modelBuilder.Entity<OccupancyCopy>(occupancy =>
        {
            occupancy.ToTable("occupancies");
            occupancy.HasKey(o => o.Id);
            // Directory's occupancy id, never generated here.
            occupancy.Property(o => o.Id).ValueGeneratedNever();
            occupancy.Property(o => o.Role).HasConversion<string>().HasMaxLength(16);
            occupancy.Property(o => o.BillingCycle).HasConversion<string>().HasMaxLength(16);
            occupancy.HasIndex(o => new { o.PropertyId, o.UnitId });
            // An event and the feed's fill may write one occupancy at once: the second retries and compares versions again.
            occupancy.Property(o => o.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<Deposit>(deposit =>
        {
            deposit.HasKey(d => d.Id);
            deposit.Property(d => d.Id).ValueGeneratedNever();
            deposit.Property(d => d.BuildingName).HasMaxLength(100);
            deposit.Property(d => d.UnitNumber).HasMaxLength(32);
            deposit.Property(d => d.PayerName).HasMaxLength(Deposit.NameMaxLength);
            deposit.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
            deposit.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
            deposit.Property(d => d.Amount).HasPrecision(14, 2);
            deposit.Ignore(d => d.Taken);
            deposit.Ignore(d => d.Refunded);
            deposit.Ignore(d => d.Forfeited);
            deposit.Ignore(d => d.Balance);
            deposit.HasIndex(d => new { d.PropertyId, d.Status });
            deposit.HasIndex(d => d.UnitId);
            deposit.HasIndex(d => d.OccupantId);
            deposit.Property(d => d.CardNumber).HasMaxLength(Deposit.CardNumberMaxLength);
            // One deposit per access card, whatever the front desk's events do (a card's events published again).
            deposit.HasIndex(d => d.AccessCardId).IsUnique();
            deposit.Property<uint>("xmin").IsRowVersion();
            deposit.HasMany(d => d.Steps).WithOne().HasForeignKey(s => s.DepositId).OnDelete(DeleteBehavior.Restrict);
            deposit.Navigation(d => d.Steps).UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        modelBuilder.Entity<DepositStep>(step =>
        {
            step.ToTable("deposit_steps");
            step.HasKey(s => s.Id);
            step.Property(s => s.Id).ValueGeneratedNever();
            step.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
            step.Property(s => s.Method).HasConversion<string>().HasMaxLength(16);
            step.Property(s => s.Amount).HasPrecision(14, 2);
            step.Property(s => s.Reason).HasMaxLength(Deposit.ReasonMaxLength);
            step.Property(s => s.ActorName).HasMaxLength(Actor.NameMaxLength);
            // A cashier's day sums their cash steps.
            step.HasIndex(s => new { s.ActorId, s.At });
        });

        modelBuilder.Entity<CashDay>(day =>
        {
            day.HasKey(d => d.Id);
            day.Property(d => d.Id).ValueGeneratedNever();
            day.Property(d => d.CashierName).HasMaxLength(Actor.NameMaxLength);
            day.Property(d => d.ClosedByName).HasMaxLength(Actor.NameMaxLength);
            day.Property(d => d.FirstReceiptNumber).HasMaxLength(32);
            day.Property(d => d.LastReceiptNumber).HasMaxLength(32);
            day.Property(d => d.SupervisorNote).HasMaxLength(CashDay.NoteMaxLength);
            foreach (var money in new[] { nameof(CashDay.ReceiptsTotal), nameof(CashDay.DepositsIn), nameof(CashDay.DepositsOut), nameof(CashDay.Expected), nameof(CashDay.Counted) })
            {
                day.Property(money).HasPrecision(14, 2);
            }
            day.Ignore(d => d.Difference);
            day.Ignore(d => d.Balanced);
            // A cashier's day is closed once.
            day.HasIndex(d => new { d.PropertyId, d.CashierId, d.Day }).IsUnique();
        });

        modelBuilder.Entity<MeterReading>(reading =>
        {
            reading.HasKey(r => r.Id);
            reading.Property(r => r.Id).ValueGeneratedNever();
            reading.Property(r => r.BuildingName).HasMaxLength(100);
            reading.Property(r => r.UnitNumber).HasMaxLength(32);
            reading.Property(r => r.Item).HasConversion<string>().HasMaxLength(32);
            reading.Property(r => r.Meter).HasMaxLength(MeterReading.MeterMaxLength);
            reading.Property(r => r.Period).HasMaxLength(7);
            reading.Property(r => r.Value).HasPrecision(12, 2);
            reading.Property(r => r.Previous).HasPrecision(12, 2);
            reading.Property(r => r.Usage).HasPrecision(12, 2);
            reading.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            reading.Property(r => r.FlagReason).HasMaxLength(300);
            reading.Property(r => r.ReadByName).HasMaxLength(Actor.NameMaxLength);
            reading.Property(r => r.ConfirmedByName).HasMaxLength(Actor.NameMaxLength);
            reading.Ignore(r => r.Billable);
            // One reading per meter and day; a meter's readings are found in order.
            reading.HasIndex(r => new { r.UnitId, r.Item, r.Meter, r.ReadOn }).IsUnique();
            reading.HasIndex(r => new { r.PropertyId, r.Period });
            reading.Property<uint>("xmin").IsRowVersion();
        });

        modelBuilder.Entity<ArrearsReminder>(reminder =>
        {
            reminder.HasKey(r => r.Id);
            reminder.Property(r => r.Id).ValueGeneratedNever();
            reminder.Property(r => r.Amount).HasPrecision(14, 2);
            // One reminder per unit, payer and day, whoever sweeps.
            reminder.HasIndex(r => new { r.PropertyId, r.Day, r.UnitId, r.PayerId }).IsUnique();
        });

        modelBuilder.Entity<LateFeeRule>(rule =>
        {
            rule.HasKey(r => r.Id);
            rule.Property(r => r.Id).ValueGeneratedNever();
            rule.Property(r => r.DailyRate).HasPrecision(8, LateFeeRule.RateDecimals);
            rule.Property(r => r.Cap).HasPrecision(5, 4);
            rule.Property(r => r.SetByName).HasMaxLength(Actor.NameMaxLength);
            // One rule per property and day it takes effect: a rule in force is never silently replaced.
            rule.HasIndex(r => new { r.PropertyId, r.EffectiveFrom }).IsUnique();
        });

        modelBuilder.Entity<ScheduledRun>(run =>
        {
            run.HasKey(r => r.Id);
            run.Property(r => r.Id).ValueGeneratedNever();
            run.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
            run.Property(r => r.Period).HasMaxLength(7);
            run.Property(r => r.Outcome).HasMaxLength(ScheduledRun.OutcomeMaxLength);
            run.Property(r => r.LastError).HasMaxLength(ScheduledRun.ErrorMaxLength);
            // Each run is planned once per property, kind and day, whoever plans it.
            run.HasIndex(r => new { r.PropertyId, r.Kind, r.DueOn }).IsUnique();
            // The sweeper reads what is due and not done.
            run.HasIndex(r => r.DueAt).HasFilter("done_at IS NULL");
        });

        modelBuilder.Entity<ReceiptCounter>(counter => counter.HasKey(c => new { c.PropertyId, c.Series }));
    }
}
