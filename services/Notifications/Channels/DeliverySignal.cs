namespace PropertyPlatform.Notifications.Channels;

/// <summary>Wakes the <see cref="DeliverySender"/> when new deliveries are committed, so they need not wait for its next look.</summary>
public sealed class DeliverySignal : WakeSignal;

/// <summary>Wakes the webhook sender when new webhook deliveries are committed.</summary>
public sealed class WebhookSignal : WakeSignal;

/// <summary>Wakes a background sender that otherwise looks for work now and then.</summary>
public abstract class WakeSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Raise()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Raised twice at once: once is enough.
            }
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
