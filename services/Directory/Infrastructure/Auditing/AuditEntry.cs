namespace PropertyPlatform.Directory.Infrastructure.Auditing;

/// <summary>
/// One change to a person's record (业主档案, staff record): who made it, when, and each field before and after.
/// Written in the same transaction as the change itself, never updated or deleted.
/// </summary>
public sealed class AuditEntry
{
    public const int ActorMaxLength = 200;

    public Guid Id { get; init; }

    /// <summary>Whose record it is: <c>occupant</c>, <c>staff</c>, or <c>account</c> (the person's account; <see cref="SubjectId"/> is the person id).</summary>
    public string SubjectType { get; init; } = "";

    public Guid SubjectId { get; init; }

    /// <summary>What was changed: <c>occupant</c>, <c>staff</c>, <c>occupancy</c>, <c>signer</c> or <c>account</c>.</summary>
    public string EntityType { get; init; } = "";

    public Guid EntityId { get; init; }

    /// <summary>E.g. <c>occupant_registered</c>, <c>occupancy_ended</c>, <c>signer_withdrawn</c>, <c>account_disabled</c>.</summary>
    public string Action { get; init; } = "";

    /// <summary>The person id of who made the change (the access token's subject); null for the system itself.</summary>
    public Guid? ActorId { get; init; }

    /// <summary>Their name as the token gave it at the time, or <c>system</c>.</summary>
    public string Actor { get; init; } = "";

    public DateTimeOffset At { get; init; }

    /// <summary>JSON array of <see cref="FieldChange"/>; ID numbers appear only masked.</summary>
    public string Changes { get; init; } = "[]";
}

public sealed record FieldChange(string Field, string? Before, string? After);
