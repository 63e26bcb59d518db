using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Billing.Domain;
using PropertyPlatform.Contracts.Billing;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Billing.Infrastructure;

/// <summary>
/// The database side of cashiers' days: the lock that makes cash taken and a day's close take turns, whether a day is
/// closed, and what a day's cash adds up to.
/// </summary>
public sealed class CashDays(BillingDbContext db, PropertyCalendar calendar)
{
    /// <summary>
    /// Inside a transaction: waits for a close of the cashier's day in progress, then answers 409 when the day
    /// <paramref name="at"/> falls in is closed (a closed day takes no more cash), or null.
    /// </summary>
    public async Task<ProblemHttpResult?> ClosedProblemAsync(Guid propertyId, Guid cashierId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var day = calendar.DayOf(at);
        return await IsClosedAsync(propertyId, cashierId, at, cancellationToken)
            ? ProblemResults.Conflict($"The cash day of {day:yyyy-MM-dd} is closed (日清日缴 done): it takes no more cash. Use another method, or take it tomorrow.")
            : null;
    }

    /// <summary>
    /// Inside a transaction: waits for a close of the cashier's day in progress (and keeps it from closing until the
    /// transaction ends), then answers whether the day <paramref name="at"/> falls in is closed.
    /// </summary>
    public async Task<bool> IsClosedAsync(Guid propertyId, Guid cashierId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var day = calendar.DayOf(at);
        await LockAsync(propertyId, cashierId, day, cancellationToken);
        return await db.CashDays.AnyAsync(d => d.PropertyId == propertyId && d.CashierId == cashierId && d.Day == day, cancellationToken);
    }

    /// <summary>
    /// Inside a transaction: waits for a close of the cashier's day in progress (and keeps the day from closing until the
    /// transaction ends), then answers 409 when cash taken at <paramref name="takenAt"/> belongs to a closed day: its slip
    /// is handed in, so the payment is not reversed nor its receipt voided (correct it by a new entry instead); null
    /// otherwise. Checking and reversing in one transaction under the day's lock: a close cannot slip in between.
    /// </summary>
    public async Task<ProblemHttpResult?> ClosedCashProblemAsync(
        Guid propertyId, Guid cashierId, PaymentMethod method, DateTimeOffset takenAt, CancellationToken cancellationToken)
    {
        if (method != PaymentMethod.Cash)
        {
            return null;
        }
        var day = calendar.DayOf(takenAt);
        await LockAsync(propertyId, cashierId, day, cancellationToken);
        return await db.CashDays.AnyAsync(d => d.PropertyId == propertyId && d.CashierId == cashierId && d.Day == day, cancellationToken)
            ? ProblemResults.Conflict($"This cash was handed in with the closed cash day of {day:yyyy-MM-dd}: it cannot be reversed or voided any more.")
            : null;
    }

    /// <summary>Until the transaction ends, no cash of the cashier's day is taken or given back and no one else closes it.</summary>
    public Task LockAsync(Guid propertyId, Guid cashierId, DateOnly day, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"SELECT pg_advisory_xact_lock(hashtextextended({$"cash-day:{propertyId}:{cashierId}:{day:yyyy-MM-dd}"}, 0))", cancellationToken);

    /// <summary>The cash receipts a cashier issued on a day (property time) and the cash deposits they took or refunded.</summary>
    public async Task<CashDaySummary> SummarizeAsync(Guid propertyId, Guid cashierId, string cashierName, DateOnly day, CancellationToken cancellationToken)
    {
        var (start, end) = calendar.DayBounds(day);
        var receipts = await db.Receipts.AsNoTracking()
            .Where(r => r.PropertyId == propertyId && r.CashierId == cashierId && r.Method == PaymentMethod.Cash && r.PaidAt >= start && r.PaidAt < end)
            .OrderBy(r => r.Sequence)
            .Select(r => new CashReceipt(r.Id, r.Number, r.UnitNumber, r.PayerName, r.Amount, r.Voided))
            .ToListAsync(cancellationToken);
        var deposits = await (from s in db.DepositSteps.AsNoTracking()
                              join d in db.Deposits on s.DepositId equals d.Id
                              where d.PropertyId == propertyId && s.ActorId == cashierId && s.Method == PaymentMethod.Cash
                                  && s.At >= start && s.At < end && s.Kind != DepositStepKind.Forfeited
                              orderby s.At
                              select new CashDepositStep(d.Id, d.UnitNumber, d.PayerName, s.Kind, s.Amount))
            .ToListAsync(cancellationToken);
        return new CashDaySummary(propertyId, cashierId, cashierName, day, receipts, deposits);
    }
}
