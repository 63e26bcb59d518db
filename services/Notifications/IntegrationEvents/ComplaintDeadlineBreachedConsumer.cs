using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.Notifications.Channels;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.Notifications.Push;
using PropertyPlatform.ServiceDefaults.Domain;

namespace PropertyPlatform.Notifications.IntegrationEvents;

/// <summary>
/// Tells the complaint's owner, if any, that a deadline passed. The supervisors hear of it through the
/// <see cref="ComplaintEscalated"/> that comes with it, so they do not get it twice.
/// </summary>
public sealed class ComplaintDeadlineBreachedConsumer(NotificationsDbContext db, TimeProvider time, PropertyCalendar calendar, InboxPush push, DeliverySignal signal, WebhookSignal webhooks)
    : InboxConsumer<ComplaintDeadlineBreached>(db, time, push, signal, webhooks)
{
    protected override IEnumerable<Notice> NoticesFor(ComplaintDeadlineBreached message) =>
        PersonAt(message.PropertyId, message.OwnerId) is { } owner
            ? [new(owner, ComplaintMessages.DeadlineBreached(message, calendar), ComplaintMessages.Link(message.ComplaintId))]
            : [];
}
