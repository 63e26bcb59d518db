using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.Notifications.Channels;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.Notifications.Push;

namespace PropertyPlatform.Notifications.IntegrationEvents;

/// <summary>Tells the complaint's owner (the front desk while nobody owns it) that it must be investigated again.</summary>
public sealed class ComplaintReopenedConsumer(NotificationsDbContext db, TimeProvider time, InboxPush push, DeliverySignal signal, WebhookSignal webhooks) : InboxConsumer<ComplaintReopened>(db, time, push, signal, webhooks)
{
    protected override IEnumerable<Notice> NoticesFor(ComplaintReopened message) =>
        [new(OwnerOrFrontDesk(message.PropertyId, message.OwnerId), ComplaintMessages.Reopened(message), ComplaintMessages.Link(message.ComplaintId))];
}
