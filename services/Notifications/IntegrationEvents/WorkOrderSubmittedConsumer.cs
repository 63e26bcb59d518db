using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.ServiceDefaults.Messaging;

namespace PropertyPlatform.Notifications.IntegrationEvents;

/// <summary>Tells the property's front desk that a repair request was taken, in their inbox.</summary>
public sealed class WorkOrderSubmittedConsumer(NotificationsDbContext db, TimeProvider time)
    : IdempotentConsumer<WorkOrderSubmitted, NotificationsDbContext>(db, time)
{
    protected override async Task HandleAsync(WorkOrderSubmitted message, CancellationToken cancellationToken)
    {
        var recipient = Recipient.RoleAt(message.PropertyId, RecipientRole.Frontdesk);

        // The inbox drops a redelivered message id; this also covers the same event sent again under a new id
        // (e.g. a replay), which the unique index would otherwise turn into a failed message.
        if (await Db.InboxEntries.AnyAsync(e => e.SourceEventId == message.EventId && e.RecipientKey == recipient.Key, cancellationToken))
        {
            return;
        }

        Db.InboxEntries.Add(InboxEntry.Deliver(
            recipient, WorkOrderMessages.Submitted(message), WorkOrderMessages.Link(message.WorkOrderId), message.EventId, Time.GetUtcNow()));
    }
}
