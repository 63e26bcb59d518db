using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.ServiceDefaults.Domain;
using static PropertyPlatform.Notifications.Domain.MessageFormat;

namespace PropertyPlatform.Notifications.Domain;

/// <summary>What the people concerned read about complaints (投诉), in Chinese and English.</summary>
public static class ComplaintMessages
{
    /// <summary>How much of the description the title repeats; the body has all of it.</summary>
    public const int TitleDescriptionLength = 40;

    /// <summary>The complaint as the gateway serves it.</summary>
    public static string Link(Guid complaintId) => $"/api/complaints/complaints/{complaintId}";

    /// <summary>The list of complaints, for what concerns several at once.</summary>
    public const string ListLink = "/api/complaints/complaints";

    /// <summary>For the front desk: a complaint was taken, e.g. 新投诉 TS-20261206-0001：1201 楼上装修噪音.</summary>
    public static MessageText Received(ComplaintReceived complaint)
    {
        var summary = Shorten(complaint.Description, TitleDescriptionLength);
        var where = complaint.UnitNumber is { Length: > 0 } unit ? $"{unit} " : "";
        return new MessageText(
            titleZhCn: $"新投诉 {complaint.Number}：{where}{summary}",
            bodyZhCn: Lines(
                $"房号：{complaint.UnitNumber ?? "匿名"}",
                $"类别：{CategoryZh(complaint.Category)}",
                $"级别：{TierZh(complaint.Tier)}",
                $"来源：{ChannelZh(complaint.Channel)}",
                $"内容：{complaint.Description.Trim()}"),
            titleEn: $"New complaint {complaint.Number}: {where}{summary}",
            bodyEn: Lines(
                $"Unit: {complaint.UnitNumber ?? "anonymous"}",
                $"Category: {CategoryEn(complaint.Category)}",
                $"Tier: {TierEn(complaint.Tier)}",
                $"Received by: {ChannelEn(complaint.Channel)}",
                $"Complaint: {complaint.Description.Trim()}"));
    }

    /// <summary>For the supervisors or the managers: a complaint needs them now (升级), with the reason.</summary>
    public static MessageText Escalated(ComplaintEscalated complaint)
    {
        var toZh = complaint.Level == ComplaintEscalationLevel.Manager ? "经理" : "客服主管";
        var toEn = complaint.Level == ComplaintEscalationLevel.Manager ? "the managers" : "the supervisors";
        return new MessageText(
            titleZhCn: $"投诉升级：{complaint.Number}（{TierZh(complaint.Tier)}）",
            bodyZhCn: Lines($"已升级至{toZh}，请跟进。", Labelled("原因：", complaint.Reason), Labelled("操作人：", complaint.ByName)),
            titleEn: $"Complaint escalated: {complaint.Number} ({TierEn(complaint.Tier)})",
            bodyEn: Lines($"Escalated to {toEn}; please follow it up.", Labelled("Reason: ", complaint.Reason), Labelled("Escalated by: ", complaint.ByName)));
    }

    /// <summary>For the occupant who complained: the answer, whether it was upheld and what was done; please give feedback.</summary>
    public static MessageText RespondedToComplainant(ComplaintResponded complaint) => new(
        titleZhCn: $"您的投诉 {complaint.Number} 已答复，请反馈是否满意",
        bodyZhCn: Lines(
            $"核实结果：{complaint.Finding.Trim()}",
            $"处理措施：{complaint.ActionTaken.Trim()}",
            complaint.Justified ? "经核实，投诉成立。" : "经核实，投诉不成立。"),
        titleEn: $"Your complaint {complaint.Number} has been answered; please tell us if you are satisfied",
        bodyEn: Lines(
            $"Finding: {complaint.Finding.Trim()}",
            $"Action taken: {complaint.ActionTaken.Trim()}",
            complaint.Justified ? "The complaint was upheld." : "The complaint was not upheld."));

    /// <summary>For the complaint's owner (or the front desk while it has none): a deadline is near, with its local time.</summary>
    public static MessageText DeadlineApproaching(ComplaintDeadlineApproaching complaint, PropertyCalendar calendar)
    {
        var due = calendar.LocalTime(complaint.DueAt);
        return new MessageText(
            titleZhCn: $"投诉 {complaint.Number} 即将超过{DeadlineZh(complaint.Deadline)}",
            bodyZhCn: $"{DeadlineZh(complaint.Deadline)}于 {DueZh(due)} 到期，请尽快处理。",
            titleEn: $"Complaint {complaint.Number} is nearing its {DeadlineEn(complaint.Deadline)}",
            bodyEn: $"The {DeadlineEn(complaint.Deadline)} ends at {DueEn(due)}. Please act on it soon.");
    }

    /// <summary>For the complaint's owner: a deadline passed and the supervisors were told (they hear it as an escalation).</summary>
    public static MessageText DeadlineBreached(ComplaintDeadlineBreached complaint, PropertyCalendar calendar)
    {
        var due = calendar.LocalTime(complaint.DueAt);
        return new MessageText(
            titleZhCn: $"投诉 {complaint.Number} 已超过{DeadlineZh(complaint.Deadline)}",
            bodyZhCn: $"{DeadlineZh(complaint.Deadline)}已于 {DueZh(due)} 到期，投诉已升级至客服主管，请尽快处理。",
            titleEn: $"Complaint {complaint.Number} is past its {DeadlineEn(complaint.Deadline)}",
            bodyEn: $"The {DeadlineEn(complaint.Deadline)} ended at {DueEn(due)}; the supervisors have been told. Please act on it now.");
    }

    /// <summary>For the member of staff who now owns the complaint (首问负责 handed over).</summary>
    public static MessageText HandedOver(ComplaintHandedOver complaint) => new(
        titleZhCn: $"投诉 {complaint.Number} 已转交给您",
        bodyZhCn: Lines(Labelled("转交人：", complaint.FromName ?? complaint.ByName), Labelled("说明：", complaint.Note)),
        titleEn: $"Complaint {complaint.Number} was handed over to you",
        bodyEn: Lines(Labelled("Handed over by: ", complaint.FromName ?? complaint.ByName), Labelled("Note: ", complaint.Note)));

    /// <summary>For the owner (or the front desk): the complaint is open again and must be investigated again.</summary>
    public static MessageText Reopened(ComplaintReopened complaint) => new(
        titleZhCn: $"投诉 {complaint.Number} 重新处理（第 {complaint.ReopenCount} 次）",
        bodyZhCn: Lines(Labelled("原因：", complaint.Reason) ?? "原因：未说明", "请重新调查核实。"),
        titleEn: $"Complaint {complaint.Number} reopened (time {complaint.ReopenCount})",
        bodyEn: Lines(Labelled("Reason: ", complaint.Reason) ?? "Reason: not given", "Please investigate it again."));

    /// <summary>For the supervisors: several complaints about one place look like one hot complaint (热点投诉).</summary>
    public static MessageText ProposedAsHot(ComplaintsProposedAsHot group) => new(
        titleZhCn: $"疑似热点投诉：{group.Place} {CategoryZh(group.Category)}（{group.ComplaintIds.Count} 件）",
        bodyZhCn: $"{group.Place} 的 {group.ComplaintIds.Count} 件{CategoryZh(group.Category)}投诉已关联，请确认是否按热点投诉处理。",
        titleEn: $"Possible hot complaint: {group.Place}, {CategoryEn(group.Category)} ({group.ComplaintIds.Count} complaints)",
        bodyEn: $"{group.ComplaintIds.Count} {CategoryEn(group.Category)} complaints about {group.Place} were linked; please decide whether to handle them as one hot complaint.");

    private static string DeadlineZh(ComplaintDeadline deadline) => deadline == ComplaintDeadline.Investigation ? "调查核实时限" : "答复时限";

    private static string DeadlineEn(ComplaintDeadline deadline) => deadline == ComplaintDeadline.Investigation ? "investigation time limit" : "reply time limit";

    private static string TierZh(ComplaintTier tier) => tier switch
    {
        ComplaintTier.Important => "重要",
        ComplaintTier.Hot => "热点",
        ComplaintTier.Collective => "集体",
        _ => "一般",
    };

    private static string TierEn(ComplaintTier tier) => tier switch
    {
        ComplaintTier.Important => "important",
        ComplaintTier.Hot => "hot",
        ComplaintTier.Collective => "collective",
        _ => "general",
    };

    private static string CategoryZh(ComplaintCategory category) => category switch
    {
        ComplaintCategory.Engineering or ComplaintCategory.RepairQuality => "工程",
        ComplaintCategory.Cleaning => "保洁",
        ComplaintCategory.Security => "安保",
        ComplaintCategory.Fees => "收费",
        ComplaintCategory.StaffConduct or ComplaintCategory.ServiceAttitude => "员工服务",
        ComplaintCategory.Noise => "噪音",
        ComplaintCategory.Parking => "停车",
        ComplaintCategory.Neighbours => "邻里",
        ComplaintCategory.Environment => "环境",
        _ => "其他",
    };

    private static string CategoryEn(ComplaintCategory category) => category switch
    {
        ComplaintCategory.Engineering or ComplaintCategory.RepairQuality => "engineering",
        ComplaintCategory.Cleaning => "cleaning",
        ComplaintCategory.Security => "security",
        ComplaintCategory.Fees => "fees",
        ComplaintCategory.StaffConduct or ComplaintCategory.ServiceAttitude => "staff conduct",
        ComplaintCategory.Noise => "noise",
        ComplaintCategory.Parking => "parking",
        ComplaintCategory.Neighbours => "neighbours",
        ComplaintCategory.Environment => "environment",
        _ => "other",
    };

    private static string ChannelZh(ComplaintChannel channel) => channel switch
    {
        ComplaintChannel.Phone => "电话",
        ComplaintChannel.WalkIn => "来访",
        ComplaintChannel.OccupantApp => "业户App",
        ComplaintChannel.Letter => "信函",
        ComplaintChannel.Email => "电子邮件",
        _ => "其他",
    };

    private static string ChannelEn(ComplaintChannel channel) => channel switch
    {
        ComplaintChannel.Phone => "phone",
        ComplaintChannel.WalkIn => "walk-in",
        ComplaintChannel.OccupantApp => "occupant app",
        ComplaintChannel.Letter => "letter",
        ComplaintChannel.Email => "email",
        _ => "other",
    };
}
