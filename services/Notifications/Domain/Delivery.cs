using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Notifications.Domain;

/// <summary>The channels a message leaves Notifications by, besides the inbox and its live push.</summary>
public enum Channel
{
    Email,
    Sms,
}

public enum DeliveryStatus
{
    /// <summary>Waiting for its due time (new, or a retry after a failed attempt).</summary>
    Pending,
    /// <summary>Held by the recipient's quiet hours; goes out when they end (its due time).</summary>
    Held,
    Sent,
    /// <summary>Given up: every attempt failed, or it cannot be sent at all (no address).</summary>
    Failed,
}

/// <summary>
/// One message of one event to one person on one channel: there is at most one per (event, recipient, channel), so a
/// duplicate event sends nothing more. It records its attempts and outcome for support staff; failed attempts are
/// retried with growing pauses, and support staff may replay it.
/// </summary>
public sealed class Delivery
{
    public const int MaxAttempts = 5;
    public const int EventTypeMaxLength = 100;
    public const int ReasonMaxLength = 500;

    /// <summary>The pause after the first failed attempt; it doubles after each further one.</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(30);

    private Delivery()
    {
    }

    public Guid Id { get; private set; }

    public Guid EventId { get; private set; }

    /// <summary>The integration event's type, e.g. <c>WorkOrderDispatched</c>.</summary>
    public string EventType { get; private set; } = "";

    public Guid PropertyId { get; private set; }

    /// <summary>See <see cref="Recipient.Key"/>; with <see cref="EventId"/> and <see cref="Channel"/> it is unique.</summary>
    public string RecipientKey { get; private set; } = "";

    public Guid PersonId { get; private set; }

    public Channel Channel { get; private set; }

    /// <summary>The address as support staff may see it (masked); the sender looks up the real one in the contacts.</summary>
    public string AddressMasked { get; private set; } = "";

    public Language Language { get; private set; }

    public string Subject { get; private set; } = "";

    public string Body { get; private set; } = "";

    public bool Escalation { get; private set; }

    public DeliveryStatus Status { get; private set; }

    /// <summary>When it should be (re)tried: now when new, the end of quiet hours when held, later after a failure.</summary>
    public DateTimeOffset? DueAt { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>Why the latest attempt failed, or why it is held.</summary>
    public string? Reason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? LastAttemptAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public static Delivery Create(
        Guid eventId, string eventType, Recipient recipient, Channel channel, string addressMasked, Language language,
        string subject, string body, bool escalation, DateTimeOffset now)
    {
        if (recipient.PersonId is not { } personId)
        {
            throw new DomainRuleException("Email and SMS go to a person, not to a role.");
        }
        return new Delivery
        {
            Id = Guid.CreateVersion7(now),
            EventId = eventId,
            EventType = eventType.Length > EventTypeMaxLength ? eventType[..EventTypeMaxLength] : eventType,
            PropertyId = recipient.PropertyId,
            RecipientKey = recipient.Key,
            PersonId = personId,
            Channel = channel,
            AddressMasked = addressMasked,
            Language = language,
            Subject = subject,
            Body = body,
            Escalation = escalation,
            Status = DeliveryStatus.Pending,
            DueAt = now,
            CreatedAt = now,
        };
    }

    /// <summary>Quiet hours: it waits until <paramref name="until"/>, then goes out like a pending one.</summary>
    public void Hold(DateTimeOffset until)
    {
        Status = DeliveryStatus.Held;
        DueAt = until;
        Reason = "quiet hours";
    }

    public bool IsDue(DateTimeOffset now) => Status is DeliveryStatus.Pending or DeliveryStatus.Held && DueAt <= now;

    public void RecordSent(DateTimeOffset now)
    {
        Attempts++;
        LastAttemptAt = now;
        SentAt = now;
        Status = DeliveryStatus.Sent;
        DueAt = null;
        Reason = null;
    }

    /// <summary>
    /// A failed attempt: tried again after 30 s, 1 min, 2 min… until <see cref="MaxAttempts"/>; a failure that no retry
    /// can cure (<paramref name="permanent"/>, e.g. no address) gives up at once.
    /// </summary>
    public void RecordFailure(string reason, DateTimeOffset now, bool permanent = false)
    {
        Attempts++;
        LastAttemptAt = now;
        Reason = reason.Length > ReasonMaxLength ? reason[..ReasonMaxLength] : reason;
        if (permanent || Attempts >= MaxAttempts)
        {
            Status = DeliveryStatus.Failed;
            DueAt = null;
            return;
        }
        Status = DeliveryStatus.Pending;
        DueAt = now + FirstRetryDelay * Math.Pow(2, Attempts - 1);
    }

    /// <summary>Support staff send it again now, e.g. after the address was corrected; a sent one goes out once more.</summary>
    public void Replay(DateTimeOffset now)
    {
        Status = DeliveryStatus.Pending;
        DueAt = now;
        Reason = null;
    }
}
