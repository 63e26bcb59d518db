using Microsoft.Extensions.Configuration;
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
/// Fetches a path from Directory at <c>services:directory:http:0</c> (Aspire's convention; env
/// <c>services__directory__http__0</c>) with a client from the factory, so the platform's HTTP defaults apply.
/// </summary>
internal sealed class DirectoryDocumentRetriever(IHttpClientFactory clients, IConfiguration configuration) : IDocumentRetriever
{
    public const string HttpClientName = "platform-jwks";

    public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        var directory = configuration["services:directory:http:0"] ?? configuration["services:directory:https:0"]
            ?? throw new InvalidOperationException("Directory's address is not configured (services:directory:http:0): access tokens cannot be checked.");

        using var client = clients.CreateClient(HttpClientName);
        return await client.GetStringAsync(new Uri(new Uri(directory), address), cancel);
    }
}
