using MassTransit;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.ServiceDefaults.Data;

namespace PropertyPlatform.ServiceDefaults.Messaging;

/// <summary>
/// The base of every consumer: applies a message once. The message id is recorded in the inbox in the
/// same transaction as the consumer's changes (and any events it publishes), so a redelivered message
/// finds its id and is skipped, and a failure rolls back both and lets MassTransit retry.
/// </summary>
public abstract class IdempotentConsumer<TMessage, TDbContext>(TDbContext db, TimeProvider time) : IConsumer<TMessage>
    where TMessage : class
    where TDbContext : ServiceDbContext
{
    protected TDbContext Db => db;

    protected TimeProvider Time => time;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        if (!Concerns(context.Message))
        {
            return;
        }
        var messageId = context.MessageId ?? throw new InvalidOperationException("A message without a message id cannot be deduplicated.");
        // A generic consumer (UnitRegisteredConsumer<TDbContext>) is recorded by its name without the arity (`1).
        var consumer = GetType().Name.Split('`')[0];
        var cancellationToken = context.CancellationToken;

        // Any failure fails the whole message (PostgreSQL aborts the transaction anyway): a savepoint around the
        // save would only add SAVEPOINT and RELEASE round trips to every message.
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // A concurrent delivery of the same message waits on this row and then inserts nothing.
        var firstTime = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES ({messageId}, {consumer}, {time.GetUtcNow()}) ON CONFLICT DO NOTHING",
            cancellationToken) == 1;
        if (!firstTime)
        {
            return;
        }

        await HandleAsync(context.Message, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await AfterCommitAsync(context.Message, cancellationToken);
    }

    /// <summary>
    /// Whether the message is this service's business at all. One that is not is acknowledged without a transaction or
    /// an inbox row: applying it would change nothing, so it needs no deduplication either.
    /// </summary>
    protected virtual bool Concerns(TMessage message) => true;

    /// <summary>
    /// Runs once the message's changes are committed (never for a skipped duplicate): the place for side effects
    /// outside the database that must not be seen before the data they announce, e.g. a live push to clients.
    /// </summary>
    protected virtual Task AfterCommitAsync(TMessage message, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Applies the message to the service's data; changes are saved and committed by the base.</summary>
    protected abstract Task HandleAsync(TMessage message, CancellationToken cancellationToken);
}
