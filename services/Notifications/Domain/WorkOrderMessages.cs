using PropertyPlatform.Contracts.WorkOrders;

namespace PropertyPlatform.Notifications.Domain;

/// <summary>What the people concerned read about work orders, in Chinese and English.</summary>
public static class WorkOrderMessages
{
    /// <summary>How much of the description the title repeats; the body has all of it.</summary>
    public const int TitleDescriptionLength = 40;

    /// <summary>The work order as the gateway serves it.</summary>
    public static string Link(Guid workOrderId) => $"/api/workorders/work-orders/{workOrderId}";

    /// <summary>For the front desk: a new repair request was taken, e.g. 新报修单 WO-20261122-0001：1201 卫生间漏水.</summary>
    public static MessageText Submitted(WorkOrderSubmitted order)
    {
        var summary = Shorten(order.Description);
        return new MessageText(
            titleZhCn: $"新报修单 {order.Number}：{order.UnitNumber} {summary}",
            bodyZhCn: $"""
                房号：{order.UnitNumber}
                类别：{CategoryZh(order.Category)}
                优先级：{PriorityZh(order.Priority)}
                来源：{ChannelZh(order.Channel)}
                描述：{order.Description.Trim()}
                """,
            titleEn: $"New repair request {order.Number}: {order.UnitNumber} {summary}",
            bodyEn: $"""
                Unit: {order.UnitNumber}
                Category: {CategoryEn(order.Category)}
                Priority: {PriorityEn(order.Priority)}
                Received by: {ChannelEn(order.Channel)}
                Description: {order.Description.Trim()}
                """);
    }

    /// <summary>First line only, cut at a fixed length with an ellipsis, so titles stay one line in a list.</summary>
    private static string Shorten(string description)
    {
        var firstLine = description.Trim().Split('\n', 2)[0].Trim();
        return firstLine.Length <= TitleDescriptionLength ? firstLine : firstLine[..TitleDescriptionLength].TrimEnd() + "…";
    }

    private static string CategoryZh(WorkOrderCategory category) => category switch
    {
        WorkOrderCategory.Plumbing => "给排水",
        WorkOrderCategory.Electrical => "电气",
        WorkOrderCategory.Hvac => "空调暖通",
        WorkOrderCategory.DoorsAndLocks => "门窗锁具",
        WorkOrderCategory.Lifts => "电梯",
        WorkOrderCategory.Cleaning => "保洁",
        _ => "其他",
    };

    private static string CategoryEn(WorkOrderCategory category) => category switch
    {
        WorkOrderCategory.Plumbing => "plumbing",
        WorkOrderCategory.Electrical => "electrical",
        WorkOrderCategory.Hvac => "HVAC",
        WorkOrderCategory.DoorsAndLocks => "doors and locks",
        WorkOrderCategory.Lifts => "lifts",
        WorkOrderCategory.Cleaning => "cleaning",
        _ => "other",
    };

    private static string PriorityZh(WorkOrderPriority priority) => priority switch
    {
        WorkOrderPriority.Emergency => "紧急",
        WorkOrderPriority.High => "高",
        WorkOrderPriority.Low => "低",
        _ => "普通",
    };

    private static string PriorityEn(WorkOrderPriority priority) => priority switch
    {
        WorkOrderPriority.Emergency => "emergency",
        WorkOrderPriority.High => "high",
        WorkOrderPriority.Low => "low",
        _ => "normal",
    };

    private static string ChannelZh(IntakeChannel channel) => channel switch
    {
        IntakeChannel.Phone => "电话",
        IntakeChannel.WalkIn => "来访",
        IntakeChannel.OccupantApp => "业户App",
        IntakeChannel.Patrol => "巡查",
        IntakeChannel.Complaint => "投诉转入",
        _ => "其他",
    };

    private static string ChannelEn(IntakeChannel channel) => channel switch
    {
        IntakeChannel.Phone => "phone",
        IntakeChannel.WalkIn => "walk-in",
        IntakeChannel.OccupantApp => "occupant app",
        IntakeChannel.Patrol => "patrol",
        IntakeChannel.Complaint => "from a complaint",
        _ => "other",
    };
}
