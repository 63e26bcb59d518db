using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Complaints.Domain;
using PropertyPlatform.Complaints.Infrastructure;
using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.ServiceDefaults.Apis;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Complaints.Apis;

public static class ComplaintsApi
{
    /// <summary>The customer-service desk: specialists, supervisors and managers.</summary>
    internal static readonly string[] Desk = [Roles.FrontDesk, Roles.Supervisor, Roles.Manager];

    public static IEndpointRouteBuilder MapComplaintsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/complaints").WithTags("Complaints");

        // Who may call what (README "Who may call what"); occupants only ever reach their own complaints.
        api.MapGet("/", ListComplaints).WithName("ListComplaints")
            .RequireRoles(Roles.Occupant, Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Admin);
        api.MapGet("/{id:guid}", GetComplaint).WithName("GetComplaint")
            .RequireRoles(Roles.Occupant, Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Admin);
        api.MapPost("/", ReceiveComplaint).WithName("ReceiveComplaint").Validate<ReceiveComplaintRequest>()
            .RequireRoles(Roles.Occupant, Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Admin);
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
        if (!QueryEnum.TryParse<ComplaintCategory>(query.Category, out var category))
        {
            return ProblemResults.Invalid("category", $"Unknown category; use one of: {QueryEnum.AllowedValues<ComplaintCategory>()}.");
        }
        if (!QueryEnum.TryParse<ComplaintEscalationLevel>(query.EscalatedTo, out var escalatedTo))
        {
            return ProblemResults.Invalid("escalatedTo", $"Unknown level; use one of: {QueryEnum.AllowedValues<ComplaintEscalationLevel>()}.");
        }

        var complaints = db.Complaints.AsNoTracking().Include(c => c.WorkOrderRequests).Include(c => c.WorkOrders).Include(c => c.CoComplainants).VisibleTo(caller);
        if (query.PropertyId is { } propertyId)
        {
            complaints = complaints.Where(c => c.PropertyId == propertyId);
        }
        if (query.UnitId is { } unitId)
        {
            complaints = complaints.Where(c => c.UnitId == unitId);
        }
        if (status is { } wantedStatus)
        {
            complaints = complaints.Where(c => c.Status == wantedStatus);
        }
        if (tier is { } wantedTier)
        {
            complaints = complaints.Where(c => c.Tier == wantedTier);
        }
        if (category is { } wantedCategory)
        {
            complaints = complaints.Where(c => c.Category == wantedCategory);
        }
        if (escalatedTo is { } level)
        {
            complaints = complaints.Where(c => c.EscalationLevel == level && c.Status != ComplaintStatus.Closed);
        }
        if (query.OwnerId is { } ownerId)
        {
            complaints = complaints.Where(c => c.OwnerId == ownerId);
        }
        if (query.OwnedByMe == true)
        {
            complaints = complaints.Where(c => c.OwnerId == caller.PersonId);
        }
        if (query.Open == true)
        {
            complaints = complaints.Where(c => c.Status != ComplaintStatus.Closed);
        }
        if (query.HotProposed is { } proposed)
        {
            complaints = complaints.Where(c => c.HotProposed == proposed);
        }
        if (query.SimilarGroupId is { } group)
        {
            complaints = complaints.Where(c => c.SimilarGroupId == group);
        }
        if (query.Overdue is { } overdue)
        {
            complaints = complaints.Where(c =>
                ((c.ReplyFlag == ComplaintDeadlineFlag.Overdue || c.InvestigationOverdue)
                    && (c.Status == ComplaintStatus.Received || c.Status == ComplaintStatus.Investigating || c.Status == ComplaintStatus.Reopened)) == overdue);
        }

        var rows = from c in complaints.AsSplitQuery()
                   join u in db.Units on c.UnitId equals u.Id into units
                   from u in units.DefaultIfEmpty()
                   orderby c.ReceivedAt descending, c.Id descending
                   select new { Complaint = c, Unit = u };
        return TypedResults.Ok(await rows.ToPageAsync(page, r => ComplaintView.From(r.Complaint, r.Unit, caller, withTimeline: false), cancellationToken));
    }

    /// <summary>One complaint with its timeline; the <c>ETag</c> header is its version, for <c>If-Match</c> on the actions.</summary>
    public static async Task<Results<Ok<ComplaintView>, ProblemHttpResult>> GetComplaint(
        Guid id, Caller caller, HttpContext http, ComplaintCommands complaints, CancellationToken cancellationToken)
    {
        var complaint = await complaints.FindVisibleAsync(id, caller, cancellationToken);
        return complaint is null
            ? ProblemResults.NotFound("complaint", id)
            : TypedResults.Ok(await complaints.ViewAsync(complaint, caller, http, cancellationToken));
    }

    /// <summary>
    /// Takes a complaint for a property the caller works at, or — for an occupant — from one of their own units, or
    /// anonymously in their property. A unit or property outside the caller's scope gets the same answer as an unknown one.
    /// </summary>
    public static async Task<Results<Created<ComplaintView>, ValidationProblem>> ReceiveComplaint(
        ReceiveComplaintRequest request, Caller caller, ComplaintsDbContext db, DailyNumbering numbering, TimeProvider time,
        PropertyCalendar calendar, HotComplaintRule hot, CancellationToken cancellationToken)
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
            // An occupant complains from one of their units, or anonymously about their property.
            if (!request.Anonymous)
            {
                return ProblemResults.Invalid("unitId", "Name the unit you are complaining from.");
            }
            if (!caller.PropertyIds.Contains(request.PropertyId) || !await db.Units.AnyAsync(u => u.PropertyId == request.PropertyId, cancellationToken))
            {
                return ProblemResults.Invalid("propertyId", "No property with this id is known: Directory has registered no unit in it.");
            }
        }
        else if (!caller.CanSeeProperty(request.PropertyId) || !await db.Units.AnyAsync(u => u.PropertyId == request.PropertyId, cancellationToken))
        {
            // Properties are known here through their units; one without any is a typo, not a property.
            return ProblemResults.Invalid("propertyId", "No property with this id is known: Directory has registered no unit in it.");
        }

        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var number = await numbering.NextAsync(db, Complaint.NumberPrefix, request.PropertyId, now, cancellationToken);
        var complaint = Complaint.Receive(request.PropertyId, unit, number, request.ToIntake(), caller.AsActor(), caller.IsStaff, now, calendar);
        db.Complaints.Add(complaint);
        await ProposeHotAsync(complaint, unit, db, hot, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return TypedResults.Created($"/complaints/{complaint.Id}", ComplaintView.From(complaint, unit, caller, withTimeline: true));
    }

    /// <summary>
    /// Links a new complaint to the open ones of the same category about the same place received within the rule's window
    /// and, when there are enough of them, proposes them all as hot (<c>ComplaintsProposedAsHot</c>), in the intake's transaction.
    /// </summary>
    private static async Task ProposeHotAsync(
        Complaint complaint, UnitCopy? unit, ComplaintsDbContext db, HotComplaintRule hot, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var place = HotComplaintRule.PlaceOf(complaint.Location);
        if (unit is null && place is null)
        {
            return;
        }
        var since = now - hot.Window;
        var candidates = db.Complaints.Include(c => c.Timeline)
            .Where(c => c.PropertyId == complaint.PropertyId && c.Category == complaint.Category && c.Status != ComplaintStatus.Closed && c.ReceivedAt >= since);
        var similar = unit is not null
            ? await (from c in candidates join u in db.Units on c.UnitId equals u.Id where u.BuildingId == unit.BuildingId select c).ToListAsync(cancellationToken)
            : await candidates.Where(c => c.UnitId == null && c.Location != null && c.Location.Trim().ToLower() == place).ToListAsync(cancellationToken);
        if (!hot.Reached(similar.Count + 1))
        {
            return;
        }

        var groupId = similar.Select(c => c.SimilarGroupId).FirstOrDefault(g => g is not null) ?? Guid.CreateVersion7(now);
        var changed = similar.Append(complaint).Where(c => c.ProposeHot(groupId, now)).ToList();
        if (changed.Count > 0)
        {
            db.Publish(new ComplaintsProposedAsHot(Guid.CreateVersion7(now), now, complaint.PropertyId, groupId,
                similar.Append(complaint).Select(c => c.Id).ToList(), complaint.Category, unit?.BuildingName ?? complaint.Location!));
        }
    }
}

public sealed record ComplaintQuery(
    Guid? PropertyId, Guid? UnitId, string? Status, string? Tier, string? Category, string? EscalatedTo, Guid? OwnerId, bool? OwnedByMe, bool? Open,
    bool? Overdue, bool? HotProposed, Guid? SimilarGroupId);

public sealed record CoComplainantRequest(string? Name, string? Phone, string? Unit);

public sealed record ReceiveComplaintRequest(
    Guid PropertyId,
    Guid? UnitId,
    bool Anonymous,
    string? ComplainantName,
    string? ComplainantPhone,
    ComplaintChannel? Channel,
    ComplaintCategory? Category,
    ComplaintTier? Tier,
    string Description,
    string? Location = null,
    IReadOnlyList<CoComplainantRequest>? CoComplainants = null)
{
    public ComplaintIntake ToIntake() =>
        new(Channel!.Value, Category!.Value, Tier ?? ComplaintTier.General, Description, Anonymous, ComplainantName, ComplainantPhone, Location,
            CoComplainants?.Select(c => new CoComplainantDetails(c.Name!, c.Phone, c.Unit)).ToList());
}

public sealed class CoComplainantRequestValidator : AbstractValidator<CoComplainantRequest>
{
    public CoComplainantRequestValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(Complaint.NameMaxLength);
        RuleFor(c => c.Phone).MaximumLength(Complaint.PhoneMaxLength);
        RuleFor(c => c.Unit).MaximumLength(Complaint.NameMaxLength);
    }
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
        RuleFor(r => r.Location).MaximumLength(Complaint.LocationMaxLength);
        RuleFor(r => r.ComplainantName).MaximumLength(Complaint.NameMaxLength);
        RuleFor(r => r.ComplainantPhone).MaximumLength(Complaint.PhoneMaxLength).Matches(@"^\+?[0-9][0-9 \-]{4,30}$")
            .When(r => !string.IsNullOrEmpty(r.ComplainantPhone))
            .WithMessage("Enter a phone number of digits, optionally with +, spaces or dashes.");
        RuleFor(r => r.Anonymous)
            .Must((r, anonymous) => Complaint.AnonymityProblem(anonymous, r.UnitId is not null, r.ComplainantName, r.ComplainantPhone) is null)
            .WithMessage(r => Complaint.AnonymityProblem(r.Anonymous, r.UnitId is not null, r.ComplainantName, r.ComplainantPhone));
        RuleFor(r => r.CoComplainants).MaximumCount(Complaint.MaxCoComplainants)
            .WithMessage($"A complaint records at most {Complaint.MaxCoComplainants} co-complainants.");
        RuleForEach(r => r.CoComplainants).SetValidator(new CoComplainantRequestValidator());
        RuleFor(r => r.CoComplainants).Must(c => c is { Count: > 0 }).When(r => r.Tier == ComplaintTier.Collective)
            .WithMessage("A collective complaint records its co-complainants.");
        RuleFor(r => r.Tier).NotEqual(ComplaintTier.Collective).When(r => r.Anonymous)
            .WithMessage("A collective complaint names the occupants who raised it; it cannot be anonymous.");
    }
}
