using Microsoft.EntityFrameworkCore;
using PropertyPlatform.ServiceDefaults.Data;

namespace PropertyPlatform.Reception.Infrastructure;

/// <summary>
/// Reminds the front desk of the enquiries whose answer falls due: every <c>Reception:EnquiryReminderSweepInterval</c> it
/// reads the enquiries whose reminder time (<see cref="Domain.Enquiry.ReminderAt"/>, kept in the database) has come and
/// lets each remind once (<c>EnquiryAnswerDue</c>, through the outbox with the change). A restart loses nothing; replicas
/// skip each other's locked rows. The same way as Complaints' and WorkOrders' deadline sweepers.
/// </summary>
public sealed partial class EnquiryReminderSweeper(
    IServiceScopeFactory scopes, TimeProvider time, IConfiguration configuration, ILogger<EnquiryReminderSweeper> logger)
    : PeriodicSweeper(configuration, logger, "Reception:EnquiryReminderSweepInterval", TimeSpan.FromSeconds(30))
{
    private const int BatchSize = 100;

    protected override async Task SweepDueAsync(CancellationToken cancellationToken)
    {
        while (await SweepAsync(cancellationToken) == BatchSize)
        {
        }
    }

    /// <summary>Handles one batch of due reminders in one transaction; returns how many enquiries there were.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReceptionDbContext>();
        var now = time.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await db.Enquiries
            .FromSql($"SELECT enquiries.*, xmin FROM enquiries WHERE reminder_at <= {now} ORDER BY reminder_at LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);
        foreach (var enquiry in due)
        {
            enquiry.RemindIfDue(now);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (due.Count > 0)
        {
            LogSwept(Logger, due.Count);
        }
        return due.Count;
    }

    [LoggerMessage(LogLevel.Information, "Reminded the desk of {Count} enquiries falling due")]
    private static partial void LogSwept(ILogger logger, int count);
}
