using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Domain;

namespace PropertyPlatform.ServiceDefaults.LocalCopies;

/// <summary>
/// A service's local copy of a Directory unit, fed by Directory's events and filled from its unit feed
/// (<see cref="UnitRecord"/>), so the service can check and describe a unit (and work out fees from its type and
/// area) without calling Directory. Events and feed records may arrive in any order: each carries the unit's version
/// (the time of the change that made that state), and only a newer state replaces the copy's.
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

    /// <summary>The version of the state held: when Directory made it. Null for copies made before versions were kept (older than any).</summary>
    public DateTimeOffset? Version { get; private set; }

    /// <summary>A newly registered unit. A registration never updates a known unit: it is older than any other state of it.</summary>
    public static UnitCopy From(UnitRegistered r) =>
        new() { Id = r.UnitId, PropertyId = r.PropertyId, BuildingId = r.BuildingId, BuildingName = r.BuildingName, Number = r.UnitNumber, Floor = r.Floor, Type = r.Type, ChargeableArea = r.ChargeableArea, Version = StoredTime.Of(r.OccurredAt) };

    /// <summary>A unit first heard of by its change (events of two kinds may arrive out of order).</summary>
    public static UnitCopy From(UnitChanged changed)
    {
        var unit = new UnitCopy { Id = changed.UnitId };
        unit.Apply(changed);
        return unit;
    }

    /// <summary>A unit first heard of from Directory's feed.</summary>
    public static UnitCopy From(UnitRecord record)
    {
        var unit = new UnitCopy { Id = record.UnitId };
        unit.Apply(record);
        return unit;
    }

    /// <summary>Takes the change unless the copy already holds this state or a newer one.</summary>
    public bool Apply(UnitChanged c) =>
        Apply(c.PropertyId, c.BuildingId, c.BuildingName, c.UnitNumber, c.Floor, c.Type, c.ChargeableArea, c.OccurredAt);

    /// <summary>Takes the feed's record unless the copy already holds this state or a newer one (an event overtook the read).</summary>
    public bool Apply(UnitRecord r) =>
        Apply(r.PropertyId, r.BuildingId, r.BuildingName, r.UnitNumber, r.Floor, r.Type, r.ChargeableArea, r.Version);

    private bool Apply(Guid propertyId, Guid buildingId, string buildingName, string number, int floor, UnitType type, decimal area, DateTimeOffset version)
    {
        // Directory's versions are stored times already; a test's or an older event's may carry finer ticks than the column.
        version = StoredTime.Of(version);
        if (Version is { } held && held >= version)
        {
            return false;
        }
        (PropertyId, BuildingId, BuildingName, Number, Floor, Type, ChargeableArea, Version) =
            (propertyId, buildingId, buildingName, number, floor, type, area, version);
        return true;
    }
}
