using Microsoft.IdentityModel.Tokens;

namespace PropertyPlatform.ServiceDefaults.Auth;

/// <summary>
/// Fetches Directory's JSON Web Key Set over HTTP from <c>https+http://directory</c> (service discovery: configuration
/// <c>services:directory:https:0</c> or <c>services:directory:http:0</c>, as Aspire sets them) + <c>/.well-known/jwks.json</c>.
/// </summary>
internal sealed class JwksSigningKeySource(IHttpClientFactory clients) : ISigningKeySource
{
    public const string HttpClientName = "platform-jwks";

    public const string JwksPath = "/.well-known/jwks.json";

    private static readonly Uri JwksAddress = new("https+http://directory" + JwksPath);

    public async Task<IReadOnlyList<SecurityKey>> GetKeysAsync(CancellationToken cancellationToken)
    {
        using var client = clients.CreateClient(HttpClientName);
        var json = await client.GetStringAsync(JwksAddress, cancellationToken);
        return new JsonWebKeySet(json).Keys
            .Where(key => key.Kty == JsonWebAlgorithmsKeyTypes.EllipticCurve && key.Use is null or JsonWebKeyUseNames.Sig)
            .ToList<SecurityKey>();
    }
}
