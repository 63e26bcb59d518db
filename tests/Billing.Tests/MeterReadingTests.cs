using PropertyPlatform.Billing.Domain;
using PropertyPlatform.Contracts.Billing;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;
using static PropertyPlatform.Billing.Tests.BillRunTests;

namespace PropertyPlatform.Billing.Tests;

/// <summary>Meter usage, refused and flagged readings, and metered bill lines — rule by rule, without a database.</summary>
public sealed class MeterReadingTests
{
    private static readonly Actor Reader = new(Guid.NewGuid(), "抄表员");

    private static readonly UnitCopy Flat = Unit(UnitType.Office, 100m);

    [Theory]
    [InlineData("100", "112.5", "12.5", "accepted")]
    [InlineData("100", "100", "0", "accepted")] // nothing used
    [InlineData("100", "130", "30", "accepted")] // exactly 3 × the average of 10: not flagged
    [InlineData("100", "130.01", "30.01", "flagged")] // more than 3 × the average: flagged
    public void Usage_is_the_reading_less_the_previous_and_a_jump_is_flagged(string previous, string current, string usage, string status)
    {
        var history = History(70m, 80m, 90m, D(previous)); // usages 10, 10, 10

        var reading = Read(D(current), history);

        reading.Usage.ShouldBe(D(usage));
        reading.Previous.ShouldBe(D(previous));
        reading.Status.ToString().ToLowerInvariant().ShouldBe(status);
        reading.Billable.ShouldBe(status == "accepted" && D(usage) > 0);
    }

    [Fact]
    public void A_reading_below_the_previous_is_refused()
    {
        var problem = Should.Throw<DomainRuleException>(() => Read(99.9m, History(100m)));
        problem.Message.ShouldContain("below");
    }

    [Fact]
    public void A_meters_first_reading_is_its_baseline_and_bills_nothing()
    {
        var first = Read(5000m, []);

        (first.Usage, first.Previous, first.Billable).ShouldBe((null, null, false));
    }

    [Fact]
    public void A_confirmed_flagged_reading_is_billed_and_only_a_flagged_one_is_confirmed()
    {
        var reading = Read(500m, History(90m, 100m));
        reading.Status.ShouldBe(MeterReadingStatus.Flagged);

        reading.Confirm(Reader, Now);

        (reading.Status, reading.Billable).ShouldBe((MeterReadingStatus.Confirmed, true));
        Should.Throw<DomainRuleException>(() => reading.Confirm(Reader, Now));
    }

    [Fact]
    public void A_billable_reading_of_the_period_is_a_line_of_usage_times_the_rate_payable_by_whoever_held_the_unit_that_day()
    {
        var water = FeeSchedule.Create(PropertyId, FeeItem.Water, null, Now);
        water.SetRate(4.2m, new DateOnly(2026, 1, 1), Actor.System, Now);
        var reading = Read(112.35m, History(100m)); // 12.35 m³ × 4.2 = 51.87
        var tenant = new Occupancy(Guid.NewGuid(), Guid.NewGuid(), OccupancyRole.Tenant, new DateOnly(2026, 1, 1), null);

        var run = BillRun.Plan(new BillingPeriod(2026, 7), [Flat], [water], new[] { tenant }.ToLookup(_ => Flat.Id), NothingBilled, [reading]);

        var line = run.Lines.Single(l => l.Item == FeeItem.Water);
        (line.Amount, line.SourceId, line.PayerId).ShouldBe((51.87m, reading.Id, (Guid?)tenant.PayerId));
        line.Description.ShouldContain("12.35");
        // Another month's run does not charge it; a rerun finds it billed.
        BillRun.Plan(new BillingPeriod(2026, 8), [Flat], [water], NoOccupancies, NothingBilled, [reading]).Lines.ShouldBeEmpty();
        BillRun.Plan(new BillingPeriod(2026, 7), [Flat], [water], NoOccupancies,
            new HashSet<BilledKey> { new(Flat.Id, "2026-07", reading.Id, FeeItem.Water) }, [reading]).ToIssue.ShouldBeEmpty();
    }

    private static decimal D(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Readings on the 15th of March, April, May… in order, each on the one before.</summary>
    private static List<MeterReading> History(params decimal[] values)
    {
        var readings = new List<MeterReading>();
        for (var i = 0; i < values.Length; i++)
        {
            readings.Add(MeterReading.Record(Flat, FeeItem.Water, "1", new DateOnly(2026, 3 + i, 1), values[i], readings, null, Reader, Now));
        }
        return readings;
    }

    private static MeterReading Read(decimal value, IEnumerable<MeterReading> earlier) =>
        MeterReading.Record(Flat, FeeItem.Water, "1", new DateOnly(2026, 7, 15), value, earlier, null, Reader, Now);
}
