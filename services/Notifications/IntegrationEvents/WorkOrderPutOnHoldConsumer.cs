using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.Notifications.Channels;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.Notifications.Push;
using PropertyPlatform.ServiceDefaults.Domain;

namespace PropertyPlatform.Notifications.IntegrationEvents;

/// <summary>Tells the occupant who asked that work on their repair is paused, why, and until when.</summary>
public sealed class WorkOrderPutOnHoldConsumer(NotificationsDbContext db, TimeProvider time, PropertyCalendar calendar, InboxPush push, DeliverySignal signal, WebhookSignal webhooks)
    : InboxConsumer<WorkOrderPutOnHold>(db, time, push, signal, webhooks)
{
    protected override IEnumerable<Notice> NoticesFor(WorkOrderPutOnHold message)
    {
        if (PersonAt(message.PropertyId, message.RequesterId) is { } requester)
        {
            yield return new(requester, WorkOrderMessages.PutOnHoldForRequester(message, calendar), WorkOrderMessages.Link(message.WorkOrderId));
        }
    }
}
