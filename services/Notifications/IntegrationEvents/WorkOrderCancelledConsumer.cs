using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.Notifications.Channels;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.Notifications.Push;

namespace PropertyPlatform.Notifications.IntegrationEvents;

/// <summary>Tells the occupant who asked that their request was cancelled — unless they cancelled it themselves.</summary>
public sealed class WorkOrderCancelledConsumer(NotificationsDbContext db, TimeProvider time, InboxPush push, DeliverySignal signal, WebhookSignal webhooks) : InboxConsumer<WorkOrderCancelled>(db, time, push, signal, webhooks)
{
    protected override IEnumerable<Notice> NoticesFor(WorkOrderCancelled message)
    {
        if (message.ActorId != message.RequesterId && PersonAt(message.PropertyId, message.RequesterId) is { } requester)
        {
            yield return new(requester, WorkOrderMessages.CancelledForRequester(message), WorkOrderMessages.Link(message.WorkOrderId));
        }
    }
}
