using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Billing.Domain;
using PropertyPlatform.Billing.Infrastructure;
using PropertyPlatform.Contracts.Billing;
using PropertyPlatform.ServiceDefaults.Apis;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Billing.Apis;

public static class BillsApi
{
    public static IEndpointRouteBuilder MapBillsApi(this IEndpointRouteBuilder app)
    {
        // Who may call what (README "Who may call what"): occupants only for their own units, read-only.
        app.MapGet("/units/{unitId:guid}/bills", GetUnitBills).WithName("GetUnitBills").WithTags("Bills")
            .RequireRoles(Roles.Occupant, Roles.Finance, Roles.Manager, Roles.Admin);
        app.MapGet("/bills", ListBills).WithName("ListBills").WithTags("Bills")
            .RequireRoles(Roles.Finance, Roles.Manager, Roles.Admin);
        return app;
    }

    /// <summary>A unit's bill lines, open and paid, oldest first; a unit outside the caller's scope answers 404.</summary>
    public static async Task<Results<Ok<UnitBillsView>, ProblemHttpResult>> GetUnitBills(
        Guid unitId, Caller caller, BillingDbContext db, UnitAccounts accounts, PropertyCalendar calendar, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, cancellationToken);
        if (unit is null || !caller.CanSee(unit.PropertyId, unit.Id))
        {
            return ProblemResults.NotFound("unit", unitId);
        }
        var lines = await db.BillLines.AsNoTracking().Where(l => l.UnitId == unitId).ToListAsync(cancellationToken);
        var credit = await accounts.CreditOfAsync(unitId, cancellationToken);
        var ordered = BillLine.OldestFirst(lines).Select(BillLineView.From).ToList();
        // Late fees accrued as of today and not charged yet: the next bill run charges them as lines.
        var lateFees = (await LateFees.OwedAsync(db, unit.PropertyId, unit.Id, calendar.DayOf(time.GetUtcNow()), cancellationToken))
            .Select(LateFeeView.From).ToList();
        return TypedResults.Ok(new UnitBillsView(
            unit.Id, unit.PropertyId, unit.BuildingName, unit.Number, ordered.Sum(l => l.AmountOpen), credit, ordered,
            lateFees.Sum(f => f.Due), lateFees));
    }

    /// <summary>A property's bill lines, filtered by period and status, one page at a time.</summary>
    public static async Task<Results<Ok<Page<BillLineView>>, ValidationProblem>> ListBills(
        Guid? propertyId, string? period, string? status, [AsParameters] PageRequest page, Caller caller, BillingDbContext db,
        CancellationToken cancellationToken)
    {
        if (propertyId is null)
        {
            return ProblemResults.Invalid("propertyId", "Say which property's bills to list.");
        }
        if (period is not null && !BillingPeriod.TryParse(period, out _))
        {
            return ProblemResults.Invalid("period", "Write the period as yyyy-MM, e.g. 2026-07.");
        }
        if (!QueryEnum.TryParse<BillLineStatus>(status, out var parsedStatus))
        {
            return ProblemResults.Invalid("status", $"Status is one of: {QueryEnum.AllowedValues<BillLineStatus>()}.");
        }

        var query = db.BillLines.AsNoTracking().InPropertiesOf(caller, l => l.PropertyId).Where(l => l.PropertyId == propertyId);
        if (period is not null)
        {
            query = query.Where(l => l.Period == period);
        }
        if (parsedStatus is { } s)
        {
            query = query.Where(l => l.Status == s);
        }
        var ordered = query.OrderBy(l => l.BuildingName).ThenBy(l => l.UnitNumber).ThenBy(l => l.Period).ThenBy(l => l.Id);
        return TypedResults.Ok(await ordered.ToPageAsync(page, BillLineView.From, cancellationToken));
    }
}

/// <summary>
/// A unit's lines with what is open (<c>outstanding</c>) and its credit; <c>lateFees</c> are the late fees (滞纳金) its
/// overdue lines have accrued by today under the property's rule, <c>lateFeeDue</c> what of them no line charges yet.
/// </summary>
public sealed record UnitBillsView(
    Guid UnitId, Guid PropertyId, string BuildingName, string UnitNumber, decimal Outstanding, decimal Credit, IReadOnlyList<BillLineView> Lines,
    decimal LateFeeDue, IReadOnlyList<LateFeeView> LateFees);

/// <summary>An overdue line's late fee: days after the grace period, accrued in all, charged by late-fee lines before, still due.</summary>
public sealed record LateFeeView(Guid BillLineId, string Period, FeeItem Item, DateOnly DueDate, decimal Open, int DaysCharged, decimal Accrued,
    decimal Charged, decimal Due)
{
    public static LateFeeView From(LateFeeOwed o) => new(o.BillLineId, o.Period, o.Item, o.DueDate, o.Open, o.DaysCharged, o.Accrued, o.ChargedBefore, o.Due);
}

public sealed record BillLineView(
    Guid Id,
    Guid PropertyId,
    Guid UnitId,
    string BuildingName,
    string UnitNumber,
    Guid? PayerId,
    string Period,
    FeeItem Item,
    string Description,
    decimal Amount,
    decimal AmountPaid,
    decimal AmountOpen,
    DateOnly DueDate,
    BillLineStatus Status,
    DateTimeOffset IssuedAt)
{
    public static BillLineView From(BillLine l) => new(
        l.Id, l.PropertyId, l.UnitId, l.BuildingName, l.UnitNumber, l.PayerId, l.Period, l.Item, l.Description, l.Amount, l.AmountPaid,
        l.AmountOpen, l.DueDate, l.Status, l.IssuedAt);
}
