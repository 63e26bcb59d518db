using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Complaints.Domain;
using PropertyPlatform.Complaints.Infrastructure;
using PropertyPlatform.ServiceDefaults.Apis;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;
using static PropertyPlatform.Complaints.Apis.ComplaintsApi;

namespace PropertyPlatform.Complaints.Apis;

/// <summary>Questionnaires (满意度调查问卷) answered on follow-up visits, and what they scored.</summary>
public static class SurveysApi
{
    public static IEndpointRouteBuilder MapSurveysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/surveys").WithTags("Surveys");
        api.MapGet("/", List).WithName("ListSurveys").RequireRoles([.. Desk, Roles.Admin]);
        api.MapGet("/{id:guid}", Get).WithName("GetSurvey").RequireRoles([.. Desk, Roles.Admin]);
        api.MapPost("/", Create).WithName("CreateSurvey").Validate<CreateSurveyRequest>().RequireRoles(Roles.Supervisor, Roles.Manager);
        api.MapPost("/{id:guid}/retire", Retire).WithName("RetireSurvey").ProducesProblem(StatusCodes.Status409Conflict).RequireRoles(Roles.Supervisor, Roles.Manager);
        api.MapGet("/{id:guid}/results", Results).WithName("GetSurveyResults").RequireRoles(Roles.Supervisor, Roles.Manager, Roles.Admin);
        return app;
    }

    /// <summary>Questionnaires, newest first; <c>current=true</c>: those still taking answers.</summary>
    public static async Task<Ok<Page<SurveyView>>> List(
        Guid? propertyId, bool? current, [AsParameters] PageRequest page, Caller caller, ComplaintsDbContext db, CancellationToken cancellationToken)
    {
        var surveys = db.Surveys.AsNoTracking().Include(s => s.Questions).InPropertiesOf(caller, s => s.PropertyId);
        if (propertyId is { } property)
        {
            surveys = surveys.Where(s => s.PropertyId == property);
        }
        if (current is { } wanted)
        {
            surveys = surveys.Where(s => s.Retired != wanted);
        }
        return TypedResults.Ok(await surveys.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).ToPageAsync(page, SurveyView.From, cancellationToken));
    }

    public static async Task<Results<Ok<SurveyView>, ProblemHttpResult>> Get(Guid id, Caller caller, ComplaintsDbContext db, CancellationToken cancellationToken)
    {
        var survey = await db.Surveys.AsNoTracking().Include(s => s.Questions).InPropertiesOf(caller, s => s.PropertyId).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return survey is null ? ProblemResults.NotFound("survey", id) : TypedResults.Ok(SurveyView.From(survey));
    }

    public static async Task<Results<Created<SurveyView>, ValidationProblem>> Create(
        CreateSurveyRequest request, Caller caller, ComplaintsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!caller.CanSeeProperty(request.PropertyId) || !await db.Units.AnyAsync(u => u.PropertyId == request.PropertyId, cancellationToken))
        {
            return ProblemResults.Invalid("propertyId", "No property with this id is known: Directory has registered no unit in it.");
        }
        var survey = Survey.Create(request.PropertyId, request.Title!,
            request.Questions!.Select(q => (q.Text!, q.Kind!.Value, q.Required ?? true)).ToList(), caller.AsActor(), time.GetUtcNow());
        db.Surveys.Add(survey);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/surveys/{survey.Id}", SurveyView.From(survey));
    }

    public static async Task<Results<Ok<SurveyView>, ProblemHttpResult>> Retire(Guid id, Caller caller, ComplaintsDbContext db, CancellationToken cancellationToken)
    {
        var survey = await db.Surveys.Include(s => s.Questions).InPropertiesOf(caller, s => s.PropertyId).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (survey is null)
        {
            return ProblemResults.NotFound("survey", id);
        }
        survey.Retire();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(SurveyView.From(survey));
    }

    /// <summary>What the questionnaire scored: per score question the answers' count and average (1–5), and overall.</summary>
    public static async Task<Results<Ok<SurveyResults>, ProblemHttpResult>> Results(Guid id, Caller caller, ComplaintsDbContext db, CancellationToken cancellationToken)
    {
        var survey = await db.Surveys.AsNoTracking().Include(s => s.Questions).InPropertiesOf(caller, s => s.PropertyId).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (survey is null)
        {
            return ProblemResults.NotFound("survey", id);
        }
        var answers = await (from a in db.Set<VisitAnswer>()
                             join v in db.Visits on a.VisitId equals v.Id
                             where v.SurveyId == id
                             select a).AsNoTracking().ToListAsync(cancellationToken);
        var visits = answers.Select(a => a.VisitId).Distinct().Count();
        var questions = survey.Questions.Select(q =>
        {
            var given = answers.Where(a => a.QuestionId == q.Id).ToList();
            return new SurveyQuestionResult(q.Id, q.Sequence, q.Text, q.Kind, given.Count, Survey.ScoreOf(given));
        }).ToList();
        return TypedResults.Ok(new SurveyResults(survey.Id, survey.Title, visits, Survey.ScoreOf(answers), questions));
    }
}

public sealed record CreateSurveyRequest(Guid PropertyId, string? Title, IReadOnlyList<SurveyQuestionRequest>? Questions);

public sealed record SurveyQuestionRequest(string? Text, QuestionKind? Kind, bool? Required);

public sealed class CreateSurveyRequestValidator : AbstractValidator<CreateSurveyRequest>
{
    public CreateSurveyRequestValidator()
    {
        RuleFor(r => r.PropertyId).NotEmpty();
        RuleFor(r => r.Title).NotEmpty().MaximumLength(Survey.TitleMaxLength);
        RuleFor(r => r.Questions).NotEmpty().MaximumCount(Survey.MaxQuestions)
            .WithMessage($"A questionnaire asks 1 to {Survey.MaxQuestions} questions.");
        RuleForEach(r => r.Questions).SetValidator(new SurveyQuestionRequestValidator());
    }
}

public sealed class SurveyQuestionRequestValidator : AbstractValidator<SurveyQuestionRequest>
{
    public SurveyQuestionRequestValidator()
    {
        RuleFor(q => q.Text).NotEmpty().MaximumLength(Survey.QuestionMaxLength);
        RuleFor(q => q.Kind).NotNull().IsInEnum();
    }
}

public sealed record SurveyView(Guid Id, Guid PropertyId, string Title, bool Retired, DateTimeOffset CreatedAt, Actor CreatedBy, IReadOnlyList<SurveyQuestionView> Questions)
{
    public static SurveyView From(Survey s) => new(
        s.Id, s.PropertyId, s.Title, s.Retired, s.CreatedAt, new Actor(s.CreatedById, s.CreatedByName),
        s.Questions.Select(q => new SurveyQuestionView(q.Id, q.Sequence, q.Text, q.Kind, q.Required)).ToList());
}

public sealed record SurveyQuestionView(Guid Id, int Sequence, string Text, QuestionKind Kind, bool Required);

/// <summary>A questionnaire's results: visits that answered it, the average of all score answers, and per question.</summary>
public sealed record SurveyResults(Guid SurveyId, string Title, int Visits, decimal? AverageScore, IReadOnlyList<SurveyQuestionResult> Questions);

public sealed record SurveyQuestionResult(Guid QuestionId, int Sequence, string Text, QuestionKind Kind, int Answers, decimal? AverageScore);
