using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Billing.Domain;
using PropertyPlatform.Billing.Infrastructure;
using PropertyPlatform.Contracts.Billing;
using PropertyPlatform.ServiceDefaults.Apis;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Billing.Apis;

/// <summary>Meter readings (抄表): entered one by one or imported as CSV; usage becomes a bill line in the month's run.</summary>
public static class MeterReadingsApi
{
    public const int MaxImportLength = 1_000_000;

    public static IEndpointRouteBuilder MapMeterReadingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/meter-readings").WithTags("Meter readings");

        // Who may call what (README "Who may call what"): engineers read meters; finance confirms what looks wrong.
        api.MapPost("/", RecordReading).WithName("RecordMeterReading").Validate<MeterReadingRequest>().ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRoles(Roles.Engineer, Roles.Finance, Roles.Admin);
        api.MapPost("/import", ImportReadings).WithName("ImportMeterReadings").Validate<MeterReadingImportRequest>()
            .RequireRoles(Roles.Engineer, Roles.Finance, Roles.Admin);
        api.MapGet("/", ListReadings).WithName("ListMeterReadings")
            .RequireRoles(Roles.Engineer, Roles.Finance, Roles.Manager, Roles.Admin);
        api.MapPost("/{id:guid}/confirm", ConfirmReading).WithName("ConfirmMeterReading").ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRoles(Roles.Finance, Roles.Manager, Roles.Admin);
        return app;
    }

    /// <summary>Records one reading: 201 accepted, or flagged for confirmation; below the previous reading answers 409.</summary>
    public static async Task<Results<Created<MeterReadingView>, ValidationProblem, ProblemHttpResult>> RecordReading(
        MeterReadingRequest request, Caller caller, BillingDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.UnitId, cancellationToken);
        if (unit is null || !caller.CanSeeProperty(unit.PropertyId))
        {
            return ProblemResults.Invalid("unitId", "No unit with this id is known.");
        }
        var reading = await RecordAsync(db, unit, request.Item!.Value, MeterOf(request.Meter), request.ReadOn!.Value, request.Value!.Value,
            caller.AsActor(), time.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/meter-readings/{reading.Id}", MeterReadingView.From(reading));
    }

    /// <summary>
    /// Imports readings from CSV, one per line: <c>building,unit,item,meter,readOn,value</c> (a header line is skipped;
    /// <c>item</c> is <c>water</c> or <c>electricity</c>). Lines that are refused are listed with the reason and store
    /// nothing; the others are stored — accepted, or flagged for confirmation.
    /// </summary>
    public static async Task<Results<Ok<MeterReadingImportView>, ValidationProblem>> ImportReadings(
        MeterReadingImportRequest request, Caller caller, BillingDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!caller.CanSeeProperty(request.PropertyId))
        {
            return ProblemResults.Invalid("propertyId", "No property with this id is known.");
        }
        var units = await db.Units.AsNoTracking().Where(u => u.PropertyId == request.PropertyId).ToListAsync(cancellationToken);
        var byName = units.GroupBy(u => (u.BuildingName, u.Number)).ToDictionary(g => g.Key, g => g.First());
        var now = time.GetUtcNow();
        var stored = new List<MeterReading>();
        var refused = new List<MeterReadingImportProblem>();
        var lineNumber = 0;
        foreach (var raw in request.Csv!.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || (lineNumber == 1 && line.StartsWith("building", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }
            var fields = line.Split(',').Select(f => f.Trim().Trim('"')).ToArray();
            if (fields.Length != 6)
            {
                refused.Add(new(lineNumber, line, "Write six fields: building,unit,item,meter,readOn,value."));
                continue;
            }
            if (!byName.TryGetValue((fields[0], fields[1]), out var unit))
            {
                refused.Add(new(lineNumber, line, $"No unit {fields[0]} {fields[1]} is known in this property."));
                continue;
            }
            if (!QueryEnum.TryParse<FeeItem>(fields[2], out var item) || item is null || MeterReading.ItemProblem(item.Value) is not null)
            {
                refused.Add(new(lineNumber, line, "The item is water or electricity."));
                continue;
            }
            if (!DateOnly.TryParseExact(fields[4], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var readOn))
            {
                refused.Add(new(lineNumber, line, "Write the day read as yyyy-MM-dd."));
                continue;
            }
            if (!decimal.TryParse(fields[5], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                refused.Add(new(lineNumber, line, "The value is a number, e.g. 1234.5."));
                continue;
            }
            if (fields[3].Length > MeterReading.MeterMaxLength)
            {
                refused.Add(new(lineNumber, line, $"A meter's number has at most {MeterReading.MeterMaxLength} characters."));
                continue;
            }
            try
            {
                var reading = await RecordAsync(db, unit, item.Value, MeterOf(fields[3]), readOn, value, caller.AsActor(), now, cancellationToken);
                // Saved line by line: the next line of the same meter finds this one as its previous reading.
                await db.SaveChangesAsync(cancellationToken);
                stored.Add(reading);
            }
            catch (DomainRuleException rule)
            {
                refused.Add(new(lineNumber, line, rule.Message));
            }
            catch (DbUpdateException unique) when (unique.IsUniqueViolation())
            {
                db.ChangeTracker.Clear();
                refused.Add(new(lineNumber, line, "This meter has a reading of that day already."));
            }
        }
        return TypedResults.Ok(new MeterReadingImportView(
            stored.Count(r => r.Status == MeterReadingStatus.Accepted), stored.Count(r => r.Status == MeterReadingStatus.Flagged), refused.Count,
            stored.Select(MeterReadingView.From).ToList(), refused));
    }

    /// <summary>A property's readings (of a month, a unit, a status), by unit and meter, oldest first.</summary>
    public static async Task<Results<Ok<IReadOnlyList<MeterReadingView>>, ValidationProblem>> ListReadings(
        Guid? propertyId, string? period, Guid? unitId, string? status, Caller caller, BillingDbContext db, CancellationToken cancellationToken)
    {
        if (propertyId is null)
        {
            return ProblemResults.Invalid("propertyId", "Say which property's readings to list.");
        }
        if (period is not null && !BillingPeriod.TryParse(period, out _))
        {
            return ProblemResults.Invalid("period", "Write the period as yyyy-MM, e.g. 2026-07.");
        }
        if (!QueryEnum.TryParse<MeterReadingStatus>(status, out var parsedStatus))
        {
            return ProblemResults.Invalid("status", $"Status is one of: {QueryEnum.AllowedValues<MeterReadingStatus>()}.");
        }
        var query = db.MeterReadings.AsNoTracking().InPropertiesOf(caller, r => r.PropertyId).Where(r => r.PropertyId == propertyId);
        if (period is not null)
        {
            query = query.Where(r => r.Period == period);
        }
        if (unitId is not null)
        {
            query = query.Where(r => r.UnitId == unitId);
        }
        if (parsedStatus is { } s)
        {
            query = query.Where(r => r.Status == s);
        }
        var readings = await query.OrderBy(r => r.BuildingName).ThenBy(r => r.UnitNumber).ThenBy(r => r.Item).ThenBy(r => r.Meter).ThenBy(r => r.ReadOn)
            .Take(2000).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<MeterReadingView>>(readings.Select(MeterReadingView.From).ToList());
    }

    /// <summary>Confirms a flagged reading after checking the meter: its usage is billed by the next run of its month.</summary>
    public static async Task<Results<Ok<MeterReadingView>, ProblemHttpResult>> ConfirmReading(
        Guid id, Caller caller, BillingDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var reading = await db.MeterReadings.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (reading is null || !caller.CanSeeProperty(reading.PropertyId))
        {
            return ProblemResults.NotFound("meter reading", id);
        }
        reading.Confirm(caller.AsActor(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(MeterReadingView.From(reading));
    }

    private static string MeterOf(string? meter) => string.IsNullOrWhiteSpace(meter) ? "1" : meter.Trim();

    private static async Task<MeterReading> RecordAsync(
        BillingDbContext db, UnitCopy unit, FeeItem item, string meter, DateOnly readOn, decimal value, Actor by, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var earlier = await db.MeterReadings.AsNoTracking()
            .Where(r => r.UnitId == unit.Id && r.Item == item && r.Meter == meter && r.ReadOn < readOn)
            .OrderByDescending(r => r.ReadOn).Take(MeterReading.AverageOf + 1).ToListAsync(cancellationToken);
        var later = await db.MeterReadings.AsNoTracking()
            .Where(r => r.UnitId == unit.Id && r.Item == item && r.Meter == meter && r.ReadOn > readOn)
            .OrderBy(r => r.ReadOn).FirstOrDefaultAsync(cancellationToken);
        var reading = MeterReading.Record(unit, item, meter, readOn, value, earlier, later, by, now);
        db.MeterReadings.Add(reading);
        return reading;
    }
}

public sealed record MeterReadingRequest(Guid UnitId, FeeItem? Item, string? Meter, DateOnly? ReadOn, decimal? Value);

public sealed class MeterReadingRequestValidator : AbstractValidator<MeterReadingRequest>
{
    public MeterReadingRequestValidator()
    {
        RuleFor(r => r.UnitId).NotEmpty();
        RuleFor(r => r.Item).NotNull().IsInEnum().Must(i => i is null || MeterReading.ItemProblem(i.Value) is null)
            .WithMessage("Meters are read for water or electricity.");
        RuleFor(r => r.Meter).MaximumLength(MeterReading.MeterMaxLength);
        RuleFor(r => r.ReadOn).NotNull();
        RuleFor(r => r.Value).NotNull().GreaterThanOrEqualTo(0).LessThanOrEqualTo(MeterReading.MaxValue);
    }
}

public sealed record MeterReadingImportRequest(Guid PropertyId, string? Csv);

public sealed class MeterReadingImportRequestValidator : AbstractValidator<MeterReadingImportRequest>
{
    public MeterReadingImportRequestValidator()
    {
        RuleFor(r => r.PropertyId).NotEmpty();
        RuleFor(r => r.Csv).NotEmpty().MaximumLength(MeterReadingsApi.MaxImportLength);
    }
}

public sealed record MeterReadingView(
    Guid Id, Guid PropertyId, Guid UnitId, string BuildingName, string UnitNumber, FeeItem Item, string Meter, DateOnly ReadOn, string Period,
    decimal Value, decimal? Previous, decimal? Usage, MeterReadingStatus Status, string? FlagReason, DateTimeOffset ReadAt, Actor ReadBy,
    Actor? ConfirmedBy, DateTimeOffset? ConfirmedAt)
{
    public static MeterReadingView From(MeterReading r) => new(
        r.Id, r.PropertyId, r.UnitId, r.BuildingName, r.UnitNumber, r.Item, r.Meter, r.ReadOn, r.Period, r.Value, r.Previous, r.Usage, r.Status,
        r.FlagReason, r.ReadAt, new Actor(r.ReadById, r.ReadByName),
        r.ConfirmedById is { } by ? new Actor(by, r.ConfirmedByName ?? "") : null, r.ConfirmedAt);
}

/// <summary>An import's outcome: readings stored (accepted or flagged) and lines refused with the reason (1-based line numbers).</summary>
public sealed record MeterReadingImportView(
    int Accepted, int Flagged, int Refused, IReadOnlyList<MeterReadingView> Readings, IReadOnlyList<MeterReadingImportProblem> Problems);

public sealed record MeterReadingImportProblem(int Line, string Text, string Reason);
