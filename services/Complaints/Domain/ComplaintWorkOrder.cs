using PropertyPlatform.ServiceDefaults.Domain;

namespace PropertyPlatform.Complaints.Domain;

/// <summary>
/// A work order WorkOrders took on a complaint's request, as the complaint follows it: its number and where it stands
/// (已受理, 已完工, 已关闭, 已取消), from WorkOrders' events. The work order's own record stays in WorkOrders.
/// </summary>
public sealed class ComplaintWorkOrder
{
    public const int OutcomeMaxLength = 500;

    private ComplaintWorkOrder()
    {
    }

    /// <summary>The work order's id in WorkOrders.</summary>
    public Guid WorkOrderId { get; private set; }

    public Guid ComplaintId { get; private set; }

    /// <summary>The work order's readable number, e.g. <c>GD-20261124-0007</c>.</summary>
    public string Number { get; private set; } = "";

    public ComplaintWorkOrderStatus Status { get; private set; }

    /// <summary>When the complaint last heard of the order.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The engineer's summary of a completed order, or why it was cancelled.</summary>
    public string? Outcome { get; private set; }

    internal static ComplaintWorkOrder Create(Guid complaintId, Guid workOrderId, string number, DateTimeOffset at) => new()
    {
        WorkOrderId = workOrderId,
        ComplaintId = complaintId,
        Number = number,
        Status = ComplaintWorkOrderStatus.Submitted,
        UpdatedAt = at,
    };

    internal void Update(ComplaintWorkOrderStatus status, string? outcome, DateTimeOffset at)
    {
        Status = status;
        Outcome = outcome is { Length: > OutcomeMaxLength } ? outcome[..OutcomeMaxLength] : outcome ?? Outcome;
        UpdatedAt = at;
    }
}

/// <summary>Where a work order raised by a complaint stands, as far as the complaint follows it.</summary>
public enum ComplaintWorkOrderStatus
{
    /// <summary>已受理: WorkOrders took the order.</summary>
    Submitted,

    /// <summary>已完工: the work is done.</summary>
    Completed,

    /// <summary>已关闭</summary>
    Closed,

    /// <summary>已取消: cancelled before work started.</summary>
    Cancelled,
}

/// <summary>What WorkOrders told about an order a complaint raised: which order, where it stands now, who did it, and the summary or reason.</summary>
public sealed record WorkOrderNews(Guid WorkOrderId, string Number, ComplaintWorkOrderStatus Status, string? Outcome, Actor By, DateTimeOffset At);
