using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.Notifications.Push;

namespace PropertyPlatform.Notifications.IntegrationEvents;

/// <summary>Tells the property's front desk that a reopened order must be dispatched again.</summary>
public sealed class WorkOrderReopenedConsumer(NotificationsDbContext db, TimeProvider time, InboxPush push) : InboxConsumer<WorkOrderReopened>(db, time, push)
{
    protected override IEnumerable<Delivery> DeliveriesFor(WorkOrderReopened message) =>
        [new(Recipient.RoleAt(message.PropertyId, RecipientRole.Frontdesk), WorkOrderMessages.Reopened(message), WorkOrderMessages.Link(message.WorkOrderId))];
}
