using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.Notifications.Channels;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.Notifications.Push;

namespace PropertyPlatform.Notifications.IntegrationEvents;

/// <summary>Tells the occupant who filed the complaint the answer, when the event names them (not when staff took it for someone).</summary>
public sealed class ComplaintRespondedConsumer(NotificationsDbContext db, TimeProvider time, InboxPush push, DeliverySignal signal, WebhookSignal webhooks) : InboxConsumer<ComplaintResponded>(db, time, push, signal, webhooks)
{
    protected override IEnumerable<Notice> NoticesFor(ComplaintResponded message) =>
        PersonAt(message.PropertyId, message.ComplainantId) is { } complainant
            ? [new(complainant, ComplaintMessages.RespondedToComplainant(message), ComplaintMessages.Link(message.ComplaintId))]
            : [];
}
