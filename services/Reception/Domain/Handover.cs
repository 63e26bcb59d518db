using PropertyPlatform.Contracts.Reception;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Reception.Domain;

/// <summary>
/// A shift handover (交接班): at the end of a shift the open items of the front desk — unanswered enquiries, walk-ins
/// waiting for their host, keys still out, lost items received during the shift — are listed as they stand, with
/// the outgoing shift's notes; the incoming shift acknowledges it, with notes of its own. The list is a snapshot:
/// what happens to the items afterwards is in their own registers.
/// </summary>
public sealed class Handover : AggregateRoot
{
    public const int NotesMaxLength = 2000;
    public const int SummaryMaxLength = 300;

    private readonly List<HandoverItem> _items = [];

    private Handover()
    {
    }

    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    /// <summary>Where the shift began: the previous handover of the property, or the start of the day.</summary>
    public DateTimeOffset ShiftStartedAt { get; private set; }

    public DateTimeOffset HandedOverAt { get; private set; }

    public Guid HandedOverById { get; private set; }

    public string HandedOverByName { get; private set; } = "";

    public string? Notes { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public Guid? AcknowledgedById { get; private set; }

    public string? AcknowledgedByName { get; private set; }

    public string? AcknowledgementNotes { get; private set; }

    public IReadOnlyList<HandoverItem> Items => _items.OrderBy(i => i.Sequence).ToList();

    public static Handover Generate(
        Guid propertyId, DateTimeOffset shiftStartedAt, Actor outgoing, string? notes, IReadOnlyList<OpenItem> openItems, DateTimeOffset now)
    {
        now = StoredTime.Of(now.ToUniversalTime());
        var handover = new Handover
        {
            Id = Guid.CreateVersion7(now),
            PropertyId = propertyId,
            ShiftStartedAt = StoredTime.Of(shiftStartedAt.ToUniversalTime()),
            HandedOverAt = now,
            HandedOverById = outgoing.PersonId,
            HandedOverByName = outgoing.Name,
            Notes = Trimmed(notes),
        };
        // Ordered by kind so the incoming shift reads like items together.
        var sequence = 0;
        foreach (var item in openItems.OrderBy(i => i.Kind).ThenBy(i => i.Since))
        {
            handover._items.Add(new HandoverItem(
                Guid.CreateVersion7(now), handover.Id, ++sequence, item.Kind, item.ReferenceId, Shorten(item.Summary), item.Since, item.Overdue));
        }
        handover.Raise(new ShiftHandedOver(
            Guid.CreateVersion7(now), now, propertyId, handover.Id, outgoing.Name, handover._items.Count,
            handover._items.Count(i => i.Overdue)));
        return handover;
    }

    /// <summary>The incoming shift takes the open items over; the outgoing person cannot acknowledge their own handover.</summary>
    public void Acknowledge(Actor incoming, string? notes, DateTimeOffset now)
    {
        if (AcknowledgedAt is not null)
        {
            throw new DomainRuleException($"{AcknowledgedByName} already acknowledged this handover.");
        }
        if (incoming.PersonId == HandedOverById)
        {
            throw new DomainRuleException("The incoming shift acknowledges a handover, not the person who handed it over.");
        }

        AcknowledgedAt = StoredTime.Of(now.ToUniversalTime());
        AcknowledgedById = incoming.PersonId;
        AcknowledgedByName = incoming.Name;
        AcknowledgementNotes = Trimmed(notes);
        Raise(new HandoverAcknowledged(Guid.CreateVersion7(now), now, PropertyId, Id, incoming.Name));
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Shorten(string text) => text.Length <= SummaryMaxLength ? text : text[..(SummaryMaxLength - 1)] + "…";
}

/// <summary>One open item as the handover found it.</summary>
public sealed record OpenItem(HandoverItemKind Kind, Guid ReferenceId, string Summary, DateTimeOffset Since, bool Overdue);

public sealed class HandoverItem(
    Guid id, Guid handoverId, int sequence, HandoverItemKind kind, Guid referenceId, string summary, DateTimeOffset since, bool overdue)
{
    public Guid Id { get; private set; } = id;

    public Guid HandoverId { get; private set; } = handoverId;

    public int Sequence { get; private set; } = sequence;

    public HandoverItemKind Kind { get; private set; } = kind;

    /// <summary>The enquiry, visit, key or lost item it is about.</summary>
    public Guid ReferenceId { get; private set; } = referenceId;

    public string Summary { get; private set; } = summary;

    /// <summary>Since when the item is open (received, registered, signed out).</summary>
    public DateTimeOffset Since { get; private set; } = since;

    public bool Overdue { get; private set; } = overdue;
}

public enum HandoverItemKind
{
    /// <summary>An enquiry still owed an answer (a callback).</summary>
    Enquiry,
    /// <summary>A walk-in waiting for the host's answer.</summary>
    WalkIn,
    /// <summary>A vacant unit's key still signed out.</summary>
    Key,
    /// <summary>A found item received during the shift, still held.</summary>
    LostItem,
}
