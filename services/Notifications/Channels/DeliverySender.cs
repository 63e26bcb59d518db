using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PropertyPlatform.Notifications.Contacts;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;

namespace PropertyPlatform.Notifications.Channels;

/// <summary>Bound from <c>Deliveries</c>.</summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "Deliveries";

    /// <summary>How often the sender looks for due deliveries when nothing wakes it (retries, the end of quiet hours).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public int BatchSize { get; set; } = 20;
}

/// <summary>
/// Sends due email and SMS deliveries and records each attempt. Due rows are locked (<c>FOR UPDATE SKIP LOCKED</c>)
/// while sent, so replicas never send one twice; what is due follows the service's <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class DeliverySender(
    IServiceScopeFactory scopes, DeliverySignal signal, TimeProvider time, IOptions<DeliveryOptions> options, ILogger<DeliverySender> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                handled = await SendDueAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(logger, e);
            }
            if (handled < options.Value.BatchSize)
            {
                // Real time: this paces the look for work; what is due is decided by TimeProvider.
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
        }
    }

    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var email = scope.ServiceProvider.GetRequiredService<EmailSender>();
        var sms = scope.ServiceProvider.GetRequiredService<ISmsProvider>();
        var protector = scope.ServiceProvider.GetRequiredService<ContactProtector>();

        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await db.Deliveries
            .FromSql($"SELECT deliveries.*, xmin FROM deliveries WHERE status IN ('Pending', 'Held') AND due_at <= {now} ORDER BY due_at LIMIT {options.Value.BatchSize} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }
        var ids = due.Select(d => d.PersonId).Distinct().ToList();
        var contacts = await db.Contacts.AsNoTracking().Where(c => ids.Contains(c.PersonId)).ToDictionaryAsync(c => c.PersonId, cancellationToken);

        foreach (var delivery in due)
        {
            contacts.TryGetValue(delivery.PersonId, out var contact);
            var ciphertext = delivery.Channel == Channel.Email ? contact?.EmailCiphertext : contact?.PhoneCiphertext;
            if (ciphertext is null)
            {
                delivery.RecordFailure($"no {(delivery.Channel == Channel.Email ? "email address" : "phone number")} known for the recipient", now, permanent: true);
                continue;
            }
            if (delivery.Channel == Channel.Email && !email.IsConfigured)
            {
                delivery.RecordFailure("no mail server configured (Smtp:Host)", now, permanent: true);
                continue;
            }
            try
            {
                var address = protector.Reveal(ciphertext);
                if (delivery.Channel == Channel.Email)
                {
                    await email.SendAsync(address, contact!.Name, delivery.Subject, delivery.Body, delivery.Language.Tag(), cancellationToken);
                }
                else
                {
                    await sms.SendAsync(address, delivery.Body, cancellationToken);
                }
                delivery.RecordSent(time.GetUtcNow());
                LogSent(logger, delivery.Channel, delivery.AddressMasked, delivery.EventType, delivery.EventId);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                delivery.RecordFailure(e.Message, time.GetUtcNow());
                LogAttemptFailed(logger, delivery.Channel, delivery.AddressMasked, delivery.Attempts, e.Message);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Channel} to {Address} sent for {EventType} {EventId}")]
    private static partial void LogSent(ILogger logger, Channel channel, string address, string eventType, Guid eventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel} to {Address} failed (attempt {Attempt}): {Reason}")]
    private static partial void LogAttemptFailed(ILogger logger, Channel channel, string address, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Looking for due deliveries failed; trying again")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
