using PropertyPlatform.Contracts.WorkOrders;

namespace PropertyPlatform.Complaints.Domain;

/// <summary>
/// A work order staff asked for on a complaint, to fix its cause. WorkOrders takes the order from the event this request
/// raised (<c>ComplaintWorkOrderRequested</c>, whose event id is this request's id).
/// </summary>
public sealed class ComplaintWorkOrderRequest
{
    private ComplaintWorkOrderRequest()
    {
    }

    public Guid Id { get; private set; }

    public Guid ComplaintId { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public Guid RequestedById { get; private set; }

    public string RequestedByName { get; private set; } = "";

    public WorkOrderCategory Category { get; private set; }

    public WorkOrderPriority Priority { get; private set; }

    public string Description { get; private set; } = "";

    internal static ComplaintWorkOrderRequest Create(
        Guid complaintId, WorkOrderCategory category, WorkOrderPriority priority, string description, Guid requestedById, string requestedByName,
        DateTimeOffset requestedAt) => new()
        {
            Id = Guid.CreateVersion7(requestedAt),
            ComplaintId = complaintId,
            RequestedAt = requestedAt,
            RequestedById = requestedById,
            RequestedByName = requestedByName,
            Category = category,
            Priority = priority,
            Description = description,
        };
}
