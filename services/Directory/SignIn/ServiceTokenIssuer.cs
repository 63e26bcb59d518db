using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PropertyPlatform.ServiceDefaults.Auth;

namespace PropertyPlatform.Directory.SignIn;

/// <summary>
/// Issues service tokens (<see cref="ServiceTokens"/>) to the platform's services that prove the service secret
/// (<c>ServiceAuth:Secret</c>). Without a configured secret no service token is issued at all.
/// </summary>
public sealed partial class ServiceTokenIssuer(
    IConfiguration configuration, SigningKeyRing keys, TimeProvider time, IOptions<PlatformAuthOptions> auth, ILogger<ServiceTokenIssuer> logger)
{
    /// <summary>A token for <paramref name="clientId"/>, or null when the secret is wrong or none is configured.</summary>
    public async Task<string?> IssueAsync(string clientId, string secret, CancellationToken cancellationToken)
    {
        var configured = configuration[ServiceTokens.SecretKey];
        if (string.IsNullOrEmpty(configured) || !SameSecret(configured, secret))
        {
            LogRefused(logger, clientId);
            return null;
        }

        var ring = await keys.GetAsync(cancellationToken);
        return ServiceTokens.Create(clientId, ring.Signer, auth.Value.Issuer, time.GetUtcNow());
    }

    /// <summary>Compares hashes in constant time, so the answer's timing tells nothing about the secret or its length.</summary>
    private static bool SameSecret(string configured, string presented) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(configured)), SHA256.HashData(Encoding.UTF8.GetBytes(presented)));

    [LoggerMessage(Level = LogLevel.Warning, Message = "A service token was refused to '{ClientId}': wrong service secret, or ServiceAuth:Secret is not configured")]
    private static partial void LogRefused(ILogger logger, string clientId);
}
