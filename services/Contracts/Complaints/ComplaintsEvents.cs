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
    ServiceAttitude,
    RepairQuality,
    Cleaning,
    Security,
    Noise,
    Parking,
    Fees,
    Environment,
    Other,
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

/// <summary>The centre answered a complaint (已答复) with its finding, the action taken and whether it was justified (成立).</summary>
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
    string ActionTaken) : IIntegrationEvent;

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
