namespace PropertyPlatform.Billing.Infrastructure;

/// <summary>The property's calendar: "today" for rates in effect is the local day, not UTC's.</summary>
public sealed class PropertyCalendar(TimeZoneInfo propertyTimeZone)
{
    public DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, propertyTimeZone).DateTime);
}
