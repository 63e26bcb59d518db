using PropertyPlatform.Contracts.Billing;
using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.Contracts.Reception;
using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.Notifications.Domain;
using static PropertyPlatform.Notifications.Domain.Audience;

namespace PropertyPlatform.Notifications.Routing;

/// <summary>
/// A message's default text for an event, in both languages, with <c>{Field}</c> placeholders for the event's fields
/// (<see cref="TemplateRenderer"/>). The channels frame it (<c>MessageTemplates</c>): the inbox as is, email with a
/// greeting and footer, SMS as the title with the platform's signature.
/// </summary>
public sealed record EventTemplate(string TitleZhCn, string BodyZhCn, string TitleEn, string BodyEn);

/// <summary>
/// How an event type is told by default: its category (for preferences), who hears it, its link and its template.
/// <paramref name="Written"/>: a consumer of its own writes the texts for the default audiences (the template serves
/// audiences an administrator adds); otherwise every message is rendered from the template.
/// </summary>
public sealed record EventRoute(
    Type Type, Category Category, IReadOnlyList<Audience> Audiences, string Link, EventTemplate Template, bool Escalation = false, bool Written = false)
{
    public string Name => Type.Name;
}

/// <summary>
/// Every event the services publish and its default route: to the people it concerns on every channel they choose
/// (inbox, email, SMS as their preferences allow). Administrators override routes per property (<c>RoutingRule</c>).
/// Directory's events are not told to anyone: they keep the copy of contacts (who is who) current.
/// </summary>
public static class EventCatalog
{
    /// <summary>The default channels: the inbox, and email and SMS as each person's preferences choose.</summary>
    public static readonly IReadOnlyList<RouteChannel> DefaultChannels = [RouteChannel.Inbox, RouteChannel.Email, RouteChannel.Sms];

    private const string WorkOrder = "/api/workorders/work-orders/{WorkOrderId}";
    private const string Complaint = "/api/complaints/complaints/{ComplaintId}";

    public static readonly IReadOnlyList<EventRoute> Routes =
    [
        // Work orders (报修).
        E<WorkOrderSubmitted>(Category.Repairs, [Frontdesk], WorkOrder, "新报修单 {Number}：{UnitNumber}", "{Description}", "New repair request {Number}: {UnitNumber}", "{Description}", written: true),
        E<WorkOrderDispatched>(Category.Repairs, [Occupant, Assignee], WorkOrder, "报修 {Number} 已派给 {AssigneeName}", "房号：{UnitNumber}", "Repair {Number} dispatched to {AssigneeName}", "Unit: {UnitNumber}", written: true),
        E<WorkOrderAccepted>(Category.Repairs, [Occupant], WorkOrder, "您的报修 {Number} 已受理", "{ActorName} 已接单。", "Your repair {Number} was accepted", "{ActorName} took the order."),
        E<WorkOrderStarted>(Category.Repairs, [Occupant], WorkOrder, "您的报修 {Number} 已开始维修", "{ActorName} 已开始维修。", "Work on your repair {Number} has started", "{ActorName} started the work."),
        E<WorkOrderPutOnHold>(Category.Repairs, [Occupant], WorkOrder, "您的报修 {Number} 暂停", "原因：{Reason}\n预计恢复：{ResumeAt}", "Your repair {Number} is on hold", "Reason: {Reason}\nResumes: {ResumeAt}", written: true),
        E<WorkOrderResumed>(Category.Repairs, [Occupant], WorkOrder, "您的报修 {Number} 已恢复维修", "{ActorName} 继续处理。", "Work on your repair {Number} resumed", "{ActorName} goes on with it."),
        E<WorkOrderCompleted>(Category.Repairs, [Occupant], WorkOrder, "您的报修 {Number} 已完工，请评价", "处理结果：{Summary}", "Your repair {Number} is completed, please rate it", "Work done: {Summary}", written: true),
        E<WorkOrderFollowedUp>(Category.Repairs, [Supervisor], WorkOrder, "工单 {Number} 已回访", "满意度：{Satisfaction}\n已解决：{Resolved}\n回访人：{ActorName}", "Order {Number} followed up", "Satisfaction: {Satisfaction}\nResolved: {Resolved}\nBy: {ActorName}"),
        E<WorkOrderReopened>(Category.Repairs, [Frontdesk], WorkOrder, "工单 {Number} 已重开，请重新派单", "原因：{Reason}", "Order {Number} reopened, dispatch it again", "Reason: {Reason}", written: true),
        E<WorkOrderClosed>(Category.Repairs, [Occupant], WorkOrder, "您的报修 {Number} 已关闭", "感谢您的反馈。", "Your repair {Number} is closed", "Thank you for your feedback."),
        E<WorkOrderCancelled>(Category.Repairs, [Occupant], WorkOrder, "您的报修 {Number} 已取消", "原因：{Reason}\n取消人：{ActorName}", "Your repair {Number} was cancelled", "Reason: {Reason}\nBy: {ActorName}", written: true),
        E<WorkOrderDeadlineApproaching>(Category.Repairs, [Assignee, Frontdesk], WorkOrder, "工单 {Number} 即将超时", "{Kind} 时限于 {DueAt} 到期。", "Order {Number} is nearing its limit", "The {Kind} limit ends at {DueAt}.", written: true),
        E<WorkOrderDeadlineBreached>(Category.Repairs, [Supervisor], WorkOrder, "工单 {Number} 已超时", "{Kind} 时限已于 {DueAt} 到期。", "Order {Number} is past its limit", "The {Kind} limit ended at {DueAt}.", escalation: true, written: true),
        E<PaidServiceCompleted>(Category.Billing, [Occupant, Finance], WorkOrder, "有偿服务 {Number} 已完成：{Amount} 元", "{Description}", "Paid service {Number} done: CNY {Amount}", "{Description}"),

        // Complaints (投诉) and suggestions.
        E<ComplaintReceived>(Category.Complaints, [Frontdesk], Complaint, "新投诉 {Number}", "{Description}", "New complaint {Number}", "{Description}", written: true),
        E<ComplaintResponded>(Category.Complaints, [Occupant], Complaint, "您的投诉 {Number} 已答复", "调查结果：{Finding}\n处理措施：{ActionTaken}", "Your complaint {Number} was answered", "Finding: {Finding}\nAction: {ActionTaken}", written: true),
        E<ComplaintWorkOrderRequested>(Category.Complaints, [Frontdesk], Complaint, "投诉 {ComplaintNumber} 需要维修", "{Description}\n提出人：{RequestedByName}", "Complaint {ComplaintNumber} needs a repair", "{Description}\nAsked by: {RequestedByName}"),
        E<ComplaintInvestigationStarted>(Category.Complaints, [Owner], Complaint, "投诉 {Number} 开始调查", "{ByName} 已开始调查。", "Investigation of complaint {Number} started", "{ByName} started the investigation."),
        E<ComplaintReplyTimeCommitted>(Category.Complaints, [Owner], Complaint, "投诉 {Number} 约定答复时间 {ReplyDueAt}", "{Note}", "Complaint {Number}: reply promised by {ReplyDueAt}", "{Note}"),
        E<ComplaintDeadlineApproaching>(Category.Complaints, [Owner, Frontdesk], Complaint, "投诉 {Number} 即将超时", "{DueAt} 到期。", "Complaint {Number} is nearing its deadline", "Due at {DueAt}.", written: true),
        E<ComplaintDeadlineBreached>(Category.Complaints, [Owner], Complaint, "投诉 {Number} 已超时", "已于 {DueAt} 到期。", "Complaint {Number} is overdue", "It was due at {DueAt}.", escalation: true, written: true),
        E<ComplaintEscalated>(Category.Complaints, [Supervisor, Manager], Complaint, "投诉 {Number} 已升级", "原因：{Reason}", "Complaint {Number} escalated", "Reason: {Reason}", escalation: true, written: true),
        E<ComplaintTierChanged>(Category.Complaints, [Supervisor], Complaint, "投诉 {Number} 等级调整为 {To}", "原因：{Reason}\n调整人：{ByName}", "Complaint {Number} is now {To}", "Reason: {Reason}\nBy: {ByName}"),
        E<ComplaintHandedOver>(Category.Complaints, [Owner], Complaint, "投诉 {Number} 已转交给您", "转交人：{ByName}\n说明：{Note}", "Complaint {Number} was handed over to you", "By: {ByName}\nNote: {Note}", written: true),
        E<ComplaintFeedbackGiven>(Category.Complaints, [Owner, Supervisor], Complaint, "投诉 {Number} 已收到评价", "满意：{Satisfied}\n{Comment}", "Feedback on complaint {Number}", "Satisfied: {Satisfied}\n{Comment}"),
        E<ComplaintReopened>(Category.Complaints, [Owner, Frontdesk], Complaint, "投诉 {Number} 已重开", "原因：{Reason}", "Complaint {Number} reopened", "Reason: {Reason}", written: true),
        E<ComplaintClosed>(Category.Complaints, [Supervisor], Complaint, "投诉 {Number} 已关闭", "满意：{Satisfied}\n关闭人：{ByName}", "Complaint {Number} closed", "Satisfied: {Satisfied}\nBy: {ByName}"),
        E<ComplaintCompensationAgreed>(Category.Complaints, [Finance, Manager], Complaint, "投诉 {Number} 约定赔偿 {Amount} 元", "{Agreement}\n批准人：{ApprovedByName}", "Complaint {Number}: compensation of CNY {Amount} agreed", "{Agreement}\nApproved by: {ApprovedByName}"),
        E<ComplaintsProposedAsHot>(Category.Complaints, [Supervisor], "/api/complaints/complaints", "同一地点的投诉可能是热点投诉", "地点：{Place}", "Complaints about one place may be one hot complaint", "Place: {Place}", written: true),
        E<SuggestionSubmitted>(Category.Complaints, [Supervisor], "/api/complaints/suggestions/{SuggestionId}", "新建议 {Number}", "{Title}", "New suggestion {Number}", "{Title}"),
        E<SuggestionDecided>(Category.Complaints, [Frontdesk], "/api/complaints/suggestions/{SuggestionId}", "建议 {Number} 已决定", "采纳：{Adopted}\n理由：{Reason}", "Suggestion {Number} decided", "Adopted: {Adopted}\nReason: {Reason}"),
        E<SuggestionPlanPublished>(Category.Complaints, [Frontdesk], "/api/complaints/suggestions/{SuggestionId}", "建议 {Number} 的计划已公布", "{Title}\n{Plan}", "Plan published for suggestion {Number}", "{Title}\n{Plan}"),
        E<FollowUpVisitRecorded>(Category.Complaints, [Supervisor], "/api/complaints/visits/{VisitId}", "回访已记录", "满意度：{Satisfaction}\n意见：{FeedbackItems} 条\n回访人：{ByName}", "Follow-up visit recorded", "Satisfaction: {Satisfaction}\nFeedback items: {FeedbackItems}\nBy: {ByName}"),
        E<VisitFeedbackHandled>(Category.Complaints, [Frontdesk], "/api/complaints/visits/{VisitId}", "回访意见已处理", "{Text}\n处理：{Resolution}", "Visit feedback handled", "{Text}\nResolution: {Resolution}"),

        // Billing (收费).
        E<FeeRateSet>(Category.Billing, [Finance], "/api/billing/fee-schedules/{FeeScheduleId}", "收费标准已设定：{Item}", "单价：{Rate}\n生效日期：{EffectiveFrom}", "Fee rate set: {Item}", "Rate: {Rate}\nEffective from: {EffectiveFrom}"),
        E<BillIssued>(Category.Billing, [Occupant], "/api/billing/accounts", "{Period} 账单：{Amount} 元", "房号：{UnitNumber}\n项目：{Description}\n到期日：{DueDate}", "Bill for {Period}: CNY {Amount}", "Unit: {UnitNumber}\nItem: {Description}\nDue: {DueDate}"),
        E<PaymentReceived>(Category.Billing, [Occupant], "/api/billing/payments/{PaymentId}", "已收到付款 {Amount} 元", "房号：{UnitNumber}\n收据号：{ReceiptNumber}", "Payment of CNY {Amount} received", "Unit: {UnitNumber}\nReceipt: {ReceiptNumber}"),
        E<PaymentReversed>(Category.Billing, [Finance, Manager], "/api/billing/payments/{PaymentId}", "付款已冲销：{Amount} 元", "原因：{Reason}\n操作人：{ActorName}", "Payment of CNY {Amount} reversed", "Reason: {Reason}\nBy: {ActorName}"),
        E<ReceiptVoided>(Category.Billing, [Finance], "/api/billing/receipts/{ReceiptId}", "收据 {ReceiptNumber} 已作废", "原因：{Reason}\n操作人：{ActorName}", "Receipt {ReceiptNumber} voided", "Reason: {Reason}\nBy: {ActorName}"),
        E<DepositTaken>(Category.Billing, [Occupant], "/api/billing/deposits/{DepositId}", "已收取押金 {Amount} 元", "房号：{UnitNumber}\n类别：{Kind}", "Deposit of CNY {Amount} taken", "Unit: {UnitNumber}\nKind: {Kind}"),
        E<DepositRefunded>(Category.Billing, [Occupant], "/api/billing/deposits/{DepositId}", "押金已退还 {Amount} 元", "余额：{Balance} 元", "Deposit of CNY {Amount} refunded", "Balance: CNY {Balance}"),
        E<DepositForfeited>(Category.Billing, [Occupant, Finance], "/api/billing/deposits/{DepositId}", "押金已扣除 {Amount} 元", "原因：{Reason}\n余额：{Balance} 元", "Deposit of CNY {Amount} forfeited", "Reason: {Reason}\nBalance: CNY {Balance}"),
        E<CashDayClosed>(Category.Billing, [Finance], "/api/billing/cash-days/{CashDayId}", "{CashierName} {Day} 日结", "应收：{Expected}\n实点：{Counted}\n平账：{Balanced}", "Day close of {CashierName}, {Day}", "Expected: {Expected}\nCounted: {Counted}\nBalanced: {Balanced}"),
        E<ArrearsReminderDue>(Category.Billing, [Occupant, Finance], "/api/billing/arrears", "欠费提醒：{BuildingName} {UnitNumber} {Amount} 元", "已逾期 {DaysOverdue} 天，最早到期日 {OldestDueDate}。", "Arrears reminder: {BuildingName} {UnitNumber} CNY {Amount}", "{DaysOverdue} days overdue, oldest due {OldestDueDate}."),

        // Reception (前台) and the gate.
        E<VisitRegistered>(Category.Reception, [Security], "/api/reception/visits/{VisitId}", "预约访客：{VisitorName} 到访 {UnitNumber}", "人数：{PartySize}\n事由：{Purpose}\n预计：{ExpectedFrom}", "Expected visitor {VisitorName} for {UnitNumber}", "Party: {PartySize}\nPurpose: {Purpose}\nExpected: {ExpectedFrom}"),
        E<NotableVisitorExpected>(Category.Reception, [Manager], "/api/reception/visits/{VisitId}", "重要来访（贵宾/政府/媒体）：{VisitorName} 到访 {UnitNumber}", "类别：{Category}\n人数：{PartySize}\n事由：{Purpose}\n时间：{ExpectedFrom}\n临时来访：{IsWalkIn}", "Notable visitor: {VisitorName} ({Category}) for {UnitNumber}", "Party: {PartySize}\nPurpose: {Purpose}\nWhen: {ExpectedFrom}\nWalk-in: {IsWalkIn}"),
        E<VisitorCheckedIn>(Category.Reception, [Occupant], "/api/reception/visits/{VisitId}", "您的访客 {VisitorName} 已到达", "房号：{UnitNumber}\n人数：{PartySize}", "Your visitor {VisitorName} has arrived", "Unit: {UnitNumber}\nParty: {PartySize}"),
        E<VisitorCheckedOut>(Category.Reception, [Occupant], "/api/reception/visits/{VisitId}", "您的访客 {VisitorName} 已离开", "房号：{UnitNumber}", "Your visitor {VisitorName} has left", "Unit: {UnitNumber}"),
        E<VisitCancelled>(Category.Reception, [Security], "/api/reception/visits/{VisitId}", "访客预约已取消", "原因：{Reason}", "Visit cancelled", "Reason: {Reason}"),
        E<WalkInAwaitingHost>(Category.Reception, [Occupant], "/api/reception/visits/{VisitId}", "访客 {VisitorName} 在前台等候您确认", "人数：{PartySize}\n事由：{Purpose}\n请于 {ConfirmBy} 前确认。", "Visitor {VisitorName} is waiting for you at the desk", "Party: {PartySize}\nPurpose: {Purpose}\nPlease confirm by {ConfirmBy}."),
        E<WalkInConfirmed>(Category.Reception, [Security], "/api/reception/visits/{VisitId}", "访客 {VisitorName} 已获 {UnitNumber} 确认", "请放行。", "Visitor {VisitorName} confirmed by {UnitNumber}", "Let them in."),
        E<WalkInDeclined>(Category.Reception, [Security], "/api/reception/visits/{VisitId}", "访客 {VisitorName} 被 {UnitNumber} 拒绝", "{Reason}", "Visitor {VisitorName} declined by {UnitNumber}", "{Reason}"),
        E<LostItemRegistered>(Category.Reception, [Frontdesk], "/api/reception/lost-items/{LostItemId}", "拾获物品登记：{Item}", "地点：{Place}\n保管至：{RetainUntil}", "Lost item registered: {Item}", "Place: {Place}\nKept until: {RetainUntil}"),
        E<LostItemClaimed>(Category.Reception, [Frontdesk], "/api/reception/lost-items/{LostItemId}", "失物已认领：{Item}", "认领人：{ClaimantName}", "Lost item claimed: {Item}", "Claimed by: {ClaimantName}"),
        E<LostItemDisposed>(Category.Reception, [Supervisor], "/api/reception/lost-items/{LostItemId}", "失物已处置：{Item}", "处置：{Decision}\n{Note}", "Lost item disposed of: {Item}", "Decision: {Decision}\n{Note}"),
        E<UnitKeyRegistered>(Category.Reception, [Frontdesk], "/api/reception/keys/{KeyId}", "钥匙已登记：{UnitNumber} {Label}", "请妥善保管。", "Key registered: {UnitNumber} {Label}", "Keep it safe."),
        E<UnitKeySignedOut>(Category.Reception, [Occupant, Security], "/api/reception/keys/{KeyId}", "您单元的钥匙 {Label} 已借出", "借用人：{HolderName}\n事由：{Reason}\n预计归还：{ExpectedReturnAt}", "Your unit's key {Label} was signed out", "Holder: {HolderName}\nReason: {Reason}\nBack by: {ExpectedReturnAt}"),
        E<UnitKeyReturned>(Category.Reception, [Occupant], "/api/reception/keys/{KeyId}", "您单元的钥匙 {Label} 已归还", "归还人：{HolderName}", "Your unit's key {Label} was returned", "Returned by: {HolderName}"),
        E<EnquiryRecorded>(Category.Reception, [Frontdesk], "/api/reception/enquiries/{EnquiryId}", "新咨询：{EnquirerName}", "{Question}", "New enquiry from {EnquirerName}", "{Question}"),
        E<EnquiryAnswerDue>(Category.Reception, [Frontdesk], "/api/reception/enquiries/{EnquiryId}", "咨询答复到期：{EnquirerName}", "{Question}\n约定答复时间：{DueAt}\n电话：{EnquirerPhone}", "Enquiry answer due: {EnquirerName}", "{Question}\nDue: {DueAt}\nPhone: {EnquirerPhone}"),
        E<EnquiryAnswered>(Category.Reception, [Frontdesk], "/api/reception/enquiries/{EnquiryId}", "咨询已答复", "逾期：{Late}", "Enquiry answered", "Late: {Late}"),
        E<ExitPassApplied>(Category.Reception, [Security], "/api/reception/exit-passes/{ExitPassId}", "放行条申请：{UnitNumber}", "出门日期：{ExitDate}\n物品：{ItemCount} 件", "Exit pass applied for: {UnitNumber}", "Exit date: {ExitDate}\nItems: {ItemCount}"),
        E<ExitPassVerified>(Category.Reception, [Security], "/api/reception/exit-passes/{ExitPassId}", "放行条已核实", "可在门岗放行。", "Exit pass verified", "It may pass the gate."),
        E<ExitPassReleased>(Category.Reception, [Occupant], "/api/reception/exit-passes/{ExitPassId}", "您的放行条物品已放行", "部分放行：{Partial}", "Your exit pass goods have left", "Partly: {Partial}"),
        E<ExitPassRefused>(Category.Reception, [Occupant], "/api/reception/exit-passes/{ExitPassId}", "您的放行条未获通过", "原因：{Reason}", "Your exit pass was refused", "Reason: {Reason}"),
        E<ShiftHandedOver>(Category.Reception, [Frontdesk], "/api/reception/handovers/{HandoverId}", "{HandedOverByName} 已交班", "事项：{ItemCount}\n逾期：{OverdueCount}", "{HandedOverByName} handed over the shift", "Items: {ItemCount}\nOverdue: {OverdueCount}"),
        E<HandoverAcknowledged>(Category.Reception, [Supervisor], "/api/reception/handovers/{HandoverId}", "{AcknowledgedByName} 已接班", "交接班已确认。", "{AcknowledgedByName} took over the shift", "The hand-over is acknowledged."),
        E<AccessCardIssued>(Category.Reception, [Occupant, Finance], "/api/reception/access-cards/{AccessCardId}", "出入证 {CardNumber} 已发放给 {HolderName}", "房号：{UnitNumber}\n押金：{Deposit} 元\n有效期至：{ValidUntil}", "Access card {CardNumber} issued to {HolderName}", "Unit: {UnitNumber}\nDeposit: CNY {Deposit}\nValid until: {ValidUntil}"),
        E<AccessCardReturned>(Category.Reception, [Occupant], "/api/reception/access-cards/{AccessCardId}", "出入证 {CardNumber} 已归还", "押金：{Deposit} 元", "Access card {CardNumber} returned", "Deposit: CNY {Deposit}"),
        E<VacantUnitsInspected>(Category.Reception, [Supervisor], "/api/reception/inspections/{InspectionId}", "空置房巡查已记录：{InspectedOn}", "全面巡查：{Full}\n区域：{Area}\n发现问题：{FindingCount}\n报修：{WorkOrderCount}\n巡查人：{InspectorName}", "Vacant units inspected: {InspectedOn}", "Full inspection: {Full}\nArea: {Area}\nFindings: {FindingCount}\nWork orders: {WorkOrderCount}\nBy: {InspectorName}"),
        E<InspectionWorkOrderRequested>(Category.Repairs, [Frontdesk], "/api/reception/inspections/{InspectionId}", "空置房巡查需要维修", "{Description}\n提出人：{RequestedByName}", "An inspection of vacant units asks for a repair", "{Description}\nBy: {RequestedByName}"),
        E<AccessCardLost>(Category.Reception, [Occupant, Security], "/api/reception/access-cards/{AccessCardId}", "出入证 {CardNumber} 已挂失", "{Note}", "Access card {CardNumber} reported lost", "{Note}"),

    ];

    private static readonly Dictionary<string, EventRoute> ByName = Routes.ToDictionary(r => r.Name, StringComparer.Ordinal);

    public static EventRoute? Find(string eventType) => ByName.GetValueOrDefault(eventType);

    public static EventRoute For<TEvent>() => ByName[typeof(TEvent).Name];

    /// <summary>The events without a consumer of their own: <c>RoutedConsumer</c> tells them from their templates.</summary>
    public static IEnumerable<Type> TemplateOnly => Routes.Where(r => !r.Written).Select(r => r.Type);

    private static EventRoute E<TEvent>(
        Category category, Audience[] audiences, string link, string titleZhCn, string bodyZhCn, string titleEn, string bodyEn,
        bool escalation = false, bool written = false) =>
        new(typeof(TEvent), category, audiences, link, new EventTemplate(titleZhCn, bodyZhCn, titleEn, bodyEn), escalation, written);
}
