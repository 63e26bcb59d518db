using PropertyPlatform.Contracts.Billing;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.LocalCopies;

namespace PropertyPlatform.Billing.Domain;

/// <summary>A unit's occupancy as far as Billing knows it: who pays, from and until which day (null: open).</summary>
public sealed record Occupancy(Guid? PayerId, DateOnly? From, DateOnly? To);

/// <summary>A line a bill run would issue.</summary>
public sealed record PlannedLine(UnitCopy Unit, Guid? PayerId, FeeItem Item, string Description, decimal Amount, int DaysCharged, bool AlreadyBilled);

/// <summary>A unit a bill run cannot charge, and why (no rate in effect, not held in the period).</summary>
public sealed record SkippedUnit(UnitCopy Unit, string Reason);

/// <summary>
/// A bill run (收费批次) for a property and month: the property-service fee of every unit Billing knows, at the rate in
/// effect on the period's first day, prorated by day for an occupancy that starts or ends within the month. The plan
/// is pure; committing issues the planned lines that are not billed yet, so a rerun adds nothing.
/// </summary>
public sealed class BillRun
{
    private BillRun(BillingPeriod period, IReadOnlyList<PlannedLine> lines, IReadOnlyList<SkippedUnit> skipped)
    {
        Period = period;
        Lines = lines;
        Skipped = skipped;
    }

    public BillingPeriod Period { get; }

    public IReadOnlyList<PlannedLine> Lines { get; }

    public IReadOnlyList<SkippedUnit> Skipped { get; }

    public IEnumerable<PlannedLine> ToIssue => Lines.Where(l => !l.AlreadyBilled);

    /// <summary>
    /// Payment notices for next month go out on the 25th and are paid in advance: a run's lines are due on the period's
    /// first day, and count as arrears from then on.
    /// </summary>
    public static DateOnly DueDateOf(BillingPeriod period) => period.FirstDay;

    /// <param name="period">The month charged.</param>
    /// <param name="units">The property's units.</param>
    /// <param name="schedules">The property's property-service schedules with their rates.</param>
    /// <param name="occupancies">Known occupancies by unit; a unit without one is charged the whole month.</param>
    /// <param name="billed">Units already billed the property-service fee for the period.</param>
    public static BillRun Plan(
        BillingPeriod period, IEnumerable<UnitCopy> units, IEnumerable<FeeSchedule> schedules,
        IReadOnlyDictionary<Guid, Occupancy> occupancies, IReadOnlySet<Guid> billed)
    {
        var byType = schedules.Where(s => s.Item == FeeItem.PropertyService && s.UnitType is not null)
            .ToDictionary(s => s.UnitType!.Value);
        var lines = new List<PlannedLine>();
        var skipped = new List<SkippedUnit>();
        foreach (var unit in units.OrderBy(u => u.BuildingName, StringComparer.Ordinal).ThenBy(u => u.Number, StringComparer.Ordinal))
        {
            if (unit.Type == UnitType.ParkingSpace)
            {
                continue; // charged the parking fee, not the property-service fee
            }
            var rate = byType.GetValueOrDefault(unit.Type)?.RateOn(period.FirstDay);
            if (rate is null)
            {
                skipped.Add(new SkippedUnit(unit, $"No property-service rate for this unit type is in effect on {period.FirstDay:yyyy-MM-dd}."));
                continue;
            }

            var occupancy = occupancies.GetValueOrDefault(unit.Id);
            var days = Proration.DaysHeld(period, occupancy?.From, occupancy?.To);
            if (days == 0)
            {
                skipped.Add(new SkippedUnit(unit, "Not held by the occupant in this period."));
                continue;
            }
            var amount = Proration.Prorate(rate.Rate * unit.ChargeableArea, period, occupancy?.From, occupancy?.To);
            if (amount == 0)
            {
                skipped.Add(new SkippedUnit(unit, "The charge comes to nothing (no chargeable area or a zero rate)."));
                continue;
            }
            var description = days == period.Days
                ? $"物业服务费 {period} {unit.ChargeableArea}㎡ × {rate.Rate}元/㎡"
                : $"物业服务费 {period} {unit.ChargeableArea}㎡ × {rate.Rate}元/㎡ × {days}/{period.Days}天";
            lines.Add(new PlannedLine(unit, occupancy?.PayerId, FeeItem.PropertyService, description, amount, days, billed.Contains(unit.Id)));
        }
        return new BillRun(period, lines, skipped);
    }
}
