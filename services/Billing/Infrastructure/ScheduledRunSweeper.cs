using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Billing.Apis;
using PropertyPlatform.Billing.Domain;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Messaging;

namespace PropertyPlatform.Billing.Infrastructure;

/// <summary>
/// Billing's scheduler, as Complaints' deadline sweeper: every <c>Billing:ScheduleSweepInterval</c> it plans each
/// property's runs of this month and the next (<see cref="ScheduledRun.DueIn"/>, stored with their due times), then makes
/// those whose time has come — the monthly bill run on the 25th, the quarterly one on the 5th of a quarter's last month,
/// the arrears reminders on the 10th, the month's metered charges on the 16th. Due times live in the database, so a restart loses nothing; a run is marked done
/// in the transaction that takes it (row locked, replicas skip it), and the runs are idempotent besides. Runs are planned
/// only for days after the one the property is first seen, so a first start never issues a surprise run for today.
/// </summary>
public sealed partial class ScheduledRunSweeper(
    IServiceScopeFactory scopes, TimeProvider time, PropertyCalendar calendar, IConfiguration configuration, ILogger<ScheduledRunSweeper> logger)
    : PeriodicSweeper(configuration, logger, "Billing:ScheduleSweepInterval", TimeSpan.FromMinutes(1))
{
    protected override async Task SweepDueAsync(CancellationToken cancellationToken)
    {
        await PlanAsync(cancellationToken);
        while (await RunNextAsync(cancellationToken))
        {
        }
    }

    /// <summary>Stores the runs of this month and the next that are due after today and not planned yet; returns how many.</summary>
    public async Task<int> PlanAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BillingDbContext>();
        var now = time.GetUtcNow();
        var today = calendar.DayOf(now);
        var thisMonth = BillingPeriod.Of(today);
        var properties = await db.Units.AsNoTracking().Select(u => u.PropertyId).Distinct().ToListAsync(cancellationToken);
        var planned = (await db.ScheduledRuns.AsNoTracking().Where(r => r.DueOn > today).Select(r => new { r.PropertyId, r.Kind, r.DueOn })
            .ToListAsync(cancellationToken)).Select(r => (r.PropertyId, r.Kind, r.DueOn)).ToHashSet();
        var added = 0;
        foreach (var property in properties)
        {
            foreach (var (kind, dueOn, period) in ScheduledRun.DueIn(thisMonth).Concat(ScheduledRun.DueIn(thisMonth.Next())))
            {
                if (dueOn > today && planned.Add((property, kind, dueOn)))
                {
                    db.ScheduledRuns.Add(ScheduledRun.Plan(property, kind, dueOn, period, calendar.DayBounds(dueOn).Start, now));
                    added++;
                }
            }
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // A replica planned the same runs at the same moment: theirs stand.
            return 0;
        }
        return added;
    }

    /// <summary>
    /// Makes the earliest run whose time has come, marking it done in the same transaction — or, when it fails, recording
    /// the failure and when it is tried again; false when none is due.
    /// </summary>
    public async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BillingDbContext>();
        var accounts = scope.ServiceProvider.GetRequiredService<UnitAccounts>();
        var now = time.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Not composed further: EF would wrap the locking query in a sub-select.
        var due = (await db.ScheduledRuns
            .FromSql($"SELECT * FROM scheduled_runs WHERE done_at IS NULL AND due_at <= {now} ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken)).SingleOrDefault();
        if (due is null)
        {
            return false;
        }
        // The run's own transaction nests in this one (EF joins the open transaction): all of it commits with "done", or none.
        // A run that fails is rolled back to the savepoint and only its failure is recorded on the still-locked row, with
        // the time of its next attempt: the runs due after it are made meanwhile.
        await transaction.CreateSavepointAsync(BeforeRun, cancellationToken);
        string outcome;
        try
        {
            outcome = due.Kind switch
            {
                ScheduledRunKind.ArrearsReminders => Reminded(await ArrearsExportsApi.RemindCoreAsync(db, due.PropertyId, calendar.DayOf(now), now, cancellationToken)),
                ScheduledRunKind.MeteredBillRun => Issued(await BillRunsApi.CommitCoreAsync(
                    db, accounts, due.PropertyId, BillingPeriod.Parse(due.Period), now, calendar.DayOf(now), cancellationToken, meteredOnly: true)),
                _ => Issued(await BillRunsApi.CommitCoreAsync(db, accounts, due.PropertyId, BillingPeriod.Parse(due.Period), now, calendar.DayOf(now), cancellationToken)),
            };
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            await transaction.RollbackToSavepointAsync(BeforeRun, cancellationToken);
            db.ChangeTracker.Clear();
            db.ScheduledRuns.Attach(due);
            due.Failed($"{exception.GetType().Name}: {exception.Message}", now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogRunFailed(Logger, exception, due.Kind, due.PropertyId, due.Period, due.Failures, due.DueAt);
            return true;
        }
        due.Done(outcome, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        scope.ServiceProvider.GetRequiredService<OutboxSignal>().Notify(); // events copied in by a bill run
        LogRunDone(Logger, due.Kind, due.PropertyId, due.Period, outcome);
        return true;

        static string Reminded(ReminderRunView r) => $"reminded {r.Sent} payers of {r.Amount:0.00}";
        static string Issued(PlannedBillRun plan) => $"issued {plan.Run.ToIssue.Count()} lines of {plan.Run.ToIssue.Sum(l => l.Amount):0.00}; {plan.AlreadyBilled} billed before";
    }

    [LoggerMessage(LogLevel.Information, "Scheduled {Kind} of property {PropertyId} for {Period} done: {Outcome}")]
    private static partial void LogRunDone(ILogger logger, ScheduledRunKind kind, Guid propertyId, string period, string outcome);

    private const string BeforeRun = "before_scheduled_run";

    [LoggerMessage(LogLevel.Error, "Scheduled {Kind} of property {PropertyId} for {Period} failed ({Failures} so far); next attempt at {NextAttempt}")]
    private static partial void LogRunFailed(
        ILogger logger, Exception exception, ScheduledRunKind kind, Guid propertyId, string period, int failures, DateTimeOffset nextAttempt);
}
