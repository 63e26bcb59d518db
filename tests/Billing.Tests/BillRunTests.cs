using PropertyPlatform.Billing.Domain;
using PropertyPlatform.Contracts.Billing;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Billing.Tests;

/// <summary>Periods, proration by day, and what a bill run plans and issues — rule by rule, without a database.</summary>
public sealed class BillRunTests
{
    internal static readonly DateTimeOffset Now = new(2026, 6, 25, 9, 0, 0, TimeSpan.FromHours(8));

    internal static readonly Guid PropertyId = Guid.NewGuid();

    private static readonly BillingPeriod July = new(2026, 7);

    [Theory]
    [InlineData("2026-07", true)]
    [InlineData("2026-7", false)]
    [InlineData("2026-13", false)]
    [InlineData("07-2026", false)]
    [InlineData("", false)]
    public void A_period_is_written_yyyy_MM(string text, bool valid) => BillingPeriod.TryParse(text, out _).ShouldBe(valid);

    [Fact]
    public void A_period_knows_its_days()
    {
        BillingPeriod.Parse("2028-02").Days.ShouldBe(29);
        BillingPeriod.Parse("2026-02").LastDay.ShouldBe(new DateOnly(2026, 2, 28));
        July.ToString().ShouldBe("2026-07");
    }

    [Theory]
    [InlineData(null, null, 31)] // no move in or out: the whole month
    [InlineData("2026-07-01", null, 31)]
    [InlineData("2026-07-16", null, 16)] // moved in on the 16th: the 16th to the 31st
    [InlineData(null, "2026-07-10", 10)] // moved out on the 10th: held until the end of that day
    [InlineData("2026-07-05", "2026-07-05", 1)]
    [InlineData("2026-06-01", "2026-06-30", 0)] // left before the month
    [InlineData("2026-08-01", null, 0)] // moves in after it
    public void Days_held_count_the_move_in_and_the_move_out_day(string? from, string? to, int days) =>
        Proration.DaysHeld(July, Day(from), Day(to)).ShouldBe(days);

    [Fact]
    public void A_part_month_is_charged_by_day_from_the_unrounded_monthly_charge_rounded_once()
    {
        // 3.5 × 120.55 = 421.925 a month; 16 of 31 days = 217.76774… → 217.77.
        Proration.Prorate(3.5m * 120.55m, July, new DateOnly(2026, 7, 16), null).ShouldBe(217.77m);
        // A whole month is the monthly charge rounded half-up, never a sum of days.
        Proration.Prorate(3.5m * 120.55m, July, null, null).ShouldBe(421.93m);
        // A fortnight of February 2026 is exactly half.
        Proration.Prorate(100m, BillingPeriod.Parse("2026-02"), new DateOnly(2026, 2, 15), null).ShouldBe(50m);
    }

    [Fact]
    public void A_run_charges_every_unit_its_types_rate_times_its_area_due_on_the_periods_first_day()
    {
        var office = Unit(UnitType.Office, 120.55m, "1201");
        var shop = Unit(UnitType.Shop, 80m, "0101");

        var run = BillRun.Plan(July, [office, shop], [Schedule(UnitType.Office, 3.5m), Schedule(UnitType.Shop, 6m)], NoOccupancies, NothingBilled);

        run.Lines.Select(l => (l.Unit.Number, l.Amount)).ShouldBe([("0101", 480m), ("1201", 421.93m)]);
        run.Lines.ShouldAllBe(l => l.Item == FeeItem.PropertyService && l.DaysCharged == 31);
        run.Skipped.ShouldBeEmpty();
        BillRun.DueDateOf(July).ShouldBe(new DateOnly(2026, 7, 1));
    }

    [Fact]
    public void The_rate_in_effect_on_the_periods_first_day_applies()
    {
        var schedule = Schedule(UnitType.Office, 3.5m);
        schedule.SetRate(4m, new DateOnly(2026, 7, 1), Actor.System, Now);
        schedule.SetRate(5m, new DateOnly(2026, 7, 2), Actor.System, Now);

        BillRun.Plan(July, [Unit(UnitType.Office, 10m)], [schedule], NoOccupancies, NothingBilled)
            .Lines.ShouldHaveSingleItem().Amount.ShouldBe(40m);
    }

    [Fact]
    public void A_unit_without_a_rate_is_skipped_with_the_reason_and_a_parking_space_is_not_charged_the_service_fee()
    {
        var storeroom = Unit(UnitType.Storage, 10m);
        var run = BillRun.Plan(July, [storeroom, Unit(UnitType.ParkingSpace, 12.5m)], [Schedule(UnitType.Office, 3.5m)], NoOccupancies, NothingBilled);

        run.Lines.ShouldBeEmpty();
        run.Skipped.ShouldHaveSingleItem().Unit.ShouldBe(storeroom);
        run.Skipped[0].Reason.ShouldContain("2026-07-01");
    }

    [Fact]
    public void A_known_move_in_mid_month_is_prorated_and_names_the_payer()
    {
        var office = Unit(UnitType.Office, 120.55m);
        var payer = Guid.NewGuid();
        var occupancies = Of(office, new Occupancy(Guid.NewGuid(), payer, OccupancyRole.Owner, new DateOnly(2026, 7, 16), null));

        var line = BillRun.Plan(July, [office], [Schedule(UnitType.Office, 3.5m)], occupancies, NothingBilled).Lines.ShouldHaveSingleItem();

        line.Amount.ShouldBe(217.77m);
        line.DaysCharged.ShouldBe(16);
        line.PayerId.ShouldBe(payer);
        line.Description.ShouldContain("16/31");
    }

    // Who pays which days of July: O = owner all along, T1 = tenant who leaves, T2 = tenant who comes, R = resident.
    [Theory]
    [InlineData("O:2025-01-01-", "O=31")]
    [InlineData("O:2025-01-01-|T:2026-07-11-", "O=10 T=21")] // a tenant pays from the day they move in, the owner before
    [InlineData("O:2025-01-01-|T:2025-01-01-2026-07-20|T:2026-07-25-", "T=20 O=4 T=7")] // between tenants the owner pays
    [InlineData("O:2025-01-01-2026-07-15|O:2026-07-16-", "O=15 O=16")] // the unit was sold on the 16th
    [InlineData("R:2025-01-01-", "")] // residents do not pay
    [InlineData("O:2026-08-01-", "")] // moves in after the month
    [InlineData("O:2025-01-01-2026-07-01", "O=1")] // the move-out day counts
    public void Each_day_is_paid_by_the_tenant_holding_the_unit_else_its_owner(string held, string expected)
    {
        var occupancies = held.Split('|').Select(Parse).ToList();

        var payers = BillRun.Payers(July, occupancies);

        string.Join(" ", payers.Select(p => $"{p.Payer.Role.ToString()[0]}={p.Days}")).ShouldBe(expected);
    }

    [Theory]
    [InlineData(31, "421.93")] // the whole month: the monthly charge rounded once
    [InlineData(16, "217.77")] // 421.925 × 16 / 31 = 217.7677…
    [InlineData(15, "204.16")] // 421.925 × 15 / 31 = 204.1572…; 16 + 15 days are 421.93 again
    [InlineData(1, "13.61")]
    [InlineData(0, "0")]
    public void Days_paid_are_prorated_from_the_unrounded_monthly_charge(int days, string expected) =>
        Proration.ProrateDays(3.5m * 120.55m, July, days).ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void A_tenant_leaving_mid_month_and_the_owner_after_pay_a_line_each()
    {
        var office = Unit(UnitType.Office, 100m);
        var owner = new Occupancy(Guid.NewGuid(), Guid.NewGuid(), OccupancyRole.Owner, new DateOnly(2020, 1, 1), null);
        var tenant = new Occupancy(Guid.NewGuid(), Guid.NewGuid(), OccupancyRole.Tenant, new DateOnly(2025, 1, 1), new DateOnly(2026, 7, 10));

        var run = BillRun.Plan(July, [office], [Schedule(UnitType.Office, 3.1m)], Of(office, owner, tenant), NothingBilled);

        run.Lines.Select(l => (l.PayerId, l.SourceId, l.Amount, l.DaysCharged)).ShouldBe(
            [(tenant.PayerId, tenant.Id, 100m, 10), (owner.PayerId, owner.Id, 210m, 21)]);
        // Billed again: the tenant's line is issued already, and only the owner's would be new.
        var rerun = BillRun.Plan(July, [office], [Schedule(UnitType.Office, 3.1m)], Of(office, owner, tenant),
            new HashSet<BilledKey> { new(office.Id, "2026-07", tenant.Id) });
        rerun.ToIssue.ShouldHaveSingleItem().PayerId.ShouldBe(owner.PayerId);
    }

    [Fact]
    public void A_quarterly_payer_is_billed_the_quarter_by_the_run_of_its_first_month_and_a_monthly_payer_one_month()
    {
        var quarterly = Unit(UnitType.Office, 10m, "1201");
        var monthly = Unit(UnitType.Office, 10m, "1202");
        var q = new Occupancy(Guid.NewGuid(), Guid.NewGuid(), OccupancyRole.Owner, new DateOnly(2020, 1, 1), null, BillingCycle.Quarterly);
        var m = new Occupancy(Guid.NewGuid(), Guid.NewGuid(), OccupancyRole.Owner, new DateOnly(2020, 1, 1), null);
        var occupancies = new[] { (quarterly, q), (monthly, m) }.ToLookup(p => p.Item1.Id, p => p.Item2);

        var run = BillRun.Plan(July, [quarterly, monthly], [Schedule(UnitType.Office, 3m)], occupancies, NothingBilled);

        run.Lines.Select(l => (l.Unit.Number, l.Period.ToString())).ShouldBe(
            [("1201", "2026-07"), ("1201", "2026-08"), ("1201", "2026-09"), ("1202", "2026-07")]);
        // August's run finds the quarterly payer billed for August already.
        var billed = run.Lines.Select(l => new BilledKey(l.Unit.Id, l.Period.ToString(), l.SourceId)).ToHashSet();
        var august = BillRun.Plan(July.Next(), [quarterly, monthly], [Schedule(UnitType.Office, 3m)], occupancies, billed);
        august.ToIssue.ShouldHaveSingleItem().Unit.ShouldBe(monthly);
    }

    [Fact]
    public void A_rented_parking_space_is_charged_the_parking_fee_per_space_and_an_empty_one_nothing()
    {
        var rented = Unit(UnitType.ParkingSpace, 12.5m, "P-001");
        var empty = Unit(UnitType.ParkingSpace, 12.5m, "P-002");
        var parking = FeeSchedule.Create(PropertyId, FeeItem.Parking, null, Now);
        parking.SetRate(300m, new DateOnly(2026, 1, 1), Actor.System, Now);
        var tenant = new Occupancy(Guid.NewGuid(), Guid.NewGuid(), OccupancyRole.Tenant, new DateOnly(2026, 7, 17), null);

        var run = BillRun.Plan(July, [rented, empty], [parking], Of(rented, tenant), NothingBilled);

        var line = run.Lines.ShouldHaveSingleItem();
        (line.Unit, line.Item, line.Amount).ShouldBe((rented, FeeItem.Parking, 145.16m)); // 300 × 15 / 31
        run.Skipped.ShouldBeEmpty();
    }

    [Fact]
    public void A_unit_whose_occupants_are_known_but_none_pays_in_the_month_is_skipped()
    {
        var office = Unit(UnitType.Office, 10m);
        var left = new Occupancy(Guid.NewGuid(), Guid.NewGuid(), OccupancyRole.Owner, new DateOnly(2020, 1, 1), new DateOnly(2026, 6, 30));

        var run = BillRun.Plan(July, [office], [Schedule(UnitType.Office, 3m)], Of(office, left), NothingBilled);

        run.Lines.ShouldBeEmpty();
        run.Skipped.ShouldHaveSingleItem().Reason.ShouldContain("owner or tenant");
    }

    [Fact]
    public void Units_billed_already_are_planned_but_not_issued_again()
    {
        var a = Unit(UnitType.Office, 10m, "1201");
        var b = Unit(UnitType.Office, 10m, "1202");

        var run = BillRun.Plan(July, [a, b], [Schedule(UnitType.Office, 3.5m)], NoOccupancies, new HashSet<BilledKey> { new(a.Id, "2026-07", Guid.Empty) });

        run.Lines.Count.ShouldBe(2);
        run.ToIssue.ShouldHaveSingleItem().Unit.ShouldBe(b);
    }

    [Fact]
    public void An_issued_line_is_open_for_its_whole_amount_and_announced()
    {
        var unit = Unit(UnitType.Office, 10m);
        var line = BillLine.Issue(unit, null, July, FeeItem.PropertyService, Guid.Empty, "物业服务费", 35m, BillRun.DueDateOf(July), Now);

        line.Status.ShouldBe(BillLineStatus.Open);
        line.AmountOpen.ShouldBe(35m);
        line.Period.ShouldBe("2026-07");
        var issued = line.PendingEvents.ShouldHaveSingleItem().ShouldBeOfType<BillIssued>();
        (issued.BillLineId, issued.UnitId, issued.Amount, issued.Period, issued.DueDate)
            .ShouldBe((line.Id, unit.Id, 35m, "2026-07", new DateOnly(2026, 7, 1)));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("10.005")]
    public void A_line_charges_an_amount_above_zero_exact_to_the_fen(string amount) =>
        Should.Throw<DomainRuleException>(() => BillLine.Issue(
            Unit(UnitType.Office, 10m), null, July, FeeItem.PropertyService, Guid.Empty, "x", decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture),
            July.FirstDay, Now));

    internal static readonly ILookup<Guid, Occupancy> NoOccupancies = Array.Empty<Occupancy>().ToLookup(o => o.Id);

    internal static readonly IReadOnlySet<BilledKey> NothingBilled = new HashSet<BilledKey>();

    private static ILookup<Guid, Occupancy> Of(UnitCopy unit, params Occupancy[] occupancies) => occupancies.ToLookup(_ => unit.Id);

    /// <summary>"T:2025-01-01-2026-07-20" is a tenant from the first date to the second; no second date: still there.</summary>
    private static Occupancy Parse(string text)
    {
        var role = text[0] switch { 'O' => OccupancyRole.Owner, 'T' => OccupancyRole.Tenant, _ => OccupancyRole.Resident };
        var from = DateOnly.Parse(text[2..12], System.Globalization.CultureInfo.InvariantCulture);
        DateOnly? to = text.Length > 13 ? DateOnly.Parse(text[13..], System.Globalization.CultureInfo.InvariantCulture) : null;
        return new Occupancy(Guid.NewGuid(), Guid.NewGuid(), role, from, to);
    }

    internal static UnitCopy Unit(UnitType type, decimal area, string number = "1201") => UnitCopy.From(
        new UnitRegistered(Guid.NewGuid(), Now, PropertyId, Guid.NewGuid(), Guid.NewGuid(), "A座", number, 12, type, area));

    internal static FeeSchedule Schedule(UnitType type, decimal rate)
    {
        var schedule = FeeSchedule.Create(PropertyId, FeeItem.PropertyService, type, Now);
        schedule.SetRate(rate, new DateOnly(2026, 1, 1), Actor.System, Now);
        return schedule;
    }

    private static DateOnly? Day(string? text) => text is null ? null : DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
