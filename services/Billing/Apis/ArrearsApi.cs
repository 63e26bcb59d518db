using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Billing.Domain;
using PropertyPlatform.Billing.Infrastructure;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Billing.Apis;

public static class ArrearsApi
{
    public static IEndpointRouteBuilder MapArrearsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/arrears").WithTags("Arrears");

        // Who may call what (README "Who may call what"), always within the caller's properties.
        api.MapGet("/", GetArrears).WithName("GetArrears")
            .RequireRoles(Roles.Finance, Roles.Manager, Roles.Admin);
        api.MapGet("/collection-rate", GetCollectionRate).WithName("GetCollectionRate")
            .RequireRoles(Roles.Finance, Roles.Manager, Roles.Admin);
        return app;
    }

    /// <summary>
    /// A property's arrears on a day (today by default): the open amounts of lines due by then, aged 0–30 / 31–90 /
    /// 91–180 / over 180 days, by building and unit. Payments are counted as they stand now. A property outside the
    /// caller's scope has none, as an unknown one.
    /// </summary>
    public static async Task<Results<Ok<ArrearsView>, ValidationProblem>> GetArrears(
        Guid? propertyId, DateOnly? asOf, Caller caller, BillingDbContext db, PropertyCalendar calendar, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (propertyId is null)
        {
            return ProblemResults.Invalid("propertyId", "Say which property's arrears to show.");
        }
        var day = asOf ?? calendar.DayOf(time.GetUtcNow());
        var open = await db.BillLines.AsNoTracking().InPropertiesOf(caller, l => l.PropertyId)
            .Where(l => l.PropertyId == propertyId && l.Status == BillLineStatus.Open && l.DueDate <= day)
            .Select(l => new OverdueAmount(l.UnitId, l.BuildingId, l.BuildingName, l.UnitNumber, l.DueDate, l.Amount - l.AmountPaid))
            .ToListAsync(cancellationToken);
        var buildings = Arrears.Age(open, day);
        var lateFees = caller.CanSeeProperty(propertyId.Value)
            ? (await LateFees.OwedAsync(db, propertyId.Value, null, day, cancellationToken)).GroupBy(f => f.UnitId).ToDictionary(g => g.Key, g => g.Sum(f => f.Due))
            : new Dictionary<Guid, decimal>();
        var totals = buildings.Aggregate(AgingTotals.Zero, (sum, b) => new AgingTotals(
            sum.Days0To30 + b.Aging.Days0To30, sum.Days31To90 + b.Aging.Days31To90, sum.Days91To180 + b.Aging.Days91To180,
            sum.Over180Days + b.Aging.Over180Days));
        return TypedResults.Ok(new ArrearsView(propertyId.Value, day, AgingView.From(totals),
            buildings.Select(b => new BuildingArrearsView(b.BuildingId, b.BuildingName, AgingView.From(b.Aging),
                b.Units.Select(u => new UnitArrearsView(u.UnitId, u.UnitNumber, u.OldestDueDate, AgingView.From(u.Aging), lateFees.GetValueOrDefault(u.UnitId)))
                    .ToList())).ToList(),
            lateFees.Values.Sum()));
    }

    /// <summary>The collection rate (收缴率) of a period: what was paid of the period's lines ÷ what they billed.</summary>
    public static async Task<Results<Ok<CollectionRateView>, ValidationProblem>> GetCollectionRate(
        Guid? propertyId, string? period, Caller caller, BillingDbContext db, CancellationToken cancellationToken)
    {
        if (propertyId is null)
        {
            return ProblemResults.Invalid("propertyId", "Say which property's collection rate to show.");
        }
        if (!BillingPeriod.TryParse(period, out _))
        {
            return ProblemResults.Invalid("period", "Write the period as yyyy-MM, e.g. 2026-07.");
        }
        var lines = db.BillLines.AsNoTracking().InPropertiesOf(caller, l => l.PropertyId).Where(l => l.PropertyId == propertyId && l.Period == period);
        var billed = await lines.SumAsync(l => l.Amount, cancellationToken);
        var collected = await lines.SumAsync(l => l.AmountPaid, cancellationToken);
        return TypedResults.Ok(new CollectionRateView(propertyId.Value, period!, billed, collected, billed - collected, Arrears.CollectionRate(billed, collected)));
    }
}

public sealed record AgingView(decimal Days0To30, decimal Days31To90, decimal Days91To180, decimal Over180Days, decimal Total)
{
    public static AgingView From(AgingTotals t) => new(t.Days0To30, t.Days31To90, t.Days91To180, t.Over180Days, t.Total);
}

/// <summary><c>LateFeeDue</c>: the late fees (滞纳金) accrued by <c>asOf</c> that no line charges yet (the next bill run charges them).</summary>
public sealed record ArrearsView(Guid PropertyId, DateOnly AsOf, AgingView Total, IReadOnlyList<BuildingArrearsView> Buildings, decimal LateFeeDue);

public sealed record BuildingArrearsView(Guid BuildingId, string BuildingName, AgingView Aging, IReadOnlyList<UnitArrearsView> Units);

public sealed record UnitArrearsView(Guid UnitId, string UnitNumber, DateOnly OldestDueDate, AgingView Aging, decimal LateFeeDue);

/// <summary><c>Rate</c> is a fraction (0.9532 = 95.32%), null when the period billed nothing.</summary>
public sealed record CollectionRateView(Guid PropertyId, string Period, decimal Billed, decimal Collected, decimal Outstanding, decimal? Rate);
