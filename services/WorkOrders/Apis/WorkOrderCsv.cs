using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;
using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.WorkOrders.Domain;

namespace PropertyPlatform.WorkOrders.Apis;

/// <summary>
/// Writes orders as an RFC 4180 CSV that Excel opens as it is: UTF-8 with a byte order mark (else Excel on a
/// Chinese Windows reads GBK and garbles the text), CRLF lines, fields quoted when they hold a comma, quote or
/// line break. Headers and values in Chinese, or in English for <c>Accept-Language: en</c>; times in the
/// property's local time.
/// </summary>
public static partial class WorkOrderCsv
{
    /// <summary>One export holds at most this many orders, the newest; <c>X-Total-Count</c> tells how many matched.</summary>
    public const int MaxRows = 10_000;

    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    private static readonly (string Zh, string En, Func<WorkOrderRow, Labels, string?> Value)[] Columns =
    [
        ("工单号", "Number", (r, _) => r.Order.Number),
        ("状态", "Status", (r, l) => l.Status(r.Order.Status)),
        ("优先级", "Priority", (r, l) => l.Priority(r.Order.Priority)),
        ("类别", "Category", (r, l) => l.Category(r.Order.Category)),
        ("楼栋", "Building", (r, _) => r.Unit.BuildingName),
        ("房号", "Unit", (r, _) => r.Unit.Number),
        ("位置", "Location", (r, _) => r.Order.Location),
        ("描述", "Description", (r, _) => r.Order.Description),
        ("来源", "Channel", (r, l) => l.Channel(r.Order.Channel)),
        ("联系人", "Contact", (r, _) => r.Order.ContactName),
        ("联系电话", "Phone", (r, _) => r.Order.ContactPhone),
        ("受理时间", "Submitted at", (r, l) => l.Time(r.Order.SubmittedAt)),
        ("受理人", "Taken by", (r, _) => r.Order.TakenByName),
        ("处理人", "Assignee", (r, _) => r.Order.AssigneeName),
        ("派单时间", "Dispatched at", (r, l) => l.Time(r.Order.DispatchedAt)),
        ("接单时间", "Accepted at", (r, l) => l.Time(r.Order.AcceptedAt)),
        ("完工时间", "Completed at", (r, l) => l.Time(r.Order.CompletedAt)),
        ("响应时限", "Response due", (r, l) => l.Time(r.Order.ResponseDueAt)),
        ("处理时限", "Resolution due", (r, l) => l.Time(r.Order.ResolutionDueAt)),
        ("超时", "Past limit", (r, l) => l.PastLimit(r.Order)),
        ("回访时间", "Followed up at", (r, l) => l.Time(r.Order.FollowedUpAt)),
        ("满意度", "Satisfaction", (r, _) => r.Order.Satisfaction?.ToString(CultureInfo.InvariantCulture)),
        ("返修次数", "Times reopened", (r, _) => r.Order.ReopenCount.ToString(CultureInfo.InvariantCulture)),
    ];

    /// <summary>English only when the client prefers it to Chinese (<c>Accept-Language: en</c>); Chinese otherwise.</summary>
    public static bool PrefersEnglish(IEnumerable<StringWithQualityHeaderValue> acceptLanguage) =>
        acceptLanguage
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1) // stable: equal weights keep the client's order
            .Select(l => l.Value.Value ?? "")
            .FirstOrDefault(tag => tag.StartsWith("en", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
            ?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true;

    public static byte[] Write(IEnumerable<WorkOrderRow> rows, bool english, PropertyCalendar calendar)
    {
        var labels = new Labels(english, calendar);
        var csv = new StringBuilder();
        AppendLine(csv, Columns.Select(c => english ? c.En : c.Zh));
        foreach (var row in rows)
        {
            AppendLine(csv, Columns.Select(c => c.Value(row, labels)));
        }
        return [.. Utf8WithBom.GetPreamble(), .. Utf8WithBom.GetBytes(csv.ToString())];
    }

    private static void AppendLine(StringBuilder csv, IEnumerable<string?> fields)
    {
        csv.AppendJoin(',', fields.Select(Field));
        csv.Append("\r\n");
    }

    /// <summary>
    /// Quoted when needed (RFC 4180). A text starting like a formula (=, +, -, @) gets a leading apostrophe:
    /// descriptions come from occupants, and Excel would otherwise run them (CSV injection).
    /// </summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    [GeneratedRegex("(?<=[a-z])(?=[A-Z])")]
    private static partial Regex WordBoundary();

    private sealed class Labels(bool english, PropertyCalendar calendar)
    {
        private static readonly Dictionary<WorkOrderStatus, string> StatusZh = new()
        {
            [WorkOrderStatus.Submitted] = "已受理",
            [WorkOrderStatus.Dispatched] = "已派单",
            [WorkOrderStatus.Accepted] = "已接单",
            [WorkOrderStatus.InProgress] = "处理中",
            [WorkOrderStatus.OnHold] = "挂起",
            [WorkOrderStatus.Completed] = "已完工",
            [WorkOrderStatus.FollowedUp] = "已回访",
            [WorkOrderStatus.Closed] = "已关闭",
            [WorkOrderStatus.Reopened] = "已重开",
            [WorkOrderStatus.Cancelled] = "已取消",
        };

        private static readonly Dictionary<WorkOrderPriority, string> PriorityZh = new()
        {
            [WorkOrderPriority.Emergency] = "紧急",
            [WorkOrderPriority.High] = "高",
            [WorkOrderPriority.Normal] = "普通",
            [WorkOrderPriority.Low] = "低",
        };

        private static readonly Dictionary<WorkOrderCategory, string> CategoryZh = new()
        {
            [WorkOrderCategory.Plumbing] = "给排水",
            [WorkOrderCategory.Electrical] = "电气",
            [WorkOrderCategory.Hvac] = "空调暖通",
            [WorkOrderCategory.DoorsAndLocks] = "门窗锁具",
            [WorkOrderCategory.Lifts] = "电梯",
            [WorkOrderCategory.Cleaning] = "保洁",
            [WorkOrderCategory.Other] = "其他",
        };

        private static readonly Dictionary<IntakeChannel, string> ChannelZh = new()
        {
            [IntakeChannel.Phone] = "电话",
            [IntakeChannel.WalkIn] = "来访",
            [IntakeChannel.OccupantApp] = "业户线上报修",
            [IntakeChannel.Patrol] = "巡查",
            [IntakeChannel.Complaint] = "投诉转入",
        };

        public string Status(WorkOrderStatus status) => english ? Words(status) : StatusZh[status];

        public string Priority(WorkOrderPriority priority) => english ? Words(priority) : PriorityZh[priority];

        public string Category(WorkOrderCategory category) =>
            english ? (category == WorkOrderCategory.Hvac ? "HVAC" : Words(category)) : CategoryZh[category];

        public string Channel(IntakeChannel channel) => english ? Words(channel) : ChannelZh[channel];

        /// <summary>Which time limit was passed on the order's current clock.</summary>
        public string PastLimit(WorkOrder order)
        {
            var passed = new List<string>();
            if (order.ResponseFlag == DeadlineFlag.Overdue)
            {
                passed.Add(english ? "response" : "响应超时");
            }
            if (order.ResolutionFlag == DeadlineFlag.Overdue)
            {
                passed.Add(english ? "resolution" : "处理超时");
            }
            return string.Join(english ? ", " : "、", passed);
        }

        /// <summary>The property's local time, minutes: what the centre's registers show.</summary>
        public string? Time(DateTimeOffset? instant)
        {
            if (instant is not { } at)
            {
                return null;
            }
            return calendar.LocalTime(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        }

        private static string Words<TEnum>(TEnum value) where TEnum : struct, Enum
        {
            var words = WordBoundary().Replace(value.ToString(), " ");
            return words[..1] + words[1..].ToLowerInvariant();
        }
    }
}
