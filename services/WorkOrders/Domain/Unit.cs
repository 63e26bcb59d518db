using PropertyPlatform.Contracts.Directory;

namespace PropertyPlatform.WorkOrders.Domain;

/// <summary>
/// WorkOrders' local copy of a Directory unit, fed by Directory's events, so an order can be checked
/// and described without calling Directory.
/// </summary>
public sealed class Unit
{
    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    public Guid BuildingId { get; private set; }

    public string BuildingName { get; private set; } = "";

    public string Number { get; private set; } = "";

    public int Floor { get; private set; }

    public UnitType Type { get; private set; }

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
        Floor = registered.Floor;
        Type = registered.Type;
    }
}
