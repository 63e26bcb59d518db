namespace PropertyPlatform.Reception.Infrastructure;

/// <summary>The property's calendar day as instants: "visits on 22 November" means the local day, not UTC's.</summary>
public sealed class PropertyCalendar(TimeZoneInfo propertyTimeZone)
{
    public (DateTimeOffset Start, DateTimeOffset End) DayBounds(DateOnly day) =>
        (StartOf(day), StartOf(day.AddDays(1)));

    private DateTimeOffset StartOf(DateOnly day) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), propertyTimeZone), TimeSpan.Zero);
}
