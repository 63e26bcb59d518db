using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;

namespace PropertyPlatform.WorkOrders.Domain;

/// <summary>
/// A repair or service request (信息处理单). It owns its rules: how it is taken, and (in later work) every
/// transition of its life. Each change raises the integration event that tells the other services.
/// </summary>
public sealed class WorkOrder : AggregateRoot
{
    public const int DescriptionMaxLength = 2000;

    /// <summary>Work orders are numbered <c>WO-yyyyMMdd-NNNN</c> per property and day.</summary>
    public const string NumberPrefix = "WO";

    private WorkOrder()
    {
    }

    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    /// <summary>Readable number per property and day, e.g. <c>WO-20261122-0007</c>.</summary>
    public string Number { get; private set; } = "";

    public Guid UnitId { get; private set; }

    public WorkOrderCategory Category { get; private set; }

    public WorkOrderPriority Priority { get; private set; }

    public IntakeChannel Channel { get; private set; }

    public string Description { get; private set; } = "";

    public string? Location { get; private set; }

    public string? ContactName { get; private set; }

    public string? ContactPhone { get; private set; }

    public DateTimeOffset? PreferredTime { get; private set; }

    public WorkOrderStatus Status { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>Takes a request for a known unit (已受理) and raises <see cref="WorkOrderSubmitted"/>.</summary>
    public static WorkOrder Submit(UnitCopy unit, DailyNumber number, WorkOrderIntake intake, DateTimeOffset now)
    {
        var order = new WorkOrder
        {
            Id = Guid.CreateVersion7(now),
            PropertyId = unit.PropertyId,
            Number = number.Value,
            UnitId = unit.Id,
            Category = intake.Category,
            Priority = intake.Priority,
            Channel = intake.Channel,
            Description = intake.Description.Trim(),
            Location = intake.Location?.Trim(),
            ContactName = intake.ContactName?.Trim(),
            ContactPhone = intake.ContactPhone?.Trim(),
            PreferredTime = intake.PreferredTime,
            Status = WorkOrderStatus.Submitted,
            SubmittedAt = now,
        };
        order.Raise(new WorkOrderSubmitted(
            Guid.CreateVersion7(now), now, order.PropertyId, order.Id, order.Number, unit.Id, unit.Number,
            order.Category, order.Priority, order.Channel, order.Description));
        return order;
    }
}

/// <summary>What the front desk writes on the information form when taking a request.</summary>
public sealed record WorkOrderIntake(
    WorkOrderCategory Category,
    WorkOrderPriority Priority,
    IntakeChannel Channel,
    string Description,
    string? Location = null,
    string? ContactName = null,
    string? ContactPhone = null,
    DateTimeOffset? PreferredTime = null);
