using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;

namespace PropertyPlatform.ServiceDefaults.Auth;

/// <summary>
/// Fetches Directory's JSON Web Key Set over HTTP from <c>services:directory:http:0</c> (Aspire's convention;
/// env <c>services__directory__http__0</c>) + <c>/.well-known/jwks.json</c>.
/// </summary>
internal sealed class JwksSigningKeySource(IHttpClientFactory clients, IConfiguration configuration) : ISigningKeySource
{
    public const string HttpClientName = "platform-jwks";

    public const string JwksPath = "/.well-known/jwks.json";

    public async Task<IReadOnlyList<SecurityKey>> GetKeysAsync(CancellationToken cancellationToken)
    {
        var directory = configuration["services:directory:http:0"] ?? configuration["services:directory:https:0"]
            ?? throw new InvalidOperationException("Directory's address is not configured (services:directory:http:0): access tokens cannot be checked.");

        using var client = clients.CreateClient(HttpClientName);
        var json = await client.GetStringAsync(new Uri(new Uri(directory), JwksPath), cancellationToken);
        return new JsonWebKeySet(json).Keys
            .Where(key => key.Kty == JsonWebAlgorithmsKeyTypes.EllipticCurve && key.Use is null or JsonWebKeyUseNames.Sig)
            .ToList<SecurityKey>();
    }
}
