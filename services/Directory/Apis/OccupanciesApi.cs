using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Directory.Domain;
using PropertyPlatform.Directory.Infrastructure;
using PropertyPlatform.ServiceDefaults.Apis;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Directory.Apis;

public static class OccupanciesApi
{
    public static IEndpointRouteBuilder MapOccupanciesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/occupancies").WithTags("Occupancies");

        api.MapGet("/", ListOccupancies).WithName("ListOccupancies").RequireRoles(Access.Anyone);
        api.MapGet("/{id:guid}", GetOccupancy).WithName("GetOccupancy").RequireRoles(Access.Anyone);
        api.MapPost("/", StartOccupancy).WithName("StartOccupancy").Validate<StartOccupancyRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict).RequireRoles(Access.PeopleDesk);
        api.MapPost("/{id:guid}/end", EndOccupancy).WithName("EndOccupancy").Validate<EndOccupancyRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict).RequireRoles(Access.PeopleDesk);
        return app;
    }

    /// <summary>Occupancies, current and ended (the history), latest move-in first.</summary>
    public static async Task<Ok<Page<OccupancyView>>> ListOccupancies(
        [AsParameters] OccupancyQuery query, [AsParameters] PageRequest page, Caller caller, DirectoryDbContext db, CancellationToken cancellationToken)
    {
        var occupancies = db.Occupancies.AsNoTracking().VisibleTo(caller);
        if (query.PropertyId is { } propertyId)
        {
            occupancies = occupancies.Where(o => o.PropertyId == propertyId);
        }
        if (query.UnitId is { } unitId)
        {
            occupancies = occupancies.Where(o => o.UnitId == unitId);
        }
        if (query.OccupantId is { } occupantId)
        {
            occupancies = occupancies.Where(o => o.OccupantId == occupantId);
        }
        if (query.Current is { } current)
        {
            occupancies = current ? occupancies.Where(o => o.EndDate == null) : occupancies.Where(o => o.EndDate != null);
        }

        return TypedResults.Ok(await Rows(db, occupancies).ToPageAsync(page, OccupancyView.From, cancellationToken));
    }

    public static async Task<Results<Ok<OccupancyView>, ProblemHttpResult>> GetOccupancy(
        Guid id, Caller caller, DirectoryDbContext db, CancellationToken cancellationToken)
    {
        var row = await Rows(db, db.Occupancies.VisibleTo(caller).Where(o => o.Id == id)).SingleOrDefaultAsync(cancellationToken);
        return row is null ? ProblemResults.NotFound("occupancy", id) : TypedResults.Ok(OccupancyView.From(row));
    }

    /// <summary>Records a move-in or handover (入伙/交付).</summary>
    public static async Task<Results<Created<OccupancyView>, ValidationProblem, ProblemHttpResult>> StartOccupancy(
        StartOccupancyRequest request, Caller caller, DirectoryDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var unit = await db.Units.FindAsync([request.UnitId], cancellationToken);
        if (unit is null || !caller.MayManage(unit.PropertyId))
        {
            return ProblemResults.Invalid("unitId", "No unit with this id is registered.");
        }
        var occupant = await db.Occupants.FindAsync([request.OccupantId], cancellationToken);
        if (occupant is null || occupant.PropertyId != unit.PropertyId)
        {
            return ProblemResults.Invalid("occupantId", "No occupant of the unit's property has this id.");
        }
        var role = request.Role!.Value;
        if (role == OccupancyRole.Resident && occupant.Kind != OccupantKind.Person)
        {
            return ProblemResults.Invalid("role", "Only a person can be a resident; a company holds a unit as its owner or tenant.");
        }

        var current = await db.Occupancies.Where(o => o.UnitId == unit.Id && o.EndDate == null).ToListAsync(cancellationToken);
        var occupancy = Occupancy.Start(unit, occupant, role, request.StartDate!.Value, current, time.GetUtcNow());
        db.Occupancies.Add(occupancy);
        await db.SaveChangesAsync(cancellationToken);

        var row = await Rows(db, db.Occupancies.Where(o => o.Id == occupancy.Id)).SingleAsync(cancellationToken);
        return TypedResults.Created($"/occupancies/{occupancy.Id}", OccupancyView.From(row));
    }

    /// <summary>Records the move-out (迁出); the occupancy stays in the unit's history.</summary>
    public static async Task<Results<Ok<OccupancyView>, ValidationProblem, ProblemHttpResult>> EndOccupancy(
        Guid id, EndOccupancyRequest request, Caller caller, DirectoryDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var occupancy = await db.Occupancies.FindAsync([id], cancellationToken);
        if (occupancy is null || !caller.MayManage(occupancy.PropertyId))
        {
            return ProblemResults.NotFound("occupancy", id);
        }

        var now = time.GetUtcNow();
        var endDate = request.EndDate!.Value;
        // An ended occupancy is a conflict (409, from the entity); a date that cannot be is the request's fault.
        if (occupancy.IsCurrent && Occupancy.EndDateProblem(occupancy.StartDate, endDate, PropertyCalendar.ChinaStandardTime.DayOf(now)) is { } problem)
        {
            return ProblemResults.Invalid("endDate", problem);
        }

        occupancy.End(endDate, now);
        await db.SaveChangesAsync(cancellationToken);
        var row = await Rows(db, db.Occupancies.Where(o => o.Id == occupancy.Id)).SingleAsync(cancellationToken);
        return TypedResults.Ok(OccupancyView.From(row));
    }

    /// <summary>The occupancies with their unit and occupant, latest move-in first.</summary>
    private static IQueryable<OccupancyRow> Rows(DirectoryDbContext db, IQueryable<Occupancy> occupancies) =>
        from o in occupancies.AsNoTracking()
        join u in db.Units on o.UnitId equals u.Id
        join b in db.Buildings on u.BuildingId equals b.Id
        join p in db.Occupants on o.OccupantId equals p.Id
        orderby o.StartDate descending, o.Id descending
        select new OccupancyRow(o, b.Name, u.Number, p.Name, p.Kind);
}

public sealed record OccupancyRow(Occupancy Occupancy, string BuildingName, string UnitNumber, string OccupantName, OccupantKind OccupantKind);

/// <summary><c>current</c>: true for who holds units now, false for ended occupancies only, absent for both.</summary>
public sealed record OccupancyQuery(Guid? PropertyId, Guid? UnitId, Guid? OccupantId, bool? Current);

public sealed record StartOccupancyRequest(Guid UnitId, Guid OccupantId, OccupancyRole? Role, DateOnly? StartDate);

public sealed class StartOccupancyRequestValidator : AbstractValidator<StartOccupancyRequest>
{
    public StartOccupancyRequestValidator(TimeProvider time)
    {
        RuleFor(r => r.UnitId).NotEmpty();
        RuleFor(r => r.OccupantId).NotEmpty();
        RuleFor(r => r.Role).NotNull().IsInEnum();
        RuleFor(r => r.StartDate).NotNull();
        RuleFor(r => r.StartDate)
            .Must(start => Occupancy.StartDateProblem(start!.Value, PropertyCalendar.ChinaStandardTime.DayOf(time.GetUtcNow())) is null)
            .When(r => r.StartDate is not null)
            .WithMessage(r => Occupancy.StartDateProblem(r.StartDate!.Value, PropertyCalendar.ChinaStandardTime.DayOf(time.GetUtcNow())));
    }
}

public sealed record EndOccupancyRequest(DateOnly? EndDate);

public sealed class EndOccupancyRequestValidator : AbstractValidator<EndOccupancyRequest>
{
    public EndOccupancyRequestValidator() => RuleFor(r => r.EndDate).NotNull();
}

public sealed record OccupancyView(
    Guid Id,
    Guid PropertyId,
    Guid UnitId,
    string BuildingName,
    string UnitNumber,
    Guid OccupantId,
    string OccupantName,
    OccupantKind OccupantKind,
    OccupancyRole Role,
    DateOnly StartDate,
    DateOnly? EndDate,
    bool Current,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt)
{
    public static OccupancyView From(OccupancyRow r) => new(
        r.Occupancy.Id, r.Occupancy.PropertyId, r.Occupancy.UnitId, r.BuildingName, r.UnitNumber, r.Occupancy.OccupantId,
        r.OccupantName, r.OccupantKind, r.Occupancy.Role, r.Occupancy.StartDate, r.Occupancy.EndDate, r.Occupancy.IsCurrent,
        r.Occupancy.StartedAt, r.Occupancy.EndedAt);
}
