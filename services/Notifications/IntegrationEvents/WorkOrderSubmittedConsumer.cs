using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.Notifications.Channels;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.Notifications.Push;

namespace PropertyPlatform.Notifications.IntegrationEvents;

/// <summary>Tells the property's front desk that a repair request was taken, in their inbox.</summary>
public sealed class WorkOrderSubmittedConsumer(NotificationsDbContext db, TimeProvider time, InboxPush push, DeliverySignal signal, WebhookSignal webhooks) : InboxConsumer<WorkOrderSubmitted>(db, time, push, signal, webhooks)
{
    protected override IEnumerable<Notice> NoticesFor(WorkOrderSubmitted message) =>
        [new(Recipient.RoleAt(message.PropertyId, RecipientRole.Frontdesk), WorkOrderMessages.Submitted(message), WorkOrderMessages.Link(message.WorkOrderId))];
}
