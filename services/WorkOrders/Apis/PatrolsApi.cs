using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.ServiceDefaults.Apis;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;
using PropertyPlatform.WorkOrders.Domain;
using PropertyPlatform.WorkOrders.Infrastructure;

namespace PropertyPlatform.WorkOrders.Apis;

/// <summary>Patrols (巡查): routes with their checklists, and the records of walking them; a failure at a unit raises an order.</summary>
public static class PatrolsApi
{
    private static readonly string[] Readers = [Roles.Security, Roles.Engineer, Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Admin];

    public static IEndpointRouteBuilder MapPatrolsApi(this IEndpointRouteBuilder app)
    {
        // Who may call what: README "Patrols". The scope (the caller's properties) is checked in each handler.
        var routes = app.MapGroup("/patrol-routes").WithTags("Patrols");
        routes.MapPost("/", CreateRoute).WithName("CreatePatrolRoute").Validate<PatrolRouteRequest>()
            .RequireRoles(Roles.Supervisor, Roles.Manager, Roles.Admin);
        routes.MapGet("/", ListRoutes).WithName("ListPatrolRoutes").RequireRoles(Readers);
        routes.MapGet("/{id:guid}", GetRoute).WithName("GetPatrolRoute").RequireRoles(Readers);
        routes.MapPut("/{id:guid}", ChangeRoute).WithName("ChangePatrolRoute").Validate<PatrolRouteRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRoles(Roles.Supervisor, Roles.Manager, Roles.Admin);
        routes.MapPost("/{id:guid}/records", RecordPatrol).WithName("RecordPatrol").Validate<PatrolRecordRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRoles(Roles.Security, Roles.Engineer);

        var records = app.MapGroup("/patrol-records").WithTags("Patrols");
        records.MapGet("/", ListRecords).WithName("ListPatrolRecords").RequireRoles(Readers);
        records.MapGet("/{id:guid}", GetRecord).WithName("GetPatrolRecord").RequireRoles(Readers);
        return app;
    }

    public static async Task<Results<Created<PatrolRouteView>, ValidationProblem>> CreateRoute(
        PatrolRouteRequest request, Caller caller, WorkOrdersDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        // Properties are known here through their units: one without any is a typo, or outside the caller's scope.
        var propertyId = request.PropertyId ?? Guid.Empty;
        if (!caller.CanSeeProperty(propertyId) || !await db.Units.AnyAsync(u => u.PropertyId == propertyId, cancellationToken))
        {
            return ProblemResults.Invalid("propertyId", "No property with this id is known: Directory has registered no unit in it.");
        }

        var route = PatrolRoute.Create(propertyId, request.Name, request.Area, request.Checklist, request.Active ?? true, time.GetUtcNow());
        db.PatrolRoutes.Add(route);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/patrol-routes/{route.Id}", PatrolRouteView.From(route));
    }

    public static async Task<Ok<Page<PatrolRouteView>>> ListRoutes(
        Guid? propertyId, bool? active, [AsParameters] PageRequest page, Caller caller, WorkOrdersDbContext db, CancellationToken cancellationToken)
    {
        var routes = db.PatrolRoutes.AsNoTracking().InPropertiesOf(caller, r => r.PropertyId);
        if (propertyId is { } property)
        {
            routes = routes.Where(r => r.PropertyId == property);
        }
        if (active is { } wanted)
        {
            routes = routes.Where(r => r.Active == wanted);
        }
        return TypedResults.Ok(await routes.OrderBy(r => r.Name).ThenBy(r => r.Id).ToPageAsync(page, PatrolRouteView.From, cancellationToken));
    }

    public static async Task<Results<Ok<PatrolRouteView>, ProblemHttpResult>> GetRoute(
        Guid id, Caller caller, WorkOrdersDbContext db, CancellationToken cancellationToken)
    {
        var route = await FindRouteAsync(id, caller, db, cancellationToken);
        return route is null ? ProblemResults.NotFound("patrol route", id) : TypedResults.Ok(PatrolRouteView.From(route));
    }

    /// <summary>Changes the route; a different checklist becomes its next version. Two changes at once: the later one gets 409.</summary>
    public static async Task<Results<Ok<PatrolRouteView>, ProblemHttpResult>> ChangeRoute(
        Guid id, PatrolRouteRequest request, Caller caller, WorkOrdersDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var route = await FindRouteAsync(id, caller, db, cancellationToken);
        if (route is null)
        {
            return ProblemResults.NotFound("patrol route", id);
        }
        if (request.PropertyId is { } propertyId && propertyId != route.PropertyId)
        {
            return ProblemResults.Conflict("A patrol route stays in its property; create a new route for another one.");
        }

        route.Change(request.Name, request.Area, request.Checklist, request.Active ?? route.Active, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(PatrolRouteView.From(route));
    }

    /// <summary>
    /// Records a patrol by the guard or engineer who walked it; each failed item at a unit raises a work order with the
    /// patroller as taker, in the same transaction as the record.
    /// </summary>
    public static async Task<Results<Created<PatrolRecordView>, ProblemHttpResult, ValidationProblem>> RecordPatrol(
        Guid id, PatrolRecordRequest request, Caller caller, WorkOrdersDbContext db, WorkOrderSubmission submission, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var route = await FindRouteAsync(id, caller, db, cancellationToken);
        if (route is null)
        {
            return ProblemResults.NotFound("patrol route", id);
        }

        var units = new Dictionary<Guid, UnitCopy>();
        var answers = new List<PatrolAnswer>();
        foreach (var (answer, i) in request.Items!.Select((a, i) => (a, i)))
        {
            UnitCopy? unit = null;
            if (!answer.Passed && answer.UnitId is { } unitId)
            {
                unit = await db.Units.FindAsync([unitId], cancellationToken);
                // Another property's unit answers as an unknown one.
                if (unit is null || unit.PropertyId != route.PropertyId)
                {
                    return ProblemResults.Invalid($"items[{i}].unitId", "No unit with this id is registered.");
                }
                units[unit.Id] = unit;
            }
            answers.Add(new PatrolAnswer(answer.Item, answer.Passed, answer.Note, unit, answer.Location, answer.Category, answer.Priority));
        }

        var now = time.GetUtcNow();
        var patroller = caller.AsActor();
        var record = PatrolRecord.Make(route, request.ChecklistVersion!.Value, request.PatrolledAt!.Value, answers, patroller, now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.PatrolRecords.Add(record);
        foreach (var item in record.ItemsAwaitingOrders())
        {
            record.Link(item, await submission.SubmitAsync(units[item.UnitId!.Value], record.OrderIntakeFor(item), patroller, now, cancellationToken));
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/patrol-records/{record.Id}", PatrolRecordView.From(record));
    }

    public static async Task<Results<Ok<Page<PatrolRecordView>>, ValidationProblem>> ListRecords(
        [AsParameters] PatrolRecordQuery query, [AsParameters] PageRequest page, Caller caller, WorkOrdersDbContext db, PropertyCalendar calendar,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var from = WorkOrderFilter.Bound(query.From, "from", calendar, endOfDay: false, errors);
        var to = WorkOrderFilter.Bound(query.To, "to", calendar, endOfDay: true, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var records = db.PatrolRecords.AsNoTracking().Include(r => r.Items).InPropertiesOf(caller, r => r.PropertyId);
        if (query.PropertyId is { } propertyId)
        {
            records = records.Where(r => r.PropertyId == propertyId);
        }
        if (query.RouteId is { } routeId)
        {
            records = records.Where(r => r.RouteId == routeId);
        }
        if (from is { } start)
        {
            records = records.Where(r => r.PatrolledAt >= start);
        }
        if (to is { } end)
        {
            records = records.Where(r => r.PatrolledAt < end);
        }
        return TypedResults.Ok(await records.OrderByDescending(r => r.PatrolledAt).ThenByDescending(r => r.Id)
            .ToPageAsync(page, PatrolRecordView.From, cancellationToken));
    }

    public static async Task<Results<Ok<PatrolRecordView>, ProblemHttpResult>> GetRecord(
        Guid id, Caller caller, WorkOrdersDbContext db, CancellationToken cancellationToken)
    {
        var record = await db.PatrolRecords.AsNoTracking().Include(r => r.Items).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return record is null || !caller.CanSeeProperty(record.PropertyId)
            ? ProblemResults.NotFound("patrol record", id)
            : TypedResults.Ok(PatrolRecordView.From(record));
    }

    /// <summary>A route of the caller's properties, or null: another property's route answers as an unknown one.</summary>
    private static async Task<PatrolRoute?> FindRouteAsync(Guid id, Caller caller, WorkOrdersDbContext db, CancellationToken cancellationToken)
    {
        var route = await db.PatrolRoutes.FindAsync([id], cancellationToken);
        return route is not null && caller.CanSeeProperty(route.PropertyId) ? route : null;
    }
}

/// <summary>A new route, or the whole of a changed one (<c>propertyId</c> may be left out on a change).</summary>
public sealed record PatrolRouteRequest(Guid? PropertyId, string Name, string Area, IReadOnlyList<string> Checklist, bool? Active);

public sealed class PatrolRouteRequestValidator : AbstractValidator<PatrolRouteRequest>
{
    public PatrolRouteRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(PatrolRoute.NameMaxLength);
        RuleFor(r => r.Area).NotEmpty().MaximumLength(PatrolRoute.AreaMaxLength);
        RuleFor(r => r.Checklist).NotEmpty().WithMessage($"A checklist has 1 to {PatrolRoute.MaxItems} items.");
        RuleFor(r => r.Checklist).MaximumCount(PatrolRoute.MaxItems).WithMessage($"A checklist has 1 to {PatrolRoute.MaxItems} items.");
        RuleForEach(r => r.Checklist).NotEmpty().MaximumLength(PatrolRoute.ItemMaxLength);
    }
}

/// <summary>A walked patrol: when, against which checklist version, and one answer per item.</summary>
public sealed record PatrolRecordRequest(DateTimeOffset? PatrolledAt, int? ChecklistVersion, IReadOnlyList<PatrolAnswerRequest>? Items);

/// <summary>The answer to checklist item <c>item</c> (from 1); a failure says what (<c>note</c>) and where (a unit or a location).</summary>
public sealed record PatrolAnswerRequest(
    int Item, bool Passed, string? Note, Guid? UnitId, string? Location, WorkOrderCategory? Category, WorkOrderPriority? Priority);

public sealed class PatrolRecordRequestValidator : AbstractValidator<PatrolRecordRequest>
{
    public PatrolRecordRequestValidator()
    {
        RuleFor(r => r.PatrolledAt).NotNull().WithMessage("Say when the patrol was walked.");
        RuleFor(r => r.ChecklistVersion).NotNull().WithMessage("Name the checklist version the answers are for (the route's checklistVersion).");
        RuleFor(r => r.Items).NotEmpty().WithMessage("Answer every checklist item.");
        RuleForEach(r => r.Items).NotNull();
        // One answer per checklist item.
        RuleFor(r => r.Items).MaximumCount(PatrolRoute.MaxItems);
        RuleForEach(r => r.Items).SetValidator(new PatrolAnswerRequestValidator());
    }
}

/// <summary>One answer of a walked patrol; its own class so that the API document shows its limits.</summary>
public sealed class PatrolAnswerRequestValidator : AbstractValidator<PatrolAnswerRequest>
{
    public PatrolAnswerRequestValidator()
    {
        RuleFor(a => a.Item).GreaterThan(0);
        RuleFor(a => a.Note).MaximumLength(PatrolRecord.NoteMaxLength);
        RuleFor(a => a.Note).NotEmpty().When(a => !a.Passed).WithMessage("A failed item says what is wrong.");
        RuleFor(a => a.Location).MaximumLength(PatrolRecord.LocationMaxLength);
        RuleFor(a => a.Location).NotEmpty().When(a => !a.Passed && a.UnitId is null)
            .WithMessage("A failed item names its unit or, in a common area, its location.");
        RuleFor(a => a.UnitId).NotEqual(Guid.Empty);
        RuleFor(a => a.Category).NotNull().IsInEnum().When(a => !a.Passed && a.UnitId is not null)
            .WithMessage("A failed item at a unit gives the category of the work order it raises.");
        RuleFor(a => a.Priority).NotNull().IsInEnum().When(a => !a.Passed && a.UnitId is not null)
            .WithMessage("A failed item at a unit gives the priority of the work order it raises.");
    }
}

public sealed record PatrolRecordQuery(Guid? PropertyId, Guid? RouteId, string? From, string? To);

public sealed record PatrolRouteView(
    Guid Id, Guid PropertyId, string Name, string Area, IReadOnlyList<string> Checklist, int ChecklistVersion, bool Active,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static PatrolRouteView From(PatrolRoute r) =>
        new(r.Id, r.PropertyId, r.Name, r.Area, r.Checklist, r.ChecklistVersion, r.Active, r.CreatedAt, r.UpdatedAt);
}

public sealed record PatrolRecordView(
    Guid Id, Guid PropertyId, Guid RouteId, string RouteName, int ChecklistVersion, DateTimeOffset PatrolledAt, DateTimeOffset RecordedAt,
    Actor Patroller, int FailedItems, IReadOnlyList<PatrolRecordItemView> Items)
{
    public static PatrolRecordView From(PatrolRecord r) => new(
        r.Id, r.PropertyId, r.RouteId, r.RouteName, r.ChecklistVersion, r.PatrolledAt, r.RecordedAt, new Actor(r.PatrollerId, r.PatrollerName),
        r.Items.Count(i => !i.Passed),
        r.Items.Select(i => new PatrolRecordItemView(
            i.Item, i.Text, i.Passed, i.Note, i.UnitId, i.UnitNumber, i.Location, i.Category, i.Priority, i.WorkOrderId, i.WorkOrderNumber)).ToList());
}

public sealed record PatrolRecordItemView(
    int Item, string Text, bool Passed, string? Note, Guid? UnitId, string? UnitNumber, string? Location,
    WorkOrderCategory? Category, WorkOrderPriority? Priority, Guid? WorkOrderId, string? WorkOrderNumber);
