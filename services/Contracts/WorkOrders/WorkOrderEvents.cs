namespace PropertyPlatform.Contracts.WorkOrders;

/// <summary>Categories of repair and service requests (信息处理单).</summary>
public enum WorkOrderCategory
{
    Plumbing,
    Electrical,
    Hvac,
    DoorsAndLocks,
    Lifts,
    Cleaning,
    Other,
}

public enum WorkOrderPriority
{
    Emergency,
    High,
    Normal,
    Low,
}

/// <summary>How a request reached the centre.</summary>
public enum IntakeChannel
{
    Phone,
    WalkIn,
    OccupantApp,
    Patrol,
    Complaint,
}

/// <summary>A repair or service request was taken (已受理); <c>ComplaintId</c> names the complaint that asked for it, if one did.</summary>
public sealed record WorkOrderSubmitted(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid WorkOrderId,
    string Number,
    Guid UnitId,
    string UnitNumber,
    WorkOrderCategory Category,
    WorkOrderPriority Priority,
    IntakeChannel Channel,
    string Description,
    Guid? ComplaintId = null) : IIntegrationEvent;
