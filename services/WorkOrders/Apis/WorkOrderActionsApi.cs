using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.ServiceDefaults.Auth;
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

        order.MapPost("/dispatch", Dispatch).WithName("DispatchWorkOrder").RequireRoles(Desk).Validate<DispatchRequest>();
        order.MapPost("/accept", (Guid id, Caller caller, HttpContext http, WorkOrderCommands orders, CancellationToken ct) =>
                orders.RunAsync(id, caller, http, (o, by, now) => o.Accept(by, now), ct))
            .WithName("AcceptWorkOrder").RequireRoles(Roles.Engineer);
        order.MapPost("/start", (Guid id, Caller caller, HttpContext http, WorkOrderCommands orders, CancellationToken ct) =>
                orders.RunAsync(id, caller, http, (o, by, now) => o.Start(by, now), ct))
            .WithName("StartWorkOrder").RequireRoles(Roles.Engineer);
        order.MapPost("/hold", (Guid id, HoldRequest body, Caller caller, HttpContext http, WorkOrderCommands orders, CancellationToken ct) =>
                orders.RunAsync(id, caller, http, (o, by, now) => o.Hold(body.Reason!, body.ResumeAt!.Value, by, now), ct))
            .WithName("HoldWorkOrder").RequireRoles(Roles.Engineer).Validate<HoldRequest>();
        order.MapPost("/resume", (Guid id, Caller caller, HttpContext http, WorkOrderCommands orders, CancellationToken ct) =>
                orders.RunAsync(id, caller, http, (o, by, now) => o.Resume(by, now), ct))
            .WithName("ResumeWorkOrder").RequireRoles(Roles.Engineer);
        order.MapPost("/complete", (Guid id, CompleteRequest body, Caller caller, HttpContext http, WorkOrderCommands orders, CancellationToken ct) =>
                orders.RunAsync(id, caller, http, (o, by, now) => o.Complete(body.Summary!, body.Materials, body.LabourMinutes ?? 0, by, now), ct))
            .WithName("CompleteWorkOrder").RequireRoles(Roles.Engineer).Validate<CompleteRequest>();
        order.MapPost("/follow-up", (Guid id, FollowUpRequest body, Caller caller, HttpContext http, WorkOrderCommands orders, CancellationToken ct) =>
                orders.RunAsync(id, caller, http, (o, by, now) => o.FollowUp(body.Satisfaction!.Value, body.Comment, body.Resolved ?? true, by, now), ct))
            .WithName("FollowUpWorkOrder").RequireRoles([.. Desk, Roles.Occupant]).Validate<FollowUpRequest>();
        order.MapPost("/close", (Guid id, Caller caller, HttpContext http, WorkOrderCommands orders, CancellationToken ct) =>
                orders.RunAsync(id, caller, http, (o, by, now) => o.Close(by, now), ct))
            .WithName("CloseWorkOrder").RequireRoles(Desk);
        order.MapPost("/cancel", (Guid id, ReasonRequest body, Caller caller, HttpContext http, WorkOrderCommands orders, CancellationToken ct) =>
                orders.RunAsync(id, caller, http, (o, by, now) => o.Cancel(body.Reason!, by, now), ct))
            .WithName("CancelWorkOrder").RequireRoles([.. Desk, Roles.Occupant]).Validate<ReasonRequest>();
        order.MapPost("/reopen", (Guid id, ReasonRequest body, Caller caller, HttpContext http, WorkOrderCommands orders, CancellationToken ct) =>
                orders.RunAsync(id, caller, http, (o, by, now) => o.Reopen(body.Reason!, by, now), ct))
            .WithName("ReopenWorkOrder").RequireRoles([.. Desk, Roles.Occupant]).Validate<ReasonRequest>();
        order.MapPost("/quote", (Guid id, QuoteRequest body, Caller caller, HttpContext http, WorkOrderCommands orders, CancellationToken ct) =>
                orders.RunAsync(id, caller, http, (o, by, now) => o.Quote(body.Amount!.Value, body.Description!, by, now), ct))
            .WithName("QuoteWorkOrder").RequireRoles([.. Desk, Roles.Engineer]).Validate<QuoteRequest>();
        order.MapPost("/quote/accept", (Guid id, Caller caller, HttpContext http, WorkOrderCommands orders, CancellationToken ct) =>
                orders.RunAsync(id, caller, http, (o, by, now) => o.AcceptQuote(by, now), ct))
            .WithName("AcceptWorkOrderQuote").RequireRoles(Roles.Occupant, Roles.FrontDesk);
        order.MapPost("/quote/decline", (Guid id, Caller caller, HttpContext http, WorkOrderCommands orders, CancellationToken ct) =>
                orders.RunAsync(id, caller, http, (o, by, now) => o.DeclineQuote(by, now), ct))
            .WithName("DeclineWorkOrderQuote").RequireRoles(Roles.Occupant, Roles.FrontDesk);
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
