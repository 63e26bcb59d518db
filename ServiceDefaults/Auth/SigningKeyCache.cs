using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace PropertyPlatform.ServiceDefaults.Auth;

/// <summary>Where the public keys that verify access tokens come from.</summary>
public interface ISigningKeySource
{
    Task<IReadOnlyList<SecurityKey>> GetKeysAsync(CancellationToken cancellationToken);
}

/// <summary>
/// The public keys tokens are checked against, fetched from an <see cref="ISigningKeySource"/> and kept for
/// <see cref="PlatformAuthOptions.JwksRefreshInterval"/>. A token signed with a key id not in the cache makes it
/// fetch again at once (a key rotation), at most once per <see cref="PlatformAuthOptions.JwksMinimumRefreshInterval"/>.
/// When a fetch fails the keys already known stay in use.
/// </summary>
public sealed partial class SigningKeyCache(
    ISigningKeySource source, TimeProvider time, IOptions<PlatformAuthOptions> options, ILogger<SigningKeyCache> logger)
{
    private readonly SemaphoreSlim _fetching = new(1, 1);
    private volatile Snapshot _snapshot = new([], DateTimeOffset.MinValue);
    private DateTimeOffset _lastAttempt = DateTimeOffset.MinValue;

    private sealed record Snapshot(IReadOnlyList<SecurityKey> Keys, DateTimeOffset FetchedAt);

    /// <summary>The keys known now; read by the token validator, which cannot wait for a fetch.</summary>
    public IReadOnlyList<SecurityKey> Keys => _snapshot.Keys;

    /// <summary>Fetches the keys when they are old or when <paramref name="keyId"/> is not among them.</summary>
    public async ValueTask EnsureFreshAsync(string? keyId, CancellationToken cancellationToken)
    {
        if (!NeedsFetch(keyId, time.GetUtcNow()))
        {
            return;
        }

        await _fetching.WaitAsync(cancellationToken);
        try
        {
            // Another request may have fetched while this one waited.
            var now = time.GetUtcNow();
            if (!NeedsFetch(keyId, now))
            {
                return;
            }

            _lastAttempt = now;
            try
            {
                var keys = await source.GetKeysAsync(cancellationToken);
                _snapshot = new Snapshot(keys, now);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogFetchFailed(logger, e, _snapshot.Keys.Count);
            }
        }
        finally
        {
            _fetching.Release();
        }
    }

    private bool NeedsFetch(string? keyId, DateTimeOffset now)
    {
        var snapshot = _snapshot;
        var stale = now - snapshot.FetchedAt >= options.Value.JwksRefreshInterval;
        var unknownKey = keyId is not null && !snapshot.Keys.Any(k => k.KeyId == keyId);
        return (stale || unknownKey) && now - _lastAttempt >= options.Value.JwksMinimumRefreshInterval;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not fetch the token signing keys; {KnownKeys} key(s) known before stay in use")]
    private static partial void LogFetchFailed(ILogger logger, Exception exception, int knownKeys);
}
