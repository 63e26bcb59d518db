using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;
using PropertyPlatform.WorkOrders.Domain;
using PropertyPlatform.WorkOrders.Infrastructure;

namespace PropertyPlatform.WorkOrders.Apis;

/// <summary>
/// One <c>POST /work-orders/{id}/&lt;action&gt;</c> per transition. The roles are stated here; the order decides
/// whether its current state allows the action (409 otherwise), <see cref="WorkOrderCommands"/> does the rest.
/// </summary>
public static class WorkOrderActionsApi
{
    private static readonly string[] Desk = [Roles.FrontDesk, Roles.Supervisor, Roles.Manager];

    public static IEndpointRouteBuilder MapWorkOrderActionsApi(this IEndpointRouteBuilder app)
    {
        var order = app.MapGroup("/work-orders/{id:guid}").WithTags("Work order actions");

        // Every action but dispatch is "find the order, apply one rule, save": one handler shape for all of them.
        RouteHandlerBuilder Command(string path, string name, Action<WorkOrder, Actor, DateTimeOffset> change) =>
            order.MapPost(path, (Guid id, Caller caller, HttpContext http, WorkOrderCommands orders, CancellationToken ct) =>
                orders.RunAsync(id, caller, http, change, ct)).WithName(name);
        RouteHandlerBuilder CommandWith<TBody>(string path, string name, Func<TBody, Action<WorkOrder, Actor, DateTimeOffset>> change) =>
            order.MapPost(path, (Guid id, TBody body, Caller caller, HttpContext http, WorkOrderCommands orders, CancellationToken ct) =>
                orders.RunAsync(id, caller, http, change(body), ct)).WithName(name).Validate<TBody>();

        order.MapPost("/dispatch", Dispatch).WithName("DispatchWorkOrder").RequireRoles(Desk).Validate<DispatchRequest>();
        Command("/accept", "AcceptWorkOrder", (o, by, now) => o.Accept(by, now)).RequireRoles(Roles.Engineer);
        Command("/start", "StartWorkOrder", (o, by, now) => o.Start(by, now)).RequireRoles(Roles.Engineer);
        CommandWith<HoldRequest>("/hold", "HoldWorkOrder", body => (o, by, now) => o.Hold(body.Reason!, body.ResumeAt!.Value, by, now))
            .RequireRoles(Roles.Engineer);
        Command("/resume", "ResumeWorkOrder", (o, by, now) => o.Resume(by, now)).RequireRoles(Roles.Engineer);
        CommandWith<CompleteRequest>("/complete", "CompleteWorkOrder",
            body => (o, by, now) => o.Complete(body.Summary!, body.Materials, body.LabourMinutes ?? 0, by, now)).RequireRoles(Roles.Engineer);
        CommandWith<FollowUpRequest>("/follow-up", "FollowUpWorkOrder",
            body => (o, by, now) => o.FollowUp(body.Satisfaction!.Value, body.Comment, body.Resolved ?? true, by, now)).RequireRoles([.. Desk, Roles.Occupant]);
        Command("/close", "CloseWorkOrder", (o, by, now) => o.Close(by, now)).RequireRoles(Desk);
        CommandWith<ReasonRequest>("/cancel", "CancelWorkOrder", body => (o, by, now) => o.Cancel(body.Reason!, by, now))
            .RequireRoles([.. Desk, Roles.Occupant]);
        CommandWith<ReasonRequest>("/reopen", "ReopenWorkOrder", body => (o, by, now) => o.Reopen(body.Reason!, by, now))
            .RequireRoles([.. Desk, Roles.Occupant]);
        CommandWith<QuoteRequest>("/quote", "QuoteWorkOrder", body => (o, by, now) => o.Quote(body.Amount!.Value, body.Description!, by, now))
            .RequireRoles([.. Desk, Roles.Engineer]);
        Command("/quote/accept", "AcceptWorkOrderQuote", (o, by, now) => o.AcceptQuote(by, now)).RequireRoles(Roles.Occupant, Roles.FrontDesk);
        Command("/quote/decline", "DeclineWorkOrderQuote", (o, by, now) => o.DeclineQuote(by, now)).RequireRoles(Roles.Occupant, Roles.FrontDesk);
        return app;
    }

    /// <summary>Dispatches to an engineer of the order's property, known from Directory's staff events.</summary>
    public static async Task<Results<Ok<WorkOrderDetail>, ProblemHttpResult, ValidationProblem>> Dispatch(
        Guid id, DispatchRequest body, Caller caller, HttpContext http, WorkOrdersDbContext db, WorkOrderCommands orders, CancellationToken ct)
    {
        var order = await orders.FindVisibleAsync(id, caller, ct);
        if (order is null)
        {
            return ProblemResults.NotFound("work order", id);
        }

        var engineer = await db.Engineers.AsNoTracking()
            .SingleOrDefaultAsync(e => e.PersonId == body.AssigneeId && e.PropertyId == order.PropertyId && e.CanBeDispatched, ct);
        if (engineer is null)
        {
            return ProblemResults.Invalid("assigneeId", "No engineer with this id works at the order's property.");
        }

        var result = (await orders.RunAsync(id, caller, http, (o, by, now) => o.Dispatch(engineer.PersonId, engineer.Name, by, now), ct)).Result;
        return result is Ok<WorkOrderDetail> ok ? ok : (ProblemHttpResult)result;
    }
}

public sealed record DispatchRequest(Guid AssigneeId);

public sealed record HoldRequest(string? Reason, DateTimeOffset? ResumeAt);

public sealed record CompleteRequest(string? Summary, string? Materials, int? LabourMinutes);

public sealed record FollowUpRequest(int? Satisfaction, string? Comment, bool? Resolved);

public sealed record ReasonRequest(string? Reason);

public sealed record QuoteRequest(decimal? Amount, string? Description);

public sealed class DispatchRequestValidator : AbstractValidator<DispatchRequest>
{
    public DispatchRequestValidator() => RuleFor(r => r.AssigneeId).NotEmpty();
}

public sealed class HoldRequestValidator : AbstractValidator<HoldRequest>
{
    public HoldRequestValidator()
    {
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(WorkOrder.ReasonMaxLength);
        RuleFor(r => r.ResumeAt).NotNull();
    }
}

public sealed class CompleteRequestValidator : AbstractValidator<CompleteRequest>
{
    public CompleteRequestValidator()
    {
        RuleFor(r => r.Summary).NotEmpty().MaximumLength(WorkOrder.SummaryMaxLength);
        RuleFor(r => r.Materials).MaximumLength(1000);
        RuleFor(r => r.LabourMinutes).NotNull().InclusiveBetween(0, 60 * 24 * 30);
    }
}

public sealed class FollowUpRequestValidator : AbstractValidator<FollowUpRequest>
{
    public FollowUpRequestValidator()
    {
        RuleFor(r => r.Satisfaction).NotNull().InclusiveBetween(1, 5);
        RuleFor(r => r.Comment).MaximumLength(WorkOrder.ReasonMaxLength);
    }
}

public sealed class ReasonRequestValidator : AbstractValidator<ReasonRequest>
{
    public ReasonRequestValidator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(WorkOrder.ReasonMaxLength);
}

public sealed class QuoteRequestValidator : AbstractValidator<QuoteRequest>
{
    public QuoteRequestValidator()
    {
        RuleFor(r => r.Amount).NotNull().GreaterThan(0).LessThanOrEqualTo(1_000_000).PrecisionScale(12, 2, ignoreTrailingZeros: true);
        RuleFor(r => r.Description).NotEmpty().MaximumLength(WorkOrder.ReasonMaxLength);
    }
}
