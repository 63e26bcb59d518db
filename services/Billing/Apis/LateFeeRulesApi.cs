using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Billing.Domain;
using PropertyPlatform.Billing.Infrastructure;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Billing.Apis;

/// <summary>The late-fee rule (滞纳金) of a property's fee schedule, effective-dated like its rates.</summary>
public static class LateFeeRulesApi
{
    public static IEndpointRouteBuilder MapLateFeeRulesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/fee-schedules/late-fee-rules").WithTags("Fee schedules");

        // Who may call what (README "Who may call what"): as the fee schedule's rates.
        api.MapGet("/", ListLateFeeRules).WithName("ListLateFeeRules")
            .RequireRoles(Roles.Finance, Roles.Manager, Roles.Supervisor, Roles.Admin);
        api.MapPost("/", SetLateFeeRule).WithName("SetLateFeeRule").Validate<SetLateFeeRuleRequest>().ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRoles(Roles.Finance, Roles.Admin);
        return app;
    }

    /// <summary>A property's late-fee rules, newest effective date first, with the one in effect today.</summary>
    public static async Task<Results<Ok<LateFeeRulesView>, ValidationProblem>> ListLateFeeRules(
        Guid? propertyId, Caller caller, BillingDbContext db, PropertyCalendar calendar, TimeProvider time, CancellationToken cancellationToken)
    {
        if (propertyId is null)
        {
            return ProblemResults.Invalid("propertyId", "Say which property's late-fee rules to show.");
        }
        var rules = await db.LateFeeRules.AsNoTracking().InPropertiesOf(caller, r => r.PropertyId).Where(r => r.PropertyId == propertyId)
            .OrderByDescending(r => r.EffectiveFrom).ToListAsync(cancellationToken);
        var inEffect = LateFeeRule.InEffect(rules, calendar.DayOf(time.GetUtcNow()));
        return TypedResults.Ok(new LateFeeRulesView(propertyId.Value, inEffect is null ? null : LateFeeRuleView.From(inEffect),
            rules.Select(LateFeeRuleView.From).ToList()));
    }

    /// <summary>Sets the late-fee rule from a date on; a second rule for the same day answers 409.</summary>
    public static async Task<Results<Created<LateFeeRuleView>, ValidationProblem, ProblemHttpResult>> SetLateFeeRule(
        SetLateFeeRuleRequest request, Caller caller, BillingDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!caller.CanSeeProperty(request.PropertyId) || !await db.Units.AnyAsync(u => u.PropertyId == request.PropertyId, cancellationToken))
        {
            return ProblemResults.Invalid("propertyId", "No property with this id is known: Directory has registered no unit in it.");
        }
        var day = request.EffectiveFrom!.Value;
        if (await db.LateFeeRules.AnyAsync(r => r.PropertyId == request.PropertyId && r.EffectiveFrom == day, cancellationToken))
        {
            return ProblemResults.Conflict($"A late-fee rule effective from {day:yyyy-MM-dd} is already set; set a new one from a later date.");
        }
        var rule = LateFeeRule.Set(request.PropertyId, request.DailyRate!.Value, request.GraceDays!.Value, request.Cap!.Value, day, caller.AsActor(),
            time.GetUtcNow());
        db.LateFeeRules.Add(rule);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            return ProblemResults.Conflict($"A late-fee rule effective from {day:yyyy-MM-dd} was set at the same moment.");
        }
        return TypedResults.Created($"/fee-schedules/late-fee-rules?propertyId={rule.PropertyId}", LateFeeRuleView.From(rule));
    }
}

/// <summary><c>dailyRate</c>: a fraction of the open amount per day (0.0005 = 万分之五); <c>cap</c>: the most in all, as a fraction of it.</summary>
public sealed record SetLateFeeRuleRequest(Guid PropertyId, decimal? DailyRate, int? GraceDays, decimal? Cap, DateOnly? EffectiveFrom);

public sealed class SetLateFeeRuleRequestValidator : AbstractValidator<SetLateFeeRuleRequest>
{
    public SetLateFeeRuleRequestValidator()
    {
        RuleFor(r => r.PropertyId).NotEmpty();
        RuleFor(r => r.DailyRate).NotNull();
        RuleFor(r => r.DailyRate).Must(v => LateFeeRule.DailyRateProblem(v!.Value) is null).When(r => r.DailyRate is not null)
            .WithMessage(r => LateFeeRule.DailyRateProblem(r.DailyRate!.Value));
        RuleFor(r => r.GraceDays).NotNull().InclusiveBetween(0, LateFeeRule.MaxGraceDays);
        RuleFor(r => r.Cap).NotNull();
        RuleFor(r => r.Cap).Must(v => LateFeeRule.CapProblem(v!.Value) is null).When(r => r.Cap is not null)
            .WithMessage(r => LateFeeRule.CapProblem(r.Cap!.Value));
        RuleFor(r => r.EffectiveFrom).NotNull();
    }
}

public sealed record LateFeeRuleView(Guid Id, Guid PropertyId, decimal DailyRate, int GraceDays, decimal Cap, DateOnly EffectiveFrom, DateTimeOffset SetAt, Actor SetBy)
{
    public static LateFeeRuleView From(LateFeeRule r) =>
        new(r.Id, r.PropertyId, r.DailyRate, r.GraceDays, r.Cap, r.EffectiveFrom, r.SetAt, new Actor(r.SetById, r.SetByName));
}

public sealed record LateFeeRulesView(Guid PropertyId, LateFeeRuleView? InEffect, IReadOnlyList<LateFeeRuleView> Rules);
