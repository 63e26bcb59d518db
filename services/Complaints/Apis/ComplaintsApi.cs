using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Complaints.Domain;
using PropertyPlatform.Complaints.Infrastructure;
using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.ServiceDefaults.Apis;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;
using PropertyPlatform.ServiceDefaults.Domain;

namespace PropertyPlatform.Complaints.Apis;

public static class ComplaintsApi
{
    public static IEndpointRouteBuilder MapComplaintsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/complaints").WithTags("Complaints");

        // Who may call what (README "Who may call what"); occupants only ever reach the complaints of their own units.
        api.MapGet("/", ListComplaints).WithName("ListComplaints")
            .RequireRoles(Roles.Occupant, Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Admin);
        api.MapGet("/{id:guid}", GetComplaint).WithName("GetComplaint")
            .RequireRoles(Roles.Occupant, Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Admin);
        api.MapPost("/", ReceiveComplaint).WithName("ReceiveComplaint").Validate<ReceiveComplaintRequest>()
            .RequireRoles(Roles.Occupant, Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Admin);
        api.MapPost("/{id:guid}/investigate", StartInvestigation).WithName("StartComplaintInvestigation")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRoles(Roles.FrontDesk, Roles.Supervisor, Roles.Manager);
        api.MapPost("/{id:guid}/respond", RespondToComplaint).WithName("RespondToComplaint").Validate<RespondToComplaintRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRoles(Roles.FrontDesk, Roles.Supervisor, Roles.Manager);
        return app;
    }

    public static async Task<Results<Ok<Page<ComplaintView>>, ValidationProblem>> ListComplaints(
        [AsParameters] ComplaintQuery query, [AsParameters] PageRequest page, Caller caller, ComplaintsDbContext db,
        CancellationToken cancellationToken)
    {
        if (!QueryEnum.TryParse<ComplaintStatus>(query.Status, out var status))
        {
            return ProblemResults.Invalid("status", $"Unknown status; use one of: {QueryEnum.AllowedValues<ComplaintStatus>()}.");
        }
        if (!QueryEnum.TryParse<ComplaintTier>(query.Tier, out var tier))
        {
            return ProblemResults.Invalid("tier", $"Unknown tier; use one of: {QueryEnum.AllowedValues<ComplaintTier>()}.");
        }

        var complaints = db.Complaints.AsNoTracking().Include(c => c.WorkOrderRequests).VisibleTo(caller, c => c.PropertyId, c => c.UnitId);
        if (query.PropertyId is { } propertyId)
        {
            complaints = complaints.Where(c => c.PropertyId == propertyId);
        }
        if (status is { } wantedStatus)
        {
            complaints = complaints.Where(c => c.Status == wantedStatus);
        }
        if (tier is { } wantedTier)
        {
            complaints = complaints.Where(c => c.Tier == wantedTier);
        }

        var rows = from c in complaints
                   join u in db.Units on c.UnitId equals u.Id into units
                   from u in units.DefaultIfEmpty()
                   orderby c.ReceivedAt descending, c.Id descending
                   select new { Complaint = c, Unit = u };
        return TypedResults.Ok(await rows.ToPageAsync(page, r => ComplaintView.From(r.Complaint, r.Unit), cancellationToken));
    }

    public static async Task<Results<Ok<ComplaintView>, ProblemHttpResult>> GetComplaint(
        Guid id, Caller caller, ComplaintsDbContext db, CancellationToken cancellationToken)
    {
        var row = await (from c in db.Complaints.AsNoTracking().Include(c => c.WorkOrderRequests)
                         join u in db.Units on c.UnitId equals u.Id into units
                         from u in units.DefaultIfEmpty()
                         where c.Id == id
                         select new { Complaint = c, Unit = u }).SingleOrDefaultAsync(cancellationToken);
        return row is null || !caller.CanSee(row.Complaint.PropertyId, row.Complaint.UnitId)
            ? ProblemResults.NotFound("complaint", id)
            : TypedResults.Ok(ComplaintView.From(row.Complaint, row.Unit));
    }

    /// <summary>
    /// Takes a complaint for a property the caller works at, or — for an occupant — from one of their own units.
    /// A unit or property outside the caller's scope gets the same answer as an unknown one.
    /// </summary>
    public static async Task<Results<Created<ComplaintView>, ValidationProblem>> ReceiveComplaint(
        ReceiveComplaintRequest request, Caller caller, ComplaintsDbContext db, DailyNumbering numbering, TimeProvider time,
        CancellationToken cancellationToken)
    {
        UnitCopy? unit = null;
        if (request.UnitId is { } unitId)
        {
            unit = await db.Units.FindAsync([unitId], cancellationToken);
            if (unit is null || !caller.CanSee(unit.PropertyId, unit.Id))
            {
                return ProblemResults.Invalid("unitId", "No unit with this id is registered.");
            }
            if (unit.PropertyId != request.PropertyId)
            {
                return ProblemResults.Invalid("unitId", "The unit belongs to another property.");
            }
        }
        else if (!caller.IsStaff)
        {
            // An occupant complains from one of their units; the complaint is theirs to follow only through it.
            return ProblemResults.Invalid("unitId", "Name the unit you are complaining from.");
        }
        else if (!caller.CanSeeProperty(request.PropertyId) || !await db.Units.AnyAsync(u => u.PropertyId == request.PropertyId, cancellationToken))
        {
            // Properties are known here through their units; one without any is a typo, not a property.
            return ProblemResults.Invalid("propertyId", "No property with this id is known: Directory has registered no unit in it.");
        }

        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var number = await numbering.NextAsync(db, Complaint.NumberPrefix, request.PropertyId, now, cancellationToken);
        var complaint = Complaint.Receive(request.PropertyId, unit, number, request.ToIntake(), caller.AsActor(), now);
        db.Complaints.Add(complaint);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return TypedResults.Created($"/complaints/{complaint.Id}", ComplaintView.From(complaint, unit));
    }

    public static Task<Results<Ok<ComplaintView>, ProblemHttpResult>> StartInvestigation(
        Guid id, Caller caller, ComplaintsDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, complaint => complaint.StartInvestigation(caller.AsActor(), time.GetUtcNow()), cancellationToken);

    public static Task<Results<Ok<ComplaintView>, ProblemHttpResult>> RespondToComplaint(
        Guid id, RespondToComplaintRequest request, Caller caller, ComplaintsDbContext db, TimeProvider time,
        CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, complaint => complaint.Respond(request.ToResponse(), caller.AsActor(), time.GetUtcNow()), cancellationToken);

    /// <summary>
    /// Loads a complaint the caller may see (another property's answers as unknown), lets the entity apply (or refuse
    /// with 409) the step, and saves it with its event.
    /// </summary>
    internal static async Task<Results<Ok<ComplaintView>, ProblemHttpResult>> ChangeAsync(
        Guid id, Caller caller, ComplaintsDbContext db, Action<Complaint> change, CancellationToken cancellationToken)
    {
        var complaint = await db.Complaints.Include(c => c.WorkOrderRequests).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (complaint is null || !caller.CanSee(complaint.PropertyId, complaint.UnitId))
        {
            return ProblemResults.NotFound("complaint", id);
        }

        change(complaint);
        await db.SaveChangesAsync(cancellationToken);
        var unit = complaint.UnitId is { } unitId ? await db.Units.FindAsync([unitId], cancellationToken) : null;
        return TypedResults.Ok(ComplaintView.From(complaint, unit));
    }
}

public sealed record ComplaintQuery(Guid? PropertyId, string? Status, string? Tier);

public sealed record ReceiveComplaintRequest(
    Guid PropertyId,
    Guid? UnitId,
    bool Anonymous,
    string? ComplainantName,
    string? ComplainantPhone,
    ComplaintChannel? Channel,
    ComplaintCategory? Category,
    ComplaintTier? Tier,
    string Description)
{
    public ComplaintIntake ToIntake() =>
        new(Channel!.Value, Category!.Value, Tier ?? ComplaintTier.General, Description, Anonymous, ComplainantName, ComplainantPhone);
}

public sealed class ReceiveComplaintRequestValidator : AbstractValidator<ReceiveComplaintRequest>
{
    public ReceiveComplaintRequestValidator()
    {
        RuleFor(r => r.PropertyId).NotEmpty();
        RuleFor(r => r.UnitId).NotEqual(Guid.Empty);
        RuleFor(r => r.Channel).NotNull().IsInEnum();
        RuleFor(r => r.Category).NotNull().IsInEnum();
        RuleFor(r => r.Tier).IsInEnum();
        RuleFor(r => r.Description).NotEmpty().MaximumLength(Complaint.DescriptionMaxLength);
        RuleFor(r => r.ComplainantName).MaximumLength(Complaint.NameMaxLength);
        RuleFor(r => r.ComplainantPhone).MaximumLength(Complaint.PhoneMaxLength).Matches(@"^\+?[0-9][0-9 \-]{4,30}$")
            .When(r => !string.IsNullOrEmpty(r.ComplainantPhone))
            .WithMessage("Enter a phone number of digits, optionally with +, spaces or dashes.");
        RuleFor(r => r.Anonymous)
            .Must((r, anonymous) => Complaint.AnonymityProblem(anonymous, r.UnitId is not null, r.ComplainantName, r.ComplainantPhone) is null)
            .WithMessage(r => Complaint.AnonymityProblem(r.Anonymous, r.UnitId is not null, r.ComplainantName, r.ComplainantPhone));
    }
}

public sealed record RespondToComplaintRequest(string Finding, string ActionTaken, bool? Justified)
{
    public ComplaintResponse ToResponse() => new(Finding, ActionTaken, Justified!.Value);
}

public sealed class RespondToComplaintRequestValidator : AbstractValidator<RespondToComplaintRequest>
{
    public RespondToComplaintRequestValidator()
    {
        RuleFor(r => r.Finding).NotEmpty().MaximumLength(Complaint.ResponseTextMaxLength);
        RuleFor(r => r.ActionTaken).NotEmpty().MaximumLength(Complaint.ResponseTextMaxLength);
        RuleFor(r => r.Justified).NotNull().WithMessage("Say whether the complaint was justified (true) or not (false).");
    }
}

public sealed record ComplaintView(
    Guid Id,
    Guid PropertyId,
    string Number,
    Guid? UnitId,
    string? UnitNumber,
    string? BuildingName,
    bool Anonymous,
    string? ComplainantName,
    string? ComplainantPhone,
    ComplaintChannel Channel,
    ComplaintCategory Category,
    ComplaintTier Tier,
    ComplaintStatus Status,
    string Description,
    DateTimeOffset ReceivedAt,
    Actor? ReceivedBy,
    DateTimeOffset? InvestigationStartedAt,
    Actor? InvestigatedBy,
    DateTimeOffset? RespondedAt,
    Actor? RespondedBy,
    string? Finding,
    string? ActionTaken,
    bool? Justified,
    IReadOnlyList<ComplaintWorkOrderRequestView> WorkOrderRequests)
{
    public static ComplaintView From(Complaint c, UnitCopy? u) => new(
        c.Id, c.PropertyId, c.Number, c.UnitId, u?.Number, u?.BuildingName, c.Anonymous, c.ComplainantName, c.ComplainantPhone,
        c.Channel, c.Category, c.Tier, c.Status, c.Description,
        c.ReceivedAt, ActorOf(c.ReceivedById, c.ReceivedByName),
        c.InvestigationStartedAt, ActorOf(c.InvestigatedById, c.InvestigatedByName),
        c.RespondedAt, ActorOf(c.RespondedById, c.RespondedByName),
        c.Finding, c.ActionTaken, c.Justified,
        c.WorkOrderRequests.Select(r => new ComplaintWorkOrderRequestView(
            r.Id, r.RequestedAt, new Actor(r.RequestedById, r.RequestedByName), r.Category, r.Priority, r.Description)).ToList());

    private static Actor? ActorOf(Guid? personId, string? name) => personId is { } id ? new Actor(id, name ?? "") : null;
}
