using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Complaints.Domain;
using PropertyPlatform.Complaints.Infrastructure;
using PropertyPlatform.ServiceDefaults.Apis;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Complaints.Apis;

/// <summary>Suggestions (合理化建议): recorded, decided by a manager, and an adopted one's rectification plan published.</summary>
public static class SuggestionsApi
{
    public static IEndpointRouteBuilder MapSuggestionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/suggestions").WithTags("Suggestions");
        string[] readers = [Roles.Occupant, Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Admin];
        api.MapGet("/", List).WithName("ListSuggestions").RequireRoles(readers);
        api.MapGet("/{id:guid}", Get).WithName("GetSuggestion").RequireRoles(readers);
        api.MapPost("/", Submit).WithName("SubmitSuggestion").Validate<SubmitSuggestionRequest>().RequireRoles(readers);
        api.MapPost("/{id:guid}/decide", Decide).WithName("DecideSuggestion").Validate<DecideSuggestionRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict).RequireRoles(Roles.Manager);
        api.MapPost("/{id:guid}/plan", PublishPlan).WithName("PublishSuggestionPlan").Validate<PublishPlanRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict).RequireRoles(Roles.Manager);
        return app;
    }

    public static async Task<Results<Ok<Page<SuggestionView>>, ValidationProblem>> List(
        Guid? propertyId, string? status, [AsParameters] PageRequest page, Caller caller, ComplaintsDbContext db, CancellationToken cancellationToken)
    {
        if (!QueryEnum.TryParse<SuggestionStatus>(status, out var wanted))
        {
            return ProblemResults.Invalid("status", $"Unknown status; use one of: {QueryEnum.AllowedValues<SuggestionStatus>()}.");
        }
        var suggestions = Visible(db.Suggestions.AsNoTracking(), caller);
        if (propertyId is { } property)
        {
            suggestions = suggestions.Where(s => s.PropertyId == property);
        }
        if (wanted is { } state)
        {
            suggestions = suggestions.Where(s => s.Status == state);
        }
        return TypedResults.Ok(await suggestions.OrderByDescending(s => s.SubmittedAt).ThenByDescending(s => s.Id)
            .ToPageAsync(page, SuggestionView.From, cancellationToken));
    }

    public static async Task<Results<Ok<SuggestionView>, ProblemHttpResult>> Get(Guid id, Caller caller, ComplaintsDbContext db, CancellationToken cancellationToken)
    {
        var suggestion = await Visible(db.Suggestions.AsNoTracking(), caller).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return suggestion is null ? ProblemResults.NotFound("suggestion", id) : TypedResults.Ok(SuggestionView.From(suggestion));
    }

    /// <summary>Records a suggestion for a property the caller works at, or — for an occupant — in their property (from one of their units if named).</summary>
    public static async Task<Results<Created<SuggestionView>, ValidationProblem>> Submit(
        SubmitSuggestionRequest request, Caller caller, ComplaintsDbContext db, DailyNumbering numbering, TimeProvider time, CancellationToken cancellationToken)
    {
        UnitCopy? unit = null;
        if (request.UnitId is { } unitId)
        {
            unit = await db.Units.FindAsync([unitId], cancellationToken);
            if (unit is null || !caller.CanSee(unit.PropertyId, unit.Id) || unit.PropertyId != request.PropertyId)
            {
                return ProblemResults.Invalid("unitId", "No unit with this id is registered.");
            }
        }
        else if (!(caller.IsStaff ? caller.CanSeeProperty(request.PropertyId) : caller.PropertyIds.Contains(request.PropertyId))
            || !await db.Units.AnyAsync(u => u.PropertyId == request.PropertyId, cancellationToken))
        {
            return ProblemResults.Invalid("propertyId", "No property with this id is known: Directory has registered no unit in it.");
        }

        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var number = await numbering.NextAsync(db, Suggestion.NumberPrefix, request.PropertyId, now, cancellationToken);
        var suggestion = Suggestion.Submit(request.PropertyId, unit, number, request.Title!, request.Content!, request.SuggesterName, request.SuggesterPhone,
            caller.AsActor(), caller.IsStaff, now);
        db.Suggestions.Add(suggestion);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/suggestions/{suggestion.Id}", SuggestionView.From(suggestion));
    }

    public static Task<Results<Ok<SuggestionView>, ProblemHttpResult>> Decide(
        Guid id, DecideSuggestionRequest request, Caller caller, ComplaintsDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, s => s.Decide(request.Adopted!.Value, request.Reason!, caller.AsActor(), time.GetUtcNow()), cancellationToken);

    public static Task<Results<Ok<SuggestionView>, ProblemHttpResult>> PublishPlan(
        Guid id, PublishPlanRequest request, Caller caller, ComplaintsDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, s => s.PublishPlan(request.Plan!, caller.AsActor(), time.GetUtcNow()), cancellationToken);

    private static async Task<Results<Ok<SuggestionView>, ProblemHttpResult>> ChangeAsync(
        Guid id, Caller caller, ComplaintsDbContext db, Action<Suggestion> change, CancellationToken cancellationToken)
    {
        var suggestion = await Visible(db.Suggestions, caller).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (suggestion is null)
        {
            return ProblemResults.NotFound("suggestion", id);
        }
        change(suggestion);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(SuggestionView.From(suggestion));
    }

    /// <summary>Staff see their properties' suggestions; an occupant those of their units and their own.</summary>
    private static IQueryable<Suggestion> Visible(IQueryable<Suggestion> suggestions, Caller caller)
    {
        if (caller.IsStaff)
        {
            return suggestions.InPropertiesOf(caller, s => s.PropertyId);
        }
        var units = caller.UnitIds.Select(id => (Guid?)id).ToList();
        var me = caller.PersonId;
        return caller.IsInRole(Roles.Occupant) ? suggestions.Where(s => units.Contains(s.UnitId) || s.SuggesterId == me) : suggestions.Where(_ => false);
    }
}

public sealed record SubmitSuggestionRequest(Guid PropertyId, Guid? UnitId, string? Title, string? Content, string? SuggesterName, string? SuggesterPhone);

public sealed record DecideSuggestionRequest(bool? Adopted, string? Reason);

public sealed record PublishPlanRequest(string? Plan);

public sealed class SubmitSuggestionRequestValidator : AbstractValidator<SubmitSuggestionRequest>
{
    public SubmitSuggestionRequestValidator()
    {
        RuleFor(r => r.PropertyId).NotEmpty();
        RuleFor(r => r.UnitId).NotEqual(Guid.Empty);
        RuleFor(r => r.Title).NotEmpty().MaximumLength(Suggestion.TitleMaxLength);
        RuleFor(r => r.Content).NotEmpty().MaximumLength(Suggestion.TextMaxLength);
        RuleFor(r => r.SuggesterName).MaximumLength(Complaint.NameMaxLength);
        RuleFor(r => r.SuggesterPhone).MaximumLength(Complaint.PhoneMaxLength);
    }
}

public sealed class DecideSuggestionRequestValidator : AbstractValidator<DecideSuggestionRequest>
{
    public DecideSuggestionRequestValidator()
    {
        RuleFor(r => r.Adopted).NotNull().WithMessage("Say whether the suggestion is adopted (true) or declined (false).");
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(Suggestion.ReasonMaxLength);
    }
}

public sealed class PublishPlanRequestValidator : AbstractValidator<PublishPlanRequest>
{
    public PublishPlanRequestValidator() => RuleFor(r => r.Plan).NotEmpty().MaximumLength(Suggestion.TextMaxLength);
}

public sealed record SuggestionView(
    Guid Id, Guid PropertyId, string Number, Guid? UnitId, string Title, string Content, string? SuggesterName, string? SuggesterPhone,
    DateTimeOffset SubmittedAt, Actor SubmittedBy, SuggestionStatus Status, string? DecisionReason, DateTimeOffset? DecidedAt, Actor? DecidedBy,
    string? Plan, DateTimeOffset? PlanPublishedAt, Actor? PlanPublishedBy)
{
    public static SuggestionView From(Suggestion s) => new(
        s.Id, s.PropertyId, s.Number, s.UnitId, s.Title, s.Content, s.SuggesterName, s.SuggesterPhone, s.SubmittedAt, new Actor(s.SubmittedById, s.SubmittedByName),
        s.Status, s.DecisionReason, s.DecidedAt, s.DecidedById is { } d ? new Actor(d, s.DecidedByName ?? "") : null,
        s.Plan, s.PlanPublishedAt, s.PlanPublishedById is { } p ? new Actor(p, s.PlanPublishedByName ?? "") : null);
}
