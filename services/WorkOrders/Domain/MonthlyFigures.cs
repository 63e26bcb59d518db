using PropertyPlatform.Contracts.WorkOrders;

namespace PropertyPlatform.WorkOrders.Domain;

/// <summary>
/// The work-order figures of the monthly report (月报) for one property and one local month [From, To). Each figure
/// counts the orders whose event of interest fell in the month (see services/WorkOrders/README.md "Statistics").
/// An order keeps only its latest round of acceptance and completion: a reopened order counts with the times of
/// its new round once it is accepted or completed again.
/// </summary>
public sealed record MonthlyFigures(
    Volume Volume,
    TimeFigures Response,
    TimeFigures Resolution,
    FollowUpFigures FollowUp,
    ReopenFigures Reopen)
{
    /// <summary>
    /// Computes the figures from <paramref name="orders"/>: every order of the property submitted, accepted,
    /// completed or followed up in the month (others are ignored).
    /// </summary>
    public static MonthlyFigures Of(IReadOnlyCollection<WorkOrder> orders, DateTimeOffset from, DateTimeOffset to)
    {
        bool InMonth(DateTimeOffset? at) => at >= from && at < to;

        var submitted = orders.Where(o => InMonth(o.SubmittedAt)).ToList();
        var accepted = orders.Where(o => InMonth(o.AcceptedAt)).ToList();
        var completed = orders.Where(o => InMonth(o.CompletedAt)).ToList();
        var rated = orders.Where(o => InMonth(o.FollowedUpAt) && o.Satisfaction is not null).ToList();

        return new MonthlyFigures(
            new Volume(
                submitted.Count,
                submitted.Count(o => o.Status == WorkOrderStatus.Cancelled),
                Enum.GetValues<WorkOrderCategory>().Select(c => new CategoryCount(c, submitted.Count(o => o.Category == c))).ToList()),
            TimeFigures.Of(accepted.Select(o => (o.ResponseTime!.Value, o.AcceptedAt <= o.ResponseDueAt)).ToList()),
            TimeFigures.Of(completed.Select(o => (o.ResolutionTime!.Value, o.CompletedAt <= o.ResolutionDueAt)).ToList()),
            new FollowUpFigures(
                completed.Count,
                // The follow-up of this completion: an earlier one (before a reopening) does not count.
                completed.Count(o => o.FollowedUpAt >= o.CompletedAt),
                Rate(completed.Count(o => o.FollowedUpAt >= o.CompletedAt), completed.Count),
                rated.Count,
                rated.Count == 0 ? null : Math.Round(rated.Average(o => o.Satisfaction!.Value), 2, MidpointRounding.AwayFromZero)),
            new ReopenFigures(submitted.Count, submitted.Count(o => o.ReopenCount > 0), Rate(submitted.Count(o => o.ReopenCount > 0), submitted.Count)));
    }

    /// <summary>A share from 0 to 1, four decimals; null when there is nothing to share.</summary>
    public static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The continuous percentile of <paramref name="sorted"/> values, as PostgreSQL's <c>percentile_cont</c>: linear
    /// interpolation between the two nearest ranks.
    /// </summary>
    public static double Percentile(IReadOnlyList<double> sorted, double fraction)
    {
        var position = fraction * (sorted.Count - 1);
        var lower = (int)Math.Floor(position);
        var upper = (int)Math.Ceiling(position);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }
}

/// <summary>Orders submitted in the month: all of them, those cancelled since, and all of them by category.</summary>
public sealed record Volume(int Submitted, int Cancelled, IReadOnlyList<CategoryCount> ByCategory);

public sealed record CategoryCount(WorkOrderCategory Category, int Count);

/// <summary>
/// Response (accepted in the month; intake or reopening to acceptance) or resolution (completed in the month; intake or
/// reopening to completion, time on hold not counted): how many, how many within the limit, and times in minutes.
/// </summary>
public sealed record TimeFigures(int Count, int OnTime, double? OnTimeRate, double? AverageMinutes, double? P90Minutes)
{
    public static TimeFigures Of(IReadOnlyList<(TimeSpan Time, bool OnTime)> orders)
    {
        if (orders.Count == 0)
        {
            return new TimeFigures(0, 0, null, null, null);
        }

        var minutes = orders.Select(o => o.Time.TotalMinutes).Order().ToList();
        var onTime = orders.Count(o => o.OnTime);
        return new TimeFigures(
            orders.Count, onTime, MonthlyFigures.Rate(onTime, orders.Count), Minutes(minutes.Average()), Minutes(MonthlyFigures.Percentile(minutes, 0.9)));
    }

    // Tenths of a minute: finer is noise for a monthly report.
    private static double Minutes(double minutes) => Math.Round(minutes, 1, MidpointRounding.AwayFromZero);
}

/// <summary>Completed in the month, of those followed up after that completion, and the satisfaction of follow-ups made in the month.</summary>
public sealed record FollowUpFigures(int Completed, int FollowedUp, double? Rate, int Rated, double? AverageSatisfaction);

/// <summary>Orders submitted in the month, and of those reopened at least once.</summary>
public sealed record ReopenFigures(int Submitted, int Reopened, double? Rate);
