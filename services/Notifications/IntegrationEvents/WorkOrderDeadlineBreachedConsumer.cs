using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.Notifications.Channels;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.Notifications.Push;
using PropertyPlatform.ServiceDefaults.Domain;

namespace PropertyPlatform.Notifications.IntegrationEvents;

/// <summary>Escalates an order past its time limit to the property's supervisors (DOMAIN.md "Time limits").</summary>
public sealed class WorkOrderDeadlineBreachedConsumer(NotificationsDbContext db, TimeProvider time, PropertyCalendar calendar, InboxPush push, DeliverySignal signal, WebhookSignal webhooks)
    : InboxConsumer<WorkOrderDeadlineBreached>(db, time, push, signal, webhooks)
{
    protected override IEnumerable<Notice> NoticesFor(WorkOrderDeadlineBreached message) =>
    [
        new(Recipient.RoleAt(message.PropertyId, RecipientRole.Supervisor), WorkOrderMessages.DeadlineBreached(message, calendar),
            WorkOrderMessages.Link(message.WorkOrderId), Escalation: true),
    ];
}
