using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;
using PropertyPlatform.WorkOrders.Domain;
using PropertyPlatform.WorkOrders.Infrastructure;

namespace PropertyPlatform.WorkOrders.Apis;

/// <summary>The work-order figures of the monthly report, per property and local month.</summary>
public static class StatisticsApi
{
    public static IEndpointRouteBuilder MapStatisticsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/statistics", GetStatistics).WithName("GetWorkOrderStatistics").WithTags("Statistics")
            .RequireRoles(Roles.Supervisor, Roles.Manager, Roles.Admin);
        return app;
    }

    /// <summary><paramref name="month"/> as <c>yyyy-MM</c>, the property's local month; the current one when omitted.</summary>
    public static async Task<Results<Ok<WorkOrderStatistics>, ProblemHttpResult, ValidationProblem>> GetStatistics(
        Guid? propertyId, string? month, Caller caller, WorkOrdersDbContext db, PropertyCalendar calendar, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (propertyId is not { } property)
        {
            return ProblemResults.Invalid("propertyId", "Say which property's figures to show.");
        }
        DateOnly first;
        if (string.IsNullOrWhiteSpace(month))
        {
            var today = calendar.DayOf(time.GetUtcNow());
            first = new DateOnly(today.Year, today.Month, 1);
        }
        else if (!DateOnly.TryParseExact(month.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first)
            || first.Year is <= 1 or >= 9999)
        {
            return ProblemResults.Invalid("month", "Give the month as yyyy-MM, e.g. 2026-11.");
        }
        if (!caller.CanSeeProperty(property))
        {
            return ProblemResults.NotFound("property", property);
        }

        var from = calendar.DayBounds(first).Start;
        var to = calendar.DayBounds(first.AddMonths(1)).Start;
        // A property's month is hundreds of orders: read them once and let the domain compute every figure.
        var orders = await db.WorkOrders.AsNoTracking()
            .Where(o => o.PropertyId == property
                && ((o.SubmittedAt >= from && o.SubmittedAt < to)
                    || (o.AcceptedAt >= from && o.AcceptedAt < to)
                    || (o.CompletedAt >= from && o.CompletedAt < to)
                    || (o.FollowedUpAt >= from && o.FollowedUpAt < to)))
            .ToListAsync(cancellationToken);
        var figures = MonthlyFigures.Of(orders, from, to);
        return TypedResults.Ok(new WorkOrderStatistics(
            property, first.ToString("yyyy-MM", CultureInfo.InvariantCulture), from, to,
            figures.Volume, figures.Response, figures.Resolution, figures.FollowUp, figures.Reopen));
    }
}

/// <summary>The figures of one property's local month [From, To).</summary>
public sealed record WorkOrderStatistics(
    Guid PropertyId,
    string Month,
    DateTimeOffset From,
    DateTimeOffset To,
    Volume Volume,
    TimeFigures Response,
    TimeFigures Resolution,
    FollowUpFigures FollowUp,
    ReopenFigures Reopen);
