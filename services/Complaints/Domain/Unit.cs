using PropertyPlatform.Contracts.Directory;

namespace PropertyPlatform.Complaints.Domain;

/// <summary>
/// Complaints' local copy of a Directory unit, fed by Directory's events, so a complaint can name the
/// complainant's unit (and later be analysed by building) without calling Directory.
/// </summary>
public sealed class Unit
{
    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    public Guid BuildingId { get; private set; }

    public string BuildingName { get; private set; } = "";

    public string Number { get; private set; } = "";

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
    }
}
