using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using PropertyPlatform.Directory.Domain;
using PropertyPlatform.Directory.Infrastructure;
using PropertyPlatform.ServiceDefaults.Auth;

namespace PropertyPlatform.Directory.SignIn;

/// <summary>The keys published now and the one that signs now.</summary>
public sealed record KeyRingState(IReadOnlyList<JsonWebKey> Published, SigningCredentials Signer, DateTimeOffset NextCheckAt);

/// <summary>
/// Keeps the signing keys in the database and rotates them without downtime: a new key is published
/// <see cref="SignInOptions.SigningKeySettings.PublishLead"/> before it starts signing, the previous one stops
/// signing then and stays published until every token it signed has expired. The work happens whenever the
/// state is read after something was due (and at least every minute through <see cref="SigningKeyRotationService"/>),
/// so it follows <see cref="TimeProvider"/>. Private keys are encrypted at rest with ASP.NET Core Data Protection.
/// </summary>
public sealed partial class SigningKeyRing(
    IServiceScopeFactory scopes,
    IDataProtectionProvider dataProtection,
    TimeProvider time,
    IOptions<SignInOptions> options,
    IOptions<PlatformAuthOptions> auth,
    ILogger<SigningKeyRing> logger)
{
    // Other replicas' changes are picked up at least this often.
    private static readonly TimeSpan ReloadInterval = TimeSpan.FromMinutes(1);
    private const long RotationLockKey = 0x7369676e6b657973; // "signkeys"

    private readonly IDataProtector _protector = dataProtection.CreateProtector("PropertyPlatform.Directory.SigningKeys.v1");
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<string, ECDsaSecurityKey> _privateKeys = new();
    private volatile KeyRingState? _state;

    public async Task<KeyRingState> GetAsync(CancellationToken cancellationToken)
    {
        var state = _state;
        if (state is not null && time.GetUtcNow() < state.NextCheckAt)
        {
            return state;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            state = _state;
            if (state is null || now >= state.NextCheckAt)
            {
                state = await MaintainAsync(now, cancellationToken);
                _state = state;
            }
            return state;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<KeyRingState> MaintainAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value.SigningKeys;
        // Tokens are accepted up to the clock skew after they expire.
        var tokenLifetime = options.Value.Tokens.AccessTokenLifetime + auth.Value.ClockSkew;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Replicas take turns, so only one of them creates the next key.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({RotationLockKey})", cancellationToken);

        var keys = await db.SigningKeys.OrderBy(k => k.ActivatesAt).ToListAsync(cancellationToken);
        foreach (var withdrawn in keys.Where(k => k.IsWithdrawnAt(now, tokenLifetime)).ToList())
        {
            db.SigningKeys.Remove(withdrawn);
            keys.Remove(withdrawn);
            _privateKeys.TryRemove(withdrawn.Id, out _);
            LogWithdrawn(logger, withdrawn.Id);
        }

        var current = keys.LastOrDefault(k => k.ActivatesAt <= now);
        if (current is null || TryLoadPrivateKey(current) is null)
        {
            // First start, or the private key can no longer be decrypted (the Data Protection key ring was lost):
            // sign with a new key at once. Tokens already issued stay valid: the old public key stays published.
            current = CreateKey(now, now);
            keys.Add(current);
            db.SigningKeys.Add(current);
        }
        else if (!keys.Any(k => k.ActivatesAt > now) && now >= current.ActivatesAt + settings.RotationInterval - settings.PublishLead)
        {
            var activatesAt = Max(now + settings.PublishLead, current.ActivatesAt + settings.RotationInterval);
            var next = CreateKey(now, activatesAt);
            keys.Add(next);
            db.SigningKeys.Add(next);
            LogCreated(logger, next.Id, activatesAt);
        }

        keys = keys.OrderBy(k => k.ActivatesAt).ToList();
        for (var i = 0; i + 1 < keys.Count; i++)
        {
            keys[i].RetireWhen(keys[i + 1]);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var dueTimes = keys.Where(k => k.ActivatesAt > now).Select(k => k.ActivatesAt)
            .Concat(keys.Select(k => k.WithdrawsAt(tokenLifetime)).OfType<DateTimeOffset>())
            .Append(current.ActivatesAt + settings.RotationInterval - settings.PublishLead)
            .Where(due => due > now);
        return new KeyRingState(
            keys.Select(PublicJwk).ToList(),
            new SigningCredentials(TryLoadPrivateKey(current)!, SecurityAlgorithms.EcdsaSha256),
            dueTimes.Append(now + ReloadInterval).Min());
    }

    private SigningKey CreateKey(DateTimeOffset now, DateTimeOffset activatesAt)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var publicKey = ecdsa.ExportSubjectPublicKeyInfo();
        var id = Base64UrlEncoder.Encode(PublicJwk(publicKey, null).ComputeJwkThumbprint());
        return SigningKey.Create(id, publicKey, _protector.Protect(ecdsa.ExportPkcs8PrivateKey()), now, activatesAt);
    }

    private ECDsaSecurityKey? TryLoadPrivateKey(SigningKey key)
    {
        if (_privateKeys.TryGetValue(key.Id, out var loaded))
        {
            return loaded;
        }
        try
        {
            var ecdsa = ECDsa.Create();
            ecdsa.ImportPkcs8PrivateKey(_protector.Unprotect(key.ProtectedPrivateKey), out _);
            return _privateKeys.GetOrAdd(key.Id, new ECDsaSecurityKey(ecdsa) { KeyId = key.Id });
        }
        catch (CryptographicException e)
        {
            LogUnreadable(logger, e, key.Id);
            return null;
        }
    }

    private static JsonWebKey PublicJwk(SigningKey key) => PublicJwk(key.PublicKey, key.Id);

    private static JsonWebKey PublicJwk(byte[] subjectPublicKeyInfo, string? keyId)
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
        var point = ecdsa.ExportParameters(includePrivateParameters: false).Q;
        return new JsonWebKey
        {
            Kty = JsonWebAlgorithmsKeyTypes.EllipticCurve,
            Crv = JsonWebKeyECTypes.P256,
            X = Base64UrlEncoder.Encode(point.X),
            Y = Base64UrlEncoder.Encode(point.Y),
            Kid = keyId,
            Use = JsonWebKeyUseNames.Sig,
            Alg = SecurityAlgorithms.EcdsaSha256,
        };
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Signing key {KeyId} published; it signs from {ActivatesAt}")]
    private static partial void LogCreated(ILogger logger, string keyId, DateTimeOffset activatesAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Signing key {KeyId} withdrawn: every token it signed has expired")]
    private static partial void LogWithdrawn(ILogger logger, string keyId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The private part of signing key {KeyId} cannot be decrypted (Data Protection keys lost?); a new key replaces it")]
    private static partial void LogUnreadable(ILogger logger, Exception exception, string keyId);
}

/// <summary>Keeps the key ring rotating while nobody signs in, so the next key is published on time.</summary>
public sealed partial class SigningKeyRotationService(SigningKeyRing keys, TimeProvider time, ILogger<SigningKeyRotationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await keys.GetAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, e);
            }

            try
            {
                await Task.Delay(TimeSpan.FromMinutes(1), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Signing key rotation failed; it is tried again in a minute")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

/// <summary>
/// Directory checks tokens against its own key ring, as it is now, rather than fetching its own JWKS over HTTP: the
/// ring keeps itself current (it reloads whenever something is due), so there is nothing to cache or refresh here.
/// </summary>
internal sealed class LocalSigningKeys(SigningKeyRing keys) : IConfigurationManager<OpenIdConnectConfiguration>
{
    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        var configuration = new OpenIdConnectConfiguration();
        foreach (var key in (await keys.GetAsync(cancel)).Published)
        {
            configuration.SigningKeys.Add(key);
        }
        return configuration;
    }

    public void RequestRefresh()
    {
    }
}
