using Microsoft.EntityFrameworkCore;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.WorkOrders.Domain;

namespace PropertyPlatform.WorkOrders.Infrastructure;

/// <summary>
/// Acts on the time limits: every <c>WorkOrders:DeadlineSweepInterval</c> it reads the orders whose next warning or
/// due time (<see cref="WorkOrder.NextDeadlineAt"/>, kept in the database) has come and lets each flag or escalate
/// itself. The due times live in the orders, so a restart loses nothing; replicas skip each other's locked rows.
/// </summary>
public sealed partial class DeadlineSweeper(IServiceScopeFactory scopes, TimeProvider time, IConfiguration configuration, ILogger<DeadlineSweeper> logger)
    : PeriodicSweeper(configuration, logger, "WorkOrders:DeadlineSweepInterval", TimeSpan.FromSeconds(30))
{
    private const int BatchSize = 100;

    protected override async Task SweepDueAsync(CancellationToken cancellationToken)
    {
        while (await SweepAsync(cancellationToken) == BatchSize)
        {
        }
    }

    /// <summary>Handles one batch of due orders in one transaction; returns how many there were.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkOrdersDbContext>();
        var now = time.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await db.WorkOrders
            .FromSql($"SELECT work_orders.*, xmin FROM work_orders WHERE next_deadline_at <= {now} ORDER BY next_deadline_at LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
            .Include(o => o.Timeline)
            .ToListAsync(cancellationToken);
        foreach (var order in due)
        {
            order.CheckDeadlines(now);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (due.Count > 0)
        {
            LogSwept(Logger, due.Count);
        }
        return due.Count;
    }

    [LoggerMessage(LogLevel.Information, "Checked the time limits of {Count} work orders")]
    private static partial void LogSwept(ILogger logger, int count);
}
