using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using PropertyPlatform.Complaints.Domain;
using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Complaints.Apis;

/// <summary>A complaint asks WorkOrders for a work order at its unit (DOMAIN.md: "A complaint can raise a work order").</summary>
public static class ComplaintWorkOrdersApi
{
    public static IEndpointRouteBuilder MapComplaintWorkOrdersApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/complaints").WithTags("Complaints")
            .MapPost("/{id:guid}/work-orders", RequestWorkOrder).WithName("RequestComplaintWorkOrder").Validate<ComplaintWorkOrderRequestBody>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRoles(Roles.FrontDesk, Roles.Supervisor, Roles.Manager);
        return app;
    }

    /// <summary>
    /// Records the request on the complaint and publishes <c>ComplaintWorkOrderRequested</c> with it (one transaction, the
    /// outbox); WorkOrders then takes the order. Answers the complaint with the request recorded.
    /// </summary>
    public static Task<Results<Ok<ComplaintView>, ProblemHttpResult>> RequestWorkOrder(
        Guid id, ComplaintWorkOrderRequestBody request, Caller caller, HttpContext http, ComplaintCommands complaints, CancellationToken cancellationToken) =>
        complaints.RunAsync(id, caller, http, (complaint, step) => complaint.RequestWorkOrder(
            request.Category!.Value, request.Priority!.Value, request.Description, step.By, step.Now), cancellationToken);
}

public sealed record ComplaintWorkOrderRequestBody(WorkOrderCategory? Category, WorkOrderPriority? Priority, string Description);

public sealed class ComplaintWorkOrderRequestBodyValidator : AbstractValidator<ComplaintWorkOrderRequestBody>
{
    public ComplaintWorkOrderRequestBodyValidator()
    {
        RuleFor(r => r.Category).NotNull().IsInEnum();
        RuleFor(r => r.Priority).NotNull().IsInEnum();
        RuleFor(r => r.Description).NotEmpty().MaximumLength(Complaint.DescriptionMaxLength);
    }
}

/// <summary>A work order asked for on a complaint; its <c>id</c> is the event id WorkOrders received it under.</summary>
public sealed record ComplaintWorkOrderRequestView(
    Guid Id, DateTimeOffset RequestedAt, Actor RequestedBy, WorkOrderCategory Category, WorkOrderPriority Priority, string Description);
