using FluentValidation;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Problems;
using PropertyPlatform.WorkOrders.Domain;

namespace PropertyPlatform.WorkOrders.Apis;

/// <summary>
/// Comments on an order by the occupant or staff: a timeline line that changes no state. The answer is the order
/// with its timeline and new ETag, as for every other command.
/// </summary>
public static class WorkOrderCommentsApi
{
    public static IEndpointRouteBuilder MapWorkOrderCommentsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/work-orders/{id:guid}/comments", (Guid id, CommentRequest body, Caller caller, HttpContext http, WorkOrderCommands orders, CancellationToken ct) =>
                orders.RunAsync(id, caller, http, (o, by, now) => o.Comment(body.Text!, by, now), ct))
            .WithTags("Work order actions").WithName("CommentOnWorkOrder")
            .RequireRoles(Roles.Occupant, Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Engineer, Roles.Admin)
            .Validate<CommentRequest>();
        return app;
    }
}

public sealed record CommentRequest(string? Text);

public sealed class CommentRequestValidator : AbstractValidator<CommentRequest>
{
    public CommentRequestValidator() => RuleFor(r => r.Text).NotEmpty().MaximumLength(WorkOrder.CommentMaxLength);
}
