using PropertyPlatform.Contracts.Billing;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.LocalCopies;

namespace PropertyPlatform.Billing.Domain;

/// <summary>
/// A unit's occupancy as a bill run sees it: who holds it (<paramref name="PayerId"/>), in which role, from and until
/// which day (<paramref name="To"/> null: still held), and how often they are billed.
/// </summary>
public sealed record Occupancy(Guid Id, Guid PayerId, OccupancyRole Role, DateOnly From, DateOnly? To, BillingCycle Cycle = BillingCycle.Monthly)
{
    public bool Holds(DateOnly day) => From <= day && (To is not { } end || day <= end);

    public static Occupancy Of(OccupancyCopy copy) =>
        new(copy.Id, copy.OccupantId, copy.Role, copy.StartDate, copy.EndDate, copy.BillingCycle);
}

/// <summary>
/// A line already issued: its unit, period, source (the paying occupancy, empty when issued without a payer; the meter
/// reading of a metered charge) and fee item.
/// </summary>
public readonly record struct BilledKey(Guid UnitId, string Period, Guid SourceId, FeeItem Item = FeeItem.PropertyService);

/// <summary>A line a bill run would issue. <paramref name="SourceId"/> is the paying occupancy (empty when none is known).</summary>
public sealed record PlannedLine(
    UnitCopy Unit, Guid? PayerId, BillingPeriod Period, FeeItem Item, Guid SourceId, string Description, decimal Amount, int DaysCharged,
    bool AlreadyBilled);

/// <summary>A unit a bill run cannot charge, and why (no rate in effect, not held in the period).</summary>
public sealed record SkippedUnit(UnitCopy Unit, string Reason);

/// <summary>
/// A bill run (收费批次) for a property and month: the property-service fee of every unit Billing knows (the parking
/// fee of every rented parking space), at the rate in effect on the charged month's first day. Each month is billed
/// to whoever pays for the unit day by day — its tenant while it has one, else its owner (residents do not pay) — and
/// prorated by day for a move-in or move-out within the month. Quarterly payers are billed the whole quarter by the
/// run of the quarter's first month. The plan is pure; committing issues the planned lines not billed yet, so a
/// rerun adds nothing.
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

    /// <summary>The run with more lines (its late fees).</summary>
    public BillRun With(IEnumerable<PlannedLine> more) => new(Period, [.. Lines, .. more], Skipped);

    /// <summary>
    /// The late-fee lines (滞纳金) of a run: one per overdue line whose fee is still to be charged, for the run's period
    /// (the overdue line is the line's source in the unique key, so a rerun charges it once per period);
    /// a line charged in this period already is listed as billed.
    /// </summary>
    public static IEnumerable<PlannedLine> LateFeeLines(
        BillingPeriod period, IReadOnlyDictionary<Guid, UnitCopy> units, IEnumerable<(Guid Source, Guid UnitId, Guid? PayerId, string Description, int Days, decimal Due)> owed,
        IReadOnlyDictionary<Guid, decimal> chargedThisPeriod)
    {
        foreach (var o in owed)
        {
            if (!units.TryGetValue(o.UnitId, out var unit))
            {
                continue;
            }
            if (chargedThisPeriod.TryGetValue(o.Source, out var charged))
            {
                yield return new PlannedLine(unit, o.PayerId, period, FeeItem.LateFee, o.Source, $"滞纳金: {o.Description}", charged, o.Days, AlreadyBilled: true);
            }
            else if (o.Due > 0)
            {
                yield return new PlannedLine(unit, o.PayerId, period, FeeItem.LateFee, o.Source, $"滞纳金（逾期 {o.Days} 天计）: {o.Description}", o.Due, o.Days,
                    AlreadyBilled: false);
            }
        }
    }

    /// <summary>
    /// Payment notices for next month go out on the 25th and are paid in advance: a run's lines (a quarterly payer's
    /// three months too) are due on the run's period's first day, and count as arrears from then on.
    /// </summary>
    public static DateOnly DueDateOf(BillingPeriod period) => period.FirstDay;

    /// <summary>The months a run of <paramref name="period"/> charges: the month, and for quarterly payers at a quarter's start the quarter.</summary>
    public static IEnumerable<BillingPeriod> MonthsCharged(BillingPeriod period)
    {
        yield return period;
        if (period.Month % 3 == 1)
        {
            yield return period.Next();
            yield return period.Next().Next();
        }
    }

    /// <summary>
    /// Who pays for the unit on each day of <paramref name="period"/> and for how many days: its tenant while one holds
    /// it, else its owner; residents never. Ordered by the first day paid.
    /// </summary>
    public static IReadOnlyList<(Occupancy Payer, int Days)> Payers(BillingPeriod period, IEnumerable<Occupancy> ofUnit)
    {
        var paying = ofUnit.Where(o => o.Role is OccupancyRole.Tenant or OccupancyRole.Owner).ToList();
        var days = new List<(Occupancy Payer, int Days)>();
        for (var day = period.FirstDay; day <= period.LastDay; day = day.AddDays(1))
        {
            var payer = PayerOn(day, paying);
            if (payer is null)
            {
                continue;
            }
            var index = days.FindIndex(d => d.Payer == payer);
            if (index < 0)
            {
                days.Add((payer, 1));
            }
            else
            {
                days[index] = (payer, days[index].Days + 1);
            }
        }
        return days;
    }

    /// <summary>Who pays for the unit on <paramref name="day"/>: the tenant holding it, else its owner, else nobody.</summary>
    public static Occupancy? PayerOn(DateOnly day, IEnumerable<Occupancy> ofUnit)
    {
        var holding = ofUnit.Where(o => o.Holds(day)).ToList();
        return holding.Where(o => o.Role == OccupancyRole.Tenant).MaxBy(o => o.From)
            ?? holding.Where(o => o.Role == OccupancyRole.Owner).MaxBy(o => o.From);
    }

    /// <param name="period">The month charged.</param>
    /// <param name="units">The property's units.</param>
    /// <param name="schedules">The property's property-service and parking schedules with their rates.</param>
    /// <param name="occupancies">Known occupancies by unit; a unit without any is charged the whole month with no payer.</param>
    /// <param name="billed">Lines issued already.</param>
    /// <param name="readings">The property's meter readings; the period's billable ones are charged.</param>
    public static BillRun Plan(
        BillingPeriod period, IEnumerable<UnitCopy> units, IEnumerable<FeeSchedule> schedules,
        ILookup<Guid, Occupancy> occupancies, IReadOnlySet<BilledKey> billed, IEnumerable<MeterReading>? readings = null)
    {
        var schedulesList = schedules.ToList();
        var byType = schedulesList.Where(s => s.Item == FeeItem.PropertyService && s.UnitType is not null)
            .ToDictionary(s => s.UnitType!.Value);
        var parking = schedulesList.FirstOrDefault(s => s.Item == FeeItem.Parking);
        // A unit billed without a payer for a month stays billed for it, whoever turns out to pay later.
        var billedMonths = billed.Where(b => b.Item is FeeItem.PropertyService or FeeItem.Parking).Select(b => (b.UnitId, b.Period)).ToHashSet();
        var lines = new List<PlannedLine>();
        var skipped = new List<SkippedUnit>();
        foreach (var unit in units.OrderBy(u => u.BuildingName, StringComparer.Ordinal).ThenBy(u => u.Number, StringComparer.Ordinal))
        {
            var isParking = unit.Type == UnitType.ParkingSpace;
            var known = occupancies[unit.Id].ToList();
            if (isParking && known.Count == 0)
            {
                continue; // a space nobody rents is charged nothing
            }
            var item = isParking ? FeeItem.Parking : FeeItem.PropertyService;
            var added = 0;
            string? reason = null;
            foreach (var month in MonthsCharged(period))
            {
                var rate = (isParking ? parking : byType.GetValueOrDefault(unit.Type))?.RateOn(month.FirstDay);
                if (rate is null)
                {
                    reason ??= isParking
                        ? $"No parking rate is in effect on {month.FirstDay:yyyy-MM-dd}."
                        : $"No property-service rate for this unit type is in effect on {month.FirstDay:yyyy-MM-dd}.";
                    continue;
                }
                var monthly = isParking ? rate.Rate : rate.Rate * unit.ChargeableArea;
                var what = isParking ? $"车位费 {month} {rate.Rate}元/月" : $"物业服务费 {month} {unit.ChargeableArea}㎡ × {rate.Rate}元/㎡";

                if (known.Count == 0)
                {
                    if (month != period)
                    {
                        continue; // without a payer there is no quarterly cycle
                    }
                    var whole = Money.RoundToFen(monthly);
                    if (whole == 0)
                    {
                        reason ??= "The charge comes to nothing (no chargeable area or a zero rate).";
                        continue;
                    }
                    lines.Add(new PlannedLine(unit, null, month, item, Guid.Empty, what, whole, month.Days,
                        billedMonths.Contains((unit.Id, month.ToString()))));
                    added++;
                    continue;
                }

                foreach (var (payer, days) in Payers(month, known))
                {
                    // The run's own month bills every payer; the quarter's later months only quarterly payers.
                    if (month != period && payer.Cycle != BillingCycle.Quarterly)
                    {
                        continue;
                    }
                    var amount = Proration.ProrateDays(monthly, month, days);
                    if (amount == 0)
                    {
                        reason ??= "The charge comes to nothing (no chargeable area or a zero rate).";
                        continue;
                    }
                    var description = days == month.Days ? what : $"{what} × {days}/{month.Days}天";
                    var key = new BilledKey(unit.Id, month.ToString(), payer.Id, item);
                    var already = billed.Contains(key) || billed.Contains(key with { SourceId = Guid.Empty });
                    lines.Add(new PlannedLine(unit, payer.PayerId, month, item, payer.Id, description, amount, days, already));
                    added++;
                }
            }
            if (added == 0)
            {
                skipped.Add(new SkippedUnit(unit, reason ?? "No owner or tenant holds this unit in the period."));
            }
        }
        PlanMetered(period, units, schedulesList, occupancies, billed, readings ?? [], lines, skipped);
        return new BillRun(period, lines, skipped);
    }

    /// <summary>Only the period's metered charges (the scheduler's run after readings close on the 15th).</summary>
    public static BillRun PlanMetered(
        BillingPeriod period, IEnumerable<UnitCopy> units, IEnumerable<FeeSchedule> schedules, ILookup<Guid, Occupancy> occupancies,
        IReadOnlySet<BilledKey> billed, IEnumerable<MeterReading> readings)
    {
        var lines = new List<PlannedLine>();
        var skipped = new List<SkippedUnit>();
        PlanMetered(period, units, schedules.ToList(), occupancies, billed, readings, lines, skipped);
        return new BillRun(period, lines, skipped);
    }

    /// <summary>
    /// Metered charges (水费, 电费): each billable reading of the period is a line of its usage × the rate in effect on the
    /// day it was read, payable by whoever paid for the unit that day.
    /// </summary>
    private static void PlanMetered(
        BillingPeriod period, IEnumerable<UnitCopy> units, List<FeeSchedule> schedules, ILookup<Guid, Occupancy> occupancies,
        IReadOnlySet<BilledKey> billed, IEnumerable<MeterReading> readings, List<PlannedLine> lines, List<SkippedUnit> skipped)
    {
        var byId = units.ToDictionary(u => u.Id);
        var periodText = period.ToString();
        foreach (var reading in readings.Where(r => r.Period == periodText && r.Billable)
                     .OrderBy(r => r.BuildingName, StringComparer.Ordinal).ThenBy(r => r.UnitNumber, StringComparer.Ordinal).ThenBy(r => r.Item).ThenBy(r => r.Meter))
        {
            if (!byId.TryGetValue(reading.UnitId, out var unit))
            {
                continue;
            }
            var (name, measure) = reading.Item == FeeItem.Water ? ("水费", "m³") : ("电费", "kWh");
            var rate = schedules.FirstOrDefault(s => s.Item == reading.Item)?.RateOn(reading.ReadOn);
            if (rate is null)
            {
                skipped.Add(new SkippedUnit(unit, $"No {(reading.Item == FeeItem.Water ? "water" : "electricity")} rate is in effect on {reading.ReadOn:yyyy-MM-dd}."));
                continue;
            }
            var amount = Money.RoundToFen(reading.Usage!.Value * rate.Rate);
            if (amount == 0)
            {
                continue;
            }
            var payer = PayerOn(reading.ReadOn, occupancies[unit.Id]);
            var description = $"{name} {periodText} 表{reading.Meter} {reading.Previous}→{reading.Value} 用量{reading.Usage}{measure} × {rate.Rate}元/{measure}";
            lines.Add(new PlannedLine(unit, payer?.PayerId, period, reading.Item, reading.Id, description, amount, 0,
                billed.Contains(new BilledKey(unit.Id, periodText, reading.Id, reading.Item))));
        }
    }
}
