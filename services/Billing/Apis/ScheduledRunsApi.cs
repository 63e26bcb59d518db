using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Billing.Domain;
using PropertyPlatform.Billing.Infrastructure;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Billing.Apis;

/// <summary>The scheduler's runs (定时任务) of a property: what is planned, what was done, and what keeps failing and why.</summary>
public static class ScheduledRunsApi
{
    public static IEndpointRouteBuilder MapScheduledRunsApi(this IEndpointRouteBuilder app)
    {
        // Who may call what (README "Who may call what"), always within the caller's properties.
        app.MapGroup("/scheduled-runs").WithTags("Scheduled runs")
            .MapGet("/", ListScheduledRuns).WithName("ListScheduledRuns")
            .RequireRoles(Roles.Finance, Roles.Manager, Roles.Admin);
        return app;
    }

    /// <summary>
    /// A property's scheduled runs, latest due day first (at most 200); <c>failing</c> true lists only those not done
    /// that failed at least once.
    /// </summary>
    public static async Task<Results<Ok<IReadOnlyList<ScheduledRunView>>, ValidationProblem>> ListScheduledRuns(
        Guid? propertyId, bool? failing, Caller caller, BillingDbContext db, CancellationToken cancellationToken)
    {
        if (propertyId is null)
        {
            return ProblemResults.Invalid("propertyId", "Say which property's scheduled runs to list.");
        }
        var query = db.ScheduledRuns.AsNoTracking().InPropertiesOf(caller, r => r.PropertyId).Where(r => r.PropertyId == propertyId);
        if (failing == true)
        {
            query = query.Where(r => r.DoneAt == null && r.Failures > 0);
        }
        var runs = await query.OrderByDescending(r => r.DueOn).ThenBy(r => r.Kind).Take(200).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ScheduledRunView>>(runs.Select(ScheduledRunView.From).ToList());
    }
}

/// <summary>
/// A scheduled run. <c>nextAttemptAt</c> is when the sweeper makes it (null once done); <c>failures</c>,
/// <c>lastError</c> and <c>lastFailedAt</c> tell of attempts that failed and were rolled back.
/// </summary>
public sealed record ScheduledRunView(
    Guid Id, Guid PropertyId, ScheduledRunKind Kind, DateOnly DueOn, string Period, DateTimeOffset? NextAttemptAt, DateTimeOffset? DoneAt,
    string? Outcome, int Failures, string? LastError, DateTimeOffset? LastFailedAt)
{
    public static ScheduledRunView From(ScheduledRun r) => new(
        r.Id, r.PropertyId, r.Kind, r.DueOn, r.Period, r.DoneAt is null ? r.DueAt : null, r.DoneAt, r.Outcome, r.Failures, r.LastError, r.LastFailedAt);
}
