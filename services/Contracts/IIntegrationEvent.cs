namespace PropertyPlatform.Contracts;

/// <summary>
/// Something that happened in one service that others may act on. Every event names the property it
/// belongs to, so consumers can scope it. Events are never changed once published: a new shape is a new type.
/// </summary>
public interface IIntegrationEvent
{
    /// <summary>Unique per event; consumers deduplicate on it (it is also the broker message id).</summary>
    Guid EventId { get; }

    DateTimeOffset OccurredAt { get; }

    Guid PropertyId { get; }
}
