using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.Notifications.Channels;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.Notifications.Push;

namespace PropertyPlatform.Notifications.IntegrationEvents;

/// <summary>Tells the member of staff a visit plan gave follow-up visits to that they are due.</summary>
public sealed class FollowUpVisitsDueConsumer(NotificationsDbContext db, TimeProvider time, InboxPush push, DeliverySignal signal, WebhookSignal webhooks)
    : InboxConsumer<FollowUpVisitsDue>(db, time, push, signal, webhooks)
{
    protected override IEnumerable<Notice> NoticesFor(FollowUpVisitsDue message) =>
        message.Count > 0 && PersonAt(message.PropertyId, message.AssigneeId) is { } assignee
            ? [new(assignee, FollowUpVisitMessages.Due(message), FollowUpVisitMessages.DueLink)]
            : [];
}
