using PropertyPlatform.Contracts.Directory;

namespace PropertyPlatform.Reception.Domain;

/// <summary>
/// Reception's local copy of a Directory unit, fed by Directory's events, so a visit can name its host
/// unit and show the guard where the visitor is going without calling Directory.
/// </summary>
public sealed class Unit
{
    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

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
        BuildingName = registered.BuildingName;
        Number = registered.UnitNumber;
    }
}
