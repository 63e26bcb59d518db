using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Directory.Domain;
using PropertyPlatform.Directory.Infrastructure;
using PropertyPlatform.ServiceDefaults.Apis;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Directory.Apis;

public static class BuildingsApi
{
    public static IEndpointRouteBuilder MapBuildingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/buildings").WithTags("Buildings");

        api.MapGet("/", ListBuildings).WithName("ListBuildings").RequireRoles(Access.Anyone);
        api.MapGet("/{id:guid}", GetBuilding).WithName("GetBuilding").RequireRoles(Access.Anyone);
        api.MapPost("/", RegisterBuilding).WithName("RegisterBuilding").Validate<RegisterBuildingRequest>().RequireRoles(Roles.Admin);
        return app;
    }

    public static async Task<Ok<Page<BuildingView>>> ListBuildings(
        Guid? propertyId, [AsParameters] PageRequest page, Caller caller, DirectoryDbContext db, CancellationToken cancellationToken)
    {
        var buildings = db.Buildings.AsNoTracking().VisibleTo(caller, db);
        if (propertyId is { } id)
        {
            buildings = buildings.Where(b => b.PropertyId == id);
        }
        var ordered = buildings.OrderBy(b => b.PropertyId).ThenBy(b => b.Name).ThenBy(b => b.Id);
        return TypedResults.Ok(await ordered.ToPageAsync(page, BuildingView.From, cancellationToken));
    }

    public static async Task<Results<Ok<BuildingView>, ProblemHttpResult>> GetBuilding(
        Guid id, Caller caller, DirectoryDbContext db, CancellationToken cancellationToken)
    {
        var building = await db.Buildings.AsNoTracking().VisibleTo(caller, db).SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        return building is null ? ProblemResults.NotFound("building", id) : TypedResults.Ok(BuildingView.From(building));
    }

    public static async Task<Results<Created<BuildingView>, ValidationProblem, ProblemHttpResult>> RegisterBuilding(
        RegisterBuildingRequest request, Caller caller, DirectoryDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var property = await db.Properties.FindAsync([request.PropertyId], cancellationToken);
        if (property is null || !caller.MayManage(property.Id))
        {
            return ProblemResults.Invalid("propertyId", "No property with this id is registered.");
        }

        var building = Building.Register(property, request.Name!, time.GetUtcNow());
        var duplicate = ProblemResults.Conflict($"The property already has a building named '{building.Name}'.");
        if (await db.Buildings.AnyAsync(b => b.PropertyId == property.Id && b.Name == building.Name, cancellationToken))
        {
            return duplicate;
        }

        db.Buildings.Add(building);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            return duplicate;
        }
        return TypedResults.Created($"/buildings/{building.Id}", BuildingView.From(building));
    }
}

public sealed record RegisterBuildingRequest(Guid PropertyId, string? Name);

public sealed class RegisterBuildingRequestValidator : AbstractValidator<RegisterBuildingRequest>
{
    public RegisterBuildingRequestValidator()
    {
        RuleFor(r => r.PropertyId).NotEmpty();
        RuleFor(r => r.Name).NotEmpty().MaximumLength(Building.NameMaxLength);
    }
}

public sealed record BuildingView(Guid Id, Guid PropertyId, string Name, DateTimeOffset RegisteredAt)
{
    public static BuildingView From(Building b) => new(b.Id, b.PropertyId, b.Name, b.RegisteredAt);
}
