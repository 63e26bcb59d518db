using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Notifications.Channels;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.Notifications.Routing;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Notifications.Apis;

/// <summary>
/// Who hears each event at a property and on which channels: every event type with the route in force, the default
/// unless an administrator replaced it. Administrators change and reset routes; managers read them.
/// </summary>
public static class RoutingApi
{
    public static IEndpointRouteBuilder MapRoutingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/routing").WithTags("Routing");
        api.MapGet("/", ListRoutes).WithName("ListRoutes").RequireRoles(Roles.Manager, Roles.Admin);
        api.MapPut("/{eventType}", ChangeRoute).WithName("ChangeRoute").RequireRoles(Roles.Admin).Validate<ChangeRouteRequest>();
        api.MapDelete("/{eventType}", ResetRoute).WithName("ResetRoute").RequireRoles(Roles.Admin);
        return app;
    }

    /// <summary>Every event type's route at the property, in catalog order (work orders, complaints, billing, reception, directory).</summary>
    public static async Task<Results<Ok<IReadOnlyList<RouteView>>, ProblemHttpResult>> ListRoutes(
        Guid propertyId, Caller caller, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        if (!caller.CanSeeProperty(propertyId))
        {
            return ProblemResults.NotFound("property", propertyId);
        }
        var rules = await db.RoutingRules.AsNoTracking().Where(r => r.PropertyId == propertyId).ToDictionaryAsync(r => r.EventType, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<RouteView>>(
            [.. EventCatalog.Routes.Select(r => RouteView.From(propertyId, r, rules.TryGetValue(r.Name, out var rule) ? Routes.Of(rule) : Routes.Default(r)))]);
    }

    /// <summary>Replaces the event's route at the property; no audiences silences it there.</summary>
    public static async Task<Results<Ok<RouteView>, ProblemHttpResult>> ChangeRoute(
        string eventType, ChangeRouteRequest request, Caller caller, NotificationsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (EventCatalog.Find(eventType) is not { } eventRoute)
        {
            return ProblemResults.NotFound("event type", eventType);
        }
        if (!caller.CanSeeProperty(request.PropertyId))
        {
            return ProblemResults.NotFound("property", request.PropertyId);
        }
        var rule = await db.RoutingRules.SingleOrDefaultAsync(r => r.PropertyId == request.PropertyId && r.EventType == eventType, cancellationToken);
        if (rule is null)
        {
            rule = RoutingRule.For(request.PropertyId, eventType);
            db.RoutingRules.Add(rule);
        }
        rule.Change(request.Audiences, request.Channels, time.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return ProblemResults.Conflict("Someone else changed this route at the same time; read it again.");
        }
        return TypedResults.Ok(RouteView.From(request.PropertyId, eventRoute, Routes.Of(rule)));
    }

    /// <summary>Brings the default route back at the property.</summary>
    public static async Task<Results<Ok<RouteView>, ProblemHttpResult>> ResetRoute(
        string eventType, Guid propertyId, Caller caller, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        if (EventCatalog.Find(eventType) is not { } eventRoute)
        {
            return ProblemResults.NotFound("event type", eventType);
        }
        if (!caller.CanSeeProperty(propertyId))
        {
            return ProblemResults.NotFound("property", propertyId);
        }
        await db.RoutingRules.Where(r => r.PropertyId == propertyId && r.EventType == eventType).ExecuteDeleteAsync(cancellationToken);
        return TypedResults.Ok(RouteView.From(propertyId, eventRoute, Routes.Default(eventRoute)));
    }
}

public sealed record ChangeRouteRequest(Guid PropertyId, IReadOnlyList<Audience> Audiences, IReadOnlyList<RouteChannel> Channels);

public sealed class ChangeRouteRequestValidator : AbstractValidator<ChangeRouteRequest>
{
    public ChangeRouteRequestValidator()
    {
        RuleFor(r => r.PropertyId).NotEmpty();
        RuleFor(r => r.Audiences).NotNull().MaximumCount(Enum.GetValues<Audience>().Length);
        RuleFor(r => r.Channels).NotNull().MaximumCount(Enum.GetValues<RouteChannel>().Length);
        RuleFor(r => r.Channels).NotEmpty().When(r => r.Audiences is { Count: > 0 }).WithMessage("Choose at least one channel for those told.");
    }
}

/// <summary>An event's route at a property: who is told and how, whether it is the default, and the default's audiences.</summary>
public sealed record RouteView(
    Guid PropertyId, string EventType, Category Category, IReadOnlyList<Audience> Audiences, IReadOnlyList<RouteChannel> Channels,
    bool IsDefault, IReadOnlyList<Audience> DefaultAudiences, bool Escalation)
{
    public static RouteView From(Guid propertyId, EventRoute eventRoute, RouteInForce route) => new(
        propertyId, eventRoute.Name, eventRoute.Category, route.Audiences, route.Channels, route.IsDefault, eventRoute.Audiences, eventRoute.Escalation);
}

/// <summary>
/// The catalog of event types: each with its category and its names in both languages, so screens show 报修已派工 /
/// Repair dispatched rather than <c>WorkOrderDispatched</c>. Staff who read the delivery log, routes or templates may read it.
/// </summary>
public static class EventTypesApi
{
    public static IEndpointRouteBuilder MapEventTypesApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/event-types").WithTags("Routing")
            .RequireRoles(Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Admin)
            .MapGet("/", ListEventTypes).WithName("ListEventTypes");
        return app;
    }

    /// <summary>In catalog order: work orders, complaints, billing, reception.</summary>
    public static Ok<IReadOnlyList<EventTypeView>> ListEventTypes() =>
        TypedResults.Ok<IReadOnlyList<EventTypeView>>([.. EventCatalog.Routes.Select(EventTypeView.From)]);
}

public sealed record EventTypeView(string EventType, Category Category, string NameZhCn, string NameEn, bool Escalation)
{
    public static EventTypeView From(EventRoute route)
    {
        var name = EventNames.Of(route.Name);
        return new(route.Name, route.Category, name.ZhCn, name.En, route.Escalation);
    }
}

/// <summary>
/// The texts of every event per channel and language, as the catalog writes them: <c>{Field}</c> placeholders take the
/// event's values, and <c>{Name}</c> in an email is the recipient's name. Staff may read them.
/// </summary>
public static class TemplatesApi
{
    public static IEndpointRouteBuilder MapTemplatesApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/templates").WithTags("Templates")
            .RequireRoles(Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Admin)
            .MapGet("/", ListTemplates).WithName("ListTemplates");
        return app;
    }

    public static Ok<IReadOnlyList<TemplateView>> ListTemplates(string? eventType)
    {
        var routes = EventCatalog.Routes.Where(r => string.IsNullOrWhiteSpace(eventType) || r.Name == eventType.Trim());
        return TypedResults.Ok<IReadOnlyList<TemplateView>>([.. routes.SelectMany(TemplateView.For)]);
    }
}

public sealed record TemplateView(string EventType, RouteChannel Channel, string Language, string Subject, string Body)
{
    public static IEnumerable<TemplateView> For(EventRoute route)
    {
        var text = new MessageText(route.Template.TitleZhCn, route.Template.BodyZhCn, route.Template.TitleEn, route.Template.BodyEn);
        foreach (var language in new[] { Domain.Language.ZhCn, Domain.Language.En })
        {
            var (title, body) = language == Domain.Language.En ? (text.TitleEn, text.BodyEn) : (text.TitleZhCn, text.BodyZhCn);
            yield return new(route.Name, RouteChannel.Inbox, language.Tag(), title, body);
            var (subject, email) = MessageTemplates.Render(Domain.Channel.Email, text, language, "{Name}");
            yield return new(route.Name, RouteChannel.Email, language.Tag(), subject, email);
            var (smsSubject, sms) = MessageTemplates.Render(Domain.Channel.Sms, text, language, "{Name}");
            yield return new(route.Name, RouteChannel.Sms, language.Tag(), smsSubject, sms);
        }
    }
}
