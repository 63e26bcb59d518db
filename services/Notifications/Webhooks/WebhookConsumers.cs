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

/// <summary>Queues an event for every active subscription of its property and type, and wakes the sender once committed.</summary>
public abstract class WebhookConsumer<TEvent>(NotificationsDbContext db, TimeProvider time, WebhookSignal signal)
    : IdempotentConsumer<TEvent, NotificationsDbContext>(db, time)
    where TEvent : class, IIntegrationEvent
{
    private static readonly JsonSerializerOptions Json = CreateJson();

    private bool _queued;

    protected abstract Guid PropertyOf(TEvent message);

    protected override async Task HandleAsync(TEvent message, CancellationToken cancellationToken)
    {
        var type = typeof(TEvent).Name;
        var propertyId = PropertyOf(message);
        var subscriptions = await Db.WebhookSubscriptions
            .Where(s => s.Active && s.PropertyId == propertyId && s.EventTypes.Contains(type))
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);
        // The same event again under a new message id (a replay upstream) is queued once per subscription.
        var queued = await Db.WebhookDeliveries.Where(d => d.EventId == message.EventId && subscriptions.Contains(d.SubscriptionId))
            .Select(d => d.SubscriptionId).ToListAsync(cancellationToken);
        var body = JsonSerializer.Serialize(new WebhookBody<TEvent>(type, message), Json);
        var now = Time.GetUtcNow();
        foreach (var subscriptionId in subscriptions.Except(queued))
        {
            Db.WebhookDeliveries.Add(WebhookDelivery.Create(subscriptionId, message.EventId, type, message.OccurredAt, body, now));
            _queued = true;
        }
    }

    protected override Task AfterCommitAsync(TEvent message, CancellationToken cancellationToken)
    {
        if (_queued)
        {
            signal.Raise();
        }
        return Task.CompletedTask;
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

public sealed class BillIssuedWebhookConsumer(NotificationsDbContext db, TimeProvider time, WebhookSignal signal) : WebhookConsumer<BillIssued>(db, time, signal)
{
    protected override Guid PropertyOf(BillIssued message) => message.PropertyId;
}

public sealed class WorkOrderSubmittedWebhookConsumer(NotificationsDbContext db, TimeProvider time, WebhookSignal signal) : WebhookConsumer<WorkOrderSubmitted>(db, time, signal)
{
    protected override Guid PropertyOf(WorkOrderSubmitted message) => message.PropertyId;
}

public sealed class WorkOrderDispatchedWebhookConsumer(NotificationsDbContext db, TimeProvider time, WebhookSignal signal) : WebhookConsumer<WorkOrderDispatched>(db, time, signal)
{
    protected override Guid PropertyOf(WorkOrderDispatched message) => message.PropertyId;
}

public sealed class WorkOrderCompletedWebhookConsumer(NotificationsDbContext db, TimeProvider time, WebhookSignal signal) : WebhookConsumer<WorkOrderCompleted>(db, time, signal)
{
    protected override Guid PropertyOf(WorkOrderCompleted message) => message.PropertyId;
}

public sealed class WorkOrderReopenedWebhookConsumer(NotificationsDbContext db, TimeProvider time, WebhookSignal signal) : WebhookConsumer<WorkOrderReopened>(db, time, signal)
{
    protected override Guid PropertyOf(WorkOrderReopened message) => message.PropertyId;
}

public sealed class WorkOrderPutOnHoldWebhookConsumer(NotificationsDbContext db, TimeProvider time, WebhookSignal signal) : WebhookConsumer<WorkOrderPutOnHold>(db, time, signal)
{
    protected override Guid PropertyOf(WorkOrderPutOnHold message) => message.PropertyId;
}

public sealed class WorkOrderCancelledWebhookConsumer(NotificationsDbContext db, TimeProvider time, WebhookSignal signal) : WebhookConsumer<WorkOrderCancelled>(db, time, signal)
{
    protected override Guid PropertyOf(WorkOrderCancelled message) => message.PropertyId;
}

public sealed class WorkOrderDeadlineApproachingWebhookConsumer(NotificationsDbContext db, TimeProvider time, WebhookSignal signal) : WebhookConsumer<WorkOrderDeadlineApproaching>(db, time, signal)
{
    protected override Guid PropertyOf(WorkOrderDeadlineApproaching message) => message.PropertyId;
}

public sealed class WorkOrderDeadlineBreachedWebhookConsumer(NotificationsDbContext db, TimeProvider time, WebhookSignal signal) : WebhookConsumer<WorkOrderDeadlineBreached>(db, time, signal)
{
    protected override Guid PropertyOf(WorkOrderDeadlineBreached message) => message.PropertyId;
}
