using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Billing.Domain;
using PropertyPlatform.Billing.Infrastructure;
using PropertyPlatform.Contracts.Billing;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Billing.Apis;

public static class FeeSchedulesApi
{
    public static IEndpointRouteBuilder MapFeeSchedulesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/fee-schedules").WithTags("Fee schedules");

        // Who may call what (README "Who may call what"), always within the caller's properties.
        api.MapGet("/", ListRatesInEffect).WithName("ListRatesInEffect")
            .RequireRoles(Roles.Finance, Roles.Manager, Roles.Supervisor, Roles.Admin);
        api.MapGet("/{id:guid}", GetFeeSchedule).WithName("GetFeeSchedule")
            .RequireRoles(Roles.Finance, Roles.Manager, Roles.Supervisor, Roles.Admin);
        api.MapPost("/", SetFeeRate).WithName("SetFeeRate").Validate<SetFeeRateRequest>().ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRoles(Roles.Finance, Roles.Admin);
        return app;
    }

    /// <summary>
    /// The rates of a property in effect on a day (today, in the property's time zone, by default); a property
    /// outside the caller's scope has none, as an unknown one.
    /// </summary>
    public static async Task<Results<Ok<RatesInEffectView>, ValidationProblem>> ListRatesInEffect(
        Guid? propertyId, DateOnly? asOf, Caller caller, BillingDbContext db, PropertyCalendar calendar, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (propertyId is null)
        {
            return ProblemResults.Invalid("propertyId", "Say which property's fee schedule to show.");
        }

        var day = asOf ?? calendar.DayOf(time.GetUtcNow());
        var schedules = await db.FeeSchedules.AsNoTracking().InPropertiesOf(caller, s => s.PropertyId)
            .Include(s => s.Rates.Where(r => r.EffectiveFrom <= day))
            .Where(s => s.PropertyId == propertyId)
            .ToListAsync(cancellationToken);
        var rates = schedules
            .Select(s => (Schedule: s, Rate: s.RateOn(day)))
            .Where(x => x.Rate is not null)
            .OrderBy(x => x.Schedule.Item).ThenBy(x => x.Schedule.UnitType)
            .Select(x => RateInEffectView.From(x.Schedule, x.Rate!))
            .ToList();
        return TypedResults.Ok(new RatesInEffectView(propertyId.Value, day, rates));
    }

    public static async Task<Results<Ok<FeeScheduleView>, ProblemHttpResult>> GetFeeSchedule(
        Guid id, Caller caller, BillingDbContext db, CancellationToken cancellationToken)
    {
        var schedule = await db.FeeSchedules.AsNoTracking().Include(s => s.Rates).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return schedule is null || !caller.CanSee(schedule.PropertyId, null)
            ? ProblemResults.NotFound("fee schedule", id)
            : TypedResults.Ok(FeeScheduleView.From(schedule));
    }

    /// <summary>
    /// Sets a rate of a property's fee item (and unit type) from a date on. The first rate creates the schedule;
    /// later ones supersede the earlier from their date, and the history is kept. A property outside the caller's
    /// scope gets the answer of an unknown one.
    /// </summary>
    public static async Task<Results<Created<FeeScheduleView>, ValidationProblem, ProblemHttpResult>> SetFeeRate(
        SetFeeRateRequest request, Caller caller, BillingDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!caller.CanSeeProperty(request.PropertyId) || !await db.Units.AnyAsync(u => u.PropertyId == request.PropertyId, cancellationToken))
        {
            // Properties are known here through their units; one without any is a typo, not a property.
            return ProblemResults.Invalid("propertyId", "No property with this id is known: Directory has registered no unit in it.");
        }

        var now = time.GetUtcNow();
        var item = request.Item!.Value;
        var schedule = await db.FeeSchedules.Include(s => s.Rates)
            .SingleOrDefaultAsync(s => s.PropertyId == request.PropertyId && s.Item == item && s.UnitType == request.UnitType, cancellationToken);
        if (schedule is null)
        {
            schedule = FeeSchedule.Create(request.PropertyId, item, request.UnitType, now);
            db.FeeSchedules.Add(schedule);
        }

        schedule.SetRate(request.Rate!.Value, request.EffectiveFrom!.Value, caller.AsActor(), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // Someone created the same schedule, or set a rate for the same day, in the same moment.
            return ProblemResults.Conflict("Someone set a rate of this fee schedule at the same moment; reload it and try again.");
        }

        return TypedResults.Created($"/fee-schedules/{schedule.Id}", FeeScheduleView.From(schedule));
    }
}

public sealed record SetFeeRateRequest(Guid PropertyId, FeeItem? Item, UnitType? UnitType, decimal? Rate, DateOnly? EffectiveFrom);

public sealed class SetFeeRateRequestValidator : AbstractValidator<SetFeeRateRequest>
{
    public SetFeeRateRequestValidator()
    {
        RuleFor(r => r.PropertyId).NotEmpty();
        RuleFor(r => r.Item).NotNull().IsInEnum();
        RuleFor(r => r.Item).NotEqual(FeeItem.PaidService).WithMessage("Paid services are charged from their work orders, not from a fee schedule.");
        RuleFor(r => r.Item).NotEqual(FeeItem.LateFee).WithMessage("Late fees follow the late-fee rule (/fee-schedules/late-fee-rules), not a rate.");
        RuleFor(r => r.UnitType).IsInEnum();
        RuleFor(r => r.UnitType).Must((r, unitType) => FeeSchedule.UnitTypeProblem(r.Item!.Value, unitType) is null)
            .When(r => r.Item is { } item && Enum.IsDefined(item))
            .WithMessage(r => FeeSchedule.UnitTypeProblem(r.Item!.Value, r.UnitType));
        RuleFor(r => r.Rate).NotNull();
        RuleFor(r => r.Rate).Must(rate => FeeSchedule.RateProblem(rate!.Value) is null).When(r => r.Rate is not null)
            .WithMessage(r => FeeSchedule.RateProblem(r.Rate!.Value));
        RuleFor(r => r.EffectiveFrom).NotNull();
    }
}

/// <summary>A fee schedule with its whole rate history, latest first.</summary>
public sealed record FeeScheduleView(
    Guid Id,
    Guid PropertyId,
    FeeItem Item,
    UnitType? UnitType,
    FeeBasis Basis,
    IReadOnlyList<FeeRateView> Rates)
{
    public static FeeScheduleView From(FeeSchedule s) => new(
        s.Id, s.PropertyId, s.Item, s.UnitType, s.Basis,
        s.Rates.OrderByDescending(r => r.EffectiveFrom).Select(FeeRateView.From).ToList());
}

public sealed record FeeRateView(decimal Rate, DateOnly EffectiveFrom, DateTimeOffset SetAt, Actor? SetBy)
{
    public static FeeRateView From(FeeRate r) =>
        new(r.Rate, r.EffectiveFrom, r.SetAt, r.SetById is { } id ? new Actor(id, r.SetByName ?? "") : null);
}

/// <summary>A property's fee schedule as it stands on a day.</summary>
public sealed record RatesInEffectView(Guid PropertyId, DateOnly AsOf, IReadOnlyList<RateInEffectView> Rates);

public sealed record RateInEffectView(Guid FeeScheduleId, FeeItem Item, UnitType? UnitType, FeeBasis Basis, decimal Rate, DateOnly EffectiveFrom)
{
    public static RateInEffectView From(FeeSchedule s, FeeRate r) => new(s.Id, s.Item, s.UnitType, s.Basis, r.Rate, r.EffectiveFrom);
}
