namespace PropertyPlatform.Complaints.Domain;

/// <summary>One line of a complaint's timeline: who moved it from which state to which, when, and why; or a note (a handover, a tier change, an escalation).</summary>
public sealed class ComplaintTimelineEntry(
    Guid id, Guid complaintId, int sequence, DateTimeOffset at, Guid actorId, string actorName, ComplaintStatus? from, ComplaintStatus to, string? note,
    ComplaintTimelineKind kind)
{
    public const int NoteMaxLength = 2000;

    public Guid Id { get; private set; } = id;

    public Guid ComplaintId { get; private set; } = complaintId;

    /// <summary>1 for the intake, then one more per line: the order of lines written in the same instant.</summary>
    public int Sequence { get; private set; } = sequence;

    public DateTimeOffset At { get; private set; } = at;

    /// <summary>Who acted; <see cref="Guid.Empty"/> for the platform itself (the deadline sweeper).</summary>
    public Guid ActorId { get; private set; } = actorId;

    public string ActorName { get; private set; } = actorName;

    /// <summary>Null for the intake itself.</summary>
    public ComplaintStatus? From { get; private set; } = from;

    public ComplaintStatus To { get; private set; } = to;

    public string? Note { get; private set; } = note;

    public ComplaintTimelineKind Kind { get; private set; } = kind;
}

/// <summary>What a timeline line records.</summary>
public enum ComplaintTimelineKind
{
    /// <summary>A transition; <c>Note</c> says why.</summary>
    Transition,

    /// <summary>Something recorded without a transition: a reply time, a handover, a tier change, an escalation, a compensation.</summary>
    Note,
}

/// <summary>One of the occupants who raised a collective complaint (集体投诉) with the complainant.</summary>
public sealed class CoComplainant
{
    private CoComplainant()
    {
    }

    public Guid Id { get; private set; }

    public Guid ComplaintId { get; private set; }

    public int Sequence { get; private set; }

    public string Name { get; private set; } = "";

    public string? Phone { get; private set; }

    /// <summary>Their unit as they named it (e.g. "A座1202").</summary>
    public string? Unit { get; private set; }

    internal static CoComplainant Create(Guid complaintId, int sequence, string name, string? phone, string? unit) =>
        new() { Id = Guid.CreateVersion7(), ComplaintId = complaintId, Sequence = sequence, Name = name, Phone = phone, Unit = unit };
}
