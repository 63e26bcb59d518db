namespace PropertyPlatform.Directory.Domain;

/// <summary>
/// Move-in and move-out are calendar days at the property. Mainland China has one time zone without daylight
/// saving (UTC+8), so "today" is the UTC+8 date of the instant.
/// </summary>
public static class ChinaDate
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(Offset).DateTime);
}
