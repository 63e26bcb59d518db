using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Billing.Domain;
using PropertyPlatform.Billing.Infrastructure;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Billing.Apis;

/// <summary>Billing's copy of occupancies (who pays for which unit, from when to when) and each one's billing cycle.</summary>
public static class OccupanciesApi
{
    public static IEndpointRouteBuilder MapOccupanciesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/occupancies").WithTags("Occupancies");

        // Who may call what (README "Who may call what"), always within the caller's properties.
        api.MapGet("/", ListOccupancies).WithName("ListOccupancies")
            .RequireRoles(Roles.Finance, Roles.Manager, Roles.Admin);
        api.MapPut("/{id:guid}/billing-cycle", SetBillingCycle).WithName("SetBillingCycle").Validate<BillingCycleRequest>()
            .RequireRoles(Roles.Finance, Roles.Admin);
        return app;
    }

    /// <summary>A property's occupancies as Billing knows them (optionally one unit's), current and ended, by unit.</summary>
    public static async Task<Results<Ok<IReadOnlyList<OccupancyView>>, ValidationProblem>> ListOccupancies(
        Guid? propertyId, Guid? unitId, Caller caller, BillingDbContext db, CancellationToken cancellationToken)
    {
        if (propertyId is null)
        {
            return ProblemResults.Invalid("propertyId", "Say which property's occupancies to list.");
        }
        var query = db.Occupancies.AsNoTracking().InPropertiesOf(caller, o => o.PropertyId).Where(o => o.PropertyId == propertyId);
        if (unitId is not null)
        {
            query = query.Where(o => o.UnitId == unitId);
        }
        var rows = await (from o in query
                          join u in db.Units on o.UnitId equals u.Id into units
                          from u in units.DefaultIfEmpty()
                          orderby u.BuildingName, u.Number, o.StartDate
                          select new { Occupancy = o, BuildingName = u == null ? null : u.BuildingName, UnitNumber = u == null ? null : u.Number })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<OccupancyView>>(rows.Select(r => OccupancyView.From(r.Occupancy, r.BuildingName, r.UnitNumber)).ToList());
    }

    /// <summary>Sets how often the occupant is billed (monthly, or a quarter at a time); the next bill runs follow it.</summary>
    public static async Task<Results<Ok<OccupancyView>, ProblemHttpResult>> SetBillingCycle(
        Guid id, BillingCycleRequest request, Caller caller, BillingDbContext db, CancellationToken cancellationToken)
    {
        var occupancy = await db.Occupancies.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (occupancy is null || !caller.CanSeeProperty(occupancy.PropertyId))
        {
            return ProblemResults.NotFound("occupancy", id);
        }
        occupancy.SetBillingCycle(request.BillingCycle!.Value);
        await db.SaveChangesAsync(cancellationToken);
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == occupancy.UnitId, cancellationToken);
        return TypedResults.Ok(OccupancyView.From(occupancy, unit?.BuildingName, unit?.Number));
    }
}

public sealed record BillingCycleRequest(BillingCycle? BillingCycle);

public sealed class BillingCycleRequestValidator : AbstractValidator<BillingCycleRequest>
{
    public BillingCycleRequestValidator() => RuleFor(r => r.BillingCycle).NotNull().IsInEnum();
}

/// <summary>An occupancy: <c>pays</c> for owners and tenants; <c>endDate</c> null while current; unit names null when the unit is not known yet.</summary>
public sealed record OccupancyView(
    Guid Id, Guid PropertyId, Guid UnitId, string? BuildingName, string? UnitNumber, Guid OccupantId, OccupancyRole Role, bool Pays,
    DateOnly StartDate, DateOnly? EndDate, BillingCycle BillingCycle)
{
    public static OccupancyView From(OccupancyCopy o, string? buildingName, string? unitNumber) => new(
        o.Id, o.PropertyId, o.UnitId, buildingName, unitNumber, o.OccupantId, o.Role, o.Pays, o.StartDate, o.EndDate, o.BillingCycle);
}
