using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Notifications.Channels;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.Notifications.Webhooks;
using PropertyPlatform.ServiceDefaults.Apis;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Notifications.Apis;

/// <summary>
/// Webhook subscriptions for integrations, administrators only: per property and event types; the secret that signs
/// the requests is answered once, at creation. Each subscription's deliveries can be listed and replayed.
/// </summary>
public static class WebhooksApi
{
    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/webhooks").WithTags("Webhooks").RequireRoles(Roles.Admin);
        api.MapGet("/", ListWebhooks).WithName("ListWebhooks");
        api.MapPost("/", CreateWebhook).WithName("CreateWebhook").Validate<CreateWebhookRequest>();
        api.MapGet("/event-types", ListWebhookEventTypes).WithName("ListWebhookEventTypes");
        api.MapGet("/{id:guid}", GetWebhook).WithName("GetWebhook");
        api.MapDelete("/{id:guid}", DeactivateWebhook).WithName("DeactivateWebhook");
        api.MapGet("/{id:guid}/deliveries", ListWebhookDeliveries).WithName("ListWebhookDeliveries");
        api.MapPost("/{id:guid}/replay", ReplayWebhook).WithName("ReplayWebhook");
        return app;
    }

    public static async Task<Ok<Page<WebhookView>>> ListWebhooks(
        Guid? propertyId, [AsParameters] PageRequest page, Caller caller, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var subscriptions = db.WebhookSubscriptions.AsNoTracking().InPropertiesOf(caller, s => s.PropertyId);
        if (propertyId is { } id)
        {
            subscriptions = subscriptions.Where(s => s.PropertyId == id);
        }
        return TypedResults.Ok(await subscriptions.OrderByDescending(s => s.CreatedAt).ToPageAsync(page, WebhookView.From, cancellationToken));
    }

    public static Ok<IReadOnlyList<string>> ListWebhookEventTypes() => TypedResults.Ok<IReadOnlyList<string>>([.. WebhookEvents.Known]);

    /// <summary>Answers the subscription with its secret: the only time it is shown.</summary>
    public static async Task<Results<Created<CreatedWebhook>, ProblemHttpResult>> CreateWebhook(
        CreateWebhookRequest request, Caller caller, NotificationsDbContext db, WebhookSecrets secrets, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!caller.CanSeeProperty(request.PropertyId))
        {
            return ProblemResults.NotFound("property", request.PropertyId);
        }
        var secret = WebhookSignature.NewSecret();
        var subscription = WebhookSubscription.Create(
            request.PropertyId, request.Name, request.Url, request.EventTypes, WebhookEvents.Known, secrets.Protect(secret), time.GetUtcNow());
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/webhooks/{subscription.Id}", new CreatedWebhook(WebhookView.From(subscription), secret));
    }

    public static async Task<Results<Ok<WebhookView>, ProblemHttpResult>> GetWebhook(
        Guid id, Caller caller, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var subscription = await Find(db.WebhookSubscriptions.AsNoTracking(), id, caller, cancellationToken);
        return subscription is null ? ProblemResults.NotFound("webhook", id) : TypedResults.Ok(WebhookView.From(subscription));
    }

    /// <summary>Stops new events for it; what is queued is not sent any more, and its log stays.</summary>
    public static async Task<Results<Ok<WebhookView>, ProblemHttpResult>> DeactivateWebhook(
        Guid id, Caller caller, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var subscription = await Find(db.WebhookSubscriptions, id, caller, cancellationToken);
        if (subscription is null)
        {
            return ProblemResults.NotFound("webhook", id);
        }
        subscription.Deactivate();
        await db.WebhookDeliveries.Where(d => d.SubscriptionId == id && d.Status == WebhookDeliveryStatus.Pending)
            .ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(WebhookView.From(subscription));
    }

    /// <summary>Its deliveries, in the order they are sent (oldest occurrence first); <c>status=failed</c> is the dead-letter list.</summary>
    public static async Task<Results<Ok<Page<WebhookDeliveryView>>, ValidationProblem, ProblemHttpResult>> ListWebhookDeliveries(
        Guid id, string? status, [AsParameters] PageRequest page, Caller caller, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        if (!QueryEnum.TryParse<WebhookDeliveryStatus>(status, out var parsed))
        {
            return ProblemResults.Invalid("status", $"Unknown status; use one of: {QueryEnum.AllowedValues<WebhookDeliveryStatus>()}.");
        }
        if (await Find(db.WebhookSubscriptions.AsNoTracking(), id, caller, cancellationToken) is null)
        {
            return ProblemResults.NotFound("webhook", id);
        }
        var deliveries = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == id);
        if (parsed is { } s)
        {
            deliveries = deliveries.Where(d => d.Status == s);
        }
        var ordered = deliveries.OrderBy(d => d.OccurredAt).ThenBy(d => d.Sequence);
        return TypedResults.Ok(await ordered.ToPageAsync(page, WebhookDeliveryView.From, cancellationToken));
    }

    /// <summary>
    /// Sends again, each at its place in the order: one delivery (<c>deliveryId</c>, whatever its status), or else every
    /// dead-lettered one. Answers how many were queued.
    /// </summary>
    public static async Task<Results<Ok<Replayed>, ProblemHttpResult>> ReplayWebhook(
        Guid id, Guid? deliveryId, Caller caller, NotificationsDbContext db, TimeProvider time, WebhookSignal signal, CancellationToken cancellationToken)
    {
        var subscription = await Find(db.WebhookSubscriptions.AsNoTracking(), id, caller, cancellationToken);
        if (subscription is null)
        {
            return ProblemResults.NotFound("webhook", id);
        }
        if (!subscription.Active)
        {
            return ProblemResults.Conflict("The webhook subscription is deactivated.");
        }
        var deliveries = db.WebhookDeliveries.Where(d => d.SubscriptionId == id);
        deliveries = deliveryId is { } one ? deliveries.Where(d => d.Id == one) : deliveries.Where(d => d.Status == WebhookDeliveryStatus.Failed);
        var replayed = await deliveries.ToListAsync(cancellationToken);
        if (deliveryId is { } missing && replayed.Count == 0)
        {
            return ProblemResults.NotFound("webhook delivery", missing);
        }
        var now = time.GetUtcNow();
        replayed.ForEach(d => d.Replay(now));
        await db.SaveChangesAsync(cancellationToken);
        signal.Raise();
        return TypedResults.Ok(new Replayed(replayed.Count));
    }

    private static Task<WebhookSubscription?> Find(IQueryable<WebhookSubscription> subscriptions, Guid id, Caller caller, CancellationToken cancellationToken) =>
        subscriptions.InPropertiesOf(caller, s => s.PropertyId).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
}

public sealed record CreateWebhookRequest(Guid PropertyId, string Name, string Url, IReadOnlyList<string> EventTypes);

public sealed class CreateWebhookRequestValidator : AbstractValidator<CreateWebhookRequest>
{
    public CreateWebhookRequestValidator()
    {
        RuleFor(r => r.PropertyId).NotEmpty();
        RuleFor(r => r.Name).NotEmpty().MaximumLength(WebhookSubscription.NameMaxLength);
        RuleFor(r => r.Url).NotEmpty().MaximumLength(WebhookSubscription.UrlMaxLength)
            .Must(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            .WithMessage("Give an absolute http or https address.");
        RuleFor(r => r.EventTypes).NotEmpty().MaximumCount(WebhookEvents.Known.Count);
        RuleForEach(r => r.EventTypes).MaximumLength(WebhookDelivery.EventTypeMaxLength).Must(WebhookEvents.Known.Contains)
            .WithMessage(_ => $"Unknown event type; use some of: {string.Join(", ", WebhookEvents.Known)}.");
    }
}

public sealed record WebhookView(Guid Id, Guid PropertyId, string Name, string Url, IReadOnlyList<string> EventTypes, bool Active, DateTimeOffset CreatedAt)
{
    public static WebhookView From(WebhookSubscription s) => new(s.Id, s.PropertyId, s.Name, s.Url, s.EventTypes, s.Active, s.CreatedAt);
}

/// <summary>The new subscription and its signing secret, shown this once.</summary>
public sealed record CreatedWebhook(WebhookView Webhook, string Secret);

public sealed record WebhookDeliveryView(
    Guid Id, Guid EventId, string EventType, DateTimeOffset OccurredAt, WebhookDeliveryStatus Status, int Attempts,
    DateTimeOffset NextAttemptAt, int? LastStatusCode, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? SentAt)
{
    public static WebhookDeliveryView From(WebhookDelivery d) => new(
        d.Id, d.EventId, d.EventType, d.OccurredAt, d.Status, d.Attempts, d.NextAttemptAt, d.LastStatusCode, d.LastError, d.CreatedAt, d.SentAt);
}

public sealed record Replayed(int Queued);
