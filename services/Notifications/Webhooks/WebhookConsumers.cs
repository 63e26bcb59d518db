using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Contracts;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.Notifications.Routing;
using PropertyPlatform.ServiceDefaults;

namespace PropertyPlatform.Notifications.Webhooks;

/// <summary>Queues an event for every active subscription of its property and type.</summary>
public static class WebhookQueue
{
    private static readonly JsonSerializerOptions Json = CreateJson();

    /// <summary>Answers whether anything was queued; events no subscription may ask for queue nothing.</summary>
    public static async Task<bool> QueueAsync<TEvent>(NotificationsDbContext db, TEvent message, DateTimeOffset now, CancellationToken cancellationToken)
        where TEvent : class, IIntegrationEvent
    {
        var type = typeof(TEvent).Name;
        // Every event of the platform names its property.
        if (!WebhookEvents.Known.Contains(type) || typeof(TEvent).GetProperty("PropertyId")?.GetValue(message) is not Guid propertyId)
        {
            return false;
        }
        var subscriptions = await db.WebhookSubscriptions
            .Where(s => s.Active && s.PropertyId == propertyId && s.EventTypes.Contains(type))
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);
        // The same event again under a new message id (a replay upstream) is queued once per subscription.
        var queued = await db.WebhookDeliveries.Where(d => d.EventId == message.EventId && subscriptions.Contains(d.SubscriptionId))
            .Select(d => d.SubscriptionId).ToListAsync(cancellationToken);
        var body = JsonSerializer.Serialize(new WebhookBody<TEvent>(type, message), Json);
        var added = false;
        foreach (var subscriptionId in subscriptions.Except(queued))
        {
            db.WebhookDeliveries.Add(WebhookDelivery.Create(subscriptionId, message.EventId, type, message.OccurredAt, body, now));
            added = true;
        }
        return added;
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions();
        ServiceDefaultsExtensions.ConfigureJson(options);
        return options;
    }
}

/// <summary>What a receiver gets: the event's type and the event as published.</summary>
public sealed record WebhookBody<TEvent>(string Type, TEvent Data);

/// <summary>The event types a subscription may ask for: every event the platform publishes (the catalog's).</summary>
public static class WebhookEvents
{
    public static readonly IReadOnlySet<string> Known = new SortedSet<string>(EventCatalog.Routes.Select(r => r.Name), StringComparer.Ordinal);
}
