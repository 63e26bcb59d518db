using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Directory.Domain;

/// <summary>
/// An ECDSA P-256 key that signs access tokens. It is published (JWKS) from its creation, signs from
/// <see cref="ActivatesAt"/> until the next key activates (<see cref="RetiresAt"/>), and stays published until
/// every token it signed has expired; then it is withdrawn (deleted).
/// </summary>
public sealed class SigningKey
{
    public const int IdMaxLength = 64;

    private SigningKey()
    {
    }

    /// <summary>The key id (<c>kid</c>): the RFC 7638 thumbprint of the public key.</summary>
    public string Id { get; private set; } = "";

    /// <summary>SubjectPublicKeyInfo (DER): public, stored as it is.</summary>
    public byte[] PublicKey { get; private set; } = [];

    /// <summary>The PKCS#8 private key, encrypted with ASP.NET Core Data Protection.</summary>
    public byte[] ProtectedPrivateKey { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ActivatesAt { get; private set; }

    public DateTimeOffset? RetiresAt { get; private set; }

    public static SigningKey Create(string id, byte[] publicKey, byte[] protectedPrivateKey, DateTimeOffset now, DateTimeOffset activatesAt)
    {
        if (activatesAt < now)
        {
            throw new DomainRuleException("A signing key cannot start signing before it exists.");
        }
        return new SigningKey
        {
            Id = id,
            PublicKey = publicKey,
            ProtectedPrivateKey = protectedPrivateKey,
            CreatedAt = now,
            ActivatesAt = activatesAt,
        };
    }

    /// <summary>Stops signing when its successor starts.</summary>
    public void RetireWhen(SigningKey successor)
    {
        if (successor.ActivatesAt < ActivatesAt)
        {
            throw new DomainRuleException("A key's successor cannot activate before it.");
        }
        RetiresAt = successor.ActivatesAt;
    }

    /// <summary>Signs at <paramref name="now"/>: activated and not yet retired.</summary>
    public bool SignsAt(DateTimeOffset now) => ActivatesAt <= now && (RetiresAt is null || now < RetiresAt);

    /// <summary>No token it signed can still be valid: retired longer ago than a token lives (plus clock skew).</summary>
    public bool IsWithdrawnAt(DateTimeOffset now, TimeSpan tokenLifetime) => RetiresAt + tokenLifetime <= now;

    /// <summary>When it should be withdrawn, if it is retiring.</summary>
    public DateTimeOffset? WithdrawsAt(TimeSpan tokenLifetime) => RetiresAt + tokenLifetime;
}
