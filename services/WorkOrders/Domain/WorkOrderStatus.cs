namespace PropertyPlatform.WorkOrders.Domain;

/// <summary>The life of a work order (DOMAIN.md "Work orders").</summary>
public enum WorkOrderStatus
{
    Submitted,
    Dispatched,
    Accepted,
    InProgress,
    OnHold,
    Completed,
    FollowedUp,
    Closed,
    Reopened,
    Cancelled,
}
