namespace PropertyPlatform.Billing.Domain;

/// <summary>
/// Moving in or out mid-period (入伙/迁出) pays for the days held: the month's charge × days held ÷ days in the month,
/// rounded half-up to the fen. Both the move-in day and the move-out day count as held (DOMAIN.md: from the day after
/// the end date the occupant no longer holds the unit).
/// </summary>
public static class Proration
{
    /// <summary>The days of <paramref name="period"/> within [<paramref name="from"/>, <paramref name="to"/>]; open ends hold the whole month.</summary>
    public static int DaysHeld(BillingPeriod period, DateOnly? from, DateOnly? to)
    {
        var start = from is { } f && f > period.FirstDay ? f : period.FirstDay;
        var end = to is { } t && t < period.LastDay ? t : period.LastDay;
        return end < start ? 0 : end.DayNumber - start.DayNumber + 1;
    }

    /// <summary>
    /// The month's charge (unrounded, e.g. rate × area) for the days held, rounded once at the end: the whole month
    /// costs exactly the rounded monthly charge.
    /// </summary>
    public static decimal Prorate(decimal monthlyAmount, BillingPeriod period, DateOnly? from, DateOnly? to)
    {
        var days = DaysHeld(period, from, to);
        return Money.RoundToFen(days == period.Days ? monthlyAmount : monthlyAmount * days / period.Days);
    }

    /// <summary>The month's charge for <paramref name="days"/> of it, rounded once: all its days cost exactly the rounded monthly charge.</summary>
    public static decimal ProrateDays(decimal monthlyAmount, BillingPeriod period, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, period.Days);
        return Money.RoundToFen(days == period.Days ? monthlyAmount : monthlyAmount * days / period.Days);
    }
}
