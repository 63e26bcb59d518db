namespace PropertyPlatform.AppHost.Hosting;

/// <summary>Something a service can reference: a database, the message broker or another service.</summary>
public interface IResourceReference
{
    /// <summary>What must be running before a service referencing this starts.</summary>
    IEnumerable<Resource> WaitFor { get; }

    /// <summary>
    /// Tells the referencing service where this is, with .NET Aspire's variables
    /// (<c>ConnectionStrings__&lt;name&gt;</c>, <c>services__&lt;name&gt;__http__&lt;i&gt;</c>).
    /// </summary>
    void AddEnvironment(IDictionary<string, string?> environment);
}
