namespace PropertyPlatform.ServiceDefaults.Messaging;

/// <summary>Tuning of the outbox relay; defaults suit the platform, tests shorten them. Section <c>Outbox</c>.</summary>
public sealed class OutboxOptions
{
    /// <summary>How often the relay looks without a signal: the fallback after a crash or an outage.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public int BatchSize { get; set; } = 100;

    /// <summary>How long one publish may wait for the broker's confirm before the batch is retried later.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Sent events and inbox records are kept this long for diagnosis and redelivery checks.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);
}
