using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Reception.Domain;
using PropertyPlatform.Reception.Infrastructure;
using PropertyPlatform.ServiceDefaults.Apis;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Reception.Apis;

/// <summary>Enquiries (咨询) at the front desk: answered now, or recorded with a due time and answered later.</summary>
public static class EnquiriesApi
{
    private static readonly string[] Desk = [Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Admin];

    public static IEndpointRouteBuilder MapEnquiriesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/enquiries").WithTags("Enquiries");

        // Who may call what (README "Who may do what"); the property scope is checked in each handler.
        api.MapGet("/", ListEnquiries).WithName("ListEnquiries").RequireRoles(Desk);
        api.MapGet("/{id:guid}", GetEnquiry).WithName("GetEnquiry").RequireRoles(Desk);
        api.MapPost("/", RecordEnquiry).WithName("RecordEnquiry").Validate<RecordEnquiryRequest>().RequireRoles(Desk);
        api.MapPost("/{id:guid}/answer", AnswerEnquiry).WithName("AnswerEnquiry").Validate<AnswerEnquiryRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict).RequireRoles(Desk);
        return app;
    }

    public static async Task<Results<Ok<Page<EnquiryView>>, ValidationProblem>> ListEnquiries(
        [AsParameters] EnquiryQuery query, [AsParameters] PageRequest page, Caller caller, ReceptionDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var enquiries = db.Enquiries.AsNoTracking().InPropertiesOf(caller, e => e.PropertyId);
        if (query.PropertyId is { } propertyId)
        {
            enquiries = enquiries.Where(e => e.PropertyId == propertyId);
        }
        if (!QueryEnum.TryParse<EnquiryStatus>(query.Status, out var status))
        {
            return ProblemResults.Invalid("status", $"Unknown status; use one of: {QueryEnum.AllowedValues<EnquiryStatus>()}.");
        }
        if (status is { } wanted)
        {
            enquiries = enquiries.Where(e => e.Status == wanted);
        }
        var now = time.GetUtcNow();
        if (query.Overdue == true)
        {
            enquiries = enquiries.Where(e => e.Status == EnquiryStatus.Open && e.DueAt <= now);
        }

        // Open enquiries by when they are due (the most pressing first); then the rest, newest first.
        var ordered = enquiries.OrderBy(e => e.Status).ThenBy(e => e.DueAt).ThenByDescending(e => e.ReceivedAt).ThenBy(e => e.Id);
        return TypedResults.Ok(await ordered.ToPageAsync(page, e => EnquiryView.From(e, now), cancellationToken));
    }

    public static async Task<Results<Ok<EnquiryView>, ProblemHttpResult>> GetEnquiry(
        Guid id, Caller caller, ReceptionDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var enquiry = await FindVisibleAsync(id, caller, db, cancellationToken);
        if (enquiry is null)
        {
            return ProblemResults.NotFound("enquiry", id);
        }
        RowVersions.SetETag(http, db, enquiry);
        return TypedResults.Ok(EnquiryView.From(enquiry, time.GetUtcNow()));
    }

    public static async Task<Results<Created<EnquiryView>, ValidationProblem>> RecordEnquiry(
        RecordEnquiryRequest request, Caller caller, ReceptionDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        if (!caller.CanSeeProperty(request.PropertyId))
        {
            return ProblemResults.Invalid("propertyId", "No property with this id is known.");
        }
        if (request.UnitId is { } unitId && !await db.Units.AnyAsync(u => u.Id == unitId && u.PropertyId == request.PropertyId, cancellationToken))
        {
            return ProblemResults.Invalid("unitId", "No unit with this id is registered at the property.");
        }

        var now = time.GetUtcNow();
        var enquiry = Enquiry.Receive(request.PropertyId, request.UnitId, request.ToIntake(), request.Answer, request.DueAt, caller.AsActor(), now);
        db.Enquiries.Add(enquiry);
        await db.SaveChangesAsync(cancellationToken);
        RowVersions.SetETag(http, db, enquiry);
        return TypedResults.Created($"/enquiries/{enquiry.Id}", EnquiryView.From(enquiry, now));
    }

    public static async Task<Results<Ok<EnquiryView>, ProblemHttpResult>> AnswerEnquiry(
        Guid id, AnswerEnquiryRequest request, Caller caller, ReceptionDbContext db, TimeProvider time, HttpContext http,
        CancellationToken cancellationToken)
    {
        var enquiry = await FindVisibleAsync(id, caller, db, cancellationToken);
        if (enquiry is null)
        {
            return ProblemResults.NotFound("enquiry", id);
        }
        if (RowVersions.StaleProblem(http, db, enquiry, "enquiry") is { } stale)
        {
            return stale;
        }

        var now = time.GetUtcNow();
        enquiry.Respond(request.Answer, caller.AsActor(), now);
        await db.SaveChangesAsync(cancellationToken);
        RowVersions.SetETag(http, db, enquiry);
        return TypedResults.Ok(EnquiryView.From(enquiry, now));
    }

    private static async Task<Enquiry?> FindVisibleAsync(Guid id, Caller caller, ReceptionDbContext db, CancellationToken cancellationToken)
    {
        var enquiry = await db.Enquiries.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        return enquiry is not null && caller.CanSeeProperty(enquiry.PropertyId) ? enquiry : null;
    }
}

public sealed record EnquiryQuery(Guid? PropertyId, string? Status, bool? Overdue);

public sealed record RecordEnquiryRequest(
    Guid PropertyId,
    Guid? UnitId,
    string EnquirerName,
    string? EnquirerPhone,
    EnquiryChannel? Channel,
    string Question,
    string? Answer,
    DateTimeOffset? DueAt)
{
    public EnquiryIntake ToIntake() => new(EnquirerName, EnquirerPhone, Channel ?? EnquiryChannel.InPerson, Question);
}

public sealed class RecordEnquiryRequestValidator : AbstractValidator<RecordEnquiryRequest>
{
    public RecordEnquiryRequestValidator(TimeProvider time)
    {
        RuleFor(r => r.PropertyId).NotEmpty();
        RuleFor(r => r.EnquirerName).NotEmpty().MaximumLength(Enquiry.NameMaxLength);
        RuleFor(r => r.EnquirerPhone).MaximumLength(Enquiry.PhoneMaxLength);
        RuleFor(r => r.Channel).IsInEnum();
        RuleFor(r => r.Question).NotEmpty().MaximumLength(Enquiry.QuestionMaxLength);
        RuleFor(r => r.Answer).MaximumLength(Enquiry.AnswerMaxLength);
        // Answered now, or owed by a later time.
        RuleFor(r => r.DueAt).NotNull().When(r => string.IsNullOrWhiteSpace(r.Answer))
            .WithMessage("Answer the enquiry now, or say by when it will be answered.");
        RuleFor(r => r.DueAt).Must(due => Enquiry.DueAtProblem(due!.Value, time.GetUtcNow()) is null)
            .When(r => string.IsNullOrWhiteSpace(r.Answer) && r.DueAt is not null)
            .WithMessage(r => Enquiry.DueAtProblem(r.DueAt!.Value, time.GetUtcNow()));
    }
}

public sealed record AnswerEnquiryRequest(string Answer);

public sealed class AnswerEnquiryRequestValidator : AbstractValidator<AnswerEnquiryRequest>
{
    public AnswerEnquiryRequestValidator()
    {
        RuleFor(r => r.Answer).NotEmpty().MaximumLength(Enquiry.AnswerMaxLength);
    }
}

public sealed record EnquiryView(
    Guid Id,
    Guid PropertyId,
    Guid? UnitId,
    string EnquirerName,
    string? EnquirerPhone,
    EnquiryChannel Channel,
    string Question,
    DateTimeOffset ReceivedAt,
    string ReceivedByName,
    EnquiryStatus Status,
    DateTimeOffset? DueAt,
    bool Overdue,
    string? Answer,
    DateTimeOffset? AnsweredAt,
    string? AnsweredByName,
    bool AnsweredLate)
{
    public static EnquiryView From(Enquiry e, DateTimeOffset now) => new(
        e.Id, e.PropertyId, e.UnitId, e.EnquirerName, e.EnquirerPhone, e.Channel, e.Question, e.ReceivedAt, e.ReceivedByName, e.Status,
        e.DueAt, e.IsOverdue(now), e.Answer, e.AnsweredAt, e.AnsweredByName, e.AnsweredLate);
}
