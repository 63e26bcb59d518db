using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.ServiceDefaults.LocalCopies;

namespace PropertyPlatform.Complaints.Domain;

/// <summary>
/// The complaint analysis of one property's month (客户投诉处理和分析) [from, to): each figure counts the complaints whose
/// event (intake, answer, feedback) fell in the month. A complaint keeps only its latest answer, so a reopened complaint
/// counts again when it is answered again.
/// </summary>
public static class ComplaintFigures
{
    public static ComplaintMonth Of(IReadOnlyList<Complaint> complaints, IReadOnlyDictionary<Guid, UnitCopy> units, int occupiedUnits, DateTimeOffset from, DateTimeOffset to)
    {
        bool In(DateTimeOffset? at) => at is { } t && t >= from && t < to;

        var received = complaints.Where(c => In(c.ReceivedAt)).ToList();
        var byTier = Enum.GetValues<ComplaintTier>().Select(t => new TierCount(t, received.Count(c => c.Tier == t))).ToList();
        // Categories kept only for older complaints are listed when they occur.
        var byCategory = Enum.GetValues<ComplaintCategory>()
            .Where(c => c < ComplaintCategory.ServiceAttitude || received.Any(r => r.Category == c))
            .Select(c => new CategoryCount(c, received.Count(r => r.Category == c)))
            .ToList();
        var byBuilding = received
            .GroupBy(c => c.UnitId is { } u && units.TryGetValue(u, out var unit) ? (unit.BuildingId, unit.BuildingName) : ((Guid?)null, (string?)null))
            .Select(g => new BuildingCount(g.Key.Item1, g.Key.Item2, g.Count()))
            .OrderByDescending(b => b.Count).ThenBy(b => b.BuildingName, StringComparer.Ordinal)
            .ToList();

        var answered = complaints.Where(c => In(c.RespondedAt)).ToList();
        var justified = answered.Count(c => c.Justified == true);
        var onTime = answered.Count(c => c.RespondedOnTime == true);
        var reopened = received.Count(c => c.ReopenCount > 0);
        var feedback = complaints.Where(c => In(c.FeedbackAt)).ToList();
        var satisfied = feedback.Count(c => c.Satisfied == true);

        return new ComplaintMonth(
            received.Count, byTier, byCategory, byBuilding,
            answered.Count, justified, Rate(justified, answered.Count),
            occupiedUnits, Rate(justified, occupiedUnits),
            onTime, Rate(onTime, answered.Count),
            reopened, Rate(reopened, received.Count),
            feedback.Count, satisfied, Rate(satisfied, feedback.Count),
            complaints.Where(c => In(c.CompensationAgreedAt)).Sum(c => c.CompensationAmount ?? 0m));
    }

    /// <summary>A share from 0 to 1 to four decimals; null without a denominator.</summary>
    public static decimal? Rate(int part, int whole) => whole == 0 ? null : Math.Round((decimal)part / whole, 4, MidpointRounding.AwayFromZero);
}

/// <summary>
/// The follow-up figures of one property's month (回访): the plans' visits due in the month and those done; the visits
/// recorded and their average satisfaction; the feedback items they raised and how many are handled (回访处理率 = handled ÷
/// raised, target 100%).
/// </summary>
public static class FollowUpFigures
{
    public static FollowUpMonth Of(IReadOnlyList<FollowUpVisit> visits, IReadOnlyList<DueVisit> due, DateOnly first, DateTimeOffset from, DateTimeOffset to)
    {
        var last = first.AddMonths(1).AddDays(-1);
        // A due visit counts in every month of its period (a quarter's area visit is due in each of its three months).
        var dueInMonth = due.Where(d => d.DueFrom <= last && d.DueBy >= first).ToList();
        var done = dueInMonth.Count(d => d.DoneAt is { } at && at < to);
        var recorded = visits.Where(v => v.VisitedAt >= from && v.VisitedAt < to).ToList();
        var raised = recorded.Sum(v => v.Items.Count);
        var handled = recorded.Sum(v => v.Items.Count(i => i.HandledAt is not null));
        decimal? satisfaction = recorded.Count == 0 ? null : Math.Round((decimal)recorded.Sum(v => v.Satisfaction) / recorded.Count, 2, MidpointRounding.AwayFromZero);
        return new FollowUpMonth(
            dueInMonth.Count, done, ComplaintFigures.Rate(done, dueInMonth.Count),
            recorded.Count, satisfaction,
            raised, handled, ComplaintFigures.Rate(handled, raised));
    }
}

/// <summary>The month's follow-up figures; <c>averageSatisfaction</c> 1–5; rates 0–1 (null when there is nothing to divide by).</summary>
public sealed record FollowUpMonth(
    int VisitsDue,
    int VisitsDone,
    decimal? VisitCompletionRate,
    int Visits,
    decimal? AverageSatisfaction,
    int FeedbackItemsRaised,
    int FeedbackItemsHandled,
    decimal? FollowUpCompletionRate);

public sealed record TierCount(ComplaintTier Tier, int Count);

public sealed record CategoryCount(ComplaintCategory Category, int Count);

public sealed record BuildingCount(Guid? BuildingId, string? BuildingName, int Count);

/// <summary>The month's figures; rates are shares from 0 to 1 (null when there is nothing to divide by).</summary>
public sealed record ComplaintMonth(
    int Received,
    IReadOnlyList<TierCount> ByTier,
    IReadOnlyList<CategoryCount> ByCategory,
    IReadOnlyList<BuildingCount> ByBuilding,
    int Answered,
    int Justified,
    decimal? JustifiedRate,
    int OccupiedUnits,
    decimal? ValidComplaintRate,
    int AnsweredOnTime,
    decimal? OnTimeReplyRate,
    int Reopened,
    decimal? ReopenRate,
    int Feedback,
    int Satisfied,
    decimal? SatisfactionRate,
    decimal CompensationTotal);
