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
        var run = await PlanAsync(db, request.PropertyId, BillingPeriod.Parse(request.Period!), calendar.DayOf(time.GetUtcNow()), cancellationToken);
        return TypedResults.Ok(BillRunView.From(request.PropertyId, run, committed: false));
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
            var run = await CommitAsync(db, accounts, request.PropertyId, BillingPeriod.Parse(request.Period!), now, calendar.DayOf(now), cancellationToken);
            // The BillIssued rows were copied in, not saved through EF: wake the relay as a SaveChanges would.
            outbox.Notify();
            return TypedResults.Ok(BillRunView.From(request.PropertyId, run, committed: true));
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
    internal static async Task<BillRun> CommitAsync(
        BillingDbContext db, UnitAccounts accounts, Guid propertyId, BillingPeriod period, DateTimeOffset now, DateOnly today,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var run = await CommitCoreAsync(db, accounts, propertyId, period, now, today, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return run;
    }

    /// <summary><see cref="CommitAsync"/> inside the caller's transaction (the scheduler marks its run done in the same one).</summary>
    internal static async Task<BillRun> CommitCoreAsync(
        BillingDbContext db, UnitAccounts accounts, Guid propertyId, BillingPeriod period, DateTimeOffset now, DateOnly today,
        CancellationToken cancellationToken)
    {
        // A run of the same property and period waits here until this one has committed, then finds its lines billed.
        await db.Database.ExecuteSqlAsync(
            $"SELECT pg_advisory_xact_lock(hashtextextended({$"bill-run:{propertyId}:{period}"}, 0))", cancellationToken);

        var run = await PlanAsync(db, propertyId, period, today, cancellationToken);
        var issued = run.ToIssue
            .Select(l => BillLine.Issue(l.Unit, l.PayerId, l.Period, l.Item, l.SourceId, l.Description, l.Amount, BillRun.DueDateOf(period), now))
            .ToList();
        // Set-based: the lines and their BillIssued rows go in by COPY, not as tracked entities (benchmarks/BillRun).
        await BillLineCopy.WriteAsync(db, issued, cancellationToken);
        // Credit a unit holds from an overpayment pays its new lines at once.
        await accounts.ApplyCreditsAsync(issued.Select(l => l.UnitId).ToHashSet(), now, cancellationToken);
        return run;
    }

    /// <summary>The run's plan; late fees are worked out as of <paramref name="today"/>, the day the run is made.</summary>
    internal static async Task<BillRun> PlanAsync(BillingDbContext db, Guid propertyId, BillingPeriod period, DateOnly today, CancellationToken cancellationToken)
    {
        var units = await db.Units.AsNoTracking().Where(u => u.PropertyId == propertyId).ToListAsync(cancellationToken);
        var schedules = await db.FeeSchedules.AsNoTracking().Include(s => s.Rates)
            .Where(s => s.PropertyId == propertyId && s.Item != FeeItem.PaidService)
            .ToListAsync(cancellationToken);
        var months = BillRun.MonthsCharged(period).Select(p => p.ToString()).ToList();
        var billed = (await db.BillLines
            .Where(l => l.PropertyId == propertyId && months.Contains(l.Period) && l.Item != FeeItem.PaidService)
            .Select(l => new { l.UnitId, l.Period, l.SourceId, l.Item }).ToListAsync(cancellationToken))
            .Select(l => new BilledKey(l.UnitId, l.Period, l.SourceId, l.Item)).ToHashSet();
        var periodText = period.ToString();
        var readings = await db.MeterReadings.AsNoTracking()
            .Where(r => r.PropertyId == propertyId && r.Period == periodText && r.Status != MeterReadingStatus.Flagged && r.Usage > 0)
            .ToListAsync(cancellationToken);
        var occupancies = (await db.Occupancies.AsNoTracking()
            .Where(o => o.PropertyId == propertyId)
            .ToListAsync(cancellationToken)).ToLookup(o => o.UnitId, Occupancy.Of);
        var run = BillRun.Plan(period, units, schedules, occupancies, billed, readings);

        // A period's late fees are those of earlier periods' lines: a rerun, or a run made late, never charges the
        // period's own lines (or the run's quarter) for being overdue.
        var owed = (await LateFees.OwedAsync(db, propertyId, null, today, cancellationToken))
            .Where(o => string.CompareOrdinal(o.Period, periodText) < 0);
        var chargedThisPeriod = await db.BillLines.AsNoTracking()
            .Where(l => l.PropertyId == propertyId && l.Period == periodText && l.Item == FeeItem.LateFee)
            .ToDictionaryAsync(l => l.SourceId, l => l.Amount, cancellationToken);
        return run.With(BillRun.LateFeeLines(period, units.ToDictionary(u => u.Id),
            owed.Select(o => (o.BillLineId, o.UnitId, o.PayerId, $"{o.Period} {o.Description}", o.DaysCharged, o.Due)), chargedThisPeriod));
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
/// A bill run summed up: <c>Issued</c> are the lines this run issues (in a preview: would issue), with totals per building
/// (<c>Buildings</c>) and per building and fee item (<c>Items</c>); <c>AlreadyBilled</c> were issued before and are left as
/// they are. <c>Lines</c> lists the first <see cref="MaxLines"/> of the run's <c>LineCount</c> lines (to issue first, then
/// billed before), so a property of 100,000 units answers its totals, not every line. A line's <c>Period</c> is the month
/// it charges (a quarterly payer's run charges three), <c>PayerId</c> the occupant who pays it (null when Billing knows no
/// occupancy of the unit).
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

    public static BillRunView From(Guid propertyId, BillRun run, bool committed)
    {
        var toIssue = run.ToIssue.ToList();
        var lines = toIssue.Concat(run.Lines.Where(l => l.AlreadyBilled));
        return new BillRunView(
            propertyId, run.Period.ToString(), BillRun.DueDateOf(run.Period), committed, toIssue.Count, toIssue.Sum(l => l.Amount),
            run.Lines.Count(l => l.AlreadyBilled),
            toIssue.GroupBy(l => l.Unit.BuildingName).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new BillRunBuildingTotal(g.Key, g.Count(), g.Sum(l => l.Amount))).ToList(),
            toIssue.GroupBy(l => (l.Unit.BuildingName, l.Item)).OrderBy(g => g.Key.BuildingName, StringComparer.Ordinal).ThenBy(g => g.Key.Item)
                .Select(g => new BillRunItemTotal(g.Key.BuildingName, g.Key.Item, g.Count(), g.Sum(l => l.Amount))).ToList(),
            run.Lines.Count,
            lines.Take(MaxLines).Select(l => new BillRunLineView(l.Unit.Id, l.Unit.BuildingName, l.Unit.Number, l.Unit.Type, l.Unit.ChargeableArea,
                l.Item, l.Description, l.Amount, l.DaysCharged, l.AlreadyBilled, l.Period.ToString(), l.PayerId)).ToList(),
            run.Skipped.Select(s => new BillRunSkippedView(s.Unit.Id, s.Unit.BuildingName, s.Unit.Number, s.Reason)).ToList());
    }
}

public sealed record BillRunBuildingTotal(string BuildingName, int Lines, decimal Total);

public sealed record BillRunItemTotal(string BuildingName, FeeItem Item, int Lines, decimal Total);

public sealed record BillRunLineView(
    Guid UnitId, string BuildingName, string UnitNumber, UnitType UnitType, decimal ChargeableArea, FeeItem Item, string Description,
    decimal Amount, int DaysCharged, bool AlreadyBilled, string Period, Guid? PayerId);

public sealed record BillRunSkippedView(Guid UnitId, string BuildingName, string UnitNumber, string Reason);
