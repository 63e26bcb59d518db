using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PropertyPlatform.ServiceDefaults;

/// <summary>The platform's own activity source and meter (outbox relay, inbox, sweepers).</summary>
public static class PlatformDiagnostics
{
    public const string SourceName = "PropertyPlatform";

    public static readonly ActivitySource ActivitySource = new(SourceName);

    public static readonly Meter Meter = new(SourceName);
}
