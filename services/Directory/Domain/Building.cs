using PropertyPlatform.ServiceDefaults.Domain;

namespace PropertyPlatform.Directory.Domain;

/// <summary>A building of a property (e.g. A座); its name is unique within the property.</summary>
public sealed class Building : AggregateRoot
{
    public const int NameMaxLength = 100;

    private Building()
    {
    }

    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    public string Name { get; private set; } = "";

    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>
    /// Adds a building to <paramref name="property"/>. That no other building of the property has the same
    /// name is checked against the stored buildings by the caller and guaranteed by a unique index.
    /// </summary>
    public static Building Register(Property property, string name, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        PropertyId = property.Id,
        Name = Text.Required(name, NameMaxLength, "A building's name"),
        RegisteredAt = StoredTime.Of(now),
    };
}
