using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Notifications.Domain;

/// <summary>Who an event can be told to: people the event names (or whose unit it is about) and staff roles of the property.</summary>
public enum Audience
{
    /// <summary>The occupant the event names (requester, complainant, payer), else the occupants of its unit.</summary>
    Occupant,

    /// <summary>The person the work was given to (the engineer on a work order).</summary>
    Assignee,

    /// <summary>The person who owns the record (a complaint's owner, 首问负责人).</summary>
    Owner,
    Frontdesk,
    Supervisor,
    Manager,
    Engineer,
    Security,
    Finance,
    Admin,
}

/// <summary>The channels a rule lets an event go out on; email and SMS reach persons only, as their preferences choose.</summary>
public enum RouteChannel
{
    Inbox,
    Email,
    Sms,
}

/// <summary>
/// An administrator's choice, for one property and one event type, of who is told and on which channels; it replaces
/// the default route of <c>EventCatalog</c> for that property. Removing it brings the default back.
/// </summary>
public sealed class RoutingRule
{
    public const int EventTypeMaxLength = 100;

    private RoutingRule()
    {
    }

    public Guid PropertyId { get; private set; }

    public string EventType { get; private set; } = "";

    public List<Audience> Audiences { get; private set; } = [];

    public List<RouteChannel> Channels { get; private set; } = [];

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public static RoutingRule For(Guid propertyId, string eventType)
    {
        if (propertyId == Guid.Empty)
        {
            throw new DomainRuleException("A routing rule belongs to a property.");
        }
        return new() { PropertyId = propertyId, EventType = eventType };
    }

    /// <summary>Sets who is told and how; no audience at all silences the event at this property (webhooks still get it).</summary>
    public void Change(IEnumerable<Audience> audiences, IEnumerable<RouteChannel> channels, DateTimeOffset now)
    {
        var chosen = channels.Distinct().Order().ToList();
        var who = audiences.Distinct().Order().ToList();
        if (who.Count > 0 && chosen.Count == 0)
        {
            throw new DomainRuleException("A rule that tells someone needs at least one channel.");
        }
        (Audiences, Channels, UpdatedAt) = (who, chosen, now);
    }
}

/// <summary>The route in force for an event at a property: the administrator's rule, else the default.</summary>
public sealed record RouteInForce(IReadOnlyList<Audience> Audiences, IReadOnlyList<RouteChannel> Channels, bool IsDefault)
{
    public bool Tells(Audience audience) => Audiences.Contains(audience);

    public bool Uses(RouteChannel channel) => Channels.Contains(channel);
}
