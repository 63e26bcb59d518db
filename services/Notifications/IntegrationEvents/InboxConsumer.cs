using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Contracts;
using PropertyPlatform.Notifications.Channels;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.Notifications.Push;
using PropertyPlatform.Notifications.Routing;
using PropertyPlatform.Notifications.Webhooks;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Messaging;

namespace PropertyPlatform.Notifications.IntegrationEvents;

/// <summary>One message for one recipient of an event.</summary>
public sealed record Notice(Recipient Recipient, MessageText Text, string Link, bool Escalation = false);

/// <summary>
/// Puts an event's messages in their recipients' inboxes, each recipient's once, and pushes them live once committed;
/// messages to persons are also planned for email and SMS (<see cref="DeliveryPlanner"/>), sent once committed.
/// The property's route for the event (<see cref="Routes"/>) decides who of them is told and on which channels;
/// audiences the route adds beyond what the consumer writes read the event's template (<see cref="EventCatalog"/>).
/// </summary>
public abstract class InboxConsumer<TEvent>(NotificationsDbContext db, TimeProvider time, InboxPush push, DeliverySignal signal, WebhookSignal webhooks)
    : IdempotentConsumer<TEvent, NotificationsDbContext>(db, time)
    where TEvent : class, IIntegrationEvent
{
    /// <summary>The entries this message added; a consumer instance handles one message.</summary>
    private readonly List<InboxEntry> _added = [];

    /// <summary>Whether any email or SMS was planned, to wake the sender after commit.</summary>
    private bool _planned;

    /// <summary>Whether any webhook delivery was queued, to wake the webhook sender after commit.</summary>
    private bool _queued;

    /// <summary>The category recipients choose channels by: the catalog's, else the publishing service's area.</summary>
    protected virtual Category Category => EventCatalog.Find(typeof(TEvent).Name)?.Category ?? typeof(TEvent).Namespace switch
    {
        { } ns when ns.EndsWith(".Complaints", StringComparison.Ordinal) => Category.Complaints,
        { } ns when ns.EndsWith(".Billing", StringComparison.Ordinal) => Category.Billing,
        _ => Category.Repairs,
    };

    /// <summary>The local time that templates show times in.</summary>
    protected virtual PropertyCalendar Calendar => PropertyCalendar.ChinaStandardTime;

    /// <summary>Who hears about <paramref name="message"/> and what they read, by the default route.</summary>
    protected abstract IEnumerable<Notice> NoticesFor(TEvent message);

    protected override async Task HandleAsync(TEvent message, CancellationToken cancellationToken)
    {
        var eventRoute = EventCatalog.Find(typeof(TEvent).Name);
        var route = await Routes.InForceAsync(Db, message.PropertyId, typeof(TEvent).Name, cancellationToken);
        var notices = NoticesFor(message).Where(n => route is null || Routed(n, message, route)).ToList();
        if (eventRoute is not null && route is not null)
        {
            notices.AddRange(await AddedNoticesAsync(message, eventRoute, route, cancellationToken));
        }
        // A company does not sign in: its current signers read what is addressed to it. The company's own message stays,
        // for its email and phone.
        notices.AddRange(await SignerNoticesAsync(notices, cancellationToken));

        // One person in two parts (say, requester and assignee at once) gets the first message only: the key is unique per event.
        var all = notices.DistinctBy(d => d.Recipient.Key).ToList();
        var inbox = route is null || route.Uses(RouteChannel.Inbox);
        List<Notice> deliveries = inbox ? all : [];
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

        Channel[] channels = route is null ? [Channel.Email, Channel.Sms]
            : [.. Enum.GetValues<Channel>().Where(c => route.Uses(c == Channel.Email ? RouteChannel.Email : RouteChannel.Sms))];
        var planned = await DeliveryPlanner.PlanAsync(
            Db, message.EventId, typeof(TEvent).Name, Category, [.. all.Select(d => (d.Recipient, d.Text, d.Escalation))], channels, now, cancellationToken);
        _planned = planned > 0;
        // Integrations hear the same event through their webhooks (one consumer per event, so it is handled once).
        _queued = await WebhookQueue.QueueAsync(Db, message, now, cancellationToken);
    }

    /// <summary>Only what was stored reaches open clients, and only once: a duplicate adds nothing and so pushes nothing.</summary>
    protected override async Task AfterCommitAsync(TEvent message, CancellationToken cancellationToken)
    {
        if (_planned)
        {
            signal.Raise();
        }
        if (_queued)
        {
            webhooks.Raise();
        }
        await push.PushAsync(_added, cancellationToken);
    }

    /// <summary>Whether the route tells the notice's audience; a person the event does not name as any audience is always told.</summary>
    private static bool Routed(Notice notice, TEvent message, RouteInForce route)
    {
        var audience = notice.Recipient.Role is { } role ? EventPeople.AudienceOf(role) : EventPeople.AudienceOf(message, notice.Recipient.PersonId!.Value);
        return audience is not { } a || route.Tells(a);
    }

    /// <summary>
    /// The messages for the audiences the route tells that this consumer does not write itself (all of them when the
    /// event has no consumer of its own), rendered from the event's template.
    /// </summary>
    private async Task<List<Notice>> AddedNoticesAsync(TEvent message, EventRoute eventRoute, RouteInForce route, CancellationToken cancellationToken)
    {
        var added = new List<Notice>();
        var audiences = route.Audiences.Where(a => !eventRoute.Written || !eventRoute.Audiences.Contains(a)).ToList();
        if (audiences.Count == 0)
        {
            return added;
        }
        var text = TemplateRenderer.Render(eventRoute.Template, message, Calendar);
        var link = TemplateRenderer.Link(eventRoute.Link, message);
        foreach (var audience in audiences)
        {
            if (EventPeople.RoleOf(audience) is { } role)
            {
                added.Add(new(Recipient.RoleAt(message.PropertyId, role), text, link, eventRoute.Escalation));
                continue;
            }
            foreach (var personId in await EventPeople.PersonsAsync(Db, message, message.PropertyId, audience, cancellationToken))
            {
                added.Add(new(Recipient.Person(message.PropertyId, personId), text, link, eventRoute.Escalation));
            }
        }
        return added;
    }

    /// <summary>For each message to a company, the same message to each of its current authorised signers.</summary>
    private async Task<List<Notice>> SignerNoticesAsync(List<Notice> notices, CancellationToken cancellationToken)
    {
        var persons = notices.Select(n => n.Recipient.PersonId).OfType<Guid>().Distinct().ToList();
        if (persons.Count == 0)
        {
            return [];
        }
        var signers = await EventPeople.SignersOfAsync(Db, persons, cancellationToken);
        return [.. notices
            .Where(n => n.Recipient.PersonId is { } id && signers.Contains(id))
            .SelectMany(n => signers[n.Recipient.PersonId!.Value].Select(signer => n with { Recipient = Recipient.Person(n.Recipient.PropertyId, signer) }))];
    }

    /// <summary>The owner of a record when there is one, else the property's front desk, who hands it out.</summary>
    protected static Recipient OwnerOrFrontDesk(Guid propertyId, Guid? ownerId) =>
        PersonAt(propertyId, ownerId) ?? Recipient.RoleAt(propertyId, RecipientRole.Frontdesk);

    /// <summary>The person as a recipient, or none when the event does not name one.</summary>
    protected static Recipient? PersonAt(Guid propertyId, Guid? personId) =>
        personId is { } id && id != Guid.Empty ? Recipient.Person(propertyId, id) : null;
}
