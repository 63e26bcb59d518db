using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Directory.Domain;

/// <summary>
/// A unit (房号) of a building: an office, shop, flat, storage room or parking space. Its chargeable area
/// is what property-service fees are computed from, so it is kept exactly as given, in m² with two decimals.
/// </summary>
public sealed class Unit : AggregateRoot
{
    public const int NumberMaxLength = 32;

    /// <summary>Basements and parking levels are negative; the tallest towers have about 160 floors.</summary>
    public const int LowestFloor = -10;
    public const int HighestFloor = 200;

    /// <summary>The largest area the numeric(10,2) column holds.</summary>
    public const decimal MaxChargeableArea = 99_999_999.99m;

    private Unit()
    {
    }

    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    public Guid BuildingId { get; private set; }

    /// <summary>The unit's number in its building, e.g. <c>1201</c> or <c>B1-023</c>; unique within the building.</summary>
    public string Number { get; private set; } = "";

    public int Floor { get; private set; }

    public UnitType Type { get; private set; }

    /// <summary>Chargeable area (计费面积) in m².</summary>
    public decimal ChargeableArea { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>
    /// When the unit last changed: the <c>OccurredAt</c> of the event that announced its current state, so services
    /// keeping a copy tell a newer state from an older one (<see cref="UnitRecord.Version"/>).
    /// </summary>
    public DateTimeOffset ChangedAt { get; private set; }

    public static bool IsFloorAllowed(int floor) => floor is >= LowestFloor and <= HighestFloor;

    /// <summary>Positive, within the column, and no more than two decimals: a third decimal is refused, never rounded.</summary>
    public static bool IsChargeableAreaAllowed(decimal area) =>
        area > 0 && area <= MaxChargeableArea && decimal.Round(area, 2) == area;

    /// <summary>
    /// Adds a unit to <paramref name="building"/> (and so to its property) and raises <see cref="UnitRegistered"/>.
    /// That the number is free in the building is checked by the caller and guaranteed by a unique index.
    /// </summary>
    public static Unit Register(Building building, string number, int floor, UnitType type, decimal chargeableArea, DateTimeOffset now)
    {
        now = StoredTime.Of(now);
        var unitNumber = Text.Required(number, NumberMaxLength, "A unit's number");
        if (!IsFloorAllowed(floor))
        {
            throw new DomainRuleException($"Floor {floor} is outside {LowestFloor}..{HighestFloor}.");
        }
        if (!IsChargeableAreaAllowed(chargeableArea))
        {
            throw new DomainRuleException($"Chargeable area {chargeableArea} m² must be above 0, at most {MaxChargeableArea} and have at most two decimals.");
        }

        var unit = new Unit
        {
            Id = Guid.CreateVersion7(now),
            PropertyId = building.PropertyId,
            BuildingId = building.Id,
            Number = unitNumber,
            Floor = floor,
            Type = Text.Defined(type, "unit type"),
            ChargeableArea = chargeableArea,
            RegisteredAt = now,
            ChangedAt = now,
        };
        unit.Raise(new UnitRegistered(
            Guid.CreateVersion7(now), now, unit.PropertyId, unit.Id, building.Id, building.Name, unit.Number,
            unit.Floor, unit.Type, unit.ChargeableArea));
        return unit;
    }

    /// <summary>
    /// Changes the floor, type and chargeable area (e.g. after a re-survey) under the rules of registration and
    /// raises <see cref="UnitChanged"/> when something really changed. The number and building stay.
    /// </summary>
    public void Change(Building building, int floor, UnitType type, decimal chargeableArea, DateTimeOffset now)
    {
        if (building.Id != BuildingId)
        {
            throw new InvalidOperationException("The unit's own building is needed to describe the change.");
        }
        if (!IsFloorAllowed(floor))
        {
            throw new DomainRuleException($"Floor {floor} is outside {LowestFloor}..{HighestFloor}.");
        }
        if (!IsChargeableAreaAllowed(chargeableArea))
        {
            throw new DomainRuleException($"Chargeable area {chargeableArea} m² must be above 0, at most {MaxChargeableArea} and have at most two decimals.");
        }
        Text.Defined(type, "unit type");
        if (floor == Floor && type == Type && chargeableArea == ChargeableArea)
        {
            return;
        }

        now = RecordVersion.Next(ChangedAt, now);
        (Floor, Type, ChargeableArea, ChangedAt) = (floor, type, chargeableArea, now);
        Raise(new UnitChanged(
            Guid.CreateVersion7(now), now, PropertyId, Id, BuildingId, building.Name, Number, Floor, Type, ChargeableArea));
    }
}
