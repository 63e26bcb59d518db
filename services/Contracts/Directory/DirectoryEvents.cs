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
