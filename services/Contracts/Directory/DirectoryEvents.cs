namespace PropertyPlatform.Contracts.Directory;

/// <summary>The kind of a managed property.</summary>
public enum PropertyType
{
    OfficeTower,
    Residential,
    IndustrialPark,
    Mall,
}

/// <summary>The use of a unit (房号); it decides which fee schedule applies.</summary>
public enum UnitType
{
    Office,
    Shop,
    Clubhouse,
    Storage,
    Residence,
    ParkingSpace,
}

public sealed record PropertyRegistered(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    string Name,
    PropertyType Type) : IIntegrationEvent;

public sealed record UnitRegistered(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid UnitId,
    Guid BuildingId,
    string BuildingName,
    string UnitNumber,
    int Floor,
    UnitType Type,
    decimal ChargeableArea) : IIntegrationEvent;

/// <summary>Whether an occupant (业户) is a person or a company.</summary>
public enum OccupantKind
{
    Person,
    Company,
}

/// <summary>How an occupant holds a unit: owner (业主), tenant (租户) or resident (住户).</summary>
public enum OccupancyRole
{
    Owner,
    Tenant,
    Resident,
}

/// <summary>The department (部门) a staff member works in.</summary>
public enum Department
{
    /// <summary>客服部</summary>
    CustomerService,
    /// <summary>工程部</summary>
    Engineering,
    /// <summary>秩序维护部</summary>
    Security,
    /// <summary>财务部</summary>
    Finance,
    /// <summary>人事行政部</summary>
    HrAdmin,
    /// <summary>项目管理</summary>
    ProjectManagement,
}

/// <summary>The roles a staff member is meant to have; accounts grant them (the occupant role is not a staff role).</summary>
public enum StaffRole
{
    Frontdesk,
    Supervisor,
    Manager,
    Engineer,
    Security,
    Finance,
    Admin,
}

/// <summary>
/// A unit's floor, type or chargeable area changed. Carries the whole unit as <see cref="UnitRegistered"/>
/// does, so a local copy is simply overwritten.
/// </summary>
public sealed record UnitChanged(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid UnitId,
    Guid BuildingId,
    string BuildingName,
    string UnitNumber,
    int Floor,
    UnitType Type,
    decimal ChargeableArea) : IIntegrationEvent;

/// <summary>
/// An occupant (a person or a company) was registered, with the contacts services need to reach them.
/// <c>CompanyId</c> is the company a person works for, if any. ID numbers never leave Directory.
/// </summary>
public sealed record OccupantRegistered(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid OccupantId,
    OccupantKind Kind,
    string Name,
    string? Phone,
    string? Email,
    Guid? CompanyId) : IIntegrationEvent;

/// <summary>An occupant's phone or email changed; both are given as they are now (null: none).</summary>
public sealed record OccupantContactChanged(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid OccupantId,
    string Name,
    string? Phone,
    string? Email) : IIntegrationEvent;

/// <summary>An occupant moved into a unit (入伙/交付) as its owner, tenant or resident.</summary>
public sealed record OccupancyStarted(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid OccupancyId,
    Guid UnitId,
    Guid OccupantId,
    OccupancyRole Role,
    DateOnly StartDate) : IIntegrationEvent;

/// <summary>An occupant moved out of a unit (迁出): from the day after <c>EndDate</c> they no longer hold it.</summary>
public sealed record OccupancyEnded(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid OccupancyId,
    Guid UnitId,
    Guid OccupantId,
    OccupancyRole Role,
    DateOnly StartDate,
    DateOnly EndDate) : IIntegrationEvent;

/// <summary>
/// A company named a person as an authorised signer (指定签名人) who may sign exit passes and similar forms.
/// </summary>
public sealed record AuthorisedSignerAdded(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid CompanyId,
    Guid SignerId,
    Guid PersonId,
    string PersonName,
    DateTimeOffset AuthorisedAt) : IIntegrationEvent;

/// <summary>A company withdrew a signer's authorisation; forms signed from <c>WithdrawnAt</c> on are not valid.</summary>
public sealed record AuthorisedSignerWithdrawn(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid CompanyId,
    Guid SignerId,
    Guid PersonId,
    DateTimeOffset WithdrawnAt) : IIntegrationEvent;

/// <summary>
/// A staff member was registered or changed. Staff work in several properties, so one event is published per
/// property concerned: <c>AssignedToProperty</c> says whether they work in <c>PropertyId</c> now (false: they
/// were just taken off it). The whole record is carried, so a local copy is simply overwritten. <c>Email</c> is
/// optional (null: none).
/// </summary>
public sealed record StaffChanged(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid StaffId,
    bool AssignedToProperty,
    string Name,
    string Phone,
    Department Department,
    IReadOnlyList<StaffRole> Roles,
    IReadOnlyList<Guid> PropertyIds,
    string? Email = null) : IIntegrationEvent;
