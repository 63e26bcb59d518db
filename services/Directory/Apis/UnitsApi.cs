using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Directory.Domain;
using PropertyPlatform.Directory.Infrastructure;
using PropertyPlatform.ServiceDefaults.Apis;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Directory.Apis;

public static class UnitsApi
{
    public static IEndpointRouteBuilder MapUnitsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/units").WithTags("Units");

        api.MapGet("/", ListUnits).WithName("ListUnits").RequireRoles(Access.Anyone);
        api.MapGet("/{id:guid}", GetUnit).WithName("GetUnit").RequireRoles(Access.Anyone);
        api.MapPost("/", RegisterUnit).WithName("RegisterUnit").Validate<RegisterUnitRequest>().RequireRoles(Roles.Admin);
        api.MapPut("/{id:guid}", ReplaceUnit).WithName("ReplaceUnit").Validate<ReplaceUnitRequest>().RequireRoles(Roles.Admin);
        api.MapPatch("/{id:guid}", PatchUnit).WithName("PatchUnit").Validate<PatchUnitRequest>().RequireRoles(Roles.Admin);
        return app;
    }

    public static async Task<Results<Ok<Page<UnitView>>, ValidationProblem>> ListUnits(
        [AsParameters] UnitQuery query, [AsParameters] PageRequest page, Caller caller, DirectoryDbContext db, CancellationToken cancellationToken)
    {
        if (!QueryEnum.TryParse<UnitType>(query.Type, out var type))
        {
            return ProblemResults.Invalid("type", $"Unknown unit type; use one of: {QueryEnum.AllowedValues<UnitType>()}.");
        }

        var units = db.Units.AsNoTracking().VisibleTo(caller);
        if (query.PropertyId is { } propertyId)
        {
            units = units.Where(u => u.PropertyId == propertyId);
        }
        if (query.BuildingId is { } buildingId)
        {
            units = units.Where(u => u.BuildingId == buildingId);
        }
        if (type is { } unitType)
        {
            units = units.Where(u => u.Type == unitType);
        }

        // In the order people walk a building: by building, floor, then number.
        var rows = from u in units
                   join b in db.Buildings on u.BuildingId equals b.Id
                   orderby b.Name, b.Id, u.Floor, u.Number, u.Id
                   select new { Unit = u, BuildingName = b.Name };
        return TypedResults.Ok(await rows.ToPageAsync(page, r => UnitView.From(r.Unit, r.BuildingName), cancellationToken));
    }

    public static async Task<Results<Ok<UnitView>, ProblemHttpResult>> GetUnit(
        Guid id, Caller caller, DirectoryDbContext db, CancellationToken cancellationToken)
    {
        var row = await (from u in db.Units.AsNoTracking().VisibleTo(caller)
                         join b in db.Buildings on u.BuildingId equals b.Id
                         where u.Id == id
                         select new { Unit = u, BuildingName = b.Name }).SingleOrDefaultAsync(cancellationToken);
        return row is null ? ProblemResults.NotFound("unit", id) : TypedResults.Ok(UnitView.From(row.Unit, row.BuildingName));
    }

    public static async Task<Results<Created<UnitView>, ValidationProblem>> RegisterUnit(
        RegisterUnitRequest request, Caller caller, DirectoryDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var building = await db.Buildings.FindAsync([request.BuildingId], cancellationToken);
        if (building is null || !caller.MayManage(building.PropertyId))
        {
            return ProblemResults.Invalid("buildingId", "No building with this id is registered.");
        }

        var unit = Unit.Register(building, request.Number!, request.Floor!.Value, request.Type!.Value, request.ChargeableArea!.Value, time.GetUtcNow());
        // A number already taken is a mistake in the request (the "duplicate unit numbers → 400"), said on the field.
        var duplicate = ProblemResults.Invalid("number", $"Building '{building.Name}' already has a unit numbered '{unit.Number}'.");
        if (await db.Units.AnyAsync(u => u.BuildingId == building.Id && u.Number == unit.Number, cancellationToken))
        {
            return duplicate;
        }

        db.Units.Add(unit);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            return duplicate;
        }
        return TypedResults.Created($"/units/{unit.Id}", UnitView.From(unit, building.Name));
    }

    /// <summary>Sets floor, type and chargeable area (all three); the number and building stay.</summary>
    public static Task<Results<Ok<UnitView>, ProblemHttpResult>> ReplaceUnit(
        Guid id, ReplaceUnitRequest request, Caller caller, DirectoryDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, request.Floor, request.Type, request.ChargeableArea, caller, db, time, cancellationToken);

    /// <summary>Changes whichever of floor, type and chargeable area the request gives.</summary>
    public static Task<Results<Ok<UnitView>, ProblemHttpResult>> PatchUnit(
        Guid id, PatchUnitRequest request, Caller caller, DirectoryDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, request.Floor, request.Type, request.ChargeableArea, caller, db, time, cancellationToken);

    private static async Task<Results<Ok<UnitView>, ProblemHttpResult>> ChangeAsync(
        Guid id, int? floor, UnitType? type, decimal? chargeableArea, Caller caller, DirectoryDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null || !caller.MayManage(unit.PropertyId))
        {
            return ProblemResults.NotFound("unit", id);
        }
        var building = await db.Buildings.SingleAsync(b => b.Id == unit.BuildingId, cancellationToken);

        unit.Change(building, floor ?? unit.Floor, type ?? unit.Type, chargeableArea ?? unit.ChargeableArea, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(UnitView.From(unit, building.Name));
    }
}

/// <summary><c>type</c> is text so it can be read as the API writes it (<c>parking_space</c>).</summary>
public sealed record UnitQuery(Guid? PropertyId, Guid? BuildingId, string? Type);

/// <summary>Fields are nullable so that a missing one is reported as missing, not taken as a default (floor 0).</summary>
public sealed record RegisterUnitRequest(Guid BuildingId, string? Number, int? Floor, UnitType? Type, decimal? ChargeableArea);

public sealed class RegisterUnitRequestValidator : AbstractValidator<RegisterUnitRequest>
{
    public RegisterUnitRequestValidator()
    {
        RuleFor(r => r.BuildingId).NotEmpty();
        RuleFor(r => r.Number).NotEmpty().MaximumLength(Unit.NumberMaxLength);
        RuleFor(r => r.Floor).NotNull().InclusiveBetween(Unit.LowestFloor, Unit.HighestFloor);
        RuleFor(r => r.Type).NotNull().IsInEnum();
        RuleFor(r => r.ChargeableArea).NotNull().ChargeableArea();
    }
}

public sealed record ReplaceUnitRequest(int? Floor, UnitType? Type, decimal? ChargeableArea);

public sealed class ReplaceUnitRequestValidator : AbstractValidator<ReplaceUnitRequest>
{
    public ReplaceUnitRequestValidator()
    {
        RuleFor(r => r.Floor).NotNull().InclusiveBetween(Unit.LowestFloor, Unit.HighestFloor);
        RuleFor(r => r.Type).NotNull().IsInEnum();
        RuleFor(r => r.ChargeableArea).NotNull().ChargeableArea();
    }
}

/// <summary>Only the fields given change; an empty patch changes nothing.</summary>
public sealed record PatchUnitRequest(int? Floor, UnitType? Type, decimal? ChargeableArea);

public sealed class PatchUnitRequestValidator : AbstractValidator<PatchUnitRequest>
{
    public PatchUnitRequestValidator()
    {
        RuleFor(r => r.Floor).InclusiveBetween(Unit.LowestFloor, Unit.HighestFloor);
        RuleFor(r => r.Type).IsInEnum();
        RuleFor(r => r.ChargeableArea).ChargeableArea();
    }
}

internal static class UnitRules
{
    public static IRuleBuilderOptions<T, decimal?> ChargeableArea<T>(this IRuleBuilder<T, decimal?> rule) =>
        rule.Must(area => area is null || Unit.IsChargeableAreaAllowed(area.Value))
            .WithMessage($"Enter the chargeable area in m², above 0 and at most {Unit.MaxChargeableArea}, with at most two decimals.");
}

public sealed record UnitView(
    Guid Id,
    Guid PropertyId,
    Guid BuildingId,
    string BuildingName,
    string Number,
    int Floor,
    UnitType Type,
    decimal ChargeableArea,
    DateTimeOffset RegisteredAt)
{
    public static UnitView From(Unit u, string buildingName) =>
        new(u.Id, u.PropertyId, u.BuildingId, buildingName, u.Number, u.Floor, u.Type, u.ChargeableArea, u.RegisteredAt);
}
