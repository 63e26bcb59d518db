using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.Notifications.Push;
using PropertyPlatform.ServiceDefaults.Domain;

namespace PropertyPlatform.Notifications.IntegrationEvents;

/// <summary>Escalates an order past its time limit to the property's supervisors (DOMAIN.md "Time limits").</summary>
public sealed class WorkOrderDeadlineBreachedConsumer(NotificationsDbContext db, TimeProvider time, PropertyCalendar calendar, InboxPush push)
    : InboxConsumer<WorkOrderDeadlineBreached>(db, time, push)
{
    protected override IEnumerable<Delivery> DeliveriesFor(WorkOrderDeadlineBreached message) =>
    [
        new(Recipient.RoleAt(message.PropertyId, RecipientRole.Supervisor), WorkOrderMessages.DeadlineBreached(message, calendar),
            WorkOrderMessages.Link(message.WorkOrderId), Escalation: true),
    ];
}
