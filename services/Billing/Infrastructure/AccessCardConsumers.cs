using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Billing.Domain;
using PropertyPlatform.Contracts.Billing;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Contracts.Reception;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Messaging;

namespace PropertyPlatform.Billing.Infrastructure;

/// <summary>
/// An access card (出入证) issued at the front desk: its deposit is owed by the unit until the cashier takes it. Once per
/// card: the inbox skips a redelivery, and the card's event published again finds its deposit and adds none.
/// </summary>
public sealed class AccessCardIssuedConsumer(BillingDbContext db, TimeProvider time, PropertyCalendar calendar)
    : IdempotentConsumer<AccessCardIssued, BillingDbContext>(db, time)
{
    protected override async Task HandleAsync(AccessCardIssued message, CancellationToken cancellationToken)
    {
        if (await Db.Deposits.AnyAsync(d => d.AccessCardId == message.AccessCardId, cancellationToken) || message.Deposit <= 0)
        {
            return; // known already, or a card issued without a deposit
        }
        // Directory's unit event may not have arrived yet: failing lets MassTransit retry instead of dropping the deposit.
        var unit = await Db.Units.FindAsync([message.UnitId], cancellationToken);
        if (unit is null || unit.PropertyId != message.PropertyId)
        {
            throw new InvalidOperationException(
                $"Access card {message.CardNumber} is for unit {message.UnitId} of property {message.PropertyId}, which Billing does not know (yet).");
        }
        // The unit owes it: its tenant that day, else its owner, as for the unit's bills; the holder is named on it.
        var day = calendar.DayOf(message.OccurredAt);
        var occupancies = await Db.Occupancies.AsNoTracking().Where(o => o.UnitId == unit.Id).ToListAsync(cancellationToken);
        var payer = occupancies.Where(o => o.Pays && o.Holds(day)).OrderBy(o => o.Role == OccupancyRole.Tenant ? 0 : 1).FirstOrDefault();
        var payerName = string.IsNullOrWhiteSpace(message.Company) ? message.HolderName : $"{message.Company} {message.HolderName}";
        Db.Deposits.Add(Deposit.Owe(unit, payer?.OccupantId, payerName, Money.RoundToFen(message.Deposit), message.AccessCardId, message.CardNumber,
            message.OccurredAt));
    }
}

/// <summary>
/// The card came back: its deposit is refunded (or, never paid, owed no more). Cash refunded at the desk counts in that
/// person's cash day; when that day is closed already, the refund is left due for a cashier instead of failing.
/// </summary>
public sealed class AccessCardReturnedConsumer(BillingDbContext db, TimeProvider time, CashDays cashDays)
    : IdempotentConsumer<AccessCardReturned, BillingDbContext>(db, time)
{
    protected override async Task HandleAsync(AccessCardReturned message, CancellationToken cancellationToken)
    {
        var deposit = await AccessCardDeposits.LockedAsync(Db, message.AccessCardId, message.CardNumber, cancellationToken);
        // Under the day's lock, as a cashier's cash: a close committing now cannot miss this refund nor take it after.
        var closed = deposit.Status == DepositStatus.Held && deposit.PaidWith == PaymentMethod.Cash
            && await cashDays.IsClosedAsync(deposit.PropertyId, message.ActorId, message.OccurredAt, cancellationToken);
        deposit.CardReturned(new Actor(message.ActorId, message.ActorName), message.OccurredAt, closed);
    }
}

/// <summary>The card was reported lost: its deposit is kept (or kept as soon as it is paid).</summary>
public sealed class AccessCardLostConsumer(BillingDbContext db, TimeProvider time) : IdempotentConsumer<AccessCardLost, BillingDbContext>(db, time)
{
    protected override async Task HandleAsync(AccessCardLost message, CancellationToken cancellationToken)
    {
        var deposit = await AccessCardDeposits.LockedAsync(Db, message.AccessCardId, message.CardNumber, cancellationToken);
        deposit.CardReportedLost(message.Note, new Actor(message.ActorId, message.ActorName), message.OccurredAt);
    }
}

internal static class AccessCardDeposits
{
    /// <summary>
    /// The card's deposit, its row locked (a cashier refunding it at the same moment waits). A card Billing has not heard
    /// of fails the message so it is retried: its issue may still be on its way.
    /// </summary>
    public static async Task<Deposit> LockedAsync(BillingDbContext db, Guid accessCardId, string cardNumber, CancellationToken cancellationToken)
    {
        var locked = await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM deposits WHERE access_card_id = {accessCardId} FOR UPDATE")
            .ToListAsync(cancellationToken);
        if (locked.Count == 0)
        {
            throw new InvalidOperationException($"Billing has no deposit of access card {cardNumber} (yet): its issue may not have arrived.");
        }
        return await db.Deposits.Include(d => d.Steps).SingleAsync(d => d.Id == locked[0], cancellationToken);
    }
}
