using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Billing.Domain;
using PropertyPlatform.Billing.Infrastructure;
using PropertyPlatform.Contracts.Billing;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Billing.Apis;

public static class UnitChargesApi
{
    public static IEndpointRouteBuilder MapUnitChargesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/units").WithTags("Unit charges");

        // Who may call what (README "Who may call what"): occupants only for their own units, read-only.
        api.MapGet("/{unitId:guid}/monthly-service-charge", GetMonthlyServiceCharge).WithName("GetMonthlyServiceCharge")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRoles(Roles.Occupant, Roles.Finance, Roles.Manager, Roles.Admin);
        return app;
    }

    /// <summary>
    /// What the unit's property-service fee comes to for a month at the rate in effect on <paramref name="asOf"/>
    /// (today by default): 409 when no rate is in effect or the unit is not charged by area. A unit outside the
    /// caller's scope answers 404, as an unknown one.
    /// </summary>
    public static async Task<Results<Ok<MonthlyServiceChargeView>, ProblemHttpResult>> GetMonthlyServiceCharge(
        Guid unitId, DateOnly? asOf, Caller caller, BillingDbContext db, PropertyCalendar calendar, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, cancellationToken);
        if (unit is null || !caller.CanSee(unit.PropertyId, unit.Id))
        {
            return ProblemResults.NotFound("unit", unitId);
        }

        var day = asOf ?? calendar.DayOf(time.GetUtcNow());
        var schedule = await db.FeeSchedules.AsNoTracking().Include(s => s.Rates)
            .SingleOrDefaultAsync(s => s.PropertyId == unit.PropertyId && s.Item == FeeItem.PropertyService && s.UnitType == unit.Type,
                cancellationToken);
        return TypedResults.Ok(MonthlyServiceChargeView.From(MonthlyServiceCharge.For(unit, schedule, day), unit));
    }
}

public sealed record MonthlyServiceChargeView(
    Guid UnitId,
    Guid PropertyId,
    string UnitNumber,
    string BuildingName,
    UnitType UnitType,
    decimal ChargeableArea,
    decimal Rate,
    DateOnly RateEffectiveFrom,
    DateOnly AsOf,
    decimal Amount,
    string AmountInWords,
    string Currency)
{
    public static MonthlyServiceChargeView From(MonthlyServiceCharge charge, UnitCopy unit) => new(
        charge.UnitId, unit.PropertyId, unit.Number, unit.BuildingName, charge.UnitType, charge.ChargeableArea, charge.Rate,
        charge.RateEffectiveFrom, charge.AsOf, charge.Amount, charge.AmountInWords, "CNY");
}
