using System.Globalization;
using PropertyPlatform.Contracts.Complaints;
using static PropertyPlatform.Notifications.Domain.MessageFormat;

namespace PropertyPlatform.Notifications.Domain;

/// <summary>What staff read about their follow-up visits (回访), in Chinese and English.</summary>
public static class FollowUpVisitMessages
{
    /// <summary>The caller's due visits as the gateway serves them.</summary>
    public const string DueLink = "/api/complaints/visit-plans/due-visits?mine=true";

    /// <summary>For the member of staff the visits were given to, e.g. 您有 3 次回访待完成（2026-12-31 前）.</summary>
    public static MessageText Due(FollowUpVisitsDue due)
    {
        var by = due.DueBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var more = due.Count > due.Names.Count ? due.Count - due.Names.Count : 0;
        var names = string.Join("、", due.Names);
        return new MessageText(
            titleZhCn: $"您有 {due.Count} 次回访待完成（{by} 前）",
            bodyZhCn: Lines(Labelled("回访对象：", names + (more > 0 ? $" 等（另 {more} 处）" : "")), "请按回访计划完成回访并记录回访意见。"),
            titleEn: $"You have {due.Count} follow-up visit{(due.Count == 1 ? "" : "s")} to make (by {by})",
            bodyEn: Lines(Labelled("To visit: ", string.Join(", ", due.Names) + (more > 0 ? $" and {more} more" : "")),
                "Please make the visits of the plan and record what you hear."));
    }
}
