using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;

namespace PropertyPlatform.Notifications.IntegrationEvents;

/// <summary>Tells the property's front desk that a repair request was taken, in their inbox.</summary>
public sealed class WorkOrderSubmittedConsumer(NotificationsDbContext db, TimeProvider time) : InboxConsumer<WorkOrderSubmitted>(db, time)
{
    protected override IEnumerable<Delivery> DeliveriesFor(WorkOrderSubmitted message) =>
        [new(Recipient.RoleAt(message.PropertyId, RecipientRole.Frontdesk), WorkOrderMessages.Submitted(message), WorkOrderMessages.Link(message.WorkOrderId))];
}
