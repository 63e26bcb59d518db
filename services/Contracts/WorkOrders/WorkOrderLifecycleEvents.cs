namespace PropertyPlatform.Contracts.WorkOrders;

// One event per transition of a work order (DOMAIN.md "Work orders"). Each carries the order's number and unit,
// who acted (ActorId/ActorName; Guid.Empty for the platform itself) and the occupant who asked for the work
// (RequesterId, when known), so notifications and billing need not call back.

/// <summary>The order was given to an engineer (已派单); also a reassignment.</summary>
public sealed record WorkOrderDispatched(
    Guid EventId, DateTimeOffset OccurredAt, Guid PropertyId, Guid WorkOrderId, string Number, Guid UnitId, string UnitNumber,
    Guid? RequesterId, Guid ActorId, string ActorName, Guid AssigneeId, string AssigneeName) : IIntegrationEvent;

/// <summary>An engineer took the order on (已接单); the response time ends here.</summary>
public sealed record WorkOrderAccepted(
    Guid EventId, DateTimeOffset OccurredAt, Guid PropertyId, Guid WorkOrderId, string Number, Guid UnitId,
    Guid? RequesterId, Guid ActorId, string ActorName) : IIntegrationEvent;

/// <summary>Work began on site (处理中).</summary>
public sealed record WorkOrderStarted(
    Guid EventId, DateTimeOffset OccurredAt, Guid PropertyId, Guid WorkOrderId, string Number, Guid UnitId,
    Guid? RequesterId, Guid ActorId, string ActorName) : IIntegrationEvent;

/// <summary>Work paused (挂起), waiting for parts or access until about <paramref name="ResumeAt"/>.</summary>
public sealed record WorkOrderPutOnHold(
    Guid EventId, DateTimeOffset OccurredAt, Guid PropertyId, Guid WorkOrderId, string Number, Guid UnitId,
    Guid? RequesterId, Guid ActorId, string ActorName, string Reason, DateTimeOffset ResumeAt) : IIntegrationEvent;

/// <summary>Paused work went on.</summary>
public sealed record WorkOrderResumed(
    Guid EventId, DateTimeOffset OccurredAt, Guid PropertyId, Guid WorkOrderId, string Number, Guid UnitId,
    Guid? RequesterId, Guid ActorId, string ActorName) : IIntegrationEvent;

/// <summary>
/// The work is done (已完工); a follow-up is due by <paramref name="FollowUpDueAt"/>. <paramref name="ComplaintId"/>: the
/// complaint that asked for the order, so Complaints follows its outcome (also on closed and cancelled).
/// </summary>
public sealed record WorkOrderCompleted(
    Guid EventId, DateTimeOffset OccurredAt, Guid PropertyId, Guid WorkOrderId, string Number, Guid UnitId, string UnitNumber,
    Guid? RequesterId, Guid ActorId, string ActorName, string Summary, DateTimeOffset FollowUpDueAt, Guid? ComplaintId = null) : IIntegrationEvent;

/// <summary>The occupant was asked how it went (已回访). An unsatisfied follow-up is followed by <see cref="WorkOrderReopened"/>.</summary>
public sealed record WorkOrderFollowedUp(
    Guid EventId, DateTimeOffset OccurredAt, Guid PropertyId, Guid WorkOrderId, string Number, Guid UnitId,
    Guid? RequesterId, Guid ActorId, string ActorName, int Satisfaction, bool Resolved) : IIntegrationEvent;

/// <summary>The order is open again (返修) and waits to be dispatched.</summary>
public sealed record WorkOrderReopened(
    Guid EventId, DateTimeOffset OccurredAt, Guid PropertyId, Guid WorkOrderId, string Number, Guid UnitId,
    Guid? RequesterId, Guid ActorId, string ActorName, string Reason) : IIntegrationEvent;

/// <summary>The order is closed (已关闭).</summary>
public sealed record WorkOrderClosed(
    Guid EventId, DateTimeOffset OccurredAt, Guid PropertyId, Guid WorkOrderId, string Number, Guid UnitId,
    Guid? RequesterId, Guid ActorId, string ActorName, Guid? ComplaintId = null) : IIntegrationEvent;

/// <summary>The order was cancelled before work started.</summary>
public sealed record WorkOrderCancelled(
    Guid EventId, DateTimeOffset OccurredAt, Guid PropertyId, Guid WorkOrderId, string Number, Guid UnitId,
    Guid? RequesterId, Guid ActorId, string ActorName, string Reason, Guid? ComplaintId = null) : IIntegrationEvent;

/// <summary>Which time limit an order is measured against.</summary>
public enum TimeLimitKind
{
    /// <summary>From intake (or reopening) until an engineer accepts.</summary>
    Response,

    /// <summary>From intake (or reopening) until the work is completed, time on hold not counted.</summary>
    Resolution,
}

/// <summary>80% of a time limit has passed and the order is not there yet.</summary>
public sealed record WorkOrderDeadlineApproaching(
    Guid EventId, DateTimeOffset OccurredAt, Guid PropertyId, Guid WorkOrderId, string Number, Guid UnitId,
    TimeLimitKind Kind, DateTimeOffset DueAt, Guid? AssigneeId) : IIntegrationEvent;

/// <summary>A time limit passed: the order is escalated to the supervisor.</summary>
public sealed record WorkOrderDeadlineBreached(
    Guid EventId, DateTimeOffset OccurredAt, Guid PropertyId, Guid WorkOrderId, string Number, Guid UnitId,
    TimeLimitKind Kind, DateTimeOffset DueAt, Guid? AssigneeId) : IIntegrationEvent;

/// <summary>A paid service (特约服务) was completed: billing charges <paramref name="Amount"/> (CNY) to the unit.</summary>
public sealed record PaidServiceCompleted(
    Guid EventId, DateTimeOffset OccurredAt, Guid PropertyId, Guid WorkOrderId, string Number, Guid UnitId,
    Guid? RequesterId, decimal Amount, string Description) : IIntegrationEvent;
