using System.Globalization;
using PropertyPlatform.Billing.Domain;
using PropertyPlatform.Contracts.Billing;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Billing.Tests;

public sealed class MonthlyServiceChargeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, TimeSpan.FromHours(8));

    private static readonly Guid PropertyId = Guid.NewGuid();

    private static readonly Actor Cashier = new(Guid.NewGuid(), "财务王芳");

    private static readonly UnitCopy Office1201 = UnitOf(UnitType.Office, 120.55m);

    [Theory]
    [InlineData("3.5", "120.55", "421.93")] // 421.925: half a fen goes up
    [InlineData("2.5", "0.01", "0.03")] // 0.025: banker's rounding would give 0.02
    [InlineData("1.125", "1.00", "1.13")] // 1.125: banker's rounding would give 1.12
    [InlineData("1.0050", "1", "1.01")]
    [InlineData("4.2", "120.55", "506.31")] // exact
    [InlineData("2.3333", "3.00", "7.00")] // 6.9999
    [InlineData("12.3456", "9999.99", "123455.88")] // 123455.876544
    [InlineData("0.0001", "0.01", "0.00")]
    [InlineData("0", "100", "0.00")]
    [InlineData("5", "0", "0.00")]
    public void The_charge_is_rate_times_area_rounded_half_up_to_the_fen(string rate, string area, string charge) =>
        MonthlyServiceCharge.Calculate(Parse(rate), Parse(area)).ShouldBe(Parse(charge));

    [Fact]
    public void A_negative_rate_or_area_is_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => MonthlyServiceCharge.Calculate(-1m, 10m));
        Should.Throw<ArgumentOutOfRangeException>(() => MonthlyServiceCharge.Calculate(1m, -10m));
    }

    [Fact]
    public void Money_rounds_half_a_fen_away_from_zero()
    {
        Money.RoundToFen(0.005m).ShouldBe(0.01m);
        Money.RoundToFen(0.015m).ShouldBe(0.02m);
        Money.RoundToFen(0.0049m).ShouldBe(0.00m);
    }

    [Fact]
    public void A_units_charge_uses_the_rate_in_effect_for_its_type_and_its_chargeable_area()
    {
        var charge = MonthlyServiceCharge.For(Office1201, OfficeSchedule(), new DateOnly(2026, 3, 1));

        charge.UnitId.ShouldBe(Office1201.Id);
        charge.UnitType.ShouldBe(UnitType.Office);
        charge.ChargeableArea.ShouldBe(120.55m);
        charge.Rate.ShouldBe(3.5m);
        charge.RateEffectiveFrom.ShouldBe(new DateOnly(2026, 1, 1));
        charge.AsOf.ShouldBe(new DateOnly(2026, 3, 1));
        charge.Amount.ShouldBe(421.93m);
        charge.AmountInWords.ShouldBe("肆佰贰拾壹元玖角叁分");
    }

    [Theory]
    [InlineData("2026-06-30", "3.5", "421.93")]
    [InlineData("2026-07-01", "4.2", "506.31")] // the new rate counts from its first day
    [InlineData("2027-01-01", "4.2", "506.31")]
    public void A_later_rate_takes_over_from_its_effective_date(string asOf, string rate, string amount)
    {
        var charge = MonthlyServiceCharge.For(Office1201, OfficeSchedule(), DateOnly.Parse(asOf, CultureInfo.InvariantCulture));

        charge.Rate.ShouldBe(Parse(rate));
        charge.Amount.ShouldBe(Parse(amount));
    }

    [Fact]
    public void Before_the_first_rate_there_is_no_charge() =>
        Should.Throw<DomainRuleException>(() => MonthlyServiceCharge.For(Office1201, OfficeSchedule(), new DateOnly(2025, 12, 31)))
            .Message.ShouldContain("2025-12-31");

    [Fact]
    public void Without_a_schedule_there_is_no_charge() =>
        Should.Throw<DomainRuleException>(() => MonthlyServiceCharge.For(Office1201, null, new DateOnly(2026, 3, 1)))
            .Message.ShouldContain("office units");

    [Fact]
    public void A_parking_space_pays_the_parking_fee_not_the_property_service_fee() =>
        Should.Throw<DomainRuleException>(() => MonthlyServiceCharge.For(UnitOf(UnitType.ParkingSpace, 12.5m), null, new DateOnly(2026, 3, 1)))
            .Message.ShouldContain("parking");

    [Fact]
    public void The_schedule_of_another_unit_type_is_a_programming_error()
    {
        var shops = FeeSchedule.Create(PropertyId, FeeItem.PropertyService, UnitType.Shop, Now);
        shops.SetRate(8m, new DateOnly(2026, 1, 1), Cashier, Now);

        Should.Throw<ArgumentException>(() => MonthlyServiceCharge.For(Office1201, shops, new DateOnly(2026, 3, 1)));
    }

    private static FeeSchedule OfficeSchedule()
    {
        var schedule = FeeSchedule.Create(PropertyId, FeeItem.PropertyService, UnitType.Office, Now);
        schedule.SetRate(3.5m, new DateOnly(2026, 1, 1), Cashier, Now);
        schedule.SetRate(4.2m, new DateOnly(2026, 7, 1), Cashier, Now);
        return schedule;
    }

    private static UnitCopy UnitOf(UnitType type, decimal area) => UnitCopy.From(new UnitRegistered(
        Guid.NewGuid(), Now, PropertyId, Guid.NewGuid(), Guid.NewGuid(), "A座", "1201", 12, type, area));

    private static decimal Parse(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);
}
