using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;

namespace PropertyPlatform.Notifications.Routing;

/// <summary>The route in force for an event at a property: the administrator's rule if there is one, else the catalog's default.</summary>
public static class Routes
{
    public static RouteInForce Default(EventRoute route) => new(route.Audiences, EventCatalog.DefaultChannels, IsDefault: true);

    public static RouteInForce Of(RoutingRule rule) => new(rule.Audiences, rule.Channels, IsDefault: false);

    public static async Task<RouteInForce?> InForceAsync(NotificationsDbContext db, Guid propertyId, string eventType, CancellationToken cancellationToken)
    {
        if (EventCatalog.Find(eventType) is not { } route)
        {
            return null;
        }
        var rule = await db.RoutingRules.AsNoTracking()
            .SingleOrDefaultAsync(r => r.PropertyId == propertyId && r.EventType == eventType, cancellationToken);
        return rule is null ? Default(route) : Of(rule);
    }
}
