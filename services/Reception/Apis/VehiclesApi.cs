using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Reception.Domain;
using PropertyPlatform.Reception.Infrastructure;
using PropertyPlatform.ServiceDefaults.Apis;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Reception.Apis;

/// <summary>Unfamiliar vehicles registered at the gate (陌生车辆登记) and the list of those on site.</summary>
public static class VehiclesApi
{
    private static readonly string[] Gate = [Roles.Security, Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Admin];

    public static IEndpointRouteBuilder MapVehiclesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/vehicles").WithTags("Vehicles");

        api.MapGet("/", ListVehicles).WithName("ListVehicles").RequireRoles(Gate);
        api.MapPost("/", RegisterVehicle).WithName("RegisterVehicle").Validate<RegisterVehicleRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict).RequireRoles(Gate);
        api.MapPost("/{id:guid}/leave", VehicleLeaves).WithName("VehicleLeaves")
            .ProducesProblem(StatusCodes.Status409Conflict).RequireRoles(Gate);
        return app;
    }

    public static async Task<Results<Ok<Page<VehicleView>>, ValidationProblem>> ListVehicles(
        [AsParameters] VehicleQuery query, [AsParameters] PageRequest page, Caller caller, ReceptionDbContext db, PropertyCalendar calendar,
        CancellationToken cancellationToken)
    {
        var vehicles = db.Vehicles.AsNoTracking().InPropertiesOf(caller, v => v.PropertyId);
        if (query.PropertyId is { } propertyId)
        {
            vehicles = vehicles.Where(v => v.PropertyId == propertyId);
        }
        if (query.OnSite is { } onSite)
        {
            vehicles = onSite ? vehicles.Where(v => v.LeftAt == null) : vehicles.Where(v => v.LeftAt != null);
        }
        if (query.Date is { } date)
        {
            if (date.Year is <= 1 or >= 9999)
            {
                return ProblemResults.Invalid("date", "The date is out of range.");
            }
            var (start, end) = calendar.DayBounds(date);
            vehicles = vehicles.Where(v => v.EnteredAt >= start && v.EnteredAt < end);
        }
        if (VehicleEntry.NormalizePlate(query.Plate) is { } plate)
        {
            vehicles = vehicles.Where(v => v.PlateNumber.Contains(plate));
        }

        var rows = from v in vehicles
                   join u in db.Units on v.HostUnitId equals (Guid?)u.Id into hosts
                   from u in hosts.DefaultIfEmpty()
                   orderby v.EnteredAt descending, v.Id descending
                   select new { Vehicle = v, Unit = u };
        return TypedResults.Ok(await rows.ToPageAsync(page, r => VehicleView.From(r.Vehicle, r.Unit), cancellationToken));
    }

    public static async Task<Results<Created<VehicleView>, ValidationProblem, ProblemHttpResult>> RegisterVehicle(
        RegisterVehicleRequest request, Caller caller, ReceptionDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!caller.CanSeeProperty(request.PropertyId))
        {
            return ProblemResults.Invalid("propertyId", "No property with this id is yours.");
        }
        UnitCopy? unit = null;
        if (request.HostUnitId is { } unitId)
        {
            unit = await db.Units.FindAsync([unitId], cancellationToken);
            if (unit is null || unit.PropertyId != request.PropertyId)
            {
                return ProblemResults.Invalid("hostUnitId", "No unit with this id is registered.");
            }
        }
        var plate = VehicleEntry.NormalizePlate(request.PlateNumber);
        if (await db.Vehicles.AnyAsync(v => v.PropertyId == request.PropertyId && v.PlateNumber == plate && v.LeftAt == null, cancellationToken))
        {
            return ProblemResults.Conflict($"{plate} is already on site: record its exit first.");
        }

        var vehicle = VehicleEntry.Register(request.PropertyId, request.PlateNumber, request.DriverName, request.DriverPhone, unit, request.Purpose,
            caller.AsActor(), time.GetUtcNow());
        db.Vehicles.Add(vehicle);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/vehicles/{vehicle.Id}", VehicleView.From(vehicle, unit));
    }

    public static async Task<Results<Ok<VehicleView>, ProblemHttpResult>> VehicleLeaves(
        Guid id, Caller caller, ReceptionDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var vehicle = await db.Vehicles.FindAsync([id], cancellationToken);
        if (vehicle is null || !caller.CanSeeProperty(vehicle.PropertyId))
        {
            return ProblemResults.NotFound("vehicle", id);
        }
        vehicle.Leave(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        var unit = vehicle.HostUnitId is { } unitId ? await db.Units.FindAsync([unitId], cancellationToken) : null;
        return TypedResults.Ok(VehicleView.From(vehicle, unit));
    }
}

public sealed record VehicleQuery(Guid? PropertyId, bool? OnSite, DateOnly? Date, string? Plate);

public sealed record RegisterVehicleRequest(
    Guid PropertyId, string PlateNumber, string DriverName, string? DriverPhone, Guid? HostUnitId, string Purpose);

public sealed class RegisterVehicleRequestValidator : AbstractValidator<RegisterVehicleRequest>
{
    public RegisterVehicleRequestValidator()
    {
        RuleFor(r => r.PropertyId).NotEmpty();
        RuleFor(r => r.PlateNumber).NotEmpty().MaximumLength(VehicleEntry.PlateMaxLength);
        RuleFor(r => r.DriverName).NotEmpty().MaximumLength(VehicleEntry.NameMaxLength);
        RuleFor(r => r.DriverPhone).MaximumLength(VehicleEntry.PhoneMaxLength);
        RuleFor(r => r.Purpose).NotEmpty().MaximumLength(VehicleEntry.PurposeMaxLength);
    }
}

public sealed record VehicleView(
    Guid Id,
    Guid PropertyId,
    string PlateNumber,
    string DriverName,
    string? DriverPhone,
    Guid? HostUnitId,
    string? HostUnitNumber,
    string? HostBuildingName,
    string Purpose,
    DateTimeOffset EnteredAt,
    string RecordedByName,
    DateTimeOffset? LeftAt,
    bool OnSite)
{
    public static VehicleView From(VehicleEntry v, UnitCopy? u) => new(
        v.Id, v.PropertyId, v.PlateNumber, v.DriverName, v.DriverPhone, v.HostUnitId, u?.Number, u?.BuildingName, v.Purpose, v.EnteredAt,
        v.RecordedByName, v.LeftAt, v.IsOnSite);
}
