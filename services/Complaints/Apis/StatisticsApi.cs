using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Complaints.Domain;
using PropertyPlatform.Complaints.Infrastructure;
using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Complaints.Apis;

/// <summary>The monthly complaint analysis (客户投诉处理和分析) of one property, as JSON or CSV.</summary>
public static class StatisticsApi
{
    public static IEndpointRouteBuilder MapStatisticsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/statistics").WithTags("Statistics");
        api.MapGet("/", GetStatistics).WithName("GetComplaintStatistics").RequireRoles(Roles.Supervisor, Roles.Manager, Roles.Admin);
        api.MapGet("/export.csv", ExportStatistics).WithName("ExportComplaintStatistics").RequireRoles(Roles.Supervisor, Roles.Manager, Roles.Admin);
        return app;
    }

    public static async Task<Results<Ok<ComplaintStatistics>, ProblemHttpResult, ValidationProblem>> GetStatistics(
        Guid? propertyId, string? month, Caller caller, ComplaintsDbContext db, PropertyCalendar calendar, TimeProvider time, CancellationToken cancellationToken)
    {
        var (statistics, invalid, notFound) = await ComputeAsync(propertyId, month, caller, db, calendar, time, cancellationToken);
        return statistics is not null ? TypedResults.Ok(statistics) : invalid is not null ? invalid : notFound!;
    }

    /// <summary>The same figures as a CSV file for Excel: UTF-8 with a byte order mark, one line per figure (指标, 分组, 数值).</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> ExportStatistics(
        Guid? propertyId, string? month, Caller caller, ComplaintsDbContext db, PropertyCalendar calendar, TimeProvider time, CancellationToken cancellationToken)
    {
        var (statistics, invalid, notFound) = await ComputeAsync(propertyId, month, caller, db, calendar, time, cancellationToken);
        if (statistics is null)
        {
            return invalid is not null ? invalid : notFound!;
        }

        var f = statistics.Figures;
        var lines = new List<(string Figure, string? Group, string? Value)>
        {
            ("月份", null, statistics.Month),
            ("受理投诉数", null, Count(f.Received)),
        };
        lines.AddRange(f.ByTier.Select(t => ("按级别", (string?)Complaint.TierName(t.Tier), (string?)Count(t.Count))));
        lines.AddRange(f.ByCategory.Select(c => ("按类别", (string?)CategoryName(c.Category), (string?)Count(c.Count))));
        lines.AddRange(f.ByBuilding.Select(b => ("按楼栋", (string?)(b.BuildingName ?? "无房号"), (string?)Count(b.Count))));
        lines.AddRange(
        [
            ("答复数", null, Count(f.Answered)),
            ("成立数", null, Count(f.Justified)),
            ("成立率", null, Rate(f.JustifiedRate)),
            ("入住户数", null, Count(f.OccupiedUnits)),
            ("有效投诉率", null, Rate(f.ValidComplaintRate)),
            ("按时答复数", null, Count(f.AnsweredOnTime)),
            ("按时答复率", null, Rate(f.OnTimeReplyRate)),
            ("重新处理数", null, Count(f.Reopened)),
            ("重新处理率", null, Rate(f.ReopenRate)),
            ("回访反馈数", null, Count(f.Feedback)),
            ("满意数", null, Count(f.Satisfied)),
            ("满意率", null, Rate(f.SatisfactionRate)),
            ("赔偿金额", null, f.CompensationTotal.ToString("0.00", CultureInfo.InvariantCulture)),
        ]);
        var v = statistics.FollowUps;
        lines.AddRange(
        [
            ("应回访数", null, Count(v.VisitsDue)),
            ("已回访数", null, Count(v.VisitsDone)),
            ("回访完成率", null, Rate(v.VisitCompletionRate)),
            ("回访次数", null, Count(v.Visits)),
            ("平均满意度", null, v.AverageSatisfaction?.ToString("0.00", CultureInfo.InvariantCulture)),
            ("回访意见数", null, Count(v.FeedbackItemsRaised)),
            ("已处理意见数", null, Count(v.FeedbackItemsHandled)),
            ("回访处理率", null, Rate(v.FollowUpCompletionRate)),
        ]);

        using var buffer = new MemoryStream();
        // A byte order mark, or Excel on a Chinese Windows reads GBK; a text starting like a formula gets a leading '.
        await using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, true))
        {
            csv.WriteRecord(["指标", "分组", "数值"]);
            foreach (var (figure, group, value) in lines)
            {
                csv.WriteRecord([figure, group, value]);
            }
        }
        return TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", $"complaints-{statistics.Month}.csv");

        static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
        static string? Rate(decimal? rate) => rate?.ToString("0.0000", CultureInfo.InvariantCulture);
    }

    private static async Task<(ComplaintStatistics? Statistics, ValidationProblem? Invalid, ProblemHttpResult? NotFound)> ComputeAsync(
        Guid? propertyId, string? month, Caller caller, ComplaintsDbContext db, PropertyCalendar calendar, TimeProvider time, CancellationToken cancellationToken)
    {
        if (propertyId is not { } property)
        {
            return (null, ProblemResults.Invalid("propertyId", "Say which property's figures to show."), null);
        }
        DateOnly first;
        if (string.IsNullOrWhiteSpace(month))
        {
            var today = calendar.DayOf(time.GetUtcNow());
            first = new DateOnly(today.Year, today.Month, 1);
        }
        else if (!DateOnly.TryParseExact(month.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first)
            || first.Year is <= 1 or >= 9999)
        {
            return (null, ProblemResults.Invalid("month", "Give the month as yyyy-MM, e.g. 2026-11."), null);
        }
        if (!caller.CanSeeProperty(property))
        {
            return (null, null, ProblemResults.NotFound("property", property));
        }

        var from = calendar.DayBounds(first).Start;
        var to = calendar.DayBounds(first.AddMonths(1)).Start;
        var complaints = await db.Complaints.AsNoTracking()
            .Where(c => c.PropertyId == property
                && ((c.ReceivedAt >= from && c.ReceivedAt < to)
                    || (c.RespondedAt >= from && c.RespondedAt < to)
                    || (c.FeedbackAt >= from && c.FeedbackAt < to)
                    || (c.CompensationAgreedAt >= from && c.CompensationAgreedAt < to)))
            .ToListAsync(cancellationToken);
        var unitIds = complaints.Where(c => c.UnitId is not null).Select(c => c.UnitId!.Value).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
        // Units occupied on the month's last day (入住户数), from Directory's occupancies.
        var lastDay = first.AddMonths(1).AddDays(-1);
        var occupied = await db.Occupancies.AsNoTracking()
            .Where(o => o.PropertyId == property && o.StartDate <= lastDay && (o.EndDate == null || o.EndDate >= lastDay))
            .Select(o => o.UnitId).Distinct().CountAsync(cancellationToken);

        var figures = ComplaintFigures.Of(complaints, units, occupied, from, to);

        var visits = await db.Visits.AsNoTracking().Include(v => v.Items)
            .Where(v => v.PropertyId == property && v.VisitedAt >= from && v.VisitedAt < to).ToListAsync(cancellationToken);
        var due = await db.DueVisits.AsNoTracking()
            .Where(d => d.PropertyId == property && d.DueFrom <= lastDay && d.DueBy >= first).ToListAsync(cancellationToken);
        var followUps = FollowUpFigures.Of(visits, due, first, from, to);
        return (new ComplaintStatistics(property, first.ToString("yyyy-MM", CultureInfo.InvariantCulture), from, to, figures, followUps), null, null);
    }

    private static string CategoryName(ComplaintCategory category) => category switch
    {
        ComplaintCategory.Engineering => "工程",
        ComplaintCategory.Cleaning => "保洁",
        ComplaintCategory.Security => "安全",
        ComplaintCategory.Fees => "收费",
        ComplaintCategory.StaffConduct => "员工服务",
        ComplaintCategory.Noise => "噪音",
        ComplaintCategory.Parking => "停车",
        ComplaintCategory.Neighbours => "邻里",
        ComplaintCategory.Other => "其他",
        ComplaintCategory.ServiceAttitude => "服务态度",
        ComplaintCategory.RepairQuality => "维修质量",
        ComplaintCategory.Environment => "环境",
        _ => category.ToString(),
    };
}

/// <summary>The complaint figures of one property's local month [From, To).</summary>
public sealed record ComplaintStatistics(Guid PropertyId, string Month, DateTimeOffset From, DateTimeOffset To, ComplaintMonth Figures, FollowUpMonth FollowUps);
