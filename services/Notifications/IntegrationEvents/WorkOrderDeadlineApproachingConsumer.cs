using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.Notifications.Channels;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.Notifications.Push;
using PropertyPlatform.ServiceDefaults.Domain;

namespace PropertyPlatform.Notifications.IntegrationEvents;

/// <summary>Warns the engineer on the order, if any, and the property's front desk that a time limit is near.</summary>
public sealed class WorkOrderDeadlineApproachingConsumer(NotificationsDbContext db, TimeProvider time, PropertyCalendar calendar, InboxPush push, DeliverySignal signal, WebhookSignal webhooks)
    : InboxConsumer<WorkOrderDeadlineApproaching>(db, time, push, signal, webhooks)
{
    protected override IEnumerable<Notice> NoticesFor(WorkOrderDeadlineApproaching message)
    {
        var text = WorkOrderMessages.DeadlineApproaching(message, calendar);
        var link = WorkOrderMessages.Link(message.WorkOrderId);
        if (PersonAt(message.PropertyId, message.AssigneeId) is { } assignee)
        {
            yield return new(assignee, text, link);
        }
        yield return new(Recipient.RoleAt(message.PropertyId, RecipientRole.Frontdesk), text, link);
    }
}
