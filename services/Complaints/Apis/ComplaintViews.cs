using PropertyPlatform.Complaints.Domain;
using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;

namespace PropertyPlatform.Complaints.Apis;

/// <summary>
/// A complaint as the caller may see it. For an anonymous complaint everyone but its owner, managers and the complainant
/// sees no complainant (<c>complainantHidden: true</c>): no name, phone, person, nor who submitted it.
/// </summary>
public sealed record ComplaintView(
    Guid Id,
    Guid PropertyId,
    string Number,
    Guid? UnitId,
    string? UnitNumber,
    Guid? BuildingId,
    string? BuildingName,
    string? Location,
    bool Anonymous,
    bool ComplainantHidden,
    string? ComplainantName,
    string? ComplainantPhone,
    Guid? ComplainantId,
    IReadOnlyList<CoComplainantView> CoComplainants,
    ComplaintChannel Channel,
    ComplaintCategory Category,
    ComplaintTier Tier,
    bool HotProposed,
    Guid? SimilarGroupId,
    ComplaintStatus Status,
    string Description,
    DateTimeOffset ReceivedAt,
    Actor? ReceivedBy,
    Actor? Owner,
    DateTimeOffset? InvestigationDueAt,
    bool InvestigationOverdue,
    DateTimeOffset? ReplyDueAt,
    DateTimeOffset? ReplyCommittedAt,
    ComplaintDeadlineFlag ReplyFlag,
    ComplaintEscalationLevel? EscalatedTo,
    DateTimeOffset? EscalatedAt,
    DateTimeOffset? InvestigationStartedAt,
    Actor? InvestigatedBy,
    DateTimeOffset? RespondedAt,
    Actor? RespondedBy,
    bool? RespondedOnTime,
    string? Finding,
    string? ActionTaken,
    bool? Justified,
    string? Explanation,
    DateTimeOffset? FeedbackAt,
    bool? Satisfied,
    string? FeedbackComment,
    int ReopenCount,
    DateTimeOffset? ClosedAt,
    string? CloseReason,
    CompensationView? Compensation,
    IReadOnlyList<ComplaintWorkOrderRequestView> WorkOrderRequests,
    IReadOnlyList<ComplaintWorkOrderView> WorkOrders,
    int PhotoCount,
    IReadOnlyList<ComplaintTimelineView>? Timeline)
{
    public static ComplaintView From(Complaint c, UnitCopy? u, Caller caller, bool withTimeline)
    {
        var known = caller.MayKnowComplainant(c);
        // Who submitted an anonymous complaint online is the complainant: hidden with them.
        bool Hidden(Guid? personId) => !known && personId is { } id && id == c.ComplainantId;
        return new(
            c.Id, c.PropertyId, c.Number, c.UnitId, u?.Number, u?.BuildingId, u?.BuildingName, c.Location, c.Anonymous, !known,
            known ? c.ComplainantName : null, known ? c.ComplainantPhone : null, known ? c.ComplainantId : null,
            c.CoComplainants.Select(co => new CoComplainantView(co.Name, co.Phone, co.Unit)).ToList(),
            c.Channel, c.Category, c.Tier, c.HotProposed, c.SimilarGroupId, c.Status, c.Description,
            c.ReceivedAt, Hidden(c.ReceivedById) ? null : ActorOf(c.ReceivedById, c.ReceivedByName), ActorOf(c.OwnerId, c.OwnerName),
            c.InvestigationDueAt, c.InvestigationOverdue, c.ReplyDueAt, c.ReplyCommittedAt, c.ReplyFlag, c.EscalationLevel, c.EscalatedAt,
            c.InvestigationStartedAt, ActorOf(c.InvestigatedById, c.InvestigatedByName),
            c.RespondedAt, ActorOf(c.RespondedById, c.RespondedByName), c.RespondedOnTime,
            c.Finding, c.ActionTaken, c.Justified, c.Explanation,
            c.FeedbackAt, c.Satisfied, c.FeedbackComment, c.ReopenCount, c.ClosedAt, c.CloseReason,
            c.CompensationAmount is { } amount
                ? new CompensationView(amount, c.CompensationAgreement!, new Actor(c.CompensationApprovedById!.Value, c.CompensationApprovedByName!), c.CompensationAgreedAt!.Value)
                : null,
            c.WorkOrderRequests.Select(r => new ComplaintWorkOrderRequestView(
                r.Id, r.RequestedAt, new Actor(r.RequestedById, r.RequestedByName), r.Category, r.Priority, r.Description)).ToList(),
            c.WorkOrders.Select(o => new ComplaintWorkOrderView(o.WorkOrderId, o.Number, o.Status, o.UpdatedAt, o.Outcome)).ToList(),
            c.PhotoCount,
            withTimeline
                ? c.Timeline.Select(e => new ComplaintTimelineView(
                    e.Sequence, e.At, Hidden(e.ActorId) ? null : new Actor(e.ActorId, e.ActorName), e.From, e.To, e.Kind, e.Note)).ToList()
                : null);
    }

    private static Actor? ActorOf(Guid? personId, string? name) => personId is { } id ? new Actor(id, name ?? "") : null;
}

/// <summary>A work order raised by the complaint and where it stands (from WorkOrders' events); <c>outcome</c>: the summary or the reason for cancelling.</summary>
public sealed record ComplaintWorkOrderView(Guid WorkOrderId, string Number, ComplaintWorkOrderStatus Status, DateTimeOffset UpdatedAt, string? Outcome);

public sealed record CoComplainantView(string Name, string? Phone, string? Unit);

public sealed record CompensationView(decimal Amount, string Agreement, Actor ApprovedBy, DateTimeOffset AgreedAt);

/// <summary>One line of the timeline; <c>by</c> is null for an anonymous complainant hidden from the caller.</summary>
public sealed record ComplaintTimelineView(
    int Sequence, DateTimeOffset At, Actor? By, ComplaintStatus? From, ComplaintStatus To, ComplaintTimelineKind Kind, string? Note);
