using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Directory.Domain;
using System.Globalization;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Directory.Tests;

public sealed class UnitTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, TimeSpan.FromHours(8));

    private static readonly Property Tower = Property.Register("国贸中心", PropertyType.OfficeTower, null, Now);

    private static readonly Building BuildingA = Building.Register(Tower, "A座", Now);

    [Fact]
    public void A_unit_belongs_to_its_building_and_to_the_buildings_property()
    {
        var unit = Unit.Register(BuildingA, "1201", 12, UnitType.Office, 120.50m, Now);

        unit.Id.ShouldNotBe(Guid.Empty);
        unit.BuildingId.ShouldBe(BuildingA.Id);
        unit.PropertyId.ShouldBe(Tower.Id);
        unit.Number.ShouldBe("1201");
        unit.Floor.ShouldBe(12);
        unit.Type.ShouldBe(UnitType.Office);
        unit.ChargeableArea.ShouldBe(120.50m);
        unit.RegisteredAt.ShouldBe(Now);
    }

    [Fact]
    public void Registering_raises_one_UnitRegistered_with_what_other_services_keep_of_a_unit()
    {
        var unit = Unit.Register(BuildingA, "1201", 12, UnitType.Office, 120.50m, Now);

        var registered = unit.PendingEvents.ShouldHaveSingleItem().ShouldBeOfType<UnitRegistered>();
        registered.ShouldBe(new UnitRegistered(
            registered.EventId, Now, Tower.Id, unit.Id, BuildingA.Id, "A座", "1201", 12, UnitType.Office, 120.50m));
        registered.EventId.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public void The_number_is_stored_without_surrounding_whitespace() =>
        Unit.Register(BuildingA, " 1201\t", 12, UnitType.Office, 1m, Now).Number.ShouldBe("1201");

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    public void A_unit_needs_a_number(string? number) =>
        Should.Throw<DomainRuleException>(() => Unit.Register(BuildingA, number!, 12, UnitType.Office, 1m, Now));

    [Fact]
    public void A_number_may_be_as_long_as_the_limit_but_not_longer()
    {
        Unit.Register(BuildingA, new string('9', Unit.NumberMaxLength), 1, UnitType.Office, 1m, Now).Number.Length.ShouldBe(Unit.NumberMaxLength);
        Should.Throw<DomainRuleException>(() => Unit.Register(BuildingA, new string('9', Unit.NumberMaxLength + 1), 1, UnitType.Office, 1m, Now));
    }

    [Theory]
    [InlineData(Unit.LowestFloor)]
    [InlineData(-2)]
    [InlineData(0)]
    [InlineData(Unit.HighestFloor)]
    public void Basement_ground_and_upper_floors_are_accepted(int floor) =>
        Unit.Register(BuildingA, "P-001", floor, UnitType.ParkingSpace, 12.5m, Now).Floor.ShouldBe(floor);

    [Theory]
    [InlineData(Unit.LowestFloor - 1)]
    [InlineData(Unit.HighestFloor + 1)]
    public void Floors_outside_what_buildings_have_are_refused(int floor) =>
        Should.Throw<DomainRuleException>(() => Unit.Register(BuildingA, "X", floor, UnitType.Office, 1m, Now));

    [Theory]
    [InlineData("0.01")]
    [InlineData("120.5")]
    [InlineData("120.50")]
    [InlineData("120.500")] // the same value as 120.50: no third decimal is lost
    [InlineData("99999999.99")]
    public void Positive_areas_with_up_to_two_decimals_are_kept_exactly(string area)
    {
        var value = decimal.Parse(area, CultureInfo.InvariantCulture);

        Unit.Register(BuildingA, "1201", 12, UnitType.Office, value, Now).ChargeableArea.ShouldBe(value);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("-0.01")]
    public void An_area_must_be_above_zero(string area) =>
        Should.Throw<DomainRuleException>(() => Unit.Register(BuildingA, "1201", 12, UnitType.Office, decimal.Parse(area, CultureInfo.InvariantCulture), Now));

    [Theory]
    [InlineData("120.505")]
    [InlineData("0.001")]
    public void An_area_with_a_third_decimal_is_refused_not_rounded(string area) =>
        Should.Throw<DomainRuleException>(() => Unit.Register(BuildingA, "1201", 12, UnitType.Office, decimal.Parse(area, CultureInfo.InvariantCulture), Now));

    [Fact]
    public void An_area_larger_than_the_column_holds_is_refused() =>
        Should.Throw<DomainRuleException>(() => Unit.Register(BuildingA, "1201", 12, UnitType.Office, Unit.MaxChargeableArea + 0.01m, Now));

    [Fact]
    public void Only_known_unit_types_are_accepted() =>
        Should.Throw<DomainRuleException>(() => Unit.Register(BuildingA, "1201", 12, (UnitType)42, 1m, Now));

    [Fact]
    public void Changing_floor_type_and_area_raises_UnitChanged_with_the_whole_unit()
    {
        var unit = Unit.Register(BuildingA, "1201", 12, UnitType.Office, 120.50m, Now);

        unit.Change(BuildingA, 11, UnitType.Storage, 98.25m, Now.AddDays(1));

        unit.Floor.ShouldBe(11);
        unit.Type.ShouldBe(UnitType.Storage);
        unit.ChargeableArea.ShouldBe(98.25m);
        var changed = unit.PendingEvents.OfType<UnitChanged>().ShouldHaveSingleItem();
        changed.ShouldBe(new UnitChanged(
            changed.EventId, Now.AddDays(1), Tower.Id, unit.Id, BuildingA.Id, "A座", "1201", 11, UnitType.Storage, 98.25m));
    }

    [Fact]
    public void A_change_to_the_same_values_raises_nothing()
    {
        var unit = Unit.Register(BuildingA, "1201", 12, UnitType.Office, 120.50m, Now);

        unit.Change(BuildingA, 12, UnitType.Office, 120.5m, Now.AddDays(1));

        unit.PendingEvents.OfType<UnitChanged>().ShouldBeEmpty();
    }

    [Theory]
    [InlineData(Unit.HighestFloor + 1, "10")]
    [InlineData(12, "-5")]
    [InlineData(12, "0")]
    [InlineData(12, "10.555")]
    public void A_change_follows_the_rules_of_registration_and_a_refused_one_changes_nothing(int floor, string area)
    {
        var unit = Unit.Register(BuildingA, "1201", 12, UnitType.Office, 120.50m, Now);

        Should.Throw<DomainRuleException>(() =>
            unit.Change(BuildingA, floor, UnitType.Office, decimal.Parse(area, CultureInfo.InvariantCulture), Now));

        unit.Floor.ShouldBe(12);
        unit.ChargeableArea.ShouldBe(120.50m);
        unit.PendingEvents.OfType<UnitChanged>().ShouldBeEmpty();
    }

    [Fact]
    public void A_change_to_an_unknown_type_is_refused() =>
        Should.Throw<DomainRuleException>(() => Unit.Register(BuildingA, "1201", 12, UnitType.Office, 1m, Now).Change(BuildingA, 12, (UnitType)42, 1m, Now));
}
