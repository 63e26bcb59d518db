using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.Notifications.Channels;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.Notifications.Push;

namespace PropertyPlatform.Notifications.IntegrationEvents;

/// <summary>Asks the supervisors whether linked complaints about one place are one hot complaint.</summary>
public sealed class ComplaintsProposedAsHotConsumer(NotificationsDbContext db, TimeProvider time, InboxPush push, DeliverySignal signal, WebhookSignal webhooks) : InboxConsumer<ComplaintsProposedAsHot>(db, time, push, signal, webhooks)
{
    protected override IEnumerable<Notice> NoticesFor(ComplaintsProposedAsHot message) =>
        [new(Recipient.RoleAt(message.PropertyId, RecipientRole.Supervisor), ComplaintMessages.ProposedAsHot(message), ComplaintMessages.ListLink)];
}
