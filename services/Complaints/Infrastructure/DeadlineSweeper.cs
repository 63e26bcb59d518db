using Microsoft.EntityFrameworkCore;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.Domain;

namespace PropertyPlatform.Complaints.Infrastructure;

/// <summary>
/// Acts on complaints' deadlines: every <c>Complaints:DeadlineSweepInterval</c> it reads the complaints whose next reminder
/// or due time (<see cref="Domain.Complaint.NextDeadlineAt"/>, kept in the database) has come and lets each remind or
/// escalate itself. The due times live in the complaints, so a restart loses nothing; replicas skip each other's locked rows.
/// On the first round of each local day it also makes the visit plans' new periods due (<see cref="GenerateDueVisitsAsync"/>).
/// </summary>
public sealed partial class DeadlineSweeper(
    IServiceScopeFactory scopes, TimeProvider time, PropertyCalendar calendar, IConfiguration configuration, ILogger<DeadlineSweeper> logger)
    : PeriodicSweeper(configuration, logger, "Complaints:DeadlineSweepInterval", TimeSpan.FromSeconds(30))
{
    private const int BatchSize = 100;

    /// <summary>The local day the plans' visits were last made due; null after a start, so a restart checks at once.</summary>
    private DateOnly? visitsGeneratedOn;

    protected override async Task SweepDueAsync(CancellationToken cancellationToken)
    {
        while (await SweepAsync(cancellationToken) == BatchSize)
        {
        }
        if (visitsGeneratedOn != calendar.DayOf(time.GetUtcNow()))
        {
            await GenerateDueVisitsAsync(cancellationToken);
        }
    }

    /// <summary>Handles one batch of due complaints in one transaction; returns how many there were.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        var now = time.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await db.Complaints
            .FromSql($"SELECT complaints.*, xmin FROM complaints WHERE next_deadline_at <= {now} ORDER BY next_deadline_at LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
            .Include(c => c.Timeline)
            .ToListAsync(cancellationToken);
        foreach (var complaint in due)
        {
            complaint.CheckDeadlines(now);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (due.Count > 0)
        {
            LogSwept(Logger, due.Count);
        }
        return due.Count;
    }

    /// <summary>
    /// Makes every plan's visits of the current period due (a new quarter's area visits, a new year's occupant visits);
    /// nothing when they are due already. A replica doing the same at the same moment makes this save fail on the unique
    /// index: the day is then not marked done, and the next round finds nothing missing.
    /// </summary>
    public async Task<int> GenerateDueVisitsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        var now = time.GetUtcNow();
        var created = await DueVisitGeneration.AddDueNowAsync(db, calendar, now, propertyId: null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        visitsGeneratedOn = calendar.DayOf(now);
        if (created > 0)
        {
            LogVisitsDue(Logger, created);
        }
        return created;
    }

    [LoggerMessage(LogLevel.Information, "Made {Count} follow-up visits of the plans' new periods due")]
    private static partial void LogVisitsDue(ILogger logger, int count);

    [LoggerMessage(LogLevel.Information, "Checked the deadlines of {Count} complaints")]
    private static partial void LogSwept(ILogger logger, int count);
}
