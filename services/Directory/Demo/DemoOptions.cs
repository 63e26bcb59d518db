namespace PropertyPlatform.Directory.Demo;

/// <summary>Demo mode, bound from <c>Directory:Demo</c> (env <c>Directory__Demo__Enabled=true</c>; <c>./platform up --demo</c> sets it).</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Directory:Demo";

    /// <summary>
    /// When true, the demo property is loaded at start-up into a database without properties, and
    /// <c>POST /demo-data</c> loads it on demand. Off by default: the demo accounts share a published password.
    /// </summary>
    public bool Enabled { get; set; }
}
