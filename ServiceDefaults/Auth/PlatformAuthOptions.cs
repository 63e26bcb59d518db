namespace PropertyPlatform.ServiceDefaults.Auth;

/// <summary>
/// How every service (and the gateway) checks access tokens, bound from the <c>Auth</c> section. Directory signs
/// with the same issuer and audience. The signing keys come from Directory's JWKS at
/// <c>services:directory:http:0</c> + <c>/.well-known/jwks.json</c>.
/// </summary>
public sealed class PlatformAuthOptions
{
    public const string SectionName = "Auth";

    public string Issuer { get; set; } = "propertyplatform";

    public string Audience { get; set; } = "propertyplatform";

    /// <summary>
    /// How long fetched public keys are trusted before they are fetched again (a withdrawn key stops working after this);
    /// JwtBearer's configuration manager allows no less than 5 minutes.
    /// </summary>
    public TimeSpan JwksRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Least time between two fetches caused by a token with an unknown key id, so forged key ids cannot make a
    /// service flood Directory. At least 1 second.
    /// </summary>
    public TimeSpan JwksMinimumRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Longest a request waits for Directory's keys while they are being fetched, and longest one fetch takes. With no keys
    /// known after it, requests with a token get 503.
    /// </summary>
    public TimeSpan JwksTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Tolerated difference between clocks when checking a token's expiry.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}
