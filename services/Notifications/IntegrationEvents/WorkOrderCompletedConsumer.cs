using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.Notifications.Channels;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.Notifications.Push;

namespace PropertyPlatform.Notifications.IntegrationEvents;

/// <summary>Tells the occupant who asked that the work is done and asks them to rate it.</summary>
public sealed class WorkOrderCompletedConsumer(NotificationsDbContext db, TimeProvider time, InboxPush push, DeliverySignal signal, WebhookSignal webhooks) : InboxConsumer<WorkOrderCompleted>(db, time, push, signal, webhooks)
{
    protected override IEnumerable<Notice> NoticesFor(WorkOrderCompleted message)
    {
        if (PersonAt(message.PropertyId, message.RequesterId) is { } requester)
        {
            yield return new(requester, WorkOrderMessages.CompletedForRequester(message), WorkOrderMessages.Link(message.WorkOrderId));
        }
    }
}
