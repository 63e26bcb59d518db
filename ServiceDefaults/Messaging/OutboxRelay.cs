using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PropertyPlatform.ServiceDefaults.Data;

namespace PropertyPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Hands committed outbox rows to RabbitMQ, oldest first, and marks them sent once the broker confirmed.
/// Only one replica relays at a time (a transaction-scoped advisory lock), so a row is never published twice
/// concurrently and batches go out in commit order. Within a batch the events are sent together: arrival order
/// was never promised to consumers anyway (each consumer has its own queue, takes several messages at once and
/// retries a failed one later).
/// A row that cannot be published stays unsent and is retried at the next signal or poll.
/// Delivery is at-least-once: if the process dies between the broker's confirm and the commit, the row
/// is published again with the same message id, and consumers' inboxes drop the duplicate.
/// </summary>
internal sealed partial class OutboxRelay<TDbContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<OutboxRelay<TDbContext>> logger) : BackgroundService
    where TDbContext : ServiceDbContext
{
    // Any constant works: advisory locks are per database, and each service owns its database.
    private const long RelayLockKey = 0x6f7574626f78; // "outbox"

    private static readonly Counter<long> Published = PlatformDiagnostics.Meter.CreateCounter<long>("outbox.published", "{message}");
    private static readonly ConcurrentDictionary<string, Type?> Types = new();

    private readonly OutboxOptions _options = options.Value;
    private DateTimeOffset _nextCleanup;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                bool more;
                do
                {
                    more = await RelayBatchAsync(stoppingToken);
                }
                while (more && !stoppingToken.IsCancellationRequested);
                failures = 0;
                await CleanupWhenDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                LogRelayFailed(logger, ex, failures);
            }

            // After failures, wait longer before the next try (up to a minute), but a new commit still wakes us.
            var wait = failures == 0 ? _options.PollInterval : TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, failures)));
            await signal.WaitAsync(wait, stoppingToken);
        }
    }

    /// <summary>Publishes one batch; true when the batch was full and more rows may be waiting.</summary>
    private async Task<bool> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        // A failed save fails the batch and it is read again next time: no savepoint round trips around it.
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var isRelay = (await db.Database
            .SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({RelayLockKey}) AS \"Value\"")
            .ToListAsync(cancellationToken)).Single();
        if (!isRelay)
        {
            return false; // Another replica is relaying; it will find these rows too.
        }

        var batch = await db.OutboxMessages
            .FromSql($"SELECT * FROM outbox_messages WHERE sent_at IS NULL ORDER BY id LIMIT {_options.BatchSize} FOR UPDATE")
            .ToListAsync(cancellationToken);

        // The whole batch is handed to the broker at once, in commit order, and its confirms are awaited together:
        // waiting for each confirm before sending the next capped the relay at one broker round trip per event.
        var publishing = batch.Select(message => (Message: message, Confirmed: PublishAsync(message, cancellationToken))).ToList();
        Exception? failure = null;
        foreach (var (message, confirmed) in publishing)
        {
            try
            {
                await confirmed;
                message.SentAt = time.GetUtcNow();
                Published.Add(1);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Unsent, it is published again at the next try; events confirmed after it stay sent (no duplicates).
                message.Attempts++;
                message.LastError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
                failure ??= ex;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        if (failure is not null)
        {
            throw new OutboxRelayException($"Publishing stopped at an event after {batch.Count(m => m.SentAt is not null)} sent; it will be retried.", failure);
        }
        return batch.Count == _options.BatchSize;
    }

    private async Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var type = ResolveType(message.MessageType)
            ?? throw new InvalidOperationException($"Unknown event type '{message.MessageType}'.");
        var integrationEvent = JsonSerializer.Deserialize(message.Body, type, MessageJson.Options)!;

        // Continue the trace of the request that caused the event; MassTransit carries it on to consumers.
        ActivityContext.TryParse(message.TraceParent, null, out var parent);
        using var activity = PlatformDiagnostics.ActivitySource.StartActivity($"outbox publish {type.Name}", ActivityKind.Internal, parent);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        await bus.Publish(integrationEvent, type, context => context.MessageId = message.MessageId, timeout.Token);
    }

    private static Type? ResolveType(string name) => Types.GetOrAdd(name, static n => Type.GetType(n));

    private async Task CleanupWhenDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now < _nextCleanup)
        {
            return;
        }
        _nextCleanup = now + _options.CleanupInterval;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var cutoff = now - _options.Retention;
        var sent = await db.OutboxMessages.Where(m => m.SentAt != null && m.SentAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        var applied = await db.InboxMessages.Where(m => m.ProcessedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        if (sent + applied > 0)
        {
            LogCleanedUp(logger, sent, applied, cutoff);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay failed (attempt {Failures}); unsent events stay in the outbox and will be retried")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception, int failures);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Sent} sent outbox rows and {Applied} inbox rows older than {Cutoff}")]
    private static partial void LogCleanedUp(ILogger logger, int sent, int applied, DateTimeOffset cutoff);
}

internal sealed class OutboxRelayException(string message, Exception inner) : Exception(message, inner);
