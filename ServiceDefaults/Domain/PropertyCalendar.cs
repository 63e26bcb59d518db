namespace PropertyPlatform.ServiceDefaults.Domain;

/// <summary>
/// The property's calendar: "today", "visits on 22 November", "numbers of the day" mean the local day at the
/// property, not UTC's. One time zone for the platform for now (configuration <c>PropertyTimeZone</c>, default
/// China Standard Time); per-property zones belong on Directory's property when a property abroad needs one.
/// </summary>
public sealed class PropertyCalendar(TimeZoneInfo timeZone)
{
    public const string ConfigurationKey = "PropertyTimeZone";

    /// <summary>China Standard Time (UTC+8, no daylight saving): where the platform's centres are.</summary>
    public static readonly PropertyCalendar ChinaStandardTime = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

    /// <summary>The wall-clock time at the property at <paramref name="instant"/>, as registers and messages show it.</summary>
    public DateTime LocalTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, timeZone).DateTime;

    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, timeZone).DateTime);

    /// <summary>The instants a local day runs between: [start, end).</summary>
    public (DateTimeOffset Start, DateTimeOffset End) DayBounds(DateOnly day) => (StartOf(day), StartOf(day.AddDays(1)));

    private DateTimeOffset StartOf(DateOnly day) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), timeZone), TimeSpan.Zero);
}
