using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.Notifications.Channels;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.Notifications.Push;

namespace PropertyPlatform.Notifications.IntegrationEvents;

/// <summary>Tells the supervisors or the managers, as the escalation names, that a complaint needs them now.</summary>
public sealed class ComplaintEscalatedConsumer(NotificationsDbContext db, TimeProvider time, InboxPush push, DeliverySignal signal, WebhookSignal webhooks) : InboxConsumer<ComplaintEscalated>(db, time, push, signal, webhooks)
{
    protected override IEnumerable<Notice> NoticesFor(ComplaintEscalated message)
    {
        var role = message.Level == ComplaintEscalationLevel.Manager ? RecipientRole.Manager : RecipientRole.Supervisor;
        return [new(Recipient.RoleAt(message.PropertyId, role), ComplaintMessages.Escalated(message), ComplaintMessages.Link(message.ComplaintId), Escalation: true)];
    }
}
