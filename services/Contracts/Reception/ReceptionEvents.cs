namespace PropertyPlatform.Contracts.Reception;

/// <summary>A visit was pre-registered for a host unit and the visitor was given a pass code.</summary>
public sealed record VisitRegistered(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid VisitId,
    Guid UnitId,
    string UnitNumber,
    string VisitorName,
    int PartySize,
    string Purpose,
    DateTimeOffset ExpectedFrom,
    DateTimeOffset ExpectedUntil) : IIntegrationEvent;

/// <summary>Security let a pre-registered visitor in (the host can be told their visitor has arrived).</summary>
public sealed record VisitorCheckedIn(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid VisitId,
    Guid UnitId,
    string UnitNumber,
    string VisitorName,
    int PartySize) : IIntegrationEvent;

/// <summary>The visitor left the property.</summary>
public sealed record VisitorCheckedOut(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid VisitId,
    Guid UnitId,
    string UnitNumber,
    string VisitorName) : IIntegrationEvent;

/// <summary>A visit was called off before the visitor arrived; its pass code no longer admits anyone.</summary>
public sealed record VisitCancelled(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid VisitId,
    Guid UnitId,
    string Reason) : IIntegrationEvent;
