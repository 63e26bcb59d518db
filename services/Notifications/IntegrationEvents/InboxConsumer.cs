using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Contracts;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.Notifications.Push;
using PropertyPlatform.ServiceDefaults.Messaging;

namespace PropertyPlatform.Notifications.IntegrationEvents;

/// <summary>One message for one recipient of an event.</summary>
public sealed record Delivery(Recipient Recipient, MessageText Text, string Link, bool Escalation = false);

/// <summary>Puts an event's messages in their recipients' inboxes, each recipient's once, and pushes them live once committed.</summary>
public abstract class InboxConsumer<TEvent>(NotificationsDbContext db, TimeProvider time, InboxPush push)
    : IdempotentConsumer<TEvent, NotificationsDbContext>(db, time)
    where TEvent : class, IIntegrationEvent
{
    /// <summary>The entries this message added; a consumer instance handles one message.</summary>
    private readonly List<InboxEntry> _added = [];

    /// <summary>Who hears about <paramref name="message"/> and what they read.</summary>
    protected abstract IEnumerable<Delivery> DeliveriesFor(TEvent message);

    protected override async Task HandleAsync(TEvent message, CancellationToken cancellationToken)
    {
        // One person in two parts (say, requester and assignee at once) gets the first message only: the key is unique per event.
        var deliveries = DeliveriesFor(message).DistinctBy(d => d.Recipient.Key).ToList();
        var keys = deliveries.Select(d => d.Recipient.Key).ToList();

        // The inbox drops a redelivered message id; this also covers the same event sent again under a new id
        // (e.g. a replay), which the unique index would otherwise turn into a failed message.
        var delivered = await Db.InboxEntries
            .Where(e => e.SourceEventId == message.EventId && keys.Contains(e.RecipientKey))
            .Select(e => e.RecipientKey)
            .ToListAsync(cancellationToken);

        var now = Time.GetUtcNow();
        foreach (var delivery in deliveries.Where(d => !delivered.Contains(d.Recipient.Key)))
        {
            var entry = InboxEntry.Deliver(delivery.Recipient, delivery.Text, delivery.Link, message.EventId, now, delivery.Escalation);
            Db.InboxEntries.Add(entry);
            _added.Add(entry);
        }
    }

    /// <summary>Only what was stored reaches open clients, and only once: a duplicate adds nothing and so pushes nothing.</summary>
    protected override Task AfterCommitAsync(TEvent message, CancellationToken cancellationToken) => push.PushAsync(_added, cancellationToken);

    /// <summary>The owner of a record when there is one, else the property's front desk, who hands it out.</summary>
    protected static Recipient OwnerOrFrontDesk(Guid propertyId, Guid? ownerId) =>
        PersonAt(propertyId, ownerId) ?? Recipient.RoleAt(propertyId, RecipientRole.Frontdesk);

    /// <summary>The person as a recipient, or none when the event does not name one.</summary>
    protected static Recipient? PersonAt(Guid propertyId, Guid? personId) =>
        personId is { } id && id != Guid.Empty ? Recipient.Person(propertyId, id) : null;
}
