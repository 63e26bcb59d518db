using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.Notifications.Push;

namespace PropertyPlatform.Notifications.IntegrationEvents;

/// <summary>Tells the occupant who filed the complaint the answer, when the event names them (not when staff took it for someone).</summary>
public sealed class ComplaintRespondedConsumer(NotificationsDbContext db, TimeProvider time, InboxPush push) : InboxConsumer<ComplaintResponded>(db, time, push)
{
    protected override IEnumerable<Delivery> DeliveriesFor(ComplaintResponded message) =>
        PersonAt(message.PropertyId, message.ComplainantId) is { } complainant
            ? [new(complainant, ComplaintMessages.RespondedToComplainant(message), ComplaintMessages.Link(message.ComplaintId))]
            : [];
}
