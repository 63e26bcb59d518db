namespace PropertyPlatform.Gateway.Proxy;

/// <summary>
/// The services behind the gateway and where they are. Addresses follow Aspire's convention,
/// <c>services:&lt;name&gt;:http:&lt;i&gt;</c> (env <c>services__workorders__http__0</c>), one entry per replica.
/// </summary>
public static class BackendServices
{
    public static readonly IReadOnlyList<string> Names = ["directory", "reception", "workorders", "complaints", "billing", "notifications"];

    /// <summary>The public path prefix of a service; it is removed before the request is forwarded.</summary>
    public static string PathPrefix(string service) => $"/api/{service}";

    /// <summary>Every configured address of a service, in key order (0, 1, 2, ...).</summary>
    public static IReadOnlyList<string> Addresses(IConfiguration configuration, string service) =>
        configuration.GetSection($"services:{service}:http").GetChildren()
            .OrderBy(entry => int.TryParse(entry.Key, out var index) ? index : int.MaxValue)
            .Select(entry => entry.Value)
            .Where(address => !string.IsNullOrWhiteSpace(address))
            .Select(address => address!.Trim())
            .ToList();
}
