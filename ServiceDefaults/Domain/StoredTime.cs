namespace PropertyPlatform.ServiceDefaults.Domain;

public static class StoredTime
{
    /// <summary>
    /// PostgreSQL keeps microseconds; entities keep a time as it will be read back, so a record answered
    /// at creation equals the same record read later.
    /// </summary>
    public static DateTimeOffset Of(DateTimeOffset time) => time.AddTicks(-(time.Ticks % TimeSpan.TicksPerMicrosecond));
}
