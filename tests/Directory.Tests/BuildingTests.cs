using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Directory.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Directory.Tests;

public sealed class BuildingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, TimeSpan.FromHours(8));

    private static readonly Property Tower = Property.Register("国贸中心", PropertyType.OfficeTower, null, Now);

    [Fact]
    public void A_building_belongs_to_the_property_it_is_registered_in()
    {
        var building = Building.Register(Tower, "A座", Now);

        building.Id.ShouldNotBe(Guid.Empty);
        building.PropertyId.ShouldBe(Tower.Id);
        building.Name.ShouldBe("A座");
        building.RegisteredAt.ShouldBe(Now);
    }

    [Fact]
    public void Its_name_is_stored_without_surrounding_whitespace_so_duplicates_are_recognised() =>
        Building.Register(Tower, "  A座 ", Now).Name.ShouldBe("A座");

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(null)]
    public void A_building_needs_a_name(string? name) =>
        Should.Throw<DomainRuleException>(() => Building.Register(Tower, name!, Now));

    [Fact]
    public void A_name_may_be_as_long_as_the_limit_but_not_longer()
    {
        Building.Register(Tower, new string('楼', Building.NameMaxLength), Now).Name.Length.ShouldBe(Building.NameMaxLength);
        Should.Throw<DomainRuleException>(() => Building.Register(Tower, new string('楼', Building.NameMaxLength + 1), Now));
    }
}
