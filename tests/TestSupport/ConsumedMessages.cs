using System.Collections.Concurrent;
using MassTransit;

namespace PropertyPlatform.TestSupport;

/// <summary>Counts finished consumptions per message id, so a test knows a redelivery has been dealt with; keeps faults.</summary>
public sealed class ConsumedMessages : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> _counts = new();
    private readonly ConcurrentQueue<Exception> _faults = new();

    public int Count(Guid messageId) => _counts.GetValueOrDefault(messageId);

    /// <summary>Failures of consumers, so a test waiting for a message can stop at once instead of timing out.</summary>
    public IReadOnlyCollection<Exception> Faults => _faults;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.MessageId is { } id)
        {
            _counts.AddOrUpdate(id, 1, (_, count) => count + 1);
        }
        return Task.CompletedTask;
    }

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        _faults.Enqueue(exception);
        return Task.CompletedTask;
    }
}
