namespace PropertyPlatform.Gateway.Proxy;

/// <summary>The services behind the gateway. Where they are comes from service discovery (see <see cref="ProxyConfiguration"/>).</summary>
public static class BackendServices
{
    public static readonly IReadOnlyList<string> Names = ["directory", "reception", "workorders", "complaints", "billing", "notifications"];

    /// <summary>The public path prefix of a service; it is removed before the request is forwarded.</summary>
    public static string PathPrefix(string service) => $"/api/{service}";
}
