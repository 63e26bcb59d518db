using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Domain;

namespace PropertyPlatform.Directory.Domain;

/// <summary>
/// A managed property (物业项目): the office tower, compound, park or mall a customer-service centre runs.
/// Every other record of the platform belongs to one.
/// </summary>
public sealed class Property : AggregateRoot
{
    public const int NameMaxLength = 100;
    public const int AddressMaxLength = 200;

    private Property()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public PropertyType Type { get; private set; }

    public string? Address { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>Registers a property and raises <see cref="PropertyRegistered"/>.</summary>
    public static Property Register(string name, PropertyType type, string? address, DateTimeOffset now)
    {
        now = StoredTime.Of(now);
        var property = new Property
        {
            Id = Guid.CreateVersion7(now),
            Name = Text.Required(name, NameMaxLength, "A property's name"),
            Type = Text.Defined(type, "property type"),
            Address = Text.Optional(address, AddressMaxLength, "A property's address"),
            RegisteredAt = now,
        };
        property.Raise(new PropertyRegistered(Guid.CreateVersion7(now), now, property.Id, property.Name, property.Type));
        return property;
    }
}
