using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using PropertyPlatform.ServiceDefaults.Auth;

namespace PropertyPlatform.TestSupport;

/// <summary>
/// Stands in for Directory's sign-in when a test needs access tokens but not Directory itself: a real Kestrel
/// server on a free loopback port serving <c>/.well-known/jwks.json</c>, and tokens signed with its keys in the
/// platform's layout (<see cref="PlatformAccessToken"/>). Point a service at it with
/// <c>services:directory:http:0</c> = <see cref="Address"/>. Every other path answers 200 with the path and
/// Authorization header it received.
/// </summary>
public sealed class TestIdentity : IAsyncDisposable
{
    private readonly WebApplication _server;
    private readonly Lock _lock = new();
    private readonly List<ECDsaSecurityKey> _published = [];
    private readonly Dictionary<string, ECDsaSecurityKey> _everyKey = [];
    private ECDsaSecurityKey _signing;
    private int _jwksRequests;
    private TaskCompletionSource? _keySetHold;

    private TestIdentity(WebApplication server)
    {
        _server = server;
        _signing = NewKey();
        _published.Add(_signing);
        _everyKey.Add(_signing.KeyId, _signing);
    }

    public string Address { get; private set; } = "";

    /// <summary>Paths other than the key set that were asked for.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> ReceivedPaths { get; } = new();

    /// <summary>The key that signs new tokens.</summary>
    public string SigningKeyId => _signing.KeyId;

    /// <summary>How often the key set was fetched: shows what a service's key cache did.</summary>
    public int JwksRequests => Volatile.Read(ref _jwksRequests);

    public static async Task<TestIdentity> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var server = builder.Build();
        var identity = new TestIdentity(server);
        server.MapGet("/.well-known/jwks.json", identity.Jwks);
        // Any other path answers 200 with what it received, so a test playing "Directory behind the gateway" sees what got through.
        server.Map("/{**path}", (HttpContext context) =>
        {
            identity.ReceivedPaths.Enqueue(context.Request.Path.Value ?? "");
            return Results.Json(new { path = context.Request.Path.Value, authorization = context.Request.Headers.Authorization.ToString() });
        });
        await server.StartAsync(cancellationToken);
        identity.Address = server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return identity;
    }

    /// <summary>A token for someone with <paramref name="roles"/>, scoped to <paramref name="propertyIds"/>.</summary>
    public string TokenFor(string[] roles, Guid[]? propertyIds = null, Guid? personId = null, DateTimeOffset? issuedAt = null) =>
        TokenFor(new AccessTokenContent(personId ?? Guid.NewGuid(), "测试用户", roles, false, propertyIds ?? [], []), issuedAt);

    /// <summary>A token with the given content, signed with the current key or with the key <paramref name="keyId"/> (even a withdrawn one).</summary>
    public string TokenFor(
        AccessTokenContent content, DateTimeOffset? issuedAt = null, TimeSpan? lifetime = null, string audience = "propertyplatform", string? keyId = null)
    {
        ECDsaSecurityKey key;
        lock (_lock)
        {
            key = keyId is null ? _signing : _everyKey[keyId];
        }
        return Sign(content, key, issuedAt, lifetime, audience);
    }

    /// <summary>A correctly shaped token signed with a key nobody publishes (an attacker's).</summary>
    public static string TokenWithUnpublishedKey(string[] roles, DateTimeOffset? issuedAt = null) =>
        Sign(new AccessTokenContent(Guid.NewGuid(), "mallory", roles, false, [], []), NewKey(), issuedAt, null, "propertyplatform");

    /// <summary>The published keys, for a service under test that should trust this identity without fetching (e.g. Directory itself).</summary>
    public Task<IReadOnlyList<SecurityKey>> GetKeysAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<SecurityKey>>(_published.ToList<SecurityKey>());
        }
    }

    /// <summary>
    /// Makes key-set requests wait until the returned source is completed, so a test can keep a service's first fetch
    /// of the keys under way for as long as it needs, without timing anything.
    /// </summary>
    public TaskCompletionSource HoldKeySet()
    {
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _keySetHold, hold);
        return hold;
    }

    /// <summary>Publishes a new key and signs with it from now on; the previous keys stay published.</summary>
    public void RotateKey()
    {
        lock (_lock)
        {
            _signing = NewKey();
            _published.Add(_signing);
            _everyKey.Add(_signing.KeyId, _signing);
        }
    }

    /// <summary>Stops publishing a key (its tokens should stop being accepted).</summary>
    public void Withdraw(string keyId)
    {
        lock (_lock)
        {
            _published.RemoveAll(k => k.KeyId == keyId);
        }
    }

    private static string Sign(AccessTokenContent content, ECDsaSecurityKey key, DateTimeOffset? issuedAt, TimeSpan? lifetime, string audience) =>
        PlatformAccessToken.Create(
            content,
            new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
            "propertyplatform",
            audience,
            issuedAt ?? DateTimeOffset.UtcNow,
            lifetime ?? TimeSpan.FromMinutes(15));

    private async Task<IResult> Jwks()
    {
        Interlocked.Increment(ref _jwksRequests);
        if (Volatile.Read(ref _keySetHold) is { } hold)
        {
            await hold.Task;
        }
        lock (_lock)
        {
            return Results.Json(new
            {
                keys = _published.Select(key =>
                {
                    var point = key.ECDsa.ExportParameters(includePrivateParameters: false).Q;
                    return new { kty = "EC", use = "sig", alg = "ES256", kid = key.KeyId, crv = "P-256", x = Base64UrlEncoder.Encode(point.X), y = Base64UrlEncoder.Encode(point.Y) };
                }).ToList(),
            });
        }
    }

    private static ECDsaSecurityKey NewKey() =>
        new(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = Guid.NewGuid().ToString("N") };

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        await _server.DisposeAsync();
    }
}
