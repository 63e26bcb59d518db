using PropertyPlatform.Contracts.WorkOrders;

namespace PropertyPlatform.Contracts.Complaints;

/// <summary>How a complaint reached the centre.</summary>
public enum ComplaintChannel
{
    Phone,
    WalkIn,
    OccupantApp,
    Letter,
    Email,
}

/// <summary>What a complaint is about; the basis of the monthly analysis by category (客户投诉处理和分析).</summary>
public enum ComplaintCategory
{
    /// <summary>工程: repairs, equipment, the building itself.</summary>
    Engineering,
    Cleaning,
    Security,
    Fees,
    /// <summary>员工服务: a member of staff's conduct.</summary>
    StaffConduct,
    Noise,
    Parking,
    /// <summary>邻里: a neighbour's behaviour.</summary>
    Neighbours,
    Other,
    /// <summary>Kept for complaints taken before the list above; new complaints use <see cref="StaffConduct"/>.</summary>
    ServiceAttitude,
    /// <summary>Kept for complaints taken before the list above; new complaints use <see cref="Engineering"/>.</summary>
    RepairQuality,
    /// <summary>Kept for complaints taken before the list above.</summary>
    Environment,
}

/// <summary>How serious a complaint is: important and collective ones go to a manager at once.</summary>
public enum ComplaintTier
{
    /// <summary>一般</summary>
    General,
    /// <summary>重要</summary>
    Important,
    /// <summary>热点: many complaints about one issue.</summary>
    Hot,
    /// <summary>集体: raised by a group of occupants.</summary>
    Collective,
}

/// <summary>A complaint was taken (已受理). <c>UnitId</c> is null for an anonymous complaint.</summary>
public sealed record ComplaintReceived(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid ComplaintId,
    string Number,
    Guid? UnitId,
    string? UnitNumber,
    ComplaintChannel Channel,
    ComplaintCategory Category,
    ComplaintTier Tier,
    string Description) : IIntegrationEvent;

/// <summary>
/// The centre answered a complaint (已答复) with its finding, the action taken and whether it was justified (成立).
/// <c>ComplainantId</c>: the occupant who submitted it themselves, so they can be told; null when staff took it.
/// </summary>
public sealed record ComplaintResponded(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid ComplaintId,
    string Number,
    Guid? UnitId,
    ComplaintTier Tier,
    bool Justified,
    string Finding,
    string ActionTaken,
    Guid? ComplainantId = null) : IIntegrationEvent;

/// <summary>
/// Staff asked, on a complaint about a unit, for a work order to fix its cause. WorkOrders takes the order
/// (channel <c>complaint</c>, the requester as taker) and keeps the complaint's id on it.
/// </summary>
public sealed record ComplaintWorkOrderRequested(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid ComplaintId,
    string ComplaintNumber,
    Guid UnitId,
    WorkOrderCategory Category,
    WorkOrderPriority Priority,
    string Description,
    Guid RequestedById,
    string RequestedByName) : IIntegrationEvent;

/// <summary>Which clock of a complaint a reminder or an escalation is about.</summary>
public enum ComplaintDeadline
{
    /// <summary>The investigation (调查核实) starts the day the complaint is received.</summary>
    Investigation,
    /// <summary>The answer is due the day the complaint is received, or at the reply time the owner committed to (时间承诺).</summary>
    Reply,
}

/// <summary>Who a complaint was escalated to.</summary>
public enum ComplaintEscalationLevel
{
    Supervisor,
    Manager,
}

/// <summary>The investigation (调查核实) of a complaint started; <c>OwnerId</c> owns it now (a complaint taken online gets its first owner here).</summary>
public sealed record ComplaintInvestigationStarted(
    Guid EventId, DateTimeOffset OccurredAt, Guid PropertyId, Guid ComplaintId, string Number, Guid? UnitId,
    Guid ByPersonId, string ByName, Guid? OwnerId, string? OwnerName) : IIntegrationEvent;

/// <summary>The owner committed to answer by <c>ReplyDueAt</c> (时间承诺); the owner is reminded before it and the supervisor told past it.</summary>
public sealed record ComplaintReplyTimeCommitted(
    Guid EventId, DateTimeOffset OccurredAt, Guid PropertyId, Guid ComplaintId, string Number, Guid? UnitId,
    DateTimeOffset ReplyDueAt, string? Note, Guid? OwnerId, Guid ByPersonId, string ByName) : IIntegrationEvent;

/// <summary>A complaint's deadline is near: its owner should act (a reminder).</summary>
public sealed record ComplaintDeadlineApproaching(
    Guid EventId, DateTimeOffset OccurredAt, Guid PropertyId, Guid ComplaintId, string Number, Guid? UnitId,
    ComplaintDeadline Deadline, DateTimeOffset DueAt, Guid? OwnerId) : IIntegrationEvent;

/// <summary>A complaint's deadline passed; the complaint is escalated to the supervisor.</summary>
public sealed record ComplaintDeadlineBreached(
    Guid EventId, DateTimeOffset OccurredAt, Guid PropertyId, Guid ComplaintId, string Number, Guid? UnitId,
    ComplaintDeadline Deadline, DateTimeOffset DueAt, Guid? OwnerId) : IIntegrationEvent;

/// <summary>
/// A complaint needs a supervisor's or a manager's attention now: an important or collective one at intake or when
/// its tier is raised, one escalated by its owner, one past its deadline (supervisor).
/// </summary>
public sealed record ComplaintEscalated(
    Guid EventId, DateTimeOffset OccurredAt, Guid PropertyId, Guid ComplaintId, string Number, Guid? UnitId,
    ComplaintTier Tier, ComplaintEscalationLevel Level, string Reason, Guid? OwnerId, Guid ByPersonId, string ByName) : IIntegrationEvent;

/// <summary>The complaint's tier changed, with the reason.</summary>
public sealed record ComplaintTierChanged(
    Guid EventId, DateTimeOffset OccurredAt, Guid PropertyId, Guid ComplaintId, string Number, Guid? UnitId,
    ComplaintTier From, ComplaintTier To, string Reason, Guid ByPersonId, string ByName) : IIntegrationEvent;

/// <summary>The complaint's owner (首问负责) handed it over to another member of staff, who owns it from now.</summary>
public sealed record ComplaintHandedOver(
    Guid EventId, DateTimeOffset OccurredAt, Guid PropertyId, Guid ComplaintId, string Number, Guid? UnitId,
    Guid? FromPersonId, string? FromName, Guid ToPersonId, string ToName, string Note, Guid ByPersonId, string ByName) : IIntegrationEvent;

/// <summary>The complainant's view of the answer: satisfied or not (not satisfied reopens the complaint).</summary>
public sealed record ComplaintFeedbackGiven(
    Guid EventId, DateTimeOffset OccurredAt, Guid PropertyId, Guid ComplaintId, string Number, Guid? UnitId,
    bool Satisfied, string? Comment, Guid? OwnerId) : IIntegrationEvent;

/// <summary>A complaint was reopened (the complainant not satisfied, or staff found it unresolved) and is investigated again.</summary>
public sealed record ComplaintReopened(
    Guid EventId, DateTimeOffset OccurredAt, Guid PropertyId, Guid ComplaintId, string Number, Guid? UnitId,
    string Reason, int ReopenCount, Guid? OwnerId) : IIntegrationEvent;

/// <summary>A complaint was closed: after the complainant's satisfied feedback, or by a manager with a reason.</summary>
public sealed record ComplaintClosed(
    Guid EventId, DateTimeOffset OccurredAt, Guid PropertyId, Guid ComplaintId, string Number, Guid? UnitId,
    bool Satisfied, string? Reason, Guid ByPersonId, string ByName) : IIntegrationEvent;

/// <summary>A justified complaint that caused a loss carries an agreed compensation (赔偿), approved by a manager.</summary>
public sealed record ComplaintCompensationAgreed(
    Guid EventId, DateTimeOffset OccurredAt, Guid PropertyId, Guid ComplaintId, string Number, Guid? UnitId,
    decimal Amount, string Agreement, Guid ApprovedById, string ApprovedByName) : IIntegrationEvent;

/// <summary>A rationalisation proposal (合理化建议) was recorded.</summary>
public sealed record SuggestionSubmitted(
    Guid EventId, DateTimeOffset OccurredAt, Guid PropertyId, Guid SuggestionId, string Number, Guid? UnitId, string Title) : IIntegrationEvent;

/// <summary>A manager adopted or declined a suggestion, with the reason.</summary>
public sealed record SuggestionDecided(
    Guid EventId, DateTimeOffset OccurredAt, Guid PropertyId, Guid SuggestionId, string Number, Guid? UnitId,
    bool Adopted, string Reason, Guid DecidedById, string DecidedByName) : IIntegrationEvent;

/// <summary>The rectification plan (整改方案) of an adopted suggestion, published to the occupants of the property.</summary>
public sealed record SuggestionPlanPublished(
    Guid EventId, DateTimeOffset OccurredAt, Guid PropertyId, Guid SuggestionId, string Number, string Title, string Plan) : IIntegrationEvent;

/// <summary>
/// Complaints of the same category about the same place reached the hot-complaint count within the window: they are
/// linked (<c>GroupId</c>) and proposed to the supervisor as one hot complaint (热点投诉).
/// </summary>
public sealed record ComplaintsProposedAsHot(
    Guid EventId, DateTimeOffset OccurredAt, Guid PropertyId, Guid GroupId, IReadOnlyList<Guid> ComplaintIds, ComplaintCategory Category, string Place) : IIntegrationEvent;

/// <summary>A follow-up visit (回访) was recorded: the satisfaction given and how many feedback items it raised to handle.</summary>
public sealed record FollowUpVisitRecorded(
    Guid EventId, DateTimeOffset OccurredAt, Guid PropertyId, Guid VisitId, Guid? UnitId, int Satisfaction, int FeedbackItems,
    Guid ByPersonId, string ByName) : IIntegrationEvent;

/// <summary>A piece of feedback from a follow-up visit was handled (回访处理), with how.</summary>
public sealed record VisitFeedbackHandled(
    Guid EventId, DateTimeOffset OccurredAt, Guid PropertyId, Guid VisitId, Guid ItemId, string Text, string Resolution,
    Guid ByPersonId, string ByName) : IIntegrationEvent;

/// <summary>
/// Follow-up visits (回访) became due for one member of staff at one property: how many, the earliest last day to make
/// them (the property's local date) and the names of the first ones ("A座", "A座 1201"; at most <see cref="MaxNames"/>).
/// One event per assignee each time a plan's visits are made due.
/// </summary>
public sealed record FollowUpVisitsDue(
    Guid EventId, DateTimeOffset OccurredAt, Guid PropertyId, Guid AssigneeId, string AssigneeName, int Count, DateOnly DueBy,
    IReadOnlyList<string> Names) : IIntegrationEvent
{
    public const int MaxNames = 10;
}
