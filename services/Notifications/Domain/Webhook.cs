using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Notifications.Domain;

/// <summary>
/// An integration's subscription: the events of some types at one property are POSTed to its URL, signed with its
/// secret (HMAC-SHA256), one at a time in order of occurrence. The secret is stored encrypted and shown once.
/// </summary>
public sealed class WebhookSubscription
{
    public const int UrlMaxLength = 500;
    public const int NameMaxLength = 100;

    private WebhookSubscription()
    {
    }

    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    public string Name { get; private set; } = "";

    public string Url { get; private set; } = "";

    /// <summary>Integration event type names, e.g. <c>BillIssued</c>, <c>WorkOrderDispatched</c>.</summary>
    public List<string> EventTypes { get; private set; } = [];

    public string SecretCiphertext { get; private set; } = "";

    public bool Active { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static WebhookSubscription Create(
        Guid propertyId, string name, string url, IReadOnlyCollection<string> eventTypes, IReadOnlySet<string> knownEventTypes,
        string secretCiphertext, DateTimeOffset now)
    {
        if (propertyId == Guid.Empty)
        {
            throw new DomainRuleException("A webhook subscription belongs to a property.");
        }
        var trimmedName = name?.Trim() ?? "";
        if (trimmedName.Length is 0 or > NameMaxLength)
        {
            throw new DomainRuleException($"A webhook subscription needs a name of at most {NameMaxLength} characters.");
        }
        if (url is null || url.Length > UrlMaxLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new DomainRuleException($"A webhook's URL must be an absolute http or https address of at most {UrlMaxLength} characters.");
        }
        if (eventTypes.Count == 0)
        {
            throw new DomainRuleException("A webhook subscription needs at least one event type.");
        }
        var unknown = eventTypes.Where(t => !knownEventTypes.Contains(t)).ToList();
        if (unknown.Count > 0)
        {
            throw new DomainRuleException($"Unknown event types: {string.Join(", ", unknown)}; use some of: {string.Join(", ", knownEventTypes.Order())}.");
        }
        return new WebhookSubscription
        {
            Id = Guid.CreateVersion7(now),
            PropertyId = propertyId,
            Name = trimmedName,
            Url = url,
            EventTypes = [.. eventTypes.Distinct().Order()],
            SecretCiphertext = secretCiphertext,
            Active = true,
            CreatedAt = now,
        };
    }

    public void Deactivate() => Active = false;
}

public enum WebhookDeliveryStatus
{
    Pending,
    Sent,
    /// <summary>Dead-lettered: every attempt failed; an administrator may replay it.</summary>
    Failed,
}

/// <summary>
/// One event for one subscription. A subscription's deliveries go out one at a time, oldest occurrence first; a failed
/// attempt is retried with exponential backoff and the later ones wait behind it, so a receiver that was down gets the
/// backlog in order once it is back.
/// </summary>
public sealed class WebhookDelivery
{
    public const int MaxAttempts = 12;
    public const int EventTypeMaxLength = 100;
    public const int ErrorMaxLength = 500;

    /// <summary>After the first failure: 2 s, then 4 s, 8 s… at most <see cref="MaxRetryDelay"/>.</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);

    private WebhookDelivery()
    {
    }

    public Guid Id { get; private set; }

    public Guid SubscriptionId { get; private set; }

    /// <summary>Ties of <see cref="OccurredAt"/> are sent in arrival order.</summary>
    public long Sequence { get; private set; }

    public Guid EventId { get; private set; }

    public string EventType { get; private set; } = "";

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The JSON body sent: the event as published.</summary>
    public string Payload { get; private set; } = "";

    public WebhookDeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public string? LastError { get; private set; }

    public int? LastStatusCode { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public static WebhookDelivery Create(Guid subscriptionId, Guid eventId, string eventType, DateTimeOffset occurredAt, string payload, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        SubscriptionId = subscriptionId,
        EventId = eventId,
        EventType = eventType,
        OccurredAt = occurredAt,
        Payload = payload,
        Status = WebhookDeliveryStatus.Pending,
        NextAttemptAt = now,
        CreatedAt = now,
    };

    public void RecordSent(int statusCode, DateTimeOffset now)
    {
        Attempts++;
        Status = WebhookDeliveryStatus.Sent;
        LastStatusCode = statusCode;
        LastError = null;
        SentAt = now;
    }

    public void RecordFailure(int? statusCode, string error, DateTimeOffset now)
    {
        Attempts++;
        LastStatusCode = statusCode;
        LastError = error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
        if (Attempts >= MaxAttempts)
        {
            Status = WebhookDeliveryStatus.Failed;
            return;
        }
        var delay = FirstRetryDelay * Math.Pow(2, Attempts - 1);
        NextAttemptAt = now + (delay < MaxRetryDelay ? delay : MaxRetryDelay);
    }

    /// <summary>Sends it again, at its place in the subscription's order.</summary>
    public void Replay(DateTimeOffset now)
    {
        Status = WebhookDeliveryStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
        LastError = null;
    }
}
