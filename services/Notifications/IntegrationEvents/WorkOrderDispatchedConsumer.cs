using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.Notifications.Channels;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.Notifications.Push;

namespace PropertyPlatform.Notifications.IntegrationEvents;

/// <summary>Tells the occupant who asked who will come, and the engineer that the order is theirs.</summary>
public sealed class WorkOrderDispatchedConsumer(NotificationsDbContext db, TimeProvider time, InboxPush push, DeliverySignal signal, WebhookSignal webhooks) : InboxConsumer<WorkOrderDispatched>(db, time, push, signal, webhooks)
{
    protected override IEnumerable<Notice> NoticesFor(WorkOrderDispatched message)
    {
        var link = WorkOrderMessages.Link(message.WorkOrderId);
        if (PersonAt(message.PropertyId, message.RequesterId) is { } requester)
        {
            yield return new(requester, WorkOrderMessages.DispatchedToRequester(message), link);
        }
        if (PersonAt(message.PropertyId, message.AssigneeId) is { } assignee)
        {
            yield return new(assignee, WorkOrderMessages.DispatchedToAssignee(message), link);
        }
    }
}
