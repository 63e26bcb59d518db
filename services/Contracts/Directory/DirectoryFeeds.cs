namespace PropertyPlatform.Contracts.Directory;

/// <summary>
/// One page of a Directory feed (<c>GET /feeds/units</c>, <c>GET /feeds/staff</c>): records as they are now, ordered
/// by when they last changed. <c>Next</c> is the cursor of the following page (null on the last one); <c>Total</c>
/// counts every record of the feed, so a reader can tell whether its copy lacks any.
/// </summary>
public sealed record FeedPage<TRecord>(IReadOnlyList<TRecord> Items, string? Next, int Total);

/// <summary>
/// A unit as Directory holds it now. <c>Version</c> is the time of its latest change: the <c>OccurredAt</c> of the
/// <see cref="UnitRegistered"/> or <see cref="UnitChanged"/> that announced this state, later for every change of one unit.
/// </summary>
public sealed record UnitRecord(
    Guid UnitId,
    Guid PropertyId,
    Guid BuildingId,
    string BuildingName,
    string UnitNumber,
    int Floor,
    UnitType Type,
    decimal ChargeableArea,
    DateTimeOffset Version);

/// <summary>
/// A staff member as Directory holds them now, with every property they work in. <c>Version</c> is the
/// <c>OccurredAt</c> of the <see cref="StaffChanged"/> events that announced this state.
/// </summary>
public sealed record StaffRecord(
    Guid StaffId,
    string Name,
    string Phone,
    Department Department,
    IReadOnlyList<StaffRole> Roles,
    IReadOnlyList<Guid> PropertyIds,
    DateTimeOffset Version,
    string? Email = null);

/// <summary>
/// An occupancy (入伙 to 迁出) as Directory holds it now; <c>EndDate</c> is null while it is current. <c>Version</c> is
/// the <c>OccurredAt</c> of the latest event that announced it: <see cref="OccupancyEnded"/> once it ended, else
/// <see cref="OccupancyStarted"/>.
/// </summary>
public sealed record OccupancyRecord(
    Guid OccupancyId,
    Guid PropertyId,
    Guid UnitId,
    Guid OccupantId,
    OccupancyRole Role,
    DateOnly StartDate,
    DateOnly? EndDate,
    DateTimeOffset Version);

/// <summary>
/// An occupant (a person or a company) as Directory holds them now, in <c>/feeds/occupants</c>: name and contacts for
/// the services that reach people (Notifications); the ID number is never shared. <c>Version</c> is the time the name
/// or contacts last changed.
/// </summary>
public sealed record OccupantRecord(
    Guid OccupantId,
    Guid PropertyId,
    OccupantKind Kind,
    string Name,
    string? Phone,
    string? Email,
    DateTimeOffset Version);

/// <summary>
/// A company's authorised signer (指定签名人) as Directory holds it now, in <c>/feeds/signers</c>: <c>WithdrawnAt</c> is
/// null while the authorisation stands. <c>Version</c> is the <c>OccurredAt</c> of the latest event that announced it:
/// <see cref="AuthorisedSignerWithdrawn"/> once withdrawn, else <see cref="AuthorisedSignerAdded"/>.
/// </summary>
public sealed record SignerRecord(
    Guid SignerId,
    Guid PropertyId,
    Guid CompanyId,
    Guid PersonId,
    string PersonName,
    DateTimeOffset AuthorisedAt,
    DateTimeOffset? WithdrawnAt,
    DateTimeOffset Version);
