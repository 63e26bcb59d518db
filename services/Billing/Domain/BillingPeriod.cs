using System.Globalization;

namespace PropertyPlatform.Billing.Domain;

/// <summary>A calendar month bills are charged for (计费期间), written <c>yyyy-MM</c> as bills and receipts show it.</summary>
public readonly record struct BillingPeriod(int Year, int Month)
{
    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    public int Days => DateTime.DaysInMonth(Year, Month);

    public BillingPeriod Next() => Of(FirstDay.AddMonths(1));

    public static BillingPeriod Of(DateOnly day) => new(day.Year, day.Month);

    public static bool TryParse(string? text, out BillingPeriod period)
    {
        period = default;
        if (text is null || !DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return false;
        }
        period = Of(day);
        return true;
    }

    public static BillingPeriod Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException($"'{text}' is not a period (yyyy-MM).");

    public override string ToString() => FirstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
