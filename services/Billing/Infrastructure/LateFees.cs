using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Billing.Domain;
using PropertyPlatform.Contracts.Billing;

namespace PropertyPlatform.Billing.Infrastructure;

/// <summary>
/// A line's late fee (滞纳金) on a day: how many days past the grace period, what it has accrued in all, what late-fee
/// lines charged for it before, and what is still to be charged (<c>Due</c>).
/// </summary>
public sealed record LateFeeOwed(
    Guid BillLineId, Guid UnitId, Guid? PayerId, string Period, FeeItem Item, string Description, DateOnly DueDate, decimal Open,
    int DaysCharged, decimal Accrued, decimal ChargedBefore, decimal Due);

/// <summary>Late fees of a property's open lines under its rule in effect on a day, for the bills, the arrears and the bill run.</summary>
public static class LateFees
{
    public static async Task<IReadOnlyList<LateFeeOwed>> OwedAsync(
        BillingDbContext db, Guid propertyId, Guid? unitId, DateOnly asOf, CancellationToken cancellationToken)
    {
        var rules = await db.LateFeeRules.AsNoTracking().Where(r => r.PropertyId == propertyId).ToListAsync(cancellationToken);
        if (LateFeeRule.InEffect(rules, asOf) is not { } rule)
        {
            return [];
        }
        var lines = db.BillLines.AsNoTracking().Where(l => l.PropertyId == propertyId);
        if (unitId is not null)
        {
            lines = lines.Where(l => l.UnitId == unitId);
        }
        // A late fee accrues on the charges, never on another late fee.
        var open = await lines.Where(l => l.Status == BillLineStatus.Open && l.Item != FeeItem.LateFee && l.DueDate < asOf)
            .ToListAsync(cancellationToken);
        var charged = (await lines.Where(l => l.Item == FeeItem.LateFee).Select(l => new { l.SourceId, l.Amount }).ToListAsync(cancellationToken))
            .GroupBy(l => l.SourceId).ToDictionary(g => g.Key, g => g.Sum(l => l.Amount));
        return BillLine.OldestFirst(open)
            .Select(l =>
            {
                var before = charged.GetValueOrDefault(l.Id);
                return new LateFeeOwed(l.Id, l.UnitId, l.PayerId, l.Period, l.Item, l.Description, l.DueDate, l.AmountOpen,
                    rule.DaysCharged(l.DueDate, asOf), rule.Accrued(l.AmountOpen, l.DueDate, asOf), before, rule.Due(l.AmountOpen, l.DueDate, asOf, before));
            })
            .Where(o => o.Accrued > 0)
            .ToList();
    }
}
