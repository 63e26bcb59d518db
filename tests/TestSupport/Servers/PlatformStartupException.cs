namespace PropertyPlatform.TestSupport.Servers;

/// <summary>
/// Something the platform cannot start without (a missing binary, an unbuilt service, a taken port).
/// Its message is one line that says what to do; retrying does not help.
/// </summary>
public sealed class PlatformStartupException : Exception
{
    public PlatformStartupException(string message)
        : base(message)
    {
    }

    public PlatformStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
