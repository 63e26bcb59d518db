using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;

namespace PropertyPlatform.Notifications.IntegrationEvents;

/// <summary>Tells the property's front desk that a reopened order must be dispatched again.</summary>
public sealed class WorkOrderReopenedConsumer(NotificationsDbContext db, TimeProvider time) : InboxConsumer<WorkOrderReopened>(db, time)
{
    protected override IEnumerable<Delivery> DeliveriesFor(WorkOrderReopened message) =>
        [new(Recipient.RoleAt(message.PropertyId, RecipientRole.Frontdesk), WorkOrderMessages.Reopened(message), WorkOrderMessages.Link(message.WorkOrderId))];
}
