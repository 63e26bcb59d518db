using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Complaints.Domain;
using PropertyPlatform.Complaints.Infrastructure;
using PropertyPlatform.ServiceDefaults.Apis;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;
using static PropertyPlatform.Complaints.Apis.ComplaintsApi;

namespace PropertyPlatform.Complaints.Apis;

/// <summary>Follow-up visits (回访): recorded with a satisfaction and feedback items; each item tracked until handled.</summary>
public static class VisitsApi
{
    public static IEndpointRouteBuilder MapVisitsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/visits").WithTags("Follow-up visits");
        api.MapGet("/", List).WithName("ListVisits").RequireRoles([.. Desk, Roles.Admin]);
        api.MapGet("/{id:guid}", Get).WithName("GetVisit").RequireRoles([.. Desk, Roles.Admin]);
        api.MapPost("/", Record).WithName("RecordVisit").Validate<RecordVisitRequest>().RequireRoles(Desk);
        api.MapPost("/{id:guid}/items/{itemId:guid}/handle", Handle).WithName("HandleVisitFeedbackItem").Validate<HandleItemRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict).RequireRoles(Desk);
        return app;
    }

    /// <summary>Visits, newest first; <c>openItems=true</c>: those with feedback still to handle (the worklist).</summary>
    public static async Task<Ok<Page<VisitView>>> List(
        Guid? propertyId, Guid? unitId, bool? openItems, [AsParameters] PageRequest page, Caller caller, ComplaintsDbContext db, CancellationToken cancellationToken)
    {
        var visits = db.Visits.AsNoTracking().Include(v => v.Items).Include(v => v.Answers).AsSplitQuery().InPropertiesOf(caller, v => v.PropertyId);
        if (propertyId is { } property)
        {
            visits = visits.Where(v => v.PropertyId == property);
        }
        if (unitId is { } unit)
        {
            visits = visits.Where(v => v.UnitId == unit);
        }
        if (openItems is { } open)
        {
            visits = open ? visits.Where(v => v.OpenItems > 0) : visits.Where(v => v.OpenItems == 0);
        }
        return TypedResults.Ok(await visits.OrderByDescending(v => v.VisitedAt).ThenByDescending(v => v.Id).ToPageAsync(page, VisitView.From, cancellationToken));
    }

    public static async Task<Results<Ok<VisitView>, ProblemHttpResult>> Get(Guid id, Caller caller, ComplaintsDbContext db, CancellationToken cancellationToken)
    {
        var visit = await db.Visits.AsNoTracking().Include(v => v.Items).Include(v => v.Answers).InPropertiesOf(caller, v => v.PropertyId).SingleOrDefaultAsync(v => v.Id == id, cancellationToken);
        return visit is null ? ProblemResults.NotFound("visit", id) : TypedResults.Ok(VisitView.From(visit));
    }

    /// <summary>Records a visit made now by the caller, to a unit or an area of a property they work at.</summary>
    public static async Task<Results<Created<VisitView>, ValidationProblem>> Record(
        RecordVisitRequest request, Caller caller, ComplaintsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        DueVisit? due = null;
        if (request.DueVisitId is { } dueId)
        {
            due = await db.DueVisits.InPropertiesOf(caller, d => d.PropertyId).SingleOrDefaultAsync(d => d.Id == dueId && d.PropertyId == request.PropertyId, cancellationToken);
            if (due is null)
            {
                return ProblemResults.Invalid("dueVisitId", "No due visit with this id is known at the property.");
            }
        }
        UnitCopy? unit = null;
        // A unit's due visit is to its unit, named or not.
        if ((request.UnitId ?? due?.UnitId) is { } unitId)
        {
            unit = await db.Units.FindAsync([unitId], cancellationToken);
            if (unit is null || unit.PropertyId != request.PropertyId || !caller.CanSeeProperty(unit.PropertyId))
            {
                return ProblemResults.Invalid("unitId", "No unit with this id is registered.");
            }
        }
        else if (!caller.CanSeeProperty(request.PropertyId) || !await db.Units.AnyAsync(u => u.PropertyId == request.PropertyId, cancellationToken))
        {
            return ProblemResults.Invalid("propertyId", "No property with this id is known: Directory has registered no unit in it.");
        }
        Survey? survey = null;
        if (request.SurveyId is { } surveyId)
        {
            survey = await db.Surveys.Include(s => s.Questions).SingleOrDefaultAsync(s => s.Id == surveyId && s.PropertyId == request.PropertyId, cancellationToken);
            if (survey is null)
            {
                return ProblemResults.Invalid("surveyId", "No questionnaire with this id is known at the property.");
            }
        }
        var answers = (request.Answers ?? []).Select(a => (a.QuestionId, a.Score, a.Text)).ToList();
        if (survey is not null)
        {
            // Answers that do not fit the questions are bad input (400), not a refused step.
            try
            {
                survey.Answer(Guid.Empty, answers);
            }
            catch (DomainRuleException wrong)
            {
                return ProblemResults.Invalid("answers", wrong.Message);
            }
        }

        var visit = FollowUpVisit.Record(request.PropertyId, unit, request.Area, request.Method!.Value, request.Satisfaction!.Value, request.Notes,
            request.FeedbackItems ?? [], caller.AsActor(), time.GetUtcNow(), survey,
            answers, due);
        db.Visits.Add(visit);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/visits/{visit.Id}", VisitView.From(visit));
    }

    /// <summary>Marks a feedback item handled; an item already handled answers 409.</summary>
    public static async Task<Results<Ok<VisitView>, ProblemHttpResult>> Handle(
        Guid id, Guid itemId, HandleItemRequest request, Caller caller, ComplaintsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var visit = await db.Visits.Include(v => v.Items).Include(v => v.Answers).InPropertiesOf(caller, v => v.PropertyId).SingleOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (visit is null)
        {
            return ProblemResults.NotFound("visit", id);
        }
        visit.HandleItem(itemId, request.Resolution!, caller.AsActor(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(VisitView.From(visit));
    }
}

public sealed record RecordVisitRequest(
    Guid PropertyId, Guid? UnitId, string? Area, VisitMethod? Method, int? Satisfaction, string? Notes, IReadOnlyList<string>? FeedbackItems,
    Guid? DueVisitId = null, Guid? SurveyId = null, IReadOnlyList<VisitAnswerRequest>? Answers = null);

/// <summary>An answer to a questionnaire's question: a <c>score</c> 1–5 or a <c>text</c>, as the question asks.</summary>
public sealed record VisitAnswerRequest(Guid QuestionId, int? Score, string? Text);

public sealed record HandleItemRequest(string? Resolution);

public sealed class RecordVisitRequestValidator : AbstractValidator<RecordVisitRequest>
{
    public RecordVisitRequestValidator()
    {
        RuleFor(r => r.PropertyId).NotEmpty();
        RuleFor(r => r.UnitId).NotEqual(Guid.Empty);
        RuleFor(r => r.Area).NotEmpty().When(r => r.UnitId is null && r.DueVisitId is null).WithMessage("Name the unit or the area visited.").MaximumLength(Complaint.LocationMaxLength);
        RuleFor(r => r.Method).NotNull().IsInEnum();
        RuleFor(r => r.Satisfaction).NotNull().InclusiveBetween(1, 5);
        RuleFor(r => r.Notes).MaximumLength(FollowUpVisit.TextMaxLength);
        RuleFor(r => r.FeedbackItems).MaximumCount(FollowUpVisit.MaxItems)
            .WithMessage($"A visit records at most {FollowUpVisit.MaxItems} feedback items.");
        RuleForEach(r => r.FeedbackItems).NotEmpty().MaximumLength(FollowUpVisit.TextMaxLength);
        RuleFor(r => r.Answers).MaximumCount(Survey.MaxQuestions).WithMessage($"A questionnaire asks at most {Survey.MaxQuestions} questions.");
        RuleFor(r => r.Answers).Empty().When(r => r.SurveyId is null).WithMessage("Answers are to a questionnaire: name it (surveyId).");
        RuleForEach(r => r.Answers).SetValidator(new VisitAnswerRequestValidator());
    }
}

public sealed class VisitAnswerRequestValidator : AbstractValidator<VisitAnswerRequest>
{
    public VisitAnswerRequestValidator()
    {
        RuleFor(a => a.QuestionId).NotEmpty();
        RuleFor(a => a.Score).InclusiveBetween(1, 5);
        RuleFor(a => a.Text).MaximumLength(FollowUpVisit.TextMaxLength);
    }
}

public sealed class HandleItemRequestValidator : AbstractValidator<HandleItemRequest>
{
    public HandleItemRequestValidator() => RuleFor(r => r.Resolution).NotEmpty().MaximumLength(FollowUpVisit.TextMaxLength);
}

/// <summary>A visit with its feedback items (<c>handled</c> null while open) and its questionnaire's answers.</summary>
public sealed record VisitView(
    Guid Id, Guid PropertyId, Guid? UnitId, string? Area, VisitMethod Method, DateTimeOffset VisitedAt, Actor VisitedBy, int Satisfaction, string? Notes,
    int OpenItems, IReadOnlyList<VisitFeedbackItemView> FeedbackItems, Guid? DueVisitId, Guid? SurveyId, decimal? SurveyScore, IReadOnlyList<VisitAnswerView> Answers)
{
    public static VisitView From(FollowUpVisit v) => new(
        v.Id, v.PropertyId, v.UnitId, v.Area, v.Method, v.VisitedAt, new Actor(v.VisitedById, v.VisitedByName), v.Satisfaction, v.Notes, v.OpenItems,
        v.Items.Select(i => new VisitFeedbackItemView(i.Id, i.Sequence, i.Text, i.HandledAt is { } at
            ? new VisitItemHandling(at, new Actor(i.HandledById!.Value, i.HandledByName!), i.Resolution!) : null)).ToList(),
        v.DueVisitId, v.SurveyId, v.SurveyScore, v.Answers.Select(a => new VisitAnswerView(a.QuestionId, a.Sequence, a.Score, a.Text)).ToList());
}

public sealed record VisitAnswerView(Guid QuestionId, int Sequence, int? Score, string? Text);

public sealed record VisitFeedbackItemView(Guid Id, int Sequence, string Text, VisitItemHandling? Handled);

public sealed record VisitItemHandling(DateTimeOffset At, Actor By, string Resolution);
