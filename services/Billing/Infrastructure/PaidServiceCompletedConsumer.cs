using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Billing.Domain;
using PropertyPlatform.Contracts.Billing;
using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Messaging;

namespace PropertyPlatform.Billing.Infrastructure;

/// <summary>
/// Charges a completed paid service (特约服务) to its unit: one bill line for the month it was completed, due that day,
/// payable by the occupant who asked for it. Once per work order: the inbox skips a redelivery, and a second event
/// about the same order (published again under a new id) finds its line and adds none.
/// </summary>
public sealed class PaidServiceCompletedConsumer(BillingDbContext db, TimeProvider time, PropertyCalendar calendar, UnitAccounts accounts)
    : IdempotentConsumer<PaidServiceCompleted, BillingDbContext>(db, time)
{
    protected override async Task HandleAsync(PaidServiceCompleted message, CancellationToken cancellationToken)
    {
        if (await Db.BillLines.AnyAsync(l => l.Item == FeeItem.PaidService && l.SourceId == message.WorkOrderId, cancellationToken))
        {
            return;
        }
        var amount = Money.RoundToFen(message.Amount);
        if (amount <= 0)
        {
            return; // a service done free of charge bills nothing
        }

        // Directory's unit event may not have arrived yet: failing lets MassTransit retry (and keeps the message in the
        // error queue for replay after its retries) instead of dropping the charge.
        var unit = await Db.Units.FindAsync([message.UnitId], cancellationToken);
        if (unit is null || unit.PropertyId != message.PropertyId)
        {
            throw new InvalidOperationException(
                $"Paid service {message.Number} is charged to unit {message.UnitId} of property {message.PropertyId}, which Billing does not know (yet).");
        }

        var completedOn = calendar.DayOf(message.OccurredAt);
        var line = BillLine.Issue(unit, message.RequesterId, BillingPeriod.Of(completedOn), FeeItem.PaidService, message.WorkOrderId,
            $"特约服务 {message.Number}: {message.Description}", amount, completedOn, Time.GetUtcNow());
        Db.BillLines.Add(line);
        await Db.SaveChangesAsync(cancellationToken);
        // Credit the unit holds pays the new line at once (the base saves once more and commits).
        await accounts.ApplyCreditsAsync([unit.Id], Time.GetUtcNow(), cancellationToken);
    }
}
