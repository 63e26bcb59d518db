using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.Notifications.Channels;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.Notifications.Push;
using PropertyPlatform.ServiceDefaults.Domain;

namespace PropertyPlatform.Notifications.IntegrationEvents;

/// <summary>Reminds the complaint's owner of a near deadline; the front desk while nobody owns it yet.</summary>
public sealed class ComplaintDeadlineApproachingConsumer(NotificationsDbContext db, TimeProvider time, PropertyCalendar calendar, InboxPush push, DeliverySignal signal, WebhookSignal webhooks)
    : InboxConsumer<ComplaintDeadlineApproaching>(db, time, push, signal, webhooks)
{
    protected override IEnumerable<Notice> NoticesFor(ComplaintDeadlineApproaching message) =>
        [new(OwnerOrFrontDesk(message.PropertyId, message.OwnerId), ComplaintMessages.DeadlineApproaching(message, calendar), ComplaintMessages.Link(message.ComplaintId))];
}
