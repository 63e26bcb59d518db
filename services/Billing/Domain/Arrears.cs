namespace PropertyPlatform.Billing.Domain;

/// <summary>How long an amount has been overdue (账龄), in days after its due date.</summary>
public enum AgingBucket
{
    /// <summary>0–30 days (a line due today is 0 days overdue).</summary>
    Days0To30,
    Days31To90,
    Days91To180,
    Over180Days,
}

/// <summary>What of a line is open on a day, and for how long it has been due.</summary>
public sealed record OverdueAmount(Guid UnitId, Guid BuildingId, string BuildingName, string UnitNumber, DateOnly DueDate, decimal Amount);

/// <summary>Open amounts per aging bucket.</summary>
public sealed record AgingTotals(decimal Days0To30, decimal Days31To90, decimal Days91To180, decimal Over180Days)
{
    public static readonly AgingTotals Zero = new(0m, 0m, 0m, 0m);

    public decimal Total => Days0To30 + Days31To90 + Days91To180 + Over180Days;

    public AgingTotals Add(AgingBucket bucket, decimal amount) => bucket switch
    {
        AgingBucket.Days0To30 => this with { Days0To30 = Days0To30 + amount },
        AgingBucket.Days31To90 => this with { Days31To90 = Days31To90 + amount },
        AgingBucket.Days91To180 => this with { Days91To180 = Days91To180 + amount },
        _ => this with { Over180Days = Over180Days + amount },
    };
}

public sealed record UnitArrears(Guid UnitId, string UnitNumber, DateOnly OldestDueDate, AgingTotals Aging);

public sealed record BuildingArrears(Guid BuildingId, string BuildingName, AgingTotals Aging, IReadOnlyList<UnitArrears> Units);

/// <summary>
/// Arrears (欠费) on a day: what is open of the lines due by then, aged by days past the due date — 0–30, 31–90,
/// 91–180, over 180 — per unit and building. Lines not due yet are not arrears.
/// </summary>
public static class Arrears
{
    public static AgingBucket BucketOf(int daysOverdue) => daysOverdue switch
    {
        < 0 => throw new ArgumentOutOfRangeException(nameof(daysOverdue), daysOverdue, "Not due yet: not in arrears."),
        <= 30 => AgingBucket.Days0To30,
        <= 90 => AgingBucket.Days31To90,
        <= 180 => AgingBucket.Days91To180,
        _ => AgingBucket.Over180Days,
    };

    public static IReadOnlyList<BuildingArrears> Age(IEnumerable<OverdueAmount> amounts, DateOnly asOf) =>
        amounts.Where(a => a.Amount > 0 && a.DueDate <= asOf)
            .GroupBy(a => (a.BuildingId, a.BuildingName))
            .OrderBy(b => b.Key.BuildingName, StringComparer.Ordinal)
            .Select(building =>
            {
                var units = building.GroupBy(a => (a.UnitId, a.UnitNumber))
                    .OrderBy(u => u.Key.UnitNumber, StringComparer.Ordinal)
                    .Select(unit => new UnitArrears(unit.Key.UnitId, unit.Key.UnitNumber, unit.Min(a => a.DueDate),
                        unit.Aggregate(AgingTotals.Zero, (totals, a) => totals.Add(BucketOf(asOf.DayNumber - a.DueDate.DayNumber), a.Amount))))
                    .ToList();
                var totals = units.Aggregate(AgingTotals.Zero, (sum, u) => new AgingTotals(
                    sum.Days0To30 + u.Aging.Days0To30, sum.Days31To90 + u.Aging.Days31To90,
                    sum.Days91To180 + u.Aging.Days91To180, sum.Over180Days + u.Aging.Over180Days));
                return new BuildingArrears(building.Key.BuildingId, building.Key.BuildingName, totals, units);
            })
            .ToList();

    /// <summary>
    /// The collection rate (收缴率) of a period: paid ÷ billed of the period's lines, as a fraction rounded half-up to four
    /// decimals (0.9532 = 95.32%); null when nothing was billed.
    /// </summary>
    public static decimal? CollectionRate(decimal billed, decimal collected) =>
        billed == 0 ? null : Math.Round(collected / billed, 4, MidpointRounding.AwayFromZero);
}
