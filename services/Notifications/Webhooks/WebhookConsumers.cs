using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Contracts;
using PropertyPlatform.Contracts.Billing;
using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Channels;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.ServiceDefaults;
using PropertyPlatform.ServiceDefaults.Messaging;

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

/// <summary>Billing's bills have no inbox message yet: this consumer only queues their webhooks.</summary>
public sealed class BillIssuedWebhookConsumer(NotificationsDbContext db, TimeProvider time, WebhookSignal signal)
    : IdempotentConsumer<BillIssued, NotificationsDbContext>(db, time)
{
    private bool _queued;

    protected override async Task HandleAsync(BillIssued message, CancellationToken cancellationToken) =>
        _queued = await WebhookQueue.QueueAsync(Db, message, Time.GetUtcNow(), cancellationToken);

    protected override Task AfterCommitAsync(BillIssued message, CancellationToken cancellationToken)
    {
        if (_queued)
        {
            signal.Raise();
        }
        return Task.CompletedTask;
    }
}

/// <summary>What a receiver gets: the event's type and the event as published.</summary>
public sealed record WebhookBody<TEvent>(string Type, TEvent Data);

/// <summary>The event types a subscription may ask for.</summary>
public static class WebhookEvents
{
    public static readonly IReadOnlySet<string> Known = new SortedSet<string>(StringComparer.Ordinal)
    {
        nameof(BillIssued),
        nameof(WorkOrderSubmitted),
        nameof(WorkOrderDispatched),
        nameof(WorkOrderCompleted),
        nameof(WorkOrderReopened),
        nameof(WorkOrderPutOnHold),
        nameof(WorkOrderCancelled),
        nameof(WorkOrderDeadlineApproaching),
        nameof(WorkOrderDeadlineBreached),
    };
}
