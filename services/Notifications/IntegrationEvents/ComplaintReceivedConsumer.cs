using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.Notifications.Channels;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.Notifications.Push;

namespace PropertyPlatform.Notifications.IntegrationEvents;

/// <summary>Tells the property's front desk that a complaint was taken.</summary>
public sealed class ComplaintReceivedConsumer(NotificationsDbContext db, TimeProvider time, InboxPush push, DeliverySignal signal, WebhookSignal webhooks) : InboxConsumer<ComplaintReceived>(db, time, push, signal, webhooks)
{
    protected override IEnumerable<Notice> NoticesFor(ComplaintReceived message) =>
        [new(Recipient.RoleAt(message.PropertyId, RecipientRole.Frontdesk), ComplaintMessages.Received(message), ComplaintMessages.Link(message.ComplaintId))];
}
