using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;
using PropertyPlatform.WorkOrders.Domain;
using PropertyPlatform.WorkOrders.Infrastructure;

namespace PropertyPlatform.WorkOrders.Apis;

public static class WorkOrdersApi
{
    public static IEndpointRouteBuilder MapWorkOrdersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/work-orders").WithTags("Work orders");

        // Who may call what (README "Who may do what"); the scope (properties, an occupant's units) is checked in each handler.
        // The list and its export are in WorkOrderSearch.
        api.MapGet("/{id:guid}", GetWorkOrder).WithName("GetWorkOrder")
            .RequireRoles(Roles.Occupant, Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Engineer, Roles.Admin);
        api.MapPost("/", SubmitWorkOrder).WithName("SubmitWorkOrder").Validate<SubmitWorkOrderRequest>()
            .RequireRoles(Roles.Occupant, Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Admin);
        return app;
    }

    /// <summary>The order with its timeline; the ETag is the version a command's If-Match must name.</summary>
    public static async Task<Results<Ok<WorkOrderDetail>, ProblemHttpResult>> GetWorkOrder(
        Guid id, Caller caller, WorkOrdersDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var read = await ReadOrder(db, id, cancellationToken);
        // An order outside the caller's scope answers as an unknown one.
        if (read is null || !caller.CanSee(read.Order.PropertyId, read.Order.UnitId))
        {
            return ProblemResults.NotFound("work order", id);
        }

        http.Response.Headers.ETag = WorkOrderCommands.ETagOf(read.Version);
        return TypedResults.Ok(WorkOrderDetail.From(read.Order, read.Unit, read.Photos, time.GetUtcNow()));
    }

    /// <summary>What a GET of one order shows, read untracked in one round trip, its row version (the ETag) with it.</summary>
    private sealed record OrderRead(WorkOrder Order, uint Version, UnitCopy Unit, List<WorkOrderPhotoView> Photos);

    // Compiled once: the hottest read of the service. One statement (the order, its timeline and photos joined;
    // an order has a few of each, so the joined rows stay few).
    private static readonly Func<WorkOrdersDbContext, Guid, CancellationToken, Task<OrderRead?>> ReadOrder = EF.CompileAsyncQuery(
        (WorkOrdersDbContext db, Guid id, CancellationToken _) =>
            (from o in db.WorkOrders.AsNoTracking().Include(o => o.Timeline).AsSingleQuery()
             join u in db.Units on o.UnitId equals u.Id
             where o.Id == id
             select new OrderRead(
                 o,
                 EF.Property<uint>(o, "xmin"),
                 u,
                 db.Photos.Where(p => p.WorkOrderId == o.Id).OrderBy(p => p.Sequence)
                     .Select(p => new WorkOrderPhotoView(
                         p.Id, "/work-orders/" + p.WorkOrderId + "/photos/" + p.Id, p.ContentType, p.Size, p.Sha256, p.FileName, p.Stage,
                         p.UploadedById, p.UploadedByName, p.UploadedAt))
                     .ToList()))
            .FirstOrDefault());

    public static async Task<Results<Created<WorkOrderDetail>, ValidationProblem>> SubmitWorkOrder(
        SubmitWorkOrderRequest request, Caller caller, WorkOrdersDbContext db, IntakeBatches intakes,
        TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var read = await ReadIntakeUnit(db, request.UnitId, request.Priority, cancellationToken);
        // A unit outside the caller's scope (another property, or not an occupant's own) answers as an unknown one.
        if (read is null || !caller.CanSee(read.Unit.PropertyId, read.Unit.Id))
        {
            return ProblemResults.Invalid("unitId", "No unit with this id is registered.");
        }

        var intake = request.ToIntake();
        if (!caller.IsStaff)
        {
            // An occupant's own request came from their app, and they are the one to keep informed.
            intake = intake with { Channel = IntakeChannel.OccupantApp, RequesterId = caller.PersonId };
        }

        // Committed together with the other requests of the moment (IntakeBatches): they share the day's counter row.
        var (order, version) = await intakes.SubmitAsync(
            new IntakeRequest(read.Unit, read.Limit, intake, caller.AsActor(), time.GetUtcNow()), cancellationToken);

        // Answered from what is in hand: the unit just read, no photos yet, the row version the insert returned.
        http.Response.Headers.ETag = WorkOrderCommands.ETagOf(version);
        return TypedResults.Created($"/work-orders/{order.Id}", WorkOrderDetail.From(order, read.Unit, [], time.GetUtcNow()));
    }

    /// <summary>The unit of an intake and its property's time limit for the priority (null when the property keeps the default).</summary>
    private sealed record IntakeUnit(UnitCopy Unit, PropertyTimeLimit? Limit);

    // Compiled once, untracked, one round trip: the intake only reads the unit and the limit.
    private static readonly Func<WorkOrdersDbContext, Guid, WorkOrderPriority, CancellationToken, Task<IntakeUnit?>> ReadIntakeUnit =
        EF.CompileAsyncQuery((WorkOrdersDbContext db, Guid unitId, WorkOrderPriority priority, CancellationToken _) =>
            db.Units.AsNoTracking()
                .Where(u => u.Id == unitId)
                .Select(u => new IntakeUnit(u, db.TimeLimits.FirstOrDefault(l => l.PropertyId == u.PropertyId && l.Priority == priority)))
                .FirstOrDefault());
}

public sealed record SubmitWorkOrderRequest(
    Guid UnitId,
    WorkOrderCategory Category,
    WorkOrderPriority Priority,
    IntakeChannel Channel,
    string Description,
    string? Location,
    string? ContactName,
    string? ContactPhone,
    DateTimeOffset? PreferredTime,
    Guid? RequesterId = null)
{
    public WorkOrderIntake ToIntake() =>
        new(Category, Priority, Channel, Description, Location, ContactName, ContactPhone, PreferredTime, RequesterId);
}

public sealed class SubmitWorkOrderRequestValidator : AbstractValidator<SubmitWorkOrderRequest>
{
    public SubmitWorkOrderRequestValidator()
    {
        RuleFor(r => r.UnitId).NotEmpty();
        RuleFor(r => r.Category).IsInEnum();
        RuleFor(r => r.Priority).IsInEnum();
        RuleFor(r => r.Channel).IsInEnum();
        RuleFor(r => r.Description).NotEmpty().MaximumLength(WorkOrder.DescriptionMaxLength);
        RuleFor(r => r.Location).MaximumLength(200);
        RuleFor(r => r.ContactName).MaximumLength(100);
        RuleFor(r => r.ContactPhone).MaximumLength(32).Matches(@"^\+?[0-9][0-9 \-]{4,30}$").When(r => !string.IsNullOrEmpty(r.ContactPhone))
            .WithMessage("Enter a phone number of digits, optionally with +, spaces or dashes.");
    }
}
