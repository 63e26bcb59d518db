using PropertyPlatform.Contracts.Billing;
using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.Contracts.Reception;
using PropertyPlatform.Contracts.WorkOrders;

namespace PropertyPlatform.Notifications.Routing;

/// <summary>What people call an event type, in both languages (报修已派工 / Repair dispatched).</summary>
public sealed record EventName(string ZhCn, string En);

/// <summary>
/// The names of the catalog's event types, defined here once: the routing and template lists, the delivery log and
/// the webhook screens show them instead of the type's code name. Every route of <see cref="EventCatalog"/> has one.
/// </summary>
public static class EventNames
{
    private static readonly Dictionary<string, EventName> Names = new(StringComparer.Ordinal)
    {
        [nameof(WorkOrderSubmitted)] = new("新报修", "Repair requested"),
        [nameof(WorkOrderDispatched)] = new("报修已派工", "Repair dispatched"),
        [nameof(WorkOrderAccepted)] = new("报修已接单", "Repair accepted"),
        [nameof(WorkOrderStarted)] = new("报修开始维修", "Repair work started"),
        [nameof(WorkOrderPutOnHold)] = new("报修暂停", "Repair put on hold"),
        [nameof(WorkOrderResumed)] = new("报修恢复维修", "Repair resumed"),
        [nameof(WorkOrderCompleted)] = new("报修已完工", "Repair completed"),
        [nameof(WorkOrderFollowedUp)] = new("报修已回访", "Repair followed up"),
        [nameof(WorkOrderReopened)] = new("报修返修", "Repair reopened"),
        [nameof(WorkOrderClosed)] = new("报修已关闭", "Repair closed"),
        [nameof(WorkOrderCancelled)] = new("报修已取消", "Repair cancelled"),
        [nameof(WorkOrderDeadlineApproaching)] = new("报修即将超时", "Repair nearing its limit"),
        [nameof(WorkOrderDeadlineBreached)] = new("报修超时", "Repair past its limit"),
        [nameof(PaidServiceCompleted)] = new("有偿服务完成", "Paid service completed"),

        [nameof(ComplaintReceived)] = new("新投诉", "Complaint received"),
        [nameof(ComplaintResponded)] = new("投诉已答复", "Complaint answered"),
        [nameof(ComplaintWorkOrderRequested)] = new("投诉转报修", "Repair requested for a complaint"),
        [nameof(ComplaintInvestigationStarted)] = new("投诉开始调查", "Complaint investigation started"),
        [nameof(ComplaintReplyTimeCommitted)] = new("投诉约定答复时间", "Complaint reply time promised"),
        [nameof(ComplaintDeadlineApproaching)] = new("投诉即将超时", "Complaint nearing its deadline"),
        [nameof(ComplaintDeadlineBreached)] = new("投诉超时", "Complaint overdue"),
        [nameof(ComplaintEscalated)] = new("投诉升级", "Complaint escalated"),
        [nameof(ComplaintTierChanged)] = new("投诉等级调整", "Complaint tier changed"),
        [nameof(ComplaintHandedOver)] = new("投诉转交", "Complaint handed over"),
        [nameof(ComplaintFeedbackGiven)] = new("投诉评价", "Complaint feedback"),
        [nameof(ComplaintReopened)] = new("投诉重开", "Complaint reopened"),
        [nameof(ComplaintClosed)] = new("投诉已关闭", "Complaint closed"),
        [nameof(ComplaintCompensationAgreed)] = new("投诉约定赔偿", "Compensation agreed"),
        [nameof(ComplaintsProposedAsHot)] = new("疑似热点投诉", "Possible hot complaint"),
        [nameof(SuggestionSubmitted)] = new("新建议", "Suggestion submitted"),
        [nameof(SuggestionDecided)] = new("建议已决定", "Suggestion decided"),
        [nameof(SuggestionPlanPublished)] = new("建议计划公布", "Suggestion plan published"),
        [nameof(FollowUpVisitRecorded)] = new("回访已记录", "Follow-up visit recorded"),
        [nameof(VisitFeedbackHandled)] = new("回访意见已处理", "Visit feedback handled"),

        [nameof(FeeRateSet)] = new("收费标准设定", "Fee rate set"),
        [nameof(BillIssued)] = new("账单已出", "Bill issued"),
        [nameof(PaymentReceived)] = new("收到付款", "Payment received"),
        [nameof(PaymentReversed)] = new("付款冲销", "Payment reversed"),
        [nameof(ReceiptVoided)] = new("收据作废", "Receipt voided"),
        [nameof(DepositTaken)] = new("收取押金", "Deposit taken"),
        [nameof(DepositRefunded)] = new("押金退还", "Deposit refunded"),
        [nameof(DepositForfeited)] = new("押金扣除", "Deposit forfeited"),
        [nameof(CashDayClosed)] = new("收银日结", "Cash day closed"),
        [nameof(ArrearsReminderDue)] = new("欠费提醒", "Arrears reminder"),

        [nameof(VisitRegistered)] = new("访客预约", "Visit registered"),
        [nameof(VisitorCheckedIn)] = new("访客到达", "Visitor checked in"),
        [nameof(VisitorCheckedOut)] = new("访客离开", "Visitor checked out"),
        [nameof(VisitCancelled)] = new("访客预约取消", "Visit cancelled"),
        [nameof(WalkInAwaitingHost)] = new("访客待确认", "Walk-in awaiting host"),
        [nameof(WalkInConfirmed)] = new("访客已确认", "Walk-in confirmed"),
        [nameof(WalkInDeclined)] = new("访客被拒绝", "Walk-in declined"),
        [nameof(NotableVisitorExpected)] = new("重要来访", "Notable visitor expected"),
        [nameof(VacantUnitsInspected)] = new("空置房巡查", "Vacant units inspected"),
        [nameof(InspectionWorkOrderRequested)] = new("巡查转报修", "Repair requested by an inspection"),
        [nameof(LostItemRegistered)] = new("拾获物品登记", "Lost item registered"),
        [nameof(LostItemClaimed)] = new("失物认领", "Lost item claimed"),
        [nameof(LostItemDisposed)] = new("失物处置", "Lost item disposed of"),
        [nameof(UnitKeyRegistered)] = new("钥匙登记", "Unit key registered"),
        [nameof(UnitKeySignedOut)] = new("钥匙借出", "Unit key signed out"),
        [nameof(UnitKeyReturned)] = new("钥匙归还", "Unit key returned"),
        [nameof(EnquiryRecorded)] = new("新咨询", "Enquiry recorded"),
        [nameof(EnquiryAnswered)] = new("咨询已答复", "Enquiry answered"),
        [nameof(EnquiryAnswerDue)] = new("咨询答复到期", "Enquiry answer due"),
        [nameof(ExitPassApplied)] = new("放行条申请", "Exit pass applied for"),
        [nameof(ExitPassVerified)] = new("放行条核实", "Exit pass verified"),
        [nameof(ExitPassReleased)] = new("放行条放行", "Exit pass released"),
        [nameof(ExitPassRefused)] = new("放行条拒绝", "Exit pass refused"),
        [nameof(ShiftHandedOver)] = new("交班", "Shift handed over"),
        [nameof(HandoverAcknowledged)] = new("接班确认", "Hand-over acknowledged"),
        [nameof(AccessCardIssued)] = new("出入证发放", "Access card issued"),
        [nameof(AccessCardReturned)] = new("出入证归还", "Access card returned"),
        [nameof(AccessCardLost)] = new("出入证挂失", "Access card lost"),
    };

    /// <summary>The event type's names; a type the catalog does not know is named by its code name in both languages.</summary>
    public static EventName Of(string eventType) => Names.GetValueOrDefault(eventType) ?? new(eventType, eventType);

    public static bool IsNamed(string eventType) => Names.ContainsKey(eventType);
}
