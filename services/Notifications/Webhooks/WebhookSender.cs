using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PropertyPlatform.Notifications.Channels;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;

namespace PropertyPlatform.Notifications.Webhooks;

/// <summary>Bound from <c>Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>How often the sender looks for due deliveries when nothing wakes it (retries after a failure).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one POST may take before it counts as failed.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>
/// POSTs webhook deliveries, per subscription one at a time and oldest occurrence first: only the head of each
/// subscription's queue is tried, so after a failure the later events wait until it succeeds (or is dead-lettered after
/// <see cref="WebhookDelivery.MaxAttempts"/>). Retries are kept in the database with exponential backoff by the
/// service's <see cref="TimeProvider"/>, so they survive restarts and a long outage of the receiver; the head is
/// locked while it is sent, so replicas never send one twice or out of order.
/// </summary>
public sealed partial class WebhookSender(
    IServiceScopeFactory scopes, WebhookSignal signal, TimeProvider time, IOptions<WebhookOptions> options,
    ILogger<WebhookSender> logger) : BackgroundService
{
    /// <summary>
    /// Its own client, not the factory's defaults: receivers are outside the platform (no service discovery), and retries
    /// are the database's (no in-request retry or shared circuit breaker holding one receiver's failures against another).
    /// </summary>
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
    {
        Timeout = options.Value.RequestTimeout,
    };

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                sent = await SendDueAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(logger, e);
            }
            if (sent == 0)
            {
                // Real time: this paces the look for work; what is due is decided by TimeProvider.
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
        }
    }

    /// <summary>Sends the due head of every subscription's queue once; answers how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var subscriptions = await db.WebhookDeliveries.Where(d => d.Status == WebhookDeliveryStatus.Pending)
            .Select(d => d.SubscriptionId).Distinct().ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var subscriptionId in subscriptions)
        {
            sent += await SendHeadAsync(subscriptionId, cancellationToken) ? 1 : 0;
        }
        return sent;
    }

    private async Task<bool> SendHeadAsync(Guid subscriptionId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<WebhookSecrets>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The subscription's row is the lock: one sender per subscription at a time keeps its order.
        var subscription = await db.WebhookSubscriptions
            .FromSql($"SELECT * FROM webhook_subscriptions WHERE id = {subscriptionId} FOR UPDATE SKIP LOCKED")
            .SingleOrDefaultAsync(cancellationToken);
        if (subscription is null)
        {
            return false;
        }
        var head = await db.WebhookDeliveries
            .Where(d => d.SubscriptionId == subscriptionId && d.Status == WebhookDeliveryStatus.Pending)
            .OrderBy(d => d.OccurredAt).ThenBy(d => d.Sequence)
            .FirstOrDefaultAsync(cancellationToken);
        var now = time.GetUtcNow();
        if (head is null || head.NextAttemptAt > now)
        {
            return false;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(head.Payload, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(protector.Reveal(subscription.SecretCiphertext), now, head.Payload));
        request.Headers.Add(WebhookSignature.EventTypeHeader, head.EventType);
        request.Headers.Add(WebhookSignature.DeliveryHeader, head.Id.ToString());
        var ok = false;
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                head.RecordSent((int)response.StatusCode, time.GetUtcNow());
                ok = true;
            }
            else
            {
                head.RecordFailure((int)response.StatusCode, $"the receiver answered {(int)response.StatusCode} {response.ReasonPhrase}", time.GetUtcNow());
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            head.RecordFailure(null, e.Message, time.GetUtcNow());
        }
        if (!ok)
        {
            LogAttemptFailed(logger, subscription.Id, head.EventType, head.Attempts, head.LastError);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ok;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook of subscription {SubscriptionId} failed for {EventType} (attempt {Attempt}): {Reason}")]
    private static partial void LogAttemptFailed(ILogger logger, Guid subscriptionId, string eventType, int attempt, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Looking for due webhooks failed; trying again")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}

/// <summary>Webhook secrets are stored encrypted with Notifications' Data Protection keys, under a purpose of their own.</summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("PropertyPlatform.Notifications.WebhookSecrets.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Reveal(string ciphertext) => _protector.Unprotect(ciphertext);
}
