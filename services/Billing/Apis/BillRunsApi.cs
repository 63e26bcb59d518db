using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PropertyPlatform.Billing.Domain;
using PropertyPlatform.Billing.Infrastructure;
using PropertyPlatform.Contracts.Billing;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Messaging;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Billing.Apis;

public static class BillRunsApi
{
    public static IEndpointRouteBuilder MapBillRunsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/bill-runs").WithTags("Bill runs");

        // Who may call what (README "Who may call what"), always within the caller's properties.
        api.MapPost("/preview", PreviewBillRun).WithName("PreviewBillRun").Validate<BillRunRequest>()
            .RequireRoles(Roles.Finance, Roles.Manager, Roles.Admin);
        api.MapPost("/", CommitBillRun).WithName("CommitBillRun").Validate<BillRunRequest>().ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRoles(Roles.Finance, Roles.Admin);
        return app;
    }

    /// <summary>What a bill run of the period would issue, and what is billed already; stores nothing.</summary>
    public static async Task<Results<Ok<BillRunView>, ValidationProblem>> PreviewBillRun(
        BillRunRequest request, Caller caller, BillingDbContext db, PropertyCalendar calendar, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await IsKnownPropertyAsync(db, caller, request.PropertyId, cancellationToken))
        {
            return UnknownProperty();
        }
        var plan = await PlanAsync(db, request.PropertyId, BillingPeriod.Parse(request.Period!), calendar.DayOf(time.GetUtcNow()), cancellationToken);
        return TypedResults.Ok(BillRunView.From(request.PropertyId, plan, committed: false));
    }

    /// <summary>
    /// Issues the period's property-service fee for every unit not billed for it yet, with <see cref="BillIssued"/> for
    /// each line in the same transaction. Runs of one property and period take turns, so committing twice — or at once —
    /// issues each line once; the second run reports everything as billed already.
    /// </summary>
    public static async Task<Results<Ok<BillRunView>, ValidationProblem, ProblemHttpResult>> CommitBillRun(
        BillRunRequest request, Caller caller, BillingDbContext db, UnitAccounts accounts, PropertyCalendar calendar, OutboxSignal outbox,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await IsKnownPropertyAsync(db, caller, request.PropertyId, cancellationToken))
        {
            return UnknownProperty();
        }

        var now = time.GetUtcNow();
        try
        {
            var plan = await CommitAsync(db, accounts, request.PropertyId, BillingPeriod.Parse(request.Period!), now, calendar.DayOf(now), cancellationToken);
            // The BillIssued rows were copied in, not saved through EF: wake the relay as a SaveChanges would.
            outbox.Notify();
            return TypedResults.Ok(BillRunView.From(request.PropertyId, plan, committed: true));
        }
        catch (Exception exception) when ((exception is DbUpdateException update && update.IsUniqueViolation())
            || exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A paid-service line or another writer took a key in the same moment; nothing of this run is stored.
            return ProblemResults.Conflict("Bill lines of this period were issued at the same moment; run it again to issue the rest.");
        }
    }

    /// <summary>
    /// Commits a run in its own transaction (the endpoint's and the scheduler's): lines not billed yet are issued with
    /// <see cref="BillIssued"/> each, and credit the units hold pays them. Runs of one property and period take turns.
    /// </summary>
    internal static async Task<PlannedBillRun> CommitAsync(
        BillingDbContext db, UnitAccounts accounts, Guid propertyId, BillingPeriod period, DateTimeOffset now, DateOnly today,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var plan = await CommitCoreAsync(db, accounts, propertyId, period, now, today, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return plan;
    }

    /// <summary><see cref="CommitAsync"/> inside the caller's transaction (the scheduler marks its run done in the same one).</summary>
    internal static async Task<PlannedBillRun> CommitCoreAsync(
        BillingDbContext db, UnitAccounts accounts, Guid propertyId, BillingPeriod period, DateTimeOffset now, DateOnly today,
        CancellationToken cancellationToken, bool meteredOnly = false)
    {
        // A run of the same property and period waits here until this one has committed, then finds its lines billed.
        await db.Database.ExecuteSqlAsync(
            $"SELECT pg_advisory_xact_lock(hashtextextended({$"bill-run:{propertyId}:{period}"}, 0))", cancellationToken);

        var plan = await PlanAsync(db, propertyId, period, today, cancellationToken, meteredOnly);
        var issued = plan.Run.ToIssue
            .Select(l => BillLine.Issue(l.Unit, l.PayerId, l.Period, l.Item, l.SourceId, l.Description, l.Amount, BillRun.DueDateOf(period), now))
            .ToList();
        // Set-based: the lines and their BillIssued rows go in by COPY, not as tracked entities (benchmarks/BillRun).
        await BillLineCopy.WriteAsync(db, issued, cancellationToken);
        // Credit a unit holds from an overpayment pays its new lines at once.
        await accounts.ApplyCreditsAsync(issued.Select(l => l.UnitId).ToHashSet(), now, cancellationToken);
        return plan;
    }

    /// <summary>
    /// The run's plan; late fees are worked out as of <paramref name="today"/>, the day the run is made. Only units that may
    /// still have a line to issue are read and planned (an anti-join against the period's lines in SQL), so a rerun of a
    /// run already committed reads almost nothing; what the run's months hold already is counted, and its first lines
    /// listed, from the lines themselves. With <paramref name="meteredOnly"/>, only the period's meter readings are
    /// planned (the scheduler's run after readings close must not issue the month's other fees, e.g. of a month the
    /// property billed before Billing ran it).
    /// </summary>
    internal static async Task<PlannedBillRun> PlanAsync(
        BillingDbContext db, Guid propertyId, BillingPeriod period, DateOnly today, CancellationToken cancellationToken, bool meteredOnly = false)
    {
        var periodText = period.ToString();
        var charged = BillRun.MonthsCharged(period).ToList();
        var months = charged.Select(p => p.ToString()).ToArray();
        var units = meteredOnly ? [] : await UnitsToPlanAsync(db, propertyId, period, charged, cancellationToken);
        var schedules = await db.FeeSchedules.AsNoTracking().Include(s => s.Rates)
            .Where(s => s.PropertyId == propertyId && s.Item != FeeItem.PaidService)
            .ToListAsync(cancellationToken);
        var readings = await db.MeterReadings.AsNoTracking()
            .Where(r => r.PropertyId == propertyId && r.Period == periodText && r.Status != MeterReadingStatus.Flagged && r.Usage > 0)
            .ToListAsync(cancellationToken);
        // A period's late fees are those of earlier periods' lines: a rerun, or a run made late, never charges the
        // period's own lines (or the run's quarter) for being overdue.
        var owed = meteredOnly ? [] : (await LateFees.OwedAsync(db, propertyId, null, today, cancellationToken))
            .Where(o => string.CompareOrdinal(o.Period, periodText) < 0).ToList();
        // A metered line is planned with its unit; a late fee names its unit.
        var planned = units.Select(u => u.Id).ToHashSet();
        var others = readings.Select(r => r.UnitId).Concat(owed.Select(o => o.UnitId)).Where(id => !planned.Contains(id)).Distinct().ToList();
        if (others.Count > 0)
        {
            units.AddRange(await db.Units.AsNoTracking().Where(u => others.Contains(u.Id)).ToListAsync(cancellationToken));
        }
        var metered = readings.Select(r => r.UnitId).ToHashSet();
        var toPlan = units.Where(u => planned.Contains(u.Id) || metered.Contains(u.Id)).ToList();

        var ids = toPlan.Select(u => u.Id).ToList();
        var billed = (await db.BillLines
            .Where(l => l.PropertyId == propertyId && months.Contains(l.Period) && l.Item != FeeItem.PaidService && ids.Contains(l.UnitId))
            .Select(l => new { l.UnitId, l.Period, l.SourceId, l.Item }).ToListAsync(cancellationToken))
            .Select(l => new BilledKey(l.UnitId, l.Period, l.SourceId, l.Item)).ToHashSet();
        var occupancies = (await db.Occupancies.AsNoTracking()
            .Where(o => o.PropertyId == propertyId && ids.Contains(o.UnitId))
            .ToListAsync(cancellationToken)).ToLookup(o => o.UnitId, Occupancy.Of);
        var run = meteredOnly
            ? BillRun.PlanMetered(period, toPlan, schedules, occupancies, billed, readings)
            : BillRun.Plan(period, toPlan, schedules, occupancies, billed, readings);

        var chargedThisPeriod = await db.BillLines.AsNoTracking()
            .Where(l => l.PropertyId == propertyId && l.Period == periodText && l.Item == FeeItem.LateFee)
            .ToDictionaryAsync(l => l.SourceId, l => l.Amount, cancellationToken);
        run = run.With(BillRun.LateFeeLines(period, units.ToDictionary(u => u.Id),
            owed.Select(o => (o.BillLineId, o.UnitId, o.PayerId, $"{o.Period} {o.Description}", o.DaysCharged, o.Due)), chargedThisPeriod));

        // Billed before: the run's months' lines as issued (a paid service is not the run's).
        var before = db.BillLines.AsNoTracking().Where(l => l.PropertyId == propertyId && l.Item != FeeItem.PaidService);
        // One month reads the first lines off the index in order; a quarter's three are sorted.
        before = months.Length == 1 ? before.Where(l => l.Period == periodText) : before.Where(l => months.Contains(l.Period));
        var alreadyBilled = await before.CountAsync(cancellationToken);
        var toIssue = run.ToIssue.Count();
        List<BillRunLineView> shown = toIssue >= BillRunView.MaxLines ? [] : await before
            .Join(db.Units, l => l.UnitId, u => u.Id, (l, u) => new { Line = l, u.Type, u.ChargeableArea })
            .OrderBy(l => l.Line.BuildingName).ThenBy(l => l.Line.UnitNumber).ThenBy(l => l.Line.Period).ThenBy(l => l.Line.Id)
            .Take(BillRunView.MaxLines - toIssue)
            .Select(l => new BillRunLineView(l.Line.UnitId, l.Line.BuildingName, l.Line.UnitNumber, l.Type, l.ChargeableArea, l.Line.Item,
                l.Line.Description, l.Line.Amount, null, true, l.Line.Period, l.Line.PayerId))
            .ToListAsync(cancellationToken);
        return new PlannedBillRun(run, alreadyBilled, shown);
    }

    /// <summary>
    /// The property's units that may still have a property-service or parking line to issue for the run's months: those
    /// without a line of the run's month, and those with a paying occupancy (owner or tenant, quarterly ones for the
    /// quarter's later months) in a month charged without a line of its own or one issued without a payer. It errs on
    /// the side of planning (an owner whose tenant pays the whole month is planned again); the plan decides.
    /// </summary>
    private static Task<List<UnitCopy>> UnitsToPlanAsync(
        BillingDbContext db, Guid propertyId, BillingPeriod period, IReadOnlyList<BillingPeriod> charged, CancellationToken cancellationToken)
    {
        var periodText = period.ToString();
        var months = charged.Select(p => p.ToString()).ToArray();
        var firstDays = charged.Select(p => p.FirstDay).ToArray();
        var lastDays = charged.Select(p => p.LastDay).ToArray();
        string[] items = [nameof(FeeItem.PropertyService), nameof(FeeItem.Parking)];
        string[] paying = [nameof(OccupancyRole.Owner), nameof(OccupancyRole.Tenant)];
        var quarterly = nameof(BillingCycle.Quarterly);
        return db.Units.FromSql($"""
            SELECT u.* FROM units u
            WHERE u.property_id = {propertyId}
              AND (NOT EXISTS (SELECT 1 FROM bill_lines l WHERE l.unit_id = u.id AND l.period = {periodText} AND l.item = ANY({items}))
                OR EXISTS (
                  SELECT 1 FROM occupancies o CROSS JOIN unnest({months}, {firstDays}, {lastDays}) AS m(period, first_day, last_day)
                  WHERE o.property_id = {propertyId} AND o.unit_id = u.id AND o.role = ANY({paying})
                    AND (m.period = {periodText} OR o.billing_cycle = {quarterly})
                    AND o.start_date <= m.last_day AND (o.end_date IS NULL OR o.end_date >= m.first_day)
                    AND NOT EXISTS (SELECT 1 FROM bill_lines l WHERE l.unit_id = u.id AND l.period = m.period AND l.item = ANY({items})
                                      AND l.source_id IN (o.id, {Guid.Empty}))))
            """).AsNoTracking().ToListAsync(cancellationToken);
    }

    /// <summary>Properties are known here through their units; one outside the caller's scope is unknown to them.</summary>
    private static async Task<bool> IsKnownPropertyAsync(BillingDbContext db, Caller caller, Guid propertyId, CancellationToken cancellationToken) =>
        caller.CanSeeProperty(propertyId) && await db.Units.AnyAsync(u => u.PropertyId == propertyId, cancellationToken);

    private static ValidationProblem UnknownProperty() =>
        ProblemResults.Invalid("propertyId", "No property with this id is known: Directory has registered no unit in it.");
}

public sealed record BillRunRequest(Guid PropertyId, string? Period);

public sealed class BillRunRequestValidator : AbstractValidator<BillRunRequest>
{
    public BillRunRequestValidator()
    {
        RuleFor(r => r.PropertyId).NotEmpty();
        RuleFor(r => r.Period).NotEmpty().MaximumLength(7).Must(p => BillingPeriod.TryParse(p, out _)).WithMessage("Write the period as yyyy-MM, e.g. 2026-07.");
    }
}

/// <summary>
/// A bill run's plan (what it issues) and what its months held before it: <see cref="AlreadyBilled"/> lines, the first of
/// them in <see cref="BilledLines"/> (as many as the answer lists after the lines to issue).
/// </summary>
public sealed record PlannedBillRun(BillRun Run, int AlreadyBilled, IReadOnlyList<BillRunLineView> BilledLines);

/// <summary>
/// A bill run summed up: <c>Issued</c> are the lines this run issues (in a preview: would issue), with totals per building
/// (<c>Buildings</c>) and per building and fee item (<c>Items</c>); <c>AlreadyBilled</c> are the lines of the run's months
/// issued before (by earlier runs of them), left as they are. <c>Lines</c> lists the first <see cref="MaxLines"/> of the
/// run's <c>LineCount</c> lines (to issue first, then billed before, as issued), so a property of 100,000 units answers its
/// totals, not every line. A line's <c>Period</c> is the month it charges (a quarterly payer's run charges three),
/// <c>PayerId</c> the occupant who pays it (null when Billing knows no occupancy of the unit), <c>DaysCharged</c> the days
/// of the month it charges (null for a line billed before: a rerun does not plan it again).
/// </summary>
public sealed record BillRunView(
    Guid PropertyId,
    string Period,
    DateOnly DueDate,
    bool Committed,
    int Issued,
    decimal IssuedTotal,
    int AlreadyBilled,
    IReadOnlyList<BillRunBuildingTotal> Buildings,
    IReadOnlyList<BillRunItemTotal> Items,
    int LineCount,
    IReadOnlyList<BillRunLineView> Lines,
    IReadOnlyList<BillRunSkippedView> Skipped)
{
    public const int MaxLines = 1000;

    public static BillRunView From(Guid propertyId, PlannedBillRun plan, bool committed)
    {
        var run = plan.Run;
        var toIssue = run.ToIssue.ToList();
        return new BillRunView(
            propertyId, run.Period.ToString(), BillRun.DueDateOf(run.Period), committed, toIssue.Count, toIssue.Sum(l => l.Amount),
            plan.AlreadyBilled,
            toIssue.GroupBy(l => l.Unit.BuildingName).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new BillRunBuildingTotal(g.Key, g.Count(), g.Sum(l => l.Amount))).ToList(),
            toIssue.GroupBy(l => (l.Unit.BuildingName, l.Item)).OrderBy(g => g.Key.BuildingName, StringComparer.Ordinal).ThenBy(g => g.Key.Item)
                .Select(g => new BillRunItemTotal(g.Key.BuildingName, g.Key.Item, g.Count(), g.Sum(l => l.Amount))).ToList(),
            toIssue.Count + plan.AlreadyBilled,
            [.. toIssue.Take(MaxLines).Select(l => new BillRunLineView(l.Unit.Id, l.Unit.BuildingName, l.Unit.Number, l.Unit.Type, l.Unit.ChargeableArea,
                l.Item, l.Description, l.Amount, l.DaysCharged, false, l.Period.ToString(), l.PayerId)), .. plan.BilledLines.Take(MaxLines - Math.Min(MaxLines, toIssue.Count))],
            run.Skipped.Select(s => new BillRunSkippedView(s.Unit.Id, s.Unit.BuildingName, s.Unit.Number, s.Reason)).ToList());
    }
}

public sealed record BillRunBuildingTotal(string BuildingName, int Lines, decimal Total);

public sealed record BillRunItemTotal(string BuildingName, FeeItem Item, int Lines, decimal Total);

public sealed record BillRunLineView(
    Guid UnitId, string BuildingName, string UnitNumber, UnitType UnitType, decimal ChargeableArea, FeeItem Item, string Description,
    decimal Amount, int? DaysCharged, bool AlreadyBilled, string Period, Guid? PayerId);

public sealed record BillRunSkippedView(Guid UnitId, string BuildingName, string UnitNumber, string Reason);
