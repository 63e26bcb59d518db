using PropertyPlatform.ServiceDefaults.Domain;

namespace PropertyPlatform.Billing.Domain;

public enum ScheduledRunKind
{
    /// <summary>The monthly bill run: on the 25th, the next month's payment notices (付款通知书).</summary>
    MonthlyBillRun,
    /// <summary>Quarterly payers: on the 5th of a quarter's last month, the run of the next quarter's first month.</summary>
    QuarterlyBillRun,
    /// <summary>Arrears reminders (催缴): on the 10th, every payer with lines past due.</summary>
    ArrearsReminders,
    /// <summary>Metered charges (水费, 电费): on the 16th, once readings have closed on the 15th, the month's readings only.</summary>
    MeteredBillRun,
}

/// <summary>
/// A run the scheduler owes a property (定时任务): what, for which period, and from when. The due time is stored, so a
/// restart loses nothing — a run due while the service was down is made when it is back; done, it records when and what
/// came of it, and is never made again (the runs themselves are idempotent besides).
/// </summary>
public sealed class ScheduledRun
{
    public const int OutcomeMaxLength = 300;
    public const int ErrorMaxLength = 500;

    /// <summary>The wait before the first retry of a failed run; it doubles with each failure, up to <see cref="MaxRetryDelay"/>.</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);

    public const int MonthlyRunDay = 25;
    public const int QuarterlyRunDay = 5;
    public const int RemindersDay = 10;
    public const int MeteredRunDay = 16;

    private ScheduledRun()
    {
    }

    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    public ScheduledRunKind Kind { get; private set; }

    /// <summary>The local day it is due (property time).</summary>
    public DateOnly DueOn { get; private set; }

    /// <summary>
    /// The start of <see cref="DueOn"/> as an instant: the sweeper makes it from then on. After a failure, the time of
    /// the next attempt: later runs are made meanwhile, a failing one never holds them up.
    /// </summary>
    public DateTimeOffset DueAt { get; private set; }

    /// <summary>The month a bill run issues (<c>yyyy-MM</c>); the month of the day for reminders.</summary>
    public string Period { get; private set; } = "";

    public DateTimeOffset? DoneAt { get; private set; }

    public string? Outcome { get; private set; }

    /// <summary>How many attempts failed (each rolled back: nothing of a failed attempt is stored).</summary>
    public int Failures { get; private set; }

    /// <summary>Why the latest attempt failed, for whoever looks at <c>GET /scheduled-runs</c>.</summary>
    public string? LastError { get; private set; }

    public DateTimeOffset? LastFailedAt { get; private set; }

    /// <summary>
    /// What falls due in the month of <paramref name="month"/>: the monthly run on the 25th for the next month, the
    /// quarterly run on the 5th of March, June, September and December for the next quarter's first month, the
    /// reminders on the 10th, and the month's metered charges on the 16th (readings close on the 15th).
    /// </summary>
    public static IEnumerable<(ScheduledRunKind Kind, DateOnly DueOn, BillingPeriod Period)> DueIn(BillingPeriod month)
    {
        yield return (ScheduledRunKind.ArrearsReminders, month.FirstDay.AddDays(RemindersDay - 1), month);
        yield return (ScheduledRunKind.MeteredBillRun, month.FirstDay.AddDays(MeteredRunDay - 1), month);
        if (month.Month % 3 == 0)
        {
            yield return (ScheduledRunKind.QuarterlyBillRun, month.FirstDay.AddDays(QuarterlyRunDay - 1), month.Next());
        }
        yield return (ScheduledRunKind.MonthlyBillRun, month.FirstDay.AddDays(MonthlyRunDay - 1), month.Next());
    }

    public static ScheduledRun Plan(Guid propertyId, ScheduledRunKind kind, DateOnly dueOn, BillingPeriod period, DateTimeOffset dueAt, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now), PropertyId = propertyId, Kind = kind, DueOn = dueOn, DueAt = StoredTime.Of(dueAt.ToUniversalTime()),
            Period = period.ToString(),
        };

    /// <summary>
    /// An attempt failed: counted, its error kept, and the run tried again after 1, 2, 4… minutes (at most an hour).
    /// </summary>
    public void Failed(string error, DateTimeOffset now)
    {
        if (DoneAt is not null)
        {
            throw new InvalidOperationException("A run done is not attempted again.");
        }
        Failures++;
        LastError = error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
        LastFailedAt = StoredTime.Of(now.ToUniversalTime());
        DueAt = LastFailedAt.Value + RetryDelay(Failures);
    }

    /// <summary>The wait after the <paramref name="failures"/>-th failure: 1 min doubled each time, at most an hour.</summary>
    public static TimeSpan RetryDelay(int failures) =>
        TimeSpan.FromMinutes(Math.Min(FirstRetryDelay.TotalMinutes * Math.Pow(2, Math.Max(failures, 1) - 1), MaxRetryDelay.TotalMinutes));

    public void Done(string outcome, DateTimeOffset now)
    {
        DoneAt = StoredTime.Of(now.ToUniversalTime());
        Outcome = outcome.Length > OutcomeMaxLength ? outcome[..OutcomeMaxLength] : outcome;
    }
}
