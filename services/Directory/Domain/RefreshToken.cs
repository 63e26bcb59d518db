using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using PropertyPlatform.ServiceDefaults.Domain;

namespace PropertyPlatform.Directory.Domain;

/// <summary>
/// One refresh token of a sign-in. Each use replaces it with a new one of the same family (rotation); a used or
/// revoked token presented again means it was stolen or replayed, and the whole family is revoked. Only a hash is
/// stored: the token itself is a random secret the client keeps.
/// </summary>
public sealed class RefreshToken
{
    public const int HashLength = 64;

    private RefreshToken()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>All tokens descending from one sign-in.</summary>
    public Guid FamilyId { get; private set; }

    public Guid AccountId { get; private set; }

    /// <summary>SHA-256 of the token, hex: the secret itself is never stored.</summary>
    public string TokenHash { get; private set; } = "";

    public DateTimeOffset IssuedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>When it was exchanged for its successor.</summary>
    public DateTimeOffset? UsedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>Issues a token; <paramref name="familyId"/> is null for a new sign-in. Returns the secret to hand to the client.</summary>
    public static (RefreshToken Token, string Secret) Issue(Guid accountId, Guid? familyId, TimeSpan lifetime, DateTimeOffset now)
    {
        now = StoredTime.Of(now);
        var secret = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var id = Guid.CreateVersion7(now);
        var token = new RefreshToken
        {
            Id = id,
            FamilyId = familyId ?? id,
            AccountId = accountId,
            TokenHash = Hash(secret),
            IssuedAt = now,
            ExpiresAt = now + lifetime,
        };
        return (token, secret);
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public RefreshTokenState StateAt(DateTimeOffset now) => this switch
    {
        { RevokedAt: not null } => RefreshTokenState.Revoked,
        { UsedAt: not null } => RefreshTokenState.Used,
        _ when ExpiresAt <= now => RefreshTokenState.Expired,
        _ => RefreshTokenState.Usable,
    };
}

public enum RefreshTokenState
{
    Usable,
    Used,
    Revoked,
    Expired,
}
