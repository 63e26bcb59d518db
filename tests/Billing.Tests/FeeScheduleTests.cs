using PropertyPlatform.Billing.Domain;
using PropertyPlatform.Contracts.Billing;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Billing.Tests;

public sealed class FeeScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, TimeSpan.FromHours(8));

    private static readonly Guid PropertyId = Guid.NewGuid();

    private static readonly Actor Cashier = new(Guid.NewGuid(), "财务王芳");

    private static readonly DateOnly January = new(2026, 1, 1);
    private static readonly DateOnly July = new(2026, 7, 1);

    [Theory]
    [InlineData(UnitType.Office)]
    [InlineData(UnitType.Shop)]
    [InlineData(UnitType.Clubhouse)]
    [InlineData(UnitType.Storage)]
    [InlineData(UnitType.Residence)]
    public void The_property_service_fee_is_set_per_unit_type(UnitType unitType)
    {
        var schedule = FeeSchedule.Create(PropertyId, FeeItem.PropertyService, unitType, Now);

        schedule.PropertyId.ShouldBe(PropertyId);
        schedule.Item.ShouldBe(FeeItem.PropertyService);
        schedule.UnitType.ShouldBe(unitType);
        schedule.Basis.ShouldBe(FeeBasis.PerSquareMetrePerMonth);
        schedule.Rates.ShouldBeEmpty();
    }

    [Fact]
    public void The_property_service_fee_without_a_unit_type_is_refused() =>
        Should.Throw<DomainRuleException>(() => FeeSchedule.Create(PropertyId, FeeItem.PropertyService, null, Now));

    [Fact]
    public void Parking_spaces_have_no_property_service_fee() =>
        Should.Throw<DomainRuleException>(() => FeeSchedule.Create(PropertyId, FeeItem.PropertyService, UnitType.ParkingSpace, Now));

    [Theory]
    [InlineData(FeeItem.Parking, FeeBasis.PerSpacePerMonth)]
    [InlineData(FeeItem.Water, FeeBasis.PerCubicMetre)]
    [InlineData(FeeItem.Electricity, FeeBasis.PerKilowattHour)]
    public void Other_items_have_one_rate_for_the_whole_property(FeeItem item, FeeBasis basis)
    {
        var schedule = FeeSchedule.Create(PropertyId, item, null, Now);

        schedule.UnitType.ShouldBeNull();
        schedule.Basis.ShouldBe(basis);
    }

    [Theory]
    [InlineData(FeeItem.Parking)]
    [InlineData(FeeItem.Water)]
    [InlineData(FeeItem.Electricity)]
    public void Other_items_with_a_unit_type_are_refused(FeeItem item) =>
        Should.Throw<DomainRuleException>(() => FeeSchedule.Create(PropertyId, item, UnitType.Office, Now));

    [Fact]
    public void Setting_a_rate_records_it_and_raises_FeeRateSet()
    {
        var schedule = Offices();
        var later = Now.AddHours(1);

        var rate = schedule.SetRate(3.5m, January, Cashier, later);

        schedule.Rates.ShouldHaveSingleItem().ShouldBeSameAs(rate);
        rate.Rate.ShouldBe(3.5m);
        rate.EffectiveFrom.ShouldBe(January);
        rate.FeeScheduleId.ShouldBe(schedule.Id);
        rate.SetAt.ShouldBe(later);
        rate.SetById.ShouldBe(Cashier.PersonId);
        rate.SetByName.ShouldBe("财务王芳");
        schedule.LastChangedAt.ShouldBe(later);
        var set = schedule.PendingEvents.ShouldHaveSingleItem().ShouldBeOfType<FeeRateSet>();
        set.PropertyId.ShouldBe(PropertyId);
        set.FeeScheduleId.ShouldBe(schedule.Id);
        set.Item.ShouldBe(FeeItem.PropertyService);
        set.UnitType.ShouldBe(UnitType.Office);
        set.Rate.ShouldBe(3.5m);
        set.EffectiveFrom.ShouldBe(January);
        set.OccurredAt.ShouldBe(later);
        set.EventId.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public void A_later_rate_supersedes_the_earlier_from_its_date_and_the_history_is_kept()
    {
        var schedule = Offices();
        schedule.SetRate(3.5m, January, Cashier, Now);
        schedule.SetRate(4.2m, July, Cashier, Now);

        schedule.Rates.Count.ShouldBe(2);
        schedule.RateOn(new DateOnly(2025, 12, 31)).ShouldBeNull();
        schedule.RateOn(January)!.Rate.ShouldBe(3.5m);
        schedule.RateOn(new DateOnly(2026, 6, 30))!.Rate.ShouldBe(3.5m);
        schedule.RateOn(July)!.Rate.ShouldBe(4.2m);
        schedule.RateOn(new DateOnly(2030, 1, 1))!.Rate.ShouldBe(4.2m);
    }

    [Fact]
    public void A_rate_entered_for_an_earlier_date_takes_its_place_in_the_history()
    {
        var schedule = Offices();
        schedule.SetRate(4.2m, July, Cashier, Now);
        schedule.SetRate(3.5m, January, Cashier, Now);

        schedule.RateOn(new DateOnly(2026, 3, 1))!.Rate.ShouldBe(3.5m);
        schedule.RateOn(new DateOnly(2026, 8, 1))!.Rate.ShouldBe(4.2m);
    }

    [Fact]
    public void A_second_rate_for_the_same_day_is_refused_and_changes_nothing()
    {
        var schedule = Offices();
        schedule.SetRate(3.5m, January, Cashier, Now);
        var eventsBefore = schedule.PendingEvents.Count;

        Should.Throw<DomainRuleException>(() => schedule.SetRate(3.8m, January, Cashier, Now.AddDays(1))).Message.ShouldContain("2026-01-01");

        schedule.Rates.ShouldHaveSingleItem().Rate.ShouldBe(3.5m);
        schedule.LastChangedAt.ShouldBe(Now);
        schedule.PendingEvents.Count.ShouldBe(eventsBefore);
    }

    [Theory]
    [InlineData("0")] // e.g. a clubhouse that is not charged
    [InlineData("0.0001")]
    [InlineData("0.5283")]
    [InlineData("3.50000")] // trailing zeros are not decimals that matter
    [InlineData("99999999.9999")]
    public void Rates_are_non_negative_cny_with_up_to_four_decimals(string rate) =>
        Offices().SetRate(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), January, Cashier, Now).Rate
            .ShouldBe(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("-0.01", "negative")]
    [InlineData("0.52835", "4 decimal")]
    [InlineData("100000000", "exceed")]
    public void Other_rates_are_refused(string rate, string reason)
    {
        var schedule = Offices();

        Should.Throw<DomainRuleException>(() => schedule.SetRate(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), January, Cashier, Now))
            .Message.ShouldContain(reason);
        schedule.Rates.ShouldBeEmpty();
    }

    private static FeeSchedule Offices() => FeeSchedule.Create(PropertyId, FeeItem.PropertyService, UnitType.Office, Now);
}
