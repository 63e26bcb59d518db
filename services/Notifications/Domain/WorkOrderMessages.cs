using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.ServiceDefaults.Domain;
using static PropertyPlatform.Notifications.Domain.MessageFormat;

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
        var summary = Shorten(order.Description, TitleDescriptionLength);
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

    /// <summary>For the occupant who asked: who was sent, e.g. 您的报修 WO-20261122-0001 已派给 张伟.</summary>
    public static MessageText DispatchedToRequester(WorkOrderDispatched order) => new(
        titleZhCn: $"您的报修 {order.Number} 已派给 {order.AssigneeName}",
        bodyZhCn: Lines($"房号：{order.UnitNumber}", $"维修人员：{order.AssigneeName}"),
        titleEn: $"Your repair {order.Number} has been dispatched to {order.AssigneeName}",
        bodyEn: Lines($"Unit: {order.UnitNumber}", $"Engineer: {order.AssigneeName}"));

    /// <summary>For the engineer the order was given to, e.g. 新派工单 WO-20261122-0001：1201.</summary>
    public static MessageText DispatchedToAssignee(WorkOrderDispatched order) => new(
        titleZhCn: $"新派工单 {order.Number}：{order.UnitNumber}",
        bodyZhCn: Lines($"房号：{order.UnitNumber}", Labelled("派单人：", order.ActorName)),
        titleEn: $"New order dispatched to you: {order.Number}, unit {order.UnitNumber}",
        bodyEn: Lines($"Unit: {order.UnitNumber}", Labelled("Dispatched by: ", order.ActorName)));

    /// <summary>For the occupant who asked: the work is done, please rate it (the follow-up, 回访).</summary>
    public static MessageText CompletedForRequester(WorkOrderCompleted order) => new(
        titleZhCn: $"您的报修 {order.Number} 已完工，请评价",
        bodyZhCn: Lines($"房号：{order.UnitNumber}", Labelled("处理结果：", order.Summary)),
        titleEn: $"Your repair {order.Number} is completed, please rate it",
        bodyEn: Lines($"Unit: {order.UnitNumber}", Labelled("Work done: ", order.Summary)));

    /// <summary>For the occupant who asked: work paused (挂起), why, and when it should go on (local time).</summary>
    public static MessageText PutOnHoldForRequester(WorkOrderPutOnHold order, PropertyCalendar calendar)
    {
        var resume = calendar.LocalTime(order.ResumeAt);
        return new(
            titleZhCn: $"您的报修 {order.Number} 暂停处理",
            bodyZhCn: Lines(Labelled("原因：", order.Reason), $"预计 {DueZh(resume)} 继续处理"),
            titleEn: $"Work on your repair {order.Number} is paused",
            bodyEn: Lines(Labelled("Reason: ", order.Reason), $"Expected to go on at {DueEn(resume)}"));
    }

    /// <summary>For the occupant who asked, when someone else cancelled their request.</summary>
    public static MessageText CancelledForRequester(WorkOrderCancelled order) => new(
        titleZhCn: $"您的报修 {order.Number} 已取消",
        bodyZhCn: Lines(Labelled("原因：", order.Reason), Labelled("操作人：", order.ActorName)),
        titleEn: $"Your repair {order.Number} was cancelled",
        bodyEn: Lines(Labelled("Reason: ", order.Reason), Labelled("Cancelled by: ", order.ActorName)));

    /// <summary>For the front desk: an unsatisfied follow-up reopened the order (返修) and it waits to be dispatched again.</summary>
    public static MessageText Reopened(WorkOrderReopened order) => new(
        titleZhCn: $"返修：工单 {order.Number} 需重新派单",
        bodyZhCn: Lines(Labelled("原因：", order.Reason) ?? "原因：未说明", Labelled("操作人：", order.ActorName)),
        titleEn: $"Reopened: order {order.Number} must be dispatched again",
        bodyEn: Lines(Labelled("Reason: ", order.Reason) ?? "Reason: not given", Labelled("Reopened by: ", order.ActorName)));

    /// <summary>For the engineer on the order and the front desk: a time limit is near, with its local due time.</summary>
    public static MessageText DeadlineApproaching(WorkOrderDeadlineApproaching order, PropertyCalendar calendar)
    {
        var due = calendar.LocalTime(order.DueAt);
        return new(
            titleZhCn: $"工单 {order.Number} 即将超过{LimitZh(order.Kind)}",
            bodyZhCn: $"{LimitZh(order.Kind)}于 {DueZh(due)} 到期，请尽快处理。",
            titleEn: $"Order {order.Number} is nearing its {LimitEn(order.Kind)}",
            bodyEn: $"The {LimitEn(order.Kind)} ends at {DueEn(due)}. Please act on it soon.");
    }

    /// <summary>For the supervisors: a time limit passed and the order is escalated to them (超时升级).</summary>
    public static MessageText DeadlineBreached(WorkOrderDeadlineBreached order, PropertyCalendar calendar)
    {
        var due = calendar.LocalTime(order.DueAt);
        var unassigned = order.AssigneeId is null || order.AssigneeId == Guid.Empty;
        return new(
            titleZhCn: $"超时升级：工单 {order.Number} 已超过{LimitZh(order.Kind)}",
            bodyZhCn: Lines($"{LimitZh(order.Kind)}已于 {DueZh(due)} 到期，工单已升级至客服主管，请跟进。", unassigned ? "尚未派单。" : null),
            titleEn: $"Escalation: order {order.Number} is past its {LimitEn(order.Kind)}",
            bodyEn: Lines($"The {LimitEn(order.Kind)} ended at {DueEn(due)}; the order is escalated to the supervisors.",
                unassigned ? "No engineer is assigned yet." : null));
    }

    private static string LimitZh(TimeLimitKind kind) => kind == TimeLimitKind.Response ? "响应时限" : "处理时限";

    private static string LimitEn(TimeLimitKind kind) => kind == TimeLimitKind.Response ? "response time limit" : "resolution time limit";

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
