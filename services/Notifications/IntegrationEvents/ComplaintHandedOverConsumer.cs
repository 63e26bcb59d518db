using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.Notifications.Channels;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.Notifications.Push;

namespace PropertyPlatform.Notifications.IntegrationEvents;

/// <summary>Tells the member of staff a complaint was handed over to, unless they took it over themselves.</summary>
public sealed class ComplaintHandedOverConsumer(NotificationsDbContext db, TimeProvider time, InboxPush push, DeliverySignal signal, WebhookSignal webhooks) : InboxConsumer<ComplaintHandedOver>(db, time, push, signal, webhooks)
{
    protected override IEnumerable<Notice> NoticesFor(ComplaintHandedOver message) =>
        message.ToPersonId != message.ByPersonId && PersonAt(message.PropertyId, message.ToPersonId) is { } owner
            ? [new(owner, ComplaintMessages.HandedOver(message), ComplaintMessages.Link(message.ComplaintId))]
            : [];
}
