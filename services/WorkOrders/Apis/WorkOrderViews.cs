using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.WorkOrders.Domain;

namespace PropertyPlatform.WorkOrders.Apis;

/// <summary>An order in a list.</summary>
public sealed record WorkOrderSummary(
    Guid Id,
    Guid PropertyId,
    string Number,
    Guid UnitId,
    string UnitNumber,
    string BuildingName,
    WorkOrderCategory Category,
    WorkOrderPriority Priority,
    IntakeChannel Channel,
    WorkOrderStatus Status,
    string Description,
    Guid? AssigneeId,
    string? AssigneeName,
    DateTimeOffset SubmittedAt,
    DateTimeOffset ResponseDueAt,
    DateTimeOffset ResolutionDueAt,
    DeadlineFlag ResponseFlag,
    DeadlineFlag ResolutionFlag)
{
    public static WorkOrderSummary From(WorkOrder o, UnitCopy u) => new(
        o.Id, o.PropertyId, o.Number, o.UnitId, u.Number, u.BuildingName, o.Category, o.Priority, o.Channel, o.Status,
        o.Description, o.AssigneeId, o.AssigneeName, o.SubmittedAt, o.ResponseDueAt, o.ResolutionDueAt, o.ResponseFlag, o.ResolutionFlag);
}

/// <summary>An order with everything recorded on it and its timeline.</summary>
public sealed record WorkOrderDetail(
    Guid Id,
    Guid PropertyId,
    string Number,
    Guid UnitId,
    string UnitNumber,
    string BuildingName,
    WorkOrderCategory Category,
    WorkOrderPriority Priority,
    IntakeChannel Channel,
    WorkOrderStatus Status,
    string Description,
    string? Location,
    string? ContactName,
    string? ContactPhone,
    DateTimeOffset? PreferredTime,
    Guid? RequesterId,
    Guid TakenById,
    string TakenByName,
    DateTimeOffset SubmittedAt,
    Guid? AssigneeId,
    string? AssigneeName,
    WorkOrderHold? Hold,
    WorkOrderCompletion? Completion,
    WorkOrderFollowUp? FollowUp,
    string? CancelReason,
    int ReopenCount,
    WorkOrderTimeLimits TimeLimits,
    WorkOrderQuote? Quote,
    IReadOnlyList<WorkOrderTimelineView> Timeline,
    IReadOnlyList<WorkOrderPhotoView> Photos,
    Guid? PatrolRecordId,
    Guid? ComplaintId)
{
    public static WorkOrderDetail From(WorkOrder o, UnitCopy u, IReadOnlyList<WorkOrderPhotoView> photos, DateTimeOffset now) => new(
        o.Id, o.PropertyId, o.Number, o.UnitId, u.Number, u.BuildingName, o.Category, o.Priority, o.Channel, o.Status,
        o.Description, o.Location, o.ContactName, o.ContactPhone, o.PreferredTime, o.RequesterId, o.TakenById, o.TakenByName,
        o.SubmittedAt, o.AssigneeId, o.AssigneeName,
        o.Status == WorkOrderStatus.OnHold ? new WorkOrderHold(o.HoldReason!, o.HeldAt!.Value, o.ResumeAt!.Value, now > o.ResumeAt) : null,
        o.CompletedAt is { } completed ? new WorkOrderCompletion(completed, o.CompletionSummary!, o.Materials, o.LabourMinutes ?? 0) : null,
        o.FollowUpDueAt is null && o.FollowedUpAt is null ? null
            : new WorkOrderFollowUp(o.FollowUpDueAt, o.FollowedUpAt, o.Satisfaction, o.FollowUpComment,
                o.Status == WorkOrderStatus.Completed && now > o.FollowUpDueAt),
        o.CancelReason, o.ReopenCount,
        new WorkOrderTimeLimits(o.ResponseDueAt, o.ResolutionDueAt, o.ResponseFlag, o.ResolutionFlag, o.EscalatedAt, o.TimeOnHold),
        o.QuoteStatus == QuoteStatus.None ? null : new WorkOrderQuote(o.QuoteAmount!.Value, o.QuoteDescription!, o.QuoteStatus),
        o.Timeline
            .Select(e => new WorkOrderTimelineView(e.At, e.ActorId, e.ActorName, e.Kind, e.From, e.To, e.Note)).ToList(),
        photos, o.PatrolRecordId, o.ComplaintId);
}

public sealed record WorkOrderHold(string Reason, DateTimeOffset Since, DateTimeOffset ResumeAt, bool PastResumeTime);

public sealed record WorkOrderCompletion(DateTimeOffset CompletedAt, string Summary, string? Materials, int LabourMinutes);

public sealed record WorkOrderFollowUp(DateTimeOffset? DueAt, DateTimeOffset? FollowedUpAt, int? Satisfaction, string? Comment, bool Overdue);

/// <summary>The order's clocks: due times (the resolution one moved by time on hold), flags, and escalation.</summary>
public sealed record WorkOrderTimeLimits(
    DateTimeOffset ResponseDueAt,
    DateTimeOffset ResolutionDueAt,
    DeadlineFlag ResponseFlag,
    DeadlineFlag ResolutionFlag,
    DateTimeOffset? EscalatedAt,
    TimeSpan TimeOnHold);

public sealed record WorkOrderQuote(decimal Amount, string Description, QuoteStatus Status);

public sealed record WorkOrderTimelineView(
    DateTimeOffset At, Guid ActorId, string ActorName, WorkOrderTimelineKind Kind, WorkOrderStatus? From, WorkOrderStatus To, string? Note);
