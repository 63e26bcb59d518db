using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Billing.Domain;

namespace PropertyPlatform.Billing.Infrastructure;

/// <summary>The last receipt number handed out per property and series (table <c>receipt_counters</c>).</summary>
public sealed class ReceiptCounter
{
    public Guid PropertyId { get; init; }

    public string Series { get; init; } = "";

    public int LastSequence { get; init; }
}

/// <summary>
/// The database side of a unit's account: the lock that makes its payments, reversals and credit take turns, credit
/// applied to new lines, and receipt numbers.
/// </summary>
public sealed class UnitAccounts(BillingDbContext db)
{
    /// <summary>
    /// Waits until no other transaction works on the unit's account (two cashiers paying the same bills), until this
    /// transaction ends. Call inside a transaction.
    /// </summary>
    public Task LockAsync(Guid unitId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({$"unit-account:{unitId}"}, 0))", cancellationToken);

    /// <summary>
    /// The next number of a property's receipt series, bumped in the caller's transaction: a rolled-back payment gives it
    /// back, and concurrent payments wait on the counter row, so numbers run without gaps or repeats.
    /// </summary>
    public async Task<int> NextReceiptSequenceAsync(Guid propertyId, string series, CancellationToken cancellationToken) =>
        // ToListAsync, not SingleAsync: EF must not wrap an INSERT in a sub-select.
        (await db.Database.SqlQuery<int>($"""
            INSERT INTO receipt_counters (property_id, series, last_sequence) VALUES ({propertyId}, {series}, 1)
            ON CONFLICT (property_id, series) DO UPDATE SET last_sequence = receipt_counters.last_sequence + 1
            RETURNING last_sequence AS "Value"
            """).ToListAsync(cancellationToken)).Single();

    /// <summary>The open lines of a unit, tracked, for paying them.</summary>
    public Task<List<BillLine>> OpenLinesAsync(Guid unitId, CancellationToken cancellationToken) =>
        db.BillLines.Where(l => l.UnitId == unitId && l.Status == BillLineStatus.Open).ToListAsync(cancellationToken);

    /// <summary>
    /// Pays the open lines of <paramref name="unitIds"/> from the credit their earlier payments left, each unit under its
    /// lock, and saves. Call inside a transaction, after the new lines are saved.
    /// </summary>
    public async Task ApplyCreditsAsync(IReadOnlyCollection<Guid> unitIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = unitIds.ToList();
        var withCredit = await db.Payments
            .Where(p => ids.Contains(p.UnitId) && p.Status == PaymentStatus.Received
                && p.Amount > p.Allocations.Where(a => a.UndoneAt == null).Sum(a => a.Amount))
            .Select(p => p.UnitId).Distinct().ToListAsync(cancellationToken);
        foreach (var unitId in withCredit.Order())
        {
            await LockAsync(unitId, cancellationToken);
            var payments = await db.Payments.Include(p => p.Allocations)
                .Where(p => p.UnitId == unitId && p.Status == PaymentStatus.Received).ToListAsync(cancellationToken);
            UnitAccount.ApplyCredit(payments, await OpenLinesAsync(unitId, cancellationToken), now);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>What a unit's payments have left over for later lines.</summary>
    public async Task<decimal> CreditOfAsync(Guid unitId, CancellationToken cancellationToken) =>
        await db.Payments.Where(p => p.UnitId == unitId && p.Status == PaymentStatus.Received)
            .SumAsync(p => p.Amount - p.Allocations.Where(a => a.UndoneAt == null).Sum(a => a.Amount), cancellationToken);
}
