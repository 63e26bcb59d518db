using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Directory.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Directory.Tests;

public sealed class PropertyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, TimeSpan.FromHours(8));

    [Fact]
    public void A_registered_property_keeps_its_name_type_and_address()
    {
        var property = Property.Register("国贸中心", PropertyType.OfficeTower, "北京市朝阳区建国门外大街1号", Now);

        property.Id.ShouldNotBe(Guid.Empty);
        property.Name.ShouldBe("国贸中心");
        property.Type.ShouldBe(PropertyType.OfficeTower);
        property.Address.ShouldBe("北京市朝阳区建国门外大街1号");
        property.RegisteredAt.ShouldBe(Now);
    }

    [Fact]
    public void Registering_raises_one_PropertyRegistered()
    {
        var property = Property.Register("阳光花园", PropertyType.Residential, null, Now);

        var registered = property.PendingEvents.ShouldHaveSingleItem().ShouldBeOfType<PropertyRegistered>();
        registered.PropertyId.ShouldBe(property.Id);
        registered.Name.ShouldBe("阳光花园");
        registered.Type.ShouldBe(PropertyType.Residential);
        registered.OccurredAt.ShouldBe(Now);
        registered.EventId.ShouldNotBe(Guid.Empty);
        registered.EventId.ShouldNotBe(property.Id);
    }

    [Fact]
    public void Name_and_address_are_stored_without_surrounding_whitespace_and_a_blank_address_is_none()
    {
        Property.Register("  国贸中心 ", PropertyType.Mall, "  ", Now).ShouldSatisfyAllConditions(
            p => p.Name.ShouldBe("国贸中心"),
            p => p.Address.ShouldBeNull());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_property_needs_a_name(string? name) =>
        Should.Throw<DomainRuleException>(() => Property.Register(name!, PropertyType.Mall, null, Now));

    [Fact]
    public void A_name_may_be_as_long_as_the_limit_but_not_longer()
    {
        Property.Register(new string('名', Property.NameMaxLength), PropertyType.Mall, null, Now).Name.Length.ShouldBe(Property.NameMaxLength);
        Should.Throw<DomainRuleException>(() => Property.Register(new string('名', Property.NameMaxLength + 1), PropertyType.Mall, null, Now));
    }

    [Fact]
    public void An_address_may_be_as_long_as_the_limit_but_not_longer()
    {
        Property.Register("国贸中心", PropertyType.Mall, new string('址', Property.AddressMaxLength), Now).Address!.Length.ShouldBe(Property.AddressMaxLength);
        Should.Throw<DomainRuleException>(() => Property.Register("国贸中心", PropertyType.Mall, new string('址', Property.AddressMaxLength + 1), Now));
    }

    [Fact]
    public void Only_known_property_types_are_accepted() =>
        Should.Throw<DomainRuleException>(() => Property.Register("国贸中心", (PropertyType)42, null, Now));

    [Fact]
    public void Times_are_kept_to_the_microsecond_as_the_database_stores_them()
    {
        var property = Property.Register("国贸中心", PropertyType.Mall, null, Now.AddTicks(7));

        property.RegisteredAt.ShouldBe(Now);
    }
}
