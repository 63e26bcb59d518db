using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Notifications.Channels;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.ServiceDefaults.Apis;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Notifications.Apis;

/// <summary>
/// The delivery log for support staff: what went to whom, on which channel, and why it failed; with replay.
/// Addresses are shown masked. Staff see the deliveries of their properties.
/// </summary>
public static class DeliveriesApi
{
    /// <summary>Support staff: the front desk (客服), supervisors, managers and administrators.</summary>
    private static readonly string[] SupportRoles = [Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Admin];

    public static IEndpointRouteBuilder MapDeliveriesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/deliveries").WithTags("Deliveries").RequireRoles(SupportRoles);
        api.MapGet("/", ListDeliveries).WithName("ListDeliveries");
        api.MapGet("/{id:guid}", GetDelivery).WithName("GetDelivery");
        api.MapPost("/{id:guid}/replay", ReplayDelivery).WithName("ReplayDelivery");
        return app;
    }

    public static async Task<Results<Ok<Page<DeliveryView>>, ValidationProblem>> ListDeliveries(
        [AsParameters] DeliveryQuery query, [AsParameters] PageRequest page, Caller caller, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        if (!QueryEnum.TryParse<Channel>(query.Channel, out var channel))
        {
            return ProblemResults.Invalid("channel", $"Unknown channel; use one of: {QueryEnum.AllowedValues<Channel>()}.");
        }
        if (!QueryEnum.TryParse<DeliveryStatus>(query.Status, out var status))
        {
            return ProblemResults.Invalid("status", $"Unknown status; use one of: {QueryEnum.AllowedValues<DeliveryStatus>()}.");
        }
        var deliveries = db.Deliveries.AsNoTracking().InPropertiesOf(caller, d => d.PropertyId);
        if (query.PropertyId is { } propertyId)
        {
            deliveries = deliveries.Where(d => d.PropertyId == propertyId);
        }
        if (query.RecipientId is { } recipientId)
        {
            deliveries = deliveries.Where(d => d.PersonId == recipientId);
        }
        if (channel is { } c)
        {
            deliveries = deliveries.Where(d => d.Channel == c);
        }
        if (status is { } s)
        {
            deliveries = deliveries.Where(d => d.Status == s);
        }
        if (!string.IsNullOrWhiteSpace(query.EventType))
        {
            deliveries = deliveries.Where(d => d.EventType == query.EventType.Trim());
        }
        var ordered = deliveries.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id);
        return TypedResults.Ok(await ordered.ToPageAsync(page, DeliveryView.From, cancellationToken));
    }

    public static async Task<Results<Ok<DeliveryView>, ProblemHttpResult>> GetDelivery(
        Guid id, Caller caller, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var delivery = await db.Deliveries.AsNoTracking().InPropertiesOf(caller, d => d.PropertyId).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        return delivery is null ? ProblemResults.NotFound("delivery", id) : TypedResults.Ok(DeliveryView.From(delivery));
    }

    /// <summary>Sends it again now (the sender is woken); answers the delivery as it is queued.</summary>
    public static async Task<Results<Ok<DeliveryView>, ProblemHttpResult>> ReplayDelivery(
        Guid id, Caller caller, NotificationsDbContext db, TimeProvider time, DeliverySignal signal, CancellationToken cancellationToken)
    {
        var delivery = await db.Deliveries.InPropertiesOf(caller, d => d.PropertyId).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (delivery is null)
        {
            return ProblemResults.NotFound("delivery", id);
        }
        delivery.Replay(time.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ProblemResults.Conflict("The delivery is being sent right now; look again in a moment.");
        }
        signal.Raise();
        return TypedResults.Ok(DeliveryView.From(delivery));
    }
}

/// <summary>Filters of the delivery log: <c>recipientId</c> (a person), <c>channel</c> (email, sms), <c>status</c>, <c>eventType</c> (e.g. WorkOrderDispatched).</summary>
public sealed record DeliveryQuery(Guid? PropertyId, Guid? RecipientId, string? Channel, string? Status, string? EventType);

public sealed record DeliveryView(
    Guid Id,
    Guid EventId,
    string EventType,
    Guid PropertyId,
    Guid RecipientId,
    Channel Channel,
    string Address,
    string Language,
    string Subject,
    bool Escalation,
    DeliveryStatus Status,
    int Attempts,
    string? Reason,
    DateTimeOffset? DueAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? SentAt)
{
    public static DeliveryView From(Delivery d) => new(
        d.Id, d.EventId, d.EventType, d.PropertyId, d.PersonId, d.Channel, d.AddressMasked, d.Language.Tag(), d.Subject, d.Escalation,
        d.Status, d.Attempts, d.Reason, d.DueAt, d.CreatedAt, d.LastAttemptAt, d.SentAt);
}
