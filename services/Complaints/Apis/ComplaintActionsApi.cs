using FluentValidation;
using PropertyPlatform.Complaints.Domain;
using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;
using static PropertyPlatform.Complaints.Apis.ComplaintsApi;

namespace PropertyPlatform.Complaints.Apis;

/// <summary>
/// One <c>POST /complaints/{id}/&lt;action&gt;</c> per step. The roles are stated here; the complaint decides whether its
/// current state allows the step (409 otherwise), <see cref="ComplaintCommands"/> does the rest.
/// </summary>
public static class ComplaintActionsApi
{
    public static IEndpointRouteBuilder MapComplaintActionsApi(this IEndpointRouteBuilder app)
    {
        var complaint = app.MapGroup("/complaints/{id:guid}").WithTags("Complaint actions");

        // Every action is "find the complaint, apply one rule, save": one handler shape for all of them.
        RouteHandlerBuilder Command(string path, string name, Action<Complaint, ComplaintStep> change) =>
            complaint.MapPost(path, (Guid id, Caller caller, HttpContext http, ComplaintCommands complaints, CancellationToken ct) =>
                complaints.RunAsync(id, caller, http, change, ct)).WithName(name).ProducesProblem(StatusCodes.Status409Conflict);
        RouteHandlerBuilder CommandWith<TBody>(string path, string name, Func<TBody, Action<Complaint, ComplaintStep>> change) =>
            complaint.MapPost(path, (Guid id, TBody body, Caller caller, HttpContext http, ComplaintCommands complaints, CancellationToken ct) =>
                complaints.RunAsync(id, caller, http, change(body), ct)).WithName(name).Validate<TBody>().ProducesProblem(StatusCodes.Status409Conflict);

        Command("/investigate", "StartComplaintInvestigation", (c, s) => c.StartInvestigation(s.By, s.Now)).RequireRoles(Desk);
        CommandWith<CommitReplyTimeRequest>("/commit-reply-time", "CommitComplaintReplyTime",
            body => (c, s) => c.CommitReplyTime(body.ReplyBy!.Value, body.Note, s.By, s.Now)).RequireRoles(Desk);
        CommandWith<RespondToComplaintRequest>("/respond", "RespondToComplaint",
            body => (c, s) => c.Respond(body.ToResponse(), s.By, s.Now)).RequireRoles(Desk);
        CommandWith<FeedbackRequest>("/feedback", "GiveComplaintFeedback",
            body => (c, s) => c.GiveFeedback(body.Satisfied!.Value, body.Comment, s.By, s.Now, s.Calendar)).RequireRoles([.. Desk, Roles.Occupant]);
        CommandWith<ReasonRequest>("/reopen", "ReopenComplaint",
            body => (c, s) => c.Reopen(body.Reason!, s.By, s.Now, s.Calendar)).RequireRoles([.. Desk, Roles.Occupant]);
        CommandWith<EscalateRequest>("/escalate", "EscalateComplaint",
            body => (c, s) => c.Escalate(body.Level ?? ComplaintEscalationLevel.Manager, body.Reason!, s.By, s.Now)).RequireRoles(Roles.FrontDesk, Roles.Supervisor);
        CommandWith<HandoverRequest>("/handover", "HandOverComplaint",
            body => (c, s) => c.HandOver(new Actor(body.ToPersonId!.Value, body.ToName!.Trim()), body.Note!, s.ByLead, s.By, s.Now)).RequireRoles(Desk);
        CommandWith<CloseRequest>("/close", "CloseComplaint",
            body => (c, s) => c.Close(body.Reason, s.ByManager, s.By, s.Now)).RequireRoles(Desk);
        CommandWith<ChangeTierRequest>("/tier", "ChangeComplaintTier",
            body => (c, s) => c.ChangeTier(body.Tier!.Value, body.Reason!, body.CoComplainants?.Select(co => new CoComplainantDetails(co.Name!, co.Phone, co.Unit)).ToList(),
                s.ByManager, s.By, s.Now)).RequireRoles(Desk);
        CommandWith<CompensationRequest>("/compensation", "AgreeComplaintCompensation",
            body => (c, s) => c.AgreeCompensation(body.Amount!.Value, body.Agreement!, s.By, s.Now)).RequireRoles(Roles.Manager);
        return app;
    }
}

public sealed record CommitReplyTimeRequest(DateTimeOffset? ReplyBy, string? Note);

public sealed record RespondToComplaintRequest(string Finding, string ActionTaken, bool? Justified, string? Explanation = null)
{
    public ComplaintResponse ToResponse() => new(Finding, ActionTaken, Justified!.Value, Explanation);
}

public sealed record FeedbackRequest(bool? Satisfied, string? Comment);

public sealed record ReasonRequest(string? Reason);

public sealed record CloseRequest(string? Reason);

public sealed record EscalateRequest(ComplaintEscalationLevel? Level, string? Reason);

public sealed record HandoverRequest(Guid? ToPersonId, string? ToName, string? Note);

public sealed record ChangeTierRequest(ComplaintTier? Tier, string? Reason, IReadOnlyList<CoComplainantRequest>? CoComplainants);

public sealed record CompensationRequest(decimal? Amount, string? Agreement);

public sealed class CommitReplyTimeRequestValidator : AbstractValidator<CommitReplyTimeRequest>
{
    public CommitReplyTimeRequestValidator()
    {
        RuleFor(r => r.ReplyBy).NotNull().WithMessage("Say by when the complainant will be answered.");
        RuleFor(r => r.Note).MaximumLength(Complaint.ReasonMaxLength);
    }
}

public sealed class RespondToComplaintRequestValidator : AbstractValidator<RespondToComplaintRequest>
{
    public RespondToComplaintRequestValidator()
    {
        RuleFor(r => r.Finding).NotEmpty().MaximumLength(Complaint.ResponseTextMaxLength);
        RuleFor(r => r.ActionTaken).NotEmpty().MaximumLength(Complaint.ResponseTextMaxLength);
        RuleFor(r => r.Justified).NotNull().WithMessage("Say whether the complaint was justified (true) or not (false).");
        RuleFor(r => r.Explanation).MaximumLength(Complaint.ResponseTextMaxLength);
        RuleFor(r => r.Explanation).NotEmpty().When(r => r.Justified == false)
            .WithMessage("An unjustified complaint still gets a written explanation.");
    }
}

public sealed class FeedbackRequestValidator : AbstractValidator<FeedbackRequest>
{
    public FeedbackRequestValidator()
    {
        RuleFor(r => r.Satisfied).NotNull().WithMessage("Say whether the complainant is satisfied (true) or not (false).");
        RuleFor(r => r.Comment).MaximumLength(Complaint.ReasonMaxLength);
    }
}

public sealed class ReasonRequestValidator : AbstractValidator<ReasonRequest>
{
    public ReasonRequestValidator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(Complaint.ReasonMaxLength);
}

public sealed class CloseRequestValidator : AbstractValidator<CloseRequest>
{
    public CloseRequestValidator() => RuleFor(r => r.Reason).MaximumLength(Complaint.ReasonMaxLength);
}

public sealed class EscalateRequestValidator : AbstractValidator<EscalateRequest>
{
    public EscalateRequestValidator()
    {
        RuleFor(r => r.Level).IsInEnum();
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(Complaint.ReasonMaxLength);
    }
}

public sealed class HandoverRequestValidator : AbstractValidator<HandoverRequest>
{
    public HandoverRequestValidator()
    {
        RuleFor(r => r.ToPersonId).NotNull().NotEqual(Guid.Empty);
        RuleFor(r => r.ToName).NotEmpty().MaximumLength(Actor.NameMaxLength);
        RuleFor(r => r.Note).NotEmpty().MaximumLength(Complaint.ReasonMaxLength);
    }
}

public sealed class ChangeTierRequestValidator : AbstractValidator<ChangeTierRequest>
{
    public ChangeTierRequestValidator()
    {
        RuleFor(r => r.Tier).NotNull().IsInEnum();
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(Complaint.ReasonMaxLength);
        RuleFor(r => r.CoComplainants).MaximumCount(Complaint.MaxCoComplainants)
            .WithMessage($"A complaint records at most {Complaint.MaxCoComplainants} co-complainants.");
        RuleForEach(r => r.CoComplainants).SetValidator(new CoComplainantRequestValidator());
    }
}

public sealed class CompensationRequestValidator : AbstractValidator<CompensationRequest>
{
    public CompensationRequestValidator()
    {
        RuleFor(r => r.Amount).NotNull().GreaterThan(0).LessThanOrEqualTo(1_000_000).PrecisionScale(12, 2, ignoreTrailingZeros: true);
        RuleFor(r => r.Agreement).NotEmpty().MaximumLength(Complaint.ReasonMaxLength);
    }
}
