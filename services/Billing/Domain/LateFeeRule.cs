using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Billing.Domain;

/// <summary>
/// A property's late-fee rule (滞纳金), part of its fee schedule and effective-dated like its rates: a line left open
/// past its due date and a grace period accrues <see cref="DailyRate"/> of what is open per day, never more than
/// <see cref="Cap"/> of it in all. Earlier rules are kept; the rule in effect on the day the fee is worked out applies.
/// </summary>
public sealed class LateFeeRule
{
    /// <summary>The daily rate has at most six decimals (万分之五 = 0.0005) and is at most 1% a day.</summary>
    public const int RateDecimals = 6;
    public const decimal MaxDailyRate = 0.01m;
    public const int MaxGraceDays = 365;

    private LateFeeRule()
    {
    }

    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    /// <summary>A fraction of the open amount per day late, e.g. 0.0005.</summary>
    public decimal DailyRate { get; private set; }

    /// <summary>Days after the due date that accrue nothing.</summary>
    public int GraceDays { get; private set; }

    /// <summary>The most a line accrues in all, as a fraction of what is open (1 = as much as the line itself).</summary>
    public decimal Cap { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    public DateTimeOffset SetAt { get; private set; }

    public Guid SetById { get; private set; }

    public string SetByName { get; private set; } = "";

    public static LateFeeRule Set(Guid propertyId, decimal dailyRate, int graceDays, decimal cap, DateOnly effectiveFrom, Actor by, DateTimeOffset now)
    {
        if ((DailyRateProblem(dailyRate) ?? GraceProblem(graceDays) ?? CapProblem(cap)) is { } problem)
        {
            throw new DomainRuleException(problem);
        }
        return new LateFeeRule
        {
            Id = Guid.CreateVersion7(now), PropertyId = propertyId, DailyRate = dailyRate, GraceDays = graceDays, Cap = cap,
            EffectiveFrom = effectiveFrom, SetAt = StoredTime.Of(now.ToUniversalTime()), SetById = by.PersonId, SetByName = by.Name,
        };
    }

    public static string? DailyRateProblem(decimal rate) =>
        rate <= 0 ? "The daily rate must be above zero."
        : rate > MaxDailyRate ? $"The daily rate cannot exceed {MaxDailyRate} (1% a day)."
        : Math.Round(rate, RateDecimals) != rate ? $"The daily rate has at most {RateDecimals} decimal places."
        : null;

    public static string? GraceProblem(int days) =>
        days is < 0 or > MaxGraceDays ? $"The grace period is 0 to {MaxGraceDays} days." : null;

    public static string? CapProblem(decimal cap) =>
        cap is <= 0 or > 1 ? "The cap is a fraction of the open amount above 0 and at most 1 (the amount itself)."
        : Math.Round(cap, 4) != cap ? "The cap has at most 4 decimal places."
        : null;

    /// <summary>The rule in effect on <paramref name="day"/>: the latest effective on or before it, if any.</summary>
    public static LateFeeRule? InEffect(IEnumerable<LateFeeRule> rules, DateOnly day) =>
        rules.Where(r => r.EffectiveFrom <= day).MaxBy(r => r.EffectiveFrom);

    /// <summary>The days of a line due on <paramref name="dueDate"/> that accrue a fee by <paramref name="asOf"/>: those after the grace period.</summary>
    public int DaysCharged(DateOnly dueDate, DateOnly asOf) => Math.Max(0, asOf.DayNumber - dueDate.DayNumber - GraceDays);

    /// <summary>
    /// What <paramref name="open"/> due on <paramref name="dueDate"/> has accrued in all by <paramref name="asOf"/>:
    /// open × daily rate × days after the grace period, at most open × cap, rounded half-up to the fen once.
    /// </summary>
    public decimal Accrued(decimal open, DateOnly dueDate, DateOnly asOf)
    {
        var days = DaysCharged(dueDate, asOf);
        if (open <= 0 || days == 0)
        {
            return 0m;
        }
        return Money.RoundToFen(Math.Min(open * DailyRate * days, open * Cap));
    }

    /// <summary>
    /// What is still to be charged of a line's late fee: what it has accrued less what late-fee lines charged for it
    /// before (a payment since may leave it below; then nothing). Charging the difference each period keeps the sum of
    /// the charged lines equal to the accrued fee, exact to the fen.
    /// </summary>
    public decimal Due(decimal open, DateOnly dueDate, DateOnly asOf, decimal chargedBefore) =>
        Math.Max(0m, Accrued(open, dueDate, asOf) - chargedBefore);
}
