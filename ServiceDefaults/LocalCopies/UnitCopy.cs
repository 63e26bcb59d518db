using PropertyPlatform.Contracts.Directory;

namespace PropertyPlatform.ServiceDefaults.LocalCopies;

/// <summary>
/// A service's local copy of a Directory unit, fed by Directory's events, so the service can check and
/// describe a unit (and work out fees from its type and area) without calling Directory. One
/// <c>Apply</c> per event that changes a unit.
/// </summary>
public sealed class UnitCopy
{
    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    public Guid BuildingId { get; private set; }

    public string BuildingName { get; private set; } = "";

    public string Number { get; private set; } = "";

    public int Floor { get; private set; }

    public UnitType Type { get; private set; }

    /// <summary>Chargeable area (计费面积) in m², two decimals.</summary>
    public decimal ChargeableArea { get; private set; }

    /// <summary>A newly registered unit. A registration never updates a known unit: only <see cref="UnitChanged"/> does.</summary>
    public static UnitCopy From(UnitRegistered r) =>
        new() { Id = r.UnitId, PropertyId = r.PropertyId, BuildingId = r.BuildingId, BuildingName = r.BuildingName, Number = r.UnitNumber, Floor = r.Floor, Type = r.Type, ChargeableArea = r.ChargeableArea };

    /// <summary>A unit first heard of by its change (events of two kinds may arrive out of order).</summary>
    public static UnitCopy From(UnitChanged changed)
    {
        var unit = new UnitCopy { Id = changed.UnitId };
        unit.Apply(changed);
        return unit;
    }

    public void Apply(UnitChanged changed)
    {
        PropertyId = changed.PropertyId;
        BuildingId = changed.BuildingId;
        BuildingName = changed.BuildingName;
        Number = changed.UnitNumber;
        Floor = changed.Floor;
        Type = changed.Type;
        ChargeableArea = changed.ChargeableArea;
    }
}
