using System.Diagnostics;
using System.Threading.Channels;
using PropertyPlatform.WorkOrders.Domain;

namespace PropertyPlatform.WorkOrders.Infrastructure;

/// <summary>
/// Commits the repair requests taken over HTTP, several in one transaction when they arrive together. A property's
/// numbers run without gaps, so an intake holds the day's counter row from taking its number until its commit has been
/// flushed to disk: a property's intakes could only commit one after another, and under load 12 of 16 database sessions
/// sat waiting on that row (PostgreSQL spent more CPU waking them than on the inserts). Here one reader takes all the
/// requests waiting, numbers and saves them together and commits once; a request that finds nothing else waiting is
/// committed on its own at once. A batch that fails is tried again a request at a time, so a bad request fails alone.
/// </summary>
public sealed partial class IntakeBatches(IServiceScopeFactory scopes, ILogger<IntakeBatches> logger) : BackgroundService
{
    /// <summary>Enough to share one commit among the requests of a busy moment, few enough to keep a transaction short.</summary>
    private const int MaxBatch = 32;

    private readonly Channel<PendingIntake> _pending = Channel.CreateUnbounded<PendingIntake>(new() { SingleReader = true });

    /// <summary>A committed intake: the order as saved and its row version (the ETag).</summary>
    public sealed record Committed(WorkOrder Order, uint Version);

    // Trace: the request's span; the intake's event continues its trace.
    private sealed record PendingIntake(IntakeRequest Request, Activity? Trace)
    {
        public TaskCompletionSource<Committed> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Numbers, saves and commits one intake (with others waiting at the same moment); the order once committed.</summary>
    public async Task<Committed> SubmitAsync(IntakeRequest request, CancellationToken cancellationToken)
    {
        var pending = new PendingIntake(request, Activity.Current);
        await _pending.Writer.WriteAsync(pending, cancellationToken);
        // Not cancelled with the request: once queued, the intake is committed or fails like one that was already saving.
        return await pending.Done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingIntake>(MaxBatch);
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var pending))
                {
                    batch.Add(pending);
                }
                await CommitAsync(batch);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            // Stopping: requests still queued are refused rather than left waiting.
            _pending.Writer.TryComplete();
            while (_pending.Reader.TryRead(out var pending))
            {
                pending.Done.TrySetException(new InvalidOperationException("WorkOrders is stopping; the request was not taken."));
            }
        }
    }

    private async Task CommitAsync(List<PendingIntake> batch)
    {
        try
        {
            await CommitTogetherAsync(batch);
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            LogBatchFailed(logger, ex, batch.Count);
            foreach (var pending in batch)
            {
                try
                {
                    await CommitTogetherAsync([pending]);
                }
                catch (Exception single)
                {
                    pending.Done.TrySetException(single);
                }
            }
        }
        catch (Exception ex)
        {
            batch[0].Done.TrySetException(ex);
        }
    }

    /// <summary>One transaction for all of <paramref name="batch"/>; completes each request once it is committed.</summary>
    private async Task CommitTogetherAsync(IReadOnlyList<PendingIntake> batch)
    {
        // Not cancelled by the host stopping: a batch being saved is finished.
        var cancellationToken = CancellationToken.None;
        // The batch's statements are traced in the first request's trace (this only changes this method's flow).
        Activity.Current = batch[0].Trace;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkOrdersDbContext>();
        var submission = scope.ServiceProvider.GetRequiredService<WorkOrderSubmission>();
        // No savepoint around the save: if it fails, the whole transaction fails (PostgreSQL aborts it anyway).
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var orders = await submission.SubmitAllAsync([.. batch.Select(p => p.Request)], cancellationToken);
        // Each order's event continues the trace of the request that brought it.
        foreach (var (pending, order) in batch.Zip(orders))
        {
            Activity.Current = pending.Trace;
            db.PublishPendingEvents(order);
        }
        Activity.Current = batch[0].Trace;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        foreach (var (pending, order) in batch.Zip(orders))
        {
            pending.Done.TrySetResult(new Committed(order, db.Entry(order).Property<uint>("xmin").CurrentValue));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} intakes failed; trying them one at a time")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);
}
