namespace PropertyPlatform.ServiceDefaults.Auth;

/// <summary>The claims of a platform access token. Short JWT names, kept as they are (no inbound mapping).</summary>
public static class PlatformClaims
{
    /// <summary>The person id other services use, e.g. as a work order's assignee.</summary>
    public const string Subject = "sub";

    public const string Name = "name";

    /// <summary>One claim per role.</summary>
    public const string Role = "role";

    /// <summary>One claim per property the caller may see, or a single <see cref="AllProperties"/>.</summary>
    public const string Property = "property";

    /// <summary>One claim per unit an occupant may see (their own units, or their company's).</summary>
    public const string Unit = "unit";

    public const string TokenId = "jti";

    /// <summary>The value of a <see cref="Property"/> claim that stands for every property (administrators).</summary>
    public const string AllProperties = "*";

    /// <summary>The JWT <c>typ</c> header of access tokens (RFC 9068); other JWTs are refused as access tokens.</summary>
    public const string AccessTokenType = "at+jwt";
}
