using PropertyPlatform.ServiceDefaults.Domain;

namespace PropertyPlatform.Directory.Domain;

/// <summary>
/// The time a record changed, which is also its version in the copies other services keep: it must grow with every
/// change of one record, even when replicas' clocks disagree a little or a clock steps back.
/// </summary>
public static class RecordVersion
{
    public static DateTimeOffset Next(DateTimeOffset previous, DateTimeOffset now)
    {
        now = StoredTime.Of(now);
        return now > previous ? now : previous.AddTicks(TimeSpan.TicksPerMicrosecond);
    }
}
