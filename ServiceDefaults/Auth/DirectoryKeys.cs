using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace PropertyPlatform.ServiceDefaults.Auth;

/// <summary>
/// Reads Directory's JSON Web Key Set (<c>/.well-known/jwks.json</c>) as the configuration JwtBearer's
/// <see cref="ConfigurationManager{T}"/> caches and refreshes. Directory publishes no OpenID discovery document,
/// so the key set is read directly.
/// </summary>
internal sealed class JwksRetriever : IConfigurationRetriever<OpenIdConnectConfiguration>
{
    public const string JwksPath = "/.well-known/jwks.json";

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var keys = new JsonWebKeySet(await retriever.GetDocumentAsync(address, cancel));
        var configuration = new OpenIdConnectConfiguration { JsonWebKeySet = keys };
        foreach (var key in keys.GetSigningKeys())
        {
            configuration.SigningKeys.Add(key);
        }
        return configuration;
    }
}

/// <summary>
/// Fetches a path from Directory at <c>https+http://directory</c>: service discovery resolves it from
/// <c>services:directory:https:0</c> or <c>services:directory:http:0</c>, as Aspire sets them. A client from the
/// factory, so the platform's HTTP defaults (discovery, resilience) apply.
/// </summary>
internal sealed class DirectoryDocumentRetriever(IHttpClientFactory clients) : IDocumentRetriever
{
    public const string HttpClientName = "platform-jwks";

    private static readonly Uri Directory = new("https+http://directory");

    public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        using var client = clients.CreateClient(HttpClientName);
        return await client.GetStringAsync(new Uri(Directory, address), cancel);
    }
}
