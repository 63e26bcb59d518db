using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.Reception.Domain;
using PropertyPlatform.Reception.Infrastructure;
using PropertyPlatform.ServiceDefaults.Apis;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Reception.Apis;

/// <summary>Inspections of vacant units (空置房巡查): weekly by area, the full one on the 20th, with findings that may ask for a work order.</summary>
public static class InspectionsApi
{
    private static readonly string[] Desk = [Roles.FrontDesk, Roles.Security, Roles.Supervisor, Roles.Manager, Roles.Admin];

    public static IEndpointRouteBuilder MapInspectionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/inspections").WithTags("Inspections of vacant units");

        api.MapGet("/", ListInspections).WithName("ListInspections").RequireRoles(Desk);
        api.MapGet("/{id:guid}", GetInspection).WithName("GetInspection").RequireRoles(Desk);
        api.MapPost("/", RecordInspection).WithName("RecordInspection").Validate<RecordInspectionRequest>().RequireRoles(Desk);
        return app;
    }

    public static async Task<Results<Ok<Page<InspectionView>>, ValidationProblem>> ListInspections(
        [AsParameters] InspectionQuery query, [AsParameters] PageRequest page, Caller caller, ReceptionDbContext db,
        CancellationToken cancellationToken)
    {
        var inspections = db.Inspections.AsNoTracking().Include(i => i.Findings).InPropertiesOf(caller, i => i.PropertyId);
        if (query.PropertyId is { } propertyId)
        {
            inspections = inspections.Where(i => i.PropertyId == propertyId);
        }
        if (!QueryEnum.TryParse<InspectionKind>(query.Kind, out var kind))
        {
            return ProblemResults.Invalid("kind", $"Unknown kind; use one of: {QueryEnum.AllowedValues<InspectionKind>()}.");
        }
        if (kind is { } wanted)
        {
            inspections = inspections.Where(i => i.Kind == wanted);
        }
        if (query.UnitId is { } unitId)
        {
            inspections = inspections.Where(i => i.Findings.Any(f => f.UnitId == unitId));
        }
        return TypedResults.Ok(await inspections.OrderByDescending(i => i.InspectedOn).ThenByDescending(i => i.Id)
            .ToPageAsync(page, InspectionView.From, cancellationToken));
    }

    public static async Task<Results<Ok<InspectionView>, ProblemHttpResult>> GetInspection(
        Guid id, Caller caller, ReceptionDbContext db, CancellationToken cancellationToken)
    {
        var inspection = await db.Inspections.AsNoTracking().Include(i => i.Findings).InPropertiesOf(caller, i => i.PropertyId)
            .SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        return inspection is null ? ProblemResults.NotFound("inspection", id) : TypedResults.Ok(InspectionView.From(inspection));
    }

    public static async Task<Results<Created<InspectionView>, ValidationProblem>> RecordInspection(
        RecordInspectionRequest request, Caller caller, ReceptionDbContext db, TimeProvider time, PropertyCalendar calendar,
        CancellationToken cancellationToken)
    {
        if (!caller.CanSeeProperty(request.PropertyId))
        {
            return ProblemResults.Invalid("propertyId", "Say which of your properties was inspected.");
        }
        var findings = request.Findings ?? [];
        var unitIds = findings.Select(f => f.UnitId).Distinct().ToList();
        var units = await db.Units.Where(u => unitIds.Contains(u.Id) && u.PropertyId == request.PropertyId)
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        if (unitIds.FirstOrDefault(id => !units.ContainsKey(id)) is var unknown && unknown != Guid.Empty)
        {
            return ProblemResults.Invalid("findings", $"No unit with the id {unknown} in this property.");
        }

        var now = time.GetUtcNow();
        var inspection = VacantUnitInspection.Record(
            request.PropertyId, request.Kind!.Value, request.Area, request.InspectedOn ?? calendar.DayOf(now), request.Notes,
            findings.Select(f => (units[f.UnitId], f.Finding, f.WorkOrderCategory, f.WorkOrderPriority)).ToList(), caller.AsActor(), now,
            calendar);
        db.Inspections.Add(inspection);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/inspections/{inspection.Id}", InspectionView.From(inspection));
    }
}

public sealed record InspectionQuery(Guid? PropertyId, string? Kind, Guid? UnitId);

/// <summary>
/// A finding in a unit; <c>workOrderCategory</c> (with an optional priority, normal by default) asks WorkOrders for a
/// work order to repair it.
/// </summary>
public sealed record InspectionFindingRequest(Guid UnitId, string Finding, WorkOrderCategory? WorkOrderCategory, WorkOrderPriority? WorkOrderPriority);

public sealed class InspectionFindingRequestValidator : AbstractValidator<InspectionFindingRequest>
{
    public InspectionFindingRequestValidator()
    {
        RuleFor(f => f.UnitId).NotEmpty();
        RuleFor(f => f.Finding).NotEmpty().MaximumLength(VacantUnitInspection.FindingMaxLength);
        RuleFor(f => f.WorkOrderCategory).IsInEnum();
        RuleFor(f => f.WorkOrderPriority).IsInEnum();
    }
}

/// <summary><c>inspectedOn</c>: the property's local day it was done (today when left out).</summary>
public sealed record RecordInspectionRequest(
    Guid PropertyId,
    InspectionKind? Kind,
    string? Area,
    DateOnly? InspectedOn,
    string? Notes,
    IReadOnlyList<InspectionFindingRequest>? Findings);

public sealed class RecordInspectionRequestValidator : AbstractValidator<RecordInspectionRequest>
{
    public RecordInspectionRequestValidator(TimeProvider time, PropertyCalendar calendar)
    {
        RuleFor(r => r.PropertyId).NotEmpty();
        RuleFor(r => r.Kind).NotNull().IsInEnum();
        RuleFor(r => r.Area).MaximumLength(VacantUnitInspection.AreaMaxLength);
        RuleFor(r => r.Notes).MaximumLength(VacantUnitInspection.NotesMaxLength);
        RuleFor(r => r.Findings).MaximumCount(VacantUnitInspection.MaxFindings);
        RuleForEach(r => r.Findings).SetValidator(new InspectionFindingRequestValidator());
        RuleFor(r => r.InspectedOn).Must((r, day) => Problem(r, day, time, calendar) is null)
            .When(r => r.Kind is { } kind && Enum.IsDefined(kind))
            .WithMessage(r => Problem(r, r.InspectedOn, time, calendar));
    }

    private static string? Problem(RecordInspectionRequest r, DateOnly? day, TimeProvider time, PropertyCalendar calendar)
    {
        var today = calendar.DayOf(time.GetUtcNow());
        return VacantUnitInspection.Problem(r.Kind!.Value, r.Area, day ?? today, today);
    }
}

public sealed record InspectionFindingView(int Sequence, Guid UnitId, string BuildingName, string UnitNumber, string Finding, bool WorkOrderRequested);

public sealed record InspectionView(
    Guid Id,
    Guid PropertyId,
    InspectionKind Kind,
    string? Area,
    DateOnly InspectedOn,
    DateTimeOffset RecordedAt,
    string InspectorName,
    string? Notes,
    IReadOnlyList<InspectionFindingView> Findings)
{
    public static InspectionView From(VacantUnitInspection i) => new(
        i.Id, i.PropertyId, i.Kind, i.Area, i.InspectedOn, i.RecordedAt, i.InspectorName, i.Notes,
        i.Findings.Select(f => new InspectionFindingView(f.Sequence, f.UnitId, f.BuildingName, f.UnitNumber, f.Finding, f.WorkOrderRequested)).ToList());
}
