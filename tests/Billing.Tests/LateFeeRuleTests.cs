using PropertyPlatform.Billing.Domain;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Billing.Tests;

/// <summary>The late-fee rule (滞纳金): rate per day after a grace period, capped, exact to the fen — rule by rule.</summary>
public sealed class LateFeeRuleTests
{
    private static readonly DateOnly Due = new(2026, 7, 1);

    /// <summary>万分之五 a day after 10 days' grace, at most 10% of what is open.</summary>
    private static readonly LateFeeRule Rule = LateFeeRule.Set(BillRunTests.PropertyId, 0.0005m, 10, 0.1m, new DateOnly(2026, 1, 1), Actor.System, BillRunTests.Now);

    [Theory]
    [InlineData("2026-07-01", 0)] // the due day itself
    [InlineData("2026-07-11", 0)] // the 10th day late: still in the grace period
    [InlineData("2026-07-12", 1)] // the first day after it
    [InlineData("2026-07-31", 20)]
    [InlineData("2026-06-20", 0)] // not due yet
    public void Only_days_after_the_grace_period_are_charged(string asOf, int days) =>
        Rule.DaysCharged(Due, DateOnly.Parse(asOf)).ShouldBe(days);

    [Fact]
    public void The_fee_is_the_open_amount_times_the_daily_rate_times_the_days_rounded_half_up_to_the_fen_once()
    {
        // 421.93 × 0.0005 × 20 = 4.2193 → 4.22
        Rule.Accrued(421.93m, Due, new DateOnly(2026, 7, 31)).ShouldBe(4.22m);
        // 100.10 × 0.0005 × 1 = 0.05005 → 0.05
        Rule.Accrued(100.10m, Due, new DateOnly(2026, 7, 12)).ShouldBe(0.05m);
        // 9 × 0.0005 × 1 = 0.0045 → 0.00: below half a fen accrues nothing yet
        Rule.Accrued(9m, Due, new DateOnly(2026, 7, 12)).ShouldBe(0m);
        // 10 × 0.0005 × 1 = 0.005 → 0.01: exactly half a fen goes up
        Rule.Accrued(10m, Due, new DateOnly(2026, 7, 12)).ShouldBe(0.01m);
    }

    [Fact]
    public void The_fee_never_exceeds_the_cap_of_the_open_amount()
    {
        // 300 days after the grace: 421.93 × 0.0005 × 300 = 63.29, but at most 10% of 421.93 = 42.193 → 42.19.
        Rule.Accrued(421.93m, Due, Due.AddDays(310)).ShouldBe(42.19m);
        Rule.Accrued(421.93m, Due, Due.AddDays(1000)).ShouldBe(42.19m);
    }

    [Fact]
    public void Nothing_accrues_on_nothing_open()
    {
        Rule.Accrued(0m, Due, Due.AddDays(100)).ShouldBe(0m);
    }

    [Fact]
    public void What_is_due_is_what_accrued_less_what_late_fee_lines_charged_before_never_below_zero()
    {
        var asOf = new DateOnly(2026, 7, 31); // 4.22 accrued
        Rule.Due(421.93m, Due, asOf, chargedBefore: 0m).ShouldBe(4.22m);
        Rule.Due(421.93m, Due, asOf, chargedBefore: 1.05m).ShouldBe(3.17m);
        // Paid in part since: it accrued less than was charged before; nothing more is due, nothing is given back.
        Rule.Due(100m, Due, asOf, chargedBefore: 4.22m).ShouldBe(0m);
    }

    [Fact]
    public void Charging_the_difference_each_period_adds_up_to_the_fee_accrued_exact_to_the_fen()
    {
        var charged = 0m;
        foreach (var asOf in new[] { new DateOnly(2026, 7, 25), new DateOnly(2026, 8, 25), new DateOnly(2026, 9, 25) })
        {
            charged += Rule.Due(333.33m, Due, asOf, charged);
        }
        charged.ShouldBe(Rule.Accrued(333.33m, Due, new DateOnly(2026, 9, 25)));
    }

    [Fact]
    public void The_rule_in_effect_is_the_latest_effective_on_or_before_the_day()
    {
        var later = LateFeeRule.Set(BillRunTests.PropertyId, 0.001m, 0, 1m, new DateOnly(2026, 9, 1), Actor.System, BillRunTests.Now);
        LateFeeRule.InEffect([Rule, later], new DateOnly(2026, 8, 31)).ShouldBe(Rule);
        LateFeeRule.InEffect([Rule, later], new DateOnly(2026, 9, 1)).ShouldBe(later);
        LateFeeRule.InEffect([Rule, later], new DateOnly(2025, 12, 31)).ShouldBeNull();
    }

    [Theory]
    [InlineData(0, 10, 0.1)]
    [InlineData(-0.0005, 10, 0.1)]
    [InlineData(0.02, 10, 0.1)] // above 1% a day
    [InlineData(0.0000005, 10, 0.1)] // seven decimals
    [InlineData(0.0005, -1, 0.1)]
    [InlineData(0.0005, 366, 0.1)]
    [InlineData(0.0005, 10, 0)]
    [InlineData(0.0005, 10, 1.5)]
    public void A_rule_out_of_bounds_is_refused(double rate, int grace, double cap) =>
        Should.Throw<DomainRuleException>(() =>
            LateFeeRule.Set(BillRunTests.PropertyId, (decimal)rate, grace, (decimal)cap, new DateOnly(2026, 1, 1), Actor.System, BillRunTests.Now));
}
