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

/// <summary>
/// Visit plans (回访计划): each area (building) quarterly by its staff member, every occupied unit yearly by the director.
/// Plans generate the visits due in the current period; recording a visit against one (<c>dueVisitId</c>) does it.
/// </summary>
public static class VisitPlansApi
{
    /// <summary>Who plans the visits: supervisors and managers.</summary>
    private static readonly string[] Planners = [Roles.Supervisor, Roles.Manager];

    public static IEndpointRouteBuilder MapVisitPlansApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/visit-plans").WithTags("Visit plans");
        api.MapGet("/", List).WithName("ListVisitPlans").RequireRoles([.. Desk, Roles.Admin]);
        api.MapPost("/", Create).WithName("CreateVisitPlan").Validate<CreateVisitPlanRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict).RequireRoles(Planners);
        api.MapPost("/{id:guid}/assign", Assign).WithName("AssignVisitPlan").Validate<AssignVisitPlanRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict).RequireRoles(Planners);
        api.MapPost("/{id:guid}/end", End).WithName("EndVisitPlan")
            .ProducesProblem(StatusCodes.Status409Conflict).RequireRoles(Planners);
        api.MapPost("/generate", Generate).WithName("GenerateDueVisits").Validate<GenerateDueVisitsRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict).RequireRoles(Desk);
        api.MapGet("/due-visits", ListDue).WithName("ListDueVisits").RequireRoles([.. Desk, Roles.Admin]);
        return app;
    }

    public static async Task<Ok<Page<VisitPlanView>>> List(
        Guid? propertyId, [AsParameters] PageRequest page, Caller caller, ComplaintsDbContext db, CancellationToken cancellationToken)
    {
        var plans = db.VisitPlans.AsNoTracking().InPropertiesOf(caller, p => p.PropertyId);
        if (propertyId is { } property)
        {
            plans = plans.Where(p => p.PropertyId == property);
        }
        return TypedResults.Ok(await plans.OrderBy(p => p.Kind).ThenBy(p => p.Name).ThenBy(p => p.Id).ToPageAsync(page, VisitPlanView.From, cancellationToken));
    }

    /// <summary>Makes a plan and generates its visits due now. A second plan for a building, or a second occupants' plan, is 409.</summary>
    public static async Task<Results<Created<VisitPlanView>, ValidationProblem, ProblemHttpResult>> Create(
        CreateVisitPlanRequest request, Caller caller, ComplaintsDbContext db, PropertyCalendar calendar, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!caller.CanSeeProperty(request.PropertyId) || !await db.Units.AnyAsync(u => u.PropertyId == request.PropertyId, cancellationToken))
        {
            return ProblemResults.Invalid("propertyId", "No property with this id is known: Directory has registered no unit in it.");
        }
        var assignee = new Actor(request.AssigneeId, request.AssigneeName!.Trim());
        var now = time.GetUtcNow();
        VisitPlan plan;
        if (request.Kind == VisitPlanKind.Area)
        {
            var building = await db.Units.Where(u => u.PropertyId == request.PropertyId && u.BuildingId == request.BuildingId)
                .Select(u => u.BuildingName).FirstOrDefaultAsync(cancellationToken);
            if (building is null)
            {
                return ProblemResults.Invalid("buildingId", "No building with this id is known at the property.");
            }
            if (await db.VisitPlans.AnyAsync(p => p.PropertyId == request.PropertyId && p.BuildingId == request.BuildingId && p.EndsOn == null, cancellationToken))
            {
                return ProblemResults.Conflict("The building already has a visit plan: reassign it instead.");
            }
            plan = VisitPlan.ForArea(request.PropertyId, request.BuildingId!.Value, building, assignee, caller.AsActor(), now);
        }
        else
        {
            if (await db.VisitPlans.AnyAsync(p => p.PropertyId == request.PropertyId && p.Kind == VisitPlanKind.Occupants && p.EndsOn == null, cancellationToken))
            {
                return ProblemResults.Conflict("The property already has an occupants' visit plan: reassign it instead.");
            }
            plan = VisitPlan.ForOccupants(request.PropertyId, assignee, caller.AsActor(), now);
        }
        db.VisitPlans.Add(plan);
        DueVisitGeneration.Add(db, await DueVisitGeneration.DueNowAsync(plan, db, calendar, now, cancellationToken), now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/visit-plans/{plan.Id}", VisitPlanView.From(plan));
    }

    /// <summary>Gives the plan's future visits to someone else.</summary>
    public static async Task<Results<Ok<VisitPlanView>, ProblemHttpResult>> Assign(
        Guid id, AssignVisitPlanRequest request, Caller caller, ComplaintsDbContext db, CancellationToken cancellationToken)
    {
        var plan = await db.VisitPlans.InPropertiesOf(caller, p => p.PropertyId).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (plan is null)
        {
            return ProblemResults.NotFound("visit plan", id);
        }
        plan.Reassign(new Actor(request.AssigneeId, request.AssigneeName!));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(VisitPlanView.From(plan));
    }

    /// <summary>
    /// Ends the plan from <c>endsOn</c> (default today at the property; not in the past): from that day it makes no more visits
    /// due, those already due stay to be made. Ending twice, or reassigning an ended plan, is 409; a new plan may then be made
    /// for the same building or the occupants.
    /// </summary>
    public static async Task<Results<Ok<VisitPlanView>, ProblemHttpResult>> End(
        Guid id, EndVisitPlanRequest? request, Caller caller, ComplaintsDbContext db, PropertyCalendar calendar, TimeProvider time, CancellationToken cancellationToken)
    {
        var plan = await db.VisitPlans.InPropertiesOf(caller, p => p.PropertyId).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (plan is null)
        {
            return ProblemResults.NotFound("visit plan", id);
        }
        var now = time.GetUtcNow();
        var today = calendar.DayOf(now);
        plan.End(request?.EndsOn ?? today, today, caller.AsActor(), now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(VisitPlanView.From(plan));
    }

    /// <summary>
    /// Generates the visits due in the current period for every plan of the property: a new quarter's area visits, the
    /// year's visit to a unit occupied since. Generating again creates nothing new.
    /// </summary>
    public static async Task<Results<Ok<DueVisitsGenerated>, ValidationProblem>> Generate(
        GenerateDueVisitsRequest request, Caller caller, ComplaintsDbContext db, PropertyCalendar calendar, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!caller.CanSeeProperty(request.PropertyId))
        {
            return ProblemResults.Invalid("propertyId", "No property with this id is known.");
        }
        var created = await DueVisitGeneration.AddDueNowAsync(db, calendar, time.GetUtcNow(), request.PropertyId, cancellationToken);
        // Two people generating at once: the unique (plan, subject, period) index lets one win; the other gets 409.
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new DueVisitsGenerated(created));
    }

    /// <summary>
    /// Due visits, earliest due first: <c>status=due</c> (open, in time), <c>overdue</c> (open past the period),
    /// <c>done</c>, <c>open</c> (due or overdue); <c>mine=true</c> those given to the caller.
    /// </summary>
    public static async Task<Results<Ok<Page<DueVisitView>>, ValidationProblem>> ListDue(
        Guid? propertyId, Guid? planId, string? status, bool? mine, [AsParameters] PageRequest page, Caller caller, ComplaintsDbContext db,
        PropertyCalendar calendar, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!QueryEnum.TryParse<DueVisitStatus>(status, out var wanted) && !string.Equals(status?.Trim(), "open", StringComparison.OrdinalIgnoreCase))
        {
            return ProblemResults.Invalid("status", $"Unknown status; use one of: open, {QueryEnum.AllowedValues<DueVisitStatus>()}.");
        }
        var today = calendar.DayOf(time.GetUtcNow());
        var due = db.DueVisits.AsNoTracking().InPropertiesOf(caller, d => d.PropertyId);
        if (propertyId is { } property)
        {
            due = due.Where(d => d.PropertyId == property);
        }
        if (planId is { } plan)
        {
            due = due.Where(d => d.PlanId == plan);
        }
        if (mine == true)
        {
            due = due.Where(d => d.AssigneeId == caller.PersonId);
        }
        due = wanted switch
        {
            DueVisitStatus.Due => due.Where(d => d.VisitId == null && d.DueBy >= today),
            DueVisitStatus.Overdue => due.Where(d => d.VisitId == null && d.DueBy < today),
            DueVisitStatus.Done => due.Where(d => d.VisitId != null),
            _ when status is not null && status.Trim().Equals("open", StringComparison.OrdinalIgnoreCase) => due.Where(d => d.VisitId == null),
            _ => due,
        };
        return TypedResults.Ok(await due.OrderBy(d => d.DueBy).ThenBy(d => d.Name).ThenBy(d => d.Id).ToPageAsync(page, d => DueVisitView.From(d, today), cancellationToken));
    }

}

public sealed record CreateVisitPlanRequest(Guid PropertyId, VisitPlanKind? Kind, Guid? BuildingId, Guid AssigneeId, string? AssigneeName);

public sealed record AssignVisitPlanRequest(Guid AssigneeId, string? AssigneeName);

public sealed record GenerateDueVisitsRequest(Guid PropertyId);

/// <summary><c>endsOn</c>: the first day without new due visits; today when omitted.</summary>
public sealed record EndVisitPlanRequest(DateOnly? EndsOn);

public sealed record DueVisitsGenerated(int Created);

public sealed class CreateVisitPlanRequestValidator : AbstractValidator<CreateVisitPlanRequest>
{
    public CreateVisitPlanRequestValidator()
    {
        RuleFor(r => r.PropertyId).NotEmpty();
        RuleFor(r => r.Kind).NotNull().IsInEnum();
        RuleFor(r => r.BuildingId).NotEmpty().When(r => r.Kind == VisitPlanKind.Area).WithMessage("Name the building (area) the plan visits.");
        RuleFor(r => r.BuildingId).Null().When(r => r.Kind == VisitPlanKind.Occupants).WithMessage("The occupants' plan covers every occupied unit: name no building.");
        RuleFor(r => r.AssigneeId).NotEmpty().WithMessage("Name the person who makes the visits.");
        RuleFor(r => r.AssigneeName).NotEmpty().MaximumLength(Actor.NameMaxLength);
    }
}

public sealed class AssignVisitPlanRequestValidator : AbstractValidator<AssignVisitPlanRequest>
{
    public AssignVisitPlanRequestValidator()
    {
        RuleFor(r => r.AssigneeId).NotEmpty().WithMessage("Name the person who makes the visits.");
        RuleFor(r => r.AssigneeName).NotEmpty().MaximumLength(Actor.NameMaxLength);
    }
}

public sealed class GenerateDueVisitsRequestValidator : AbstractValidator<GenerateDueVisitsRequest>
{
    public GenerateDueVisitsRequestValidator() => RuleFor(r => r.PropertyId).NotEmpty();
}

public enum DueVisitStatus
{
    Due,
    Overdue,
    Done,
}

/// <summary>A visit plan; <c>endsOn</c> (with who ended it, when) once it has been ended.</summary>
public sealed record VisitPlanView(
    Guid Id, Guid PropertyId, VisitPlanKind Kind, Guid? BuildingId, string Name, VisitCadence Cadence, Actor Assignee, DateTimeOffset CreatedAt, Actor CreatedBy,
    DateOnly? EndsOn, DateTimeOffset? EndedAt, Actor? EndedBy)
{
    public static VisitPlanView From(VisitPlan p) => new(
        p.Id, p.PropertyId, p.Kind, p.BuildingId, p.Name, p.Cadence, new Actor(p.AssigneeId, p.AssigneeName), p.CreatedAt, new Actor(p.CreatedById, p.CreatedByName),
        p.EndsOn, p.EndedAt, p.EndedById is { } by ? new Actor(by, p.EndedByName ?? "") : null);
}

/// <summary>A due visit; <c>status</c> as of today at the property.</summary>
public sealed record DueVisitView(
    Guid Id, Guid PlanId, Guid PropertyId, VisitPlanKind Kind, Guid? UnitId, string Name, string Period, DateOnly DueFrom, DateOnly DueBy,
    Actor Assignee, DueVisitStatus Status, Guid? VisitId, DateTimeOffset? DoneAt)
{
    public static DueVisitView From(DueVisit d, DateOnly today) => new(
        d.Id, d.PlanId, d.PropertyId, d.Kind, d.UnitId, d.Name, d.Period, d.DueFrom, d.DueBy, new Actor(d.AssigneeId, d.AssigneeName),
        d.VisitId is not null ? DueVisitStatus.Done : d.IsOverdue(today) ? DueVisitStatus.Overdue : DueVisitStatus.Due, d.VisitId, d.DoneAt);
}
