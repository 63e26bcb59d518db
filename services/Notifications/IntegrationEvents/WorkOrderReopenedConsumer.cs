using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.Notifications.Channels;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.Notifications.Push;

namespace PropertyPlatform.Notifications.IntegrationEvents;

/// <summary>Tells the property's front desk that a reopened order must be dispatched again.</summary>
public sealed class WorkOrderReopenedConsumer(NotificationsDbContext db, TimeProvider time, InboxPush push, DeliverySignal signal, WebhookSignal webhooks) : InboxConsumer<WorkOrderReopened>(db, time, push, signal, webhooks)
{
    protected override IEnumerable<Notice> NoticesFor(WorkOrderReopened message) =>
        [new(Recipient.RoleAt(message.PropertyId, RecipientRole.Frontdesk), WorkOrderMessages.Reopened(message), WorkOrderMessages.Link(message.WorkOrderId))];
}
