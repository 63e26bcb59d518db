using PropertyPlatform.Contracts.Directory;

namespace PropertyPlatform.Billing.Domain;

/// <summary>
/// Billing's local copy of a Directory unit, fed by Directory's events: its type decides which fee
/// schedule applies and its chargeable area what the property-service fee comes to.
/// </summary>
public sealed class Unit
{
    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    public Guid BuildingId { get; private set; }

    public string BuildingName { get; private set; } = "";

    public string Number { get; private set; } = "";

    public UnitType Type { get; private set; }

    /// <summary>Chargeable area (计费面积) in m², two decimals.</summary>
    public decimal ChargeableArea { get; private set; }

    public static Unit From(UnitRegistered registered)
    {
        var unit = new Unit { Id = registered.UnitId };
        unit.Apply(registered);
        return unit;
    }

    public void Apply(UnitRegistered registered)
    {
        PropertyId = registered.PropertyId;
        BuildingId = registered.BuildingId;
        BuildingName = registered.BuildingName;
        Number = registered.UnitNumber;
        Type = registered.Type;
        ChargeableArea = registered.ChargeableArea;
    }
}
