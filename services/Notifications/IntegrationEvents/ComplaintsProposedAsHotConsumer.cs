using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.Notifications.Push;

namespace PropertyPlatform.Notifications.IntegrationEvents;

/// <summary>Asks the supervisors whether linked complaints about one place are one hot complaint.</summary>
public sealed class ComplaintsProposedAsHotConsumer(NotificationsDbContext db, TimeProvider time, InboxPush push) : InboxConsumer<ComplaintsProposedAsHot>(db, time, push)
{
    protected override IEnumerable<Delivery> DeliveriesFor(ComplaintsProposedAsHot message) =>
        [new(Recipient.RoleAt(message.PropertyId, RecipientRole.Supervisor), ComplaintMessages.ProposedAsHot(message), ComplaintMessages.ListLink)];
}
