using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.Directory.Tests.SignIn.SignInApiTests;

namespace PropertyPlatform.Directory.Tests.SignIn;

/// <summary>
/// Signing keys rotate without downtime: the next key is published before it signs, the previous one stays
/// published while tokens it signed may still be valid, and is then withdrawn.
/// </summary>
public sealed class KeyRotationTests(TestInfrastructure infrastructure)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    // One key signs for an hour; the next is published ten minutes before it takes over. Tokens live 15 minutes.
    private static Dictionary<string, string?> ShortRotation() => new()
    {
        ["Directory:SigningKeys:RotationInterval"] = "01:00:00",
        ["Directory:SigningKeys:PublishLead"] = "00:10:00",
    };

    [Fact]
    public async Task Keys_rotate_without_refusing_any_valid_token_and_a_withdrawn_key_is_refused()
    {
        await using var app = await SignInApp.StartAsync(infrastructure, ShortRotation());
        var first = new JsonWebToken(await AccessTokenAsync(app));
        var firstKeyId = first.Kid;
        var firstPrivateKey = await PrivateKeyAsync(app, firstKeyId);
        (await PublishedKeyIdsAsync(app)).ShouldBe([firstKeyId]);

        // Ten minutes before the hour is up the next key is published, but the first one still signs.
        app.Time.Advance(TimeSpan.FromMinutes(50) + TimeSpan.FromSeconds(1));
        var beforeSwitch = await AccessTokenAsync(app);
        new JsonWebToken(beforeSwitch).Kid.ShouldBe(firstKeyId);
        var published = await PublishedKeyIdsAsync(app);
        published.Count.ShouldBe(2);
        var secondKeyId = published.Single(id => id != firstKeyId);

        // After the hour the second key signs; a token of the first key is still accepted.
        app.Time.Advance(TimeSpan.FromMinutes(10));
        var afterSwitch = await AccessTokenAsync(app);
        new JsonWebToken(afterSwitch).Kid.ShouldBe(secondKeyId);
        (await app.GetMeAsync(afterSwitch)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.GetMeAsync(beforeSwitch)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PublishedKeyIdsAsync(app)).ShouldBe([firstKeyId, secondKeyId], ignoreOrder: true);

        // Once every token of the first key has expired (15 min + clock skew), the key is withdrawn.
        app.Time.Advance(TimeSpan.FromMinutes(16));
        (await PublishedKeyIdsAsync(app)).ShouldBe([secondKeyId]);
        (await app.CountAsync("SELECT count(*) FROM signing_keys")).ShouldBe(1);

        // A token made with the withdrawn key, even one not yet expired, is refused; one of the current key passes.
        var subject = Guid.Parse(first.Subject);
        using var withdrawn = await app.GetMeAsync(Forge(app, firstPrivateKey, firstKeyId, subject));
        await ShouldBeProblemAsync(withdrawn, HttpStatusCode.Unauthorized);
        using var current = await app.GetMeAsync(Forge(app, await PrivateKeyAsync(app, secondKeyId), secondKeyId, subject));
        current.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task After_a_restart_without_its_data_protection_keys_Directory_signs_with_a_new_key_and_old_tokens_stay_valid()
    {
        var keyRings = System.IO.Directory.CreateTempSubdirectory("signin-keyrings-").FullName;
        try
        {
            string database;
            string before;
            string brokenKeyId;
            await using (var first = await SignInApp.StartAsync(infrastructure, new() { ["Directory:DataProtection:KeysPath"] = Path.Combine(keyRings, "a") }))
            {
                database = first.DatabaseConnectionString;
                before = await AccessTokenAsync(first);
                brokenKeyId = new JsonWebToken(before).Kid;
            }

            // Same database, but the keys that encrypted the private key are gone.
            await using var restarted = await SignInApp.StartAsync(infrastructure, new()
            {
                ["ConnectionStrings:directorydb"] = database,
                ["Directory:DataProtection:KeysPath"] = Path.Combine(keyRings, "b"),
            });
            var after = await AccessTokenAsync(restarted);

            new JsonWebToken(after).Kid.ShouldNotBe(brokenKeyId);
            (await PublishedKeyIdsAsync(restarted)).ShouldContain(brokenKeyId);
            (await restarted.GetMeAsync(after)).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await restarted.GetMeAsync(before)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            System.IO.Directory.Delete(keyRings, recursive: true);
        }
    }

    private static async Task<string> AccessTokenAsync(SignInApp app) =>
        (await app.TokensAsync()).GetProperty("accessToken").GetString()!;

    private static async Task<List<string>> PublishedKeyIdsAsync(SignInApp app)
    {
        var jwks = await app.CreateClient().GetFromJsonAsync<JsonElement>("/.well-known/jwks.json", Cancellation);
        return jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!).ToList();
    }

    /// <summary>The private key as Directory decrypts it (the test plays someone who kept a copy of a key).</summary>
    private static async Task<ECDsa> PrivateKeyAsync(SignInApp app, string keyId)
    {
        var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("PropertyPlatform.Directory.SigningKeys.v1");
        var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(protector.Unprotect(await app.ProtectedPrivateKeyAsync(keyId)), out _);
        return ecdsa;
    }

    private static string Forge(SignInApp app, ECDsa key, string keyId, Guid personId) =>
        PlatformAccessToken.Create(
            new AccessTokenContent(personId, "Administrator", [Roles.Admin], true, [], []),
            new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = keyId }, SecurityAlgorithms.EcdsaSha256),
            "propertyplatform",
            "propertyplatform",
            app.Time.GetUtcNow(),
            TimeSpan.FromMinutes(15));
}
