using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Problems;
using PropertyPlatform.WorkOrders.Domain;
using PropertyPlatform.WorkOrders.Infrastructure;

namespace PropertyPlatform.WorkOrders.Apis;

/// <summary>Each property's response and resolution limits per priority; new orders take the limits in force when taken.</summary>
public static class TimeLimitsApi
{
    public static IEndpointRouteBuilder MapTimeLimitsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/time-limits/{propertyId:guid}").WithTags("Time limits");
        api.MapGet("/", GetTimeLimits).WithName("GetTimeLimits")
            .RequireRoles(Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Engineer, Roles.Admin);
        api.MapPut("/{priority}", SetTimeLimit).WithName("SetTimeLimit").RequireRoles(Roles.Manager, Roles.Admin).Validate<TimeLimitRequest>();

        app.MapGet("/engineers", ListEngineers).WithName("ListEngineers").WithTags("Time limits")
            .RequireRoles(Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Admin);
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<TimeLimitView>>, ProblemHttpResult>> GetTimeLimits(
        Guid propertyId, Caller caller, WorkOrdersDbContext db, CancellationToken ct)
    {
        if (!caller.CanSeeProperty(propertyId))
        {
            return ProblemResults.NotFound("property", propertyId);
        }

        var own = await db.TimeLimits.AsNoTracking().Where(l => l.PropertyId == propertyId).ToDictionaryAsync(l => l.Priority, ct);
        IReadOnlyList<TimeLimitView> limits = Enum.GetValues<WorkOrderPriority>()
            .Select(p => own.TryGetValue(p, out var set) ? TimeLimitView.From(p, set.Limit, true) : TimeLimitView.From(p, TimeLimit.DefaultFor(p), false))
            .ToList();
        return TypedResults.Ok(limits);
    }

    public static async Task<Results<Ok<TimeLimitView>, ProblemHttpResult, ValidationProblem>> SetTimeLimit(
        Guid propertyId, string priority, TimeLimitRequest body, Caller caller, WorkOrdersDbContext db, CancellationToken ct)
    {
        if (!caller.CanSeeProperty(propertyId))
        {
            return ProblemResults.NotFound("property", propertyId);
        }
        if (!Enum.TryParse<WorkOrderPriority>(priority.Replace("_", ""), ignoreCase: true, out var wanted) || !Enum.IsDefined(wanted))
        {
            return ProblemResults.Invalid("priority", "Use one of: emergency, high, normal, low.");
        }

        var limit = new TimeLimit(TimeSpan.FromMinutes(body.ResponseMinutes!.Value), TimeSpan.FromMinutes(body.ResolutionMinutes!.Value));
        var set = await db.TimeLimits.FindAsync([propertyId, wanted], ct);
        if (set is null)
        {
            db.TimeLimits.Add(PropertyTimeLimit.Set(propertyId, wanted, limit));
        }
        else
        {
            set.Change(limit);
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(TimeLimitView.From(wanted, limit, true));
    }

    public static async Task<Results<Ok<IReadOnlyList<EngineerView>>, ProblemHttpResult>> ListEngineers(
        Guid propertyId, Caller caller, WorkOrdersDbContext db, CancellationToken ct)
    {
        if (!caller.CanSeeProperty(propertyId))
        {
            return ProblemResults.NotFound("property", propertyId);
        }
        IReadOnlyList<EngineerView> engineers = await db.Engineers.AsNoTracking()
            .Where(e => e.PropertyId == propertyId && e.CanBeDispatched)
            .OrderBy(e => e.Name)
            .Select(e => new EngineerView(e.PersonId, e.Name, e.Phone))
            .ToListAsync(ct);
        return TypedResults.Ok(engineers);
    }
}

public sealed record TimeLimitView(WorkOrderPriority Priority, int ResponseMinutes, int ResolutionMinutes, bool SetByProperty)
{
    public static TimeLimitView From(WorkOrderPriority priority, TimeLimit limit, bool setByProperty) =>
        new(priority, (int)limit.Response.TotalMinutes, (int)limit.Resolution.TotalMinutes, setByProperty);
}

public sealed record TimeLimitRequest(int? ResponseMinutes, int? ResolutionMinutes);

public sealed class TimeLimitRequestValidator : AbstractValidator<TimeLimitRequest>
{
    public TimeLimitRequestValidator()
    {
        var longest = (int)PropertyTimeLimit.Longest.TotalMinutes;
        RuleFor(r => r.ResponseMinutes).NotNull().InclusiveBetween(1, longest);
        RuleFor(r => r.ResolutionMinutes).NotNull().InclusiveBetween(1, longest)
            .GreaterThanOrEqualTo(r => r.ResponseMinutes).WithMessage("The resolution limit cannot be shorter than the response limit.");
    }
}

public sealed record EngineerView(Guid PersonId, string Name, string Phone);
