using System.Net;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using PropertyPlatform.Directory.Domain;
using PropertyPlatform.Directory.SignIn;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.Directory.Tests.SignIn;

/// <summary>Signing in, refreshing and signing out over HTTP, on real PostgreSQL.</summary>
public sealed class SignInApiTests(TestInfrastructure infrastructure)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_bootstrap_administrator_signs_in_and_gets_a_signed_short_lived_token_and_a_refresh_token()
    {
        await using var app = await SignInApp.StartAsync(infrastructure);

        using var response = await app.SignInAsync("admin", SignInApp.AdminPassword);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        body.GetProperty("tokenType").GetString().ShouldBe("Bearer");
        body.GetProperty("expiresIn").GetInt32().ShouldBe(15 * 60);
        body.GetProperty("refreshToken").GetString()!.Length.ShouldBeGreaterThanOrEqualTo(40);

        var token = new JsonWebToken(body.GetProperty("accessToken").GetString());
        token.Alg.ShouldBe("ES256");
        token.Typ.ShouldBe("at+jwt");
        token.Kid.ShouldNotBeNullOrEmpty();
        token.Issuer.ShouldBe("propertyplatform");
        token.Audiences.ShouldBe(["propertyplatform"]);
        Guid.TryParse(token.Subject, out _).ShouldBeTrue();
        token.GetClaim("name").Value.ShouldBe("Administrator");
        token.Claims.Where(c => c.Type == "role").Select(c => c.Value).ShouldBe(["admin"]);
        token.Claims.Where(c => c.Type == "property").Select(c => c.Value).ShouldBe(["*"]);
        token.Id.ShouldNotBeNullOrEmpty();
        (token.ValidTo - token.IssuedAt).ShouldBe(TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task The_user_name_is_not_case_sensitive()
    {
        await using var app = await SignInApp.StartAsync(infrastructure);

        using var response = await app.SignInAsync("ADMIN", SignInApp.AdminPassword);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_401_problem()
    {
        await using var app = await SignInApp.StartAsync(infrastructure);

        using var wrongPassword = await app.SignInAsync("admin", "not-the-password");
        using var unknownUser = await app.SignInAsync("nobody", SignInApp.AdminPassword);

        var first = await ShouldBeProblemAsync(wrongPassword, HttpStatusCode.Unauthorized);
        var second = await ShouldBeProblemAsync(unknownUser, HttpStatusCode.Unauthorized);
        second.GetProperty("title").GetString().ShouldBe(first.GetProperty("title").GetString());
        second.GetProperty("detail").GetString().ShouldBe(first.GetProperty("detail").GetString());
        (await app.CountAsync("SELECT count(*) FROM refresh_tokens")).ShouldBe(0);
    }

    [Theory]
    [InlineData("""{"password": "x"}""", "userName")]
    [InlineData("""{"userName": "admin"}""", "password")]
    [InlineData("""{"userName": "admin", "password": 5}""", null)]
    [InlineData("""not json""", null)]
    public async Task A_malformed_sign_in_is_a_400_problem(string body, string? field)
    {
        await using var app = await SignInApp.StartAsync(infrastructure);

        using var response = await app.CreateClient().PostAsync("/auth/token", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Cancellation);

        var problem = await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
        if (field is not null)
        {
            problem.GetProperty("errors").GetProperty(field).GetArrayLength().ShouldBe(1);
        }
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_until_the_lock_ends()
    {
        await using var app = await SignInApp.StartAsync(infrastructure);
        for (var i = 0; i < 4; i++)
        {
            using var wrong = await app.SignInAsync("admin", "wrong-password");
            (await ShouldBeProblemAsync(wrong, HttpStatusCode.Unauthorized)).GetProperty("detail").GetString()!.ShouldNotContain("locked");
        }

        using var fifth = await app.SignInAsync("admin", "wrong-password");
        (await ShouldBeProblemAsync(fifth, HttpStatusCode.Unauthorized)).GetProperty("detail").GetString()!.ShouldContain("locked");

        // Even the right password is refused while locked.
        using var rightButLocked = await app.SignInAsync("admin", SignInApp.AdminPassword);
        var problem = await ShouldBeProblemAsync(rightButLocked, HttpStatusCode.Unauthorized);
        problem.GetProperty("detail").GetString()!.ShouldContain("locked");
        problem.GetProperty("detail").GetString()!.ShouldContain("15 minute");

        app.Time.Advance(TimeSpan.FromMinutes(14));
        using var stillLocked = await app.SignInAsync("admin", SignInApp.AdminPassword);
        (await ShouldBeProblemAsync(stillLocked, HttpStatusCode.Unauthorized)).GetProperty("detail").GetString()!.ShouldContain("locked");

        app.Time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        using var unlocked = await app.SignInAsync("admin", SignInApp.AdminPassword);
        unlocked.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_successful_sign_in_forgets_earlier_wrong_passwords()
    {
        await using var app = await SignInApp.StartAsync(infrastructure);
        for (var i = 0; i < 4; i++)
        {
            (await app.SignInAsync("admin", "wrong-password")).Dispose();
        }
        await app.TokensAsync();

        for (var i = 0; i < 4; i++)
        {
            (await app.SignInAsync("admin", "wrong-password")).Dispose();
        }

        using var response = await app.SignInAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Me_answers_who_the_caller_is_and_their_scope()
    {
        await using var app = await SignInApp.StartAsync(infrastructure);
        var personId = Guid.NewGuid();
        var propertyId = Guid.NewGuid();
        var unitId = Guid.NewGuid();
        await app.RegisterAccountAsync(new NewAccount(
            "13800138000", "Occupant@2026", personId, "王芳", [Roles.Occupant], AccountScope.Units([propertyId], [unitId])));
        var tokens = await app.TokensAsync("13800138000", "Occupant@2026");

        using var response = await app.GetMeAsync(tokens.GetProperty("accessToken").GetString());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var me = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        me.GetProperty("id").GetGuid().ShouldBe(personId);
        me.GetProperty("userName").GetString().ShouldBe("13800138000");
        me.GetProperty("name").GetString().ShouldBe("王芳");
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["occupant"]);
        me.GetProperty("allProperties").GetBoolean().ShouldBeFalse();
        me.GetProperty("propertyIds").EnumerateArray().Select(p => p.GetGuid()).ShouldBe([propertyId]);
        me.GetProperty("unitIds").EnumerateArray().Select(u => u.GetGuid()).ShouldBe([unitId]);
    }

    [Fact]
    public async Task Me_without_a_token_or_with_an_expired_one_is_a_401_problem()
    {
        await using var app = await SignInApp.StartAsync(infrastructure);
        var accessToken = (await app.TokensAsync()).GetProperty("accessToken").GetString();
        (await app.GetMeAsync(accessToken)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var anonymous = await app.GetMeAsync(null);
        await ShouldBeProblemAsync(anonymous, HttpStatusCode.Unauthorized);
        anonymous.Headers.WwwAuthenticate.ToString().ShouldStartWith("Bearer");

        app.Time.Advance(TimeSpan.FromMinutes(16));
        using var expired = await app.GetMeAsync(accessToken);
        (await ShouldBeProblemAsync(expired, HttpStatusCode.Unauthorized)).GetProperty("detail").GetString()!.ShouldContain("expired");
    }

    [Fact]
    public async Task A_refresh_gives_a_new_pair_and_the_used_refresh_token_stops_working()
    {
        await using var app = await SignInApp.StartAsync(infrastructure);
        var first = await app.TokensAsync();
        app.Time.Advance(TimeSpan.FromMinutes(20)); // the access token has expired; the refresh token has not

        using var refreshed = await app.RefreshAsync(first.GetProperty("refreshToken").GetString()!);

        refreshed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var second = await refreshed.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        second.GetProperty("refreshToken").GetString().ShouldNotBe(first.GetProperty("refreshToken").GetString());
        (await app.GetMeAsync(second.GetProperty("accessToken").GetString())).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var third = await app.RefreshAsync(second.GetProperty("refreshToken").GetString()!);
        third.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Reusing_a_rotated_refresh_token_revokes_the_whole_family_including_its_newest_token()
    {
        await using var app = await SignInApp.StartAsync(infrastructure);
        var stolen = (await app.TokensAsync()).GetProperty("refreshToken").GetString()!;
        using var ownersRefresh = await app.RefreshAsync(stolen);
        var newest = (await ownersRefresh.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("refreshToken").GetString()!;
        var otherSignIn = (await app.TokensAsync()).GetProperty("refreshToken").GetString()!;

        using var replay = await app.RefreshAsync(stolen);

        await ShouldBeProblemAsync(replay, HttpStatusCode.Unauthorized);
        using var newestAfterReplay = await app.RefreshAsync(newest);
        await ShouldBeProblemAsync(newestAfterReplay, HttpStatusCode.Unauthorized);
        // Another sign-in of the same account is another family and keeps working.
        using var other = await app.RefreshAsync(otherSignIn);
        other.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Sign_out_revokes_the_refresh_token()
    {
        await using var app = await SignInApp.StartAsync(infrastructure);
        var refreshToken = (await app.TokensAsync()).GetProperty("refreshToken").GetString()!;

        using var signOut = await app.CreateClient().PostAsJsonAsync("/auth/sign-out", new { refreshToken }, Cancellation);

        signOut.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await ShouldBeProblemAsync(await app.RefreshAsync(refreshToken), HttpStatusCode.Unauthorized);
        // Signing out twice is harmless.
        using var again = await app.CreateClient().PostAsJsonAsync("/auth/sign-out", new { refreshToken }, Cancellation);
        again.StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task An_unknown_or_expired_refresh_token_is_a_401_problem()
    {
        await using var app = await SignInApp.StartAsync(infrastructure);
        var refreshToken = (await app.TokensAsync()).GetProperty("refreshToken").GetString()!;

        await ShouldBeProblemAsync(await app.RefreshAsync("made-up-token"), HttpStatusCode.Unauthorized);
        app.Time.Advance(TimeSpan.FromDays(15));
        await ShouldBeProblemAsync(await app.RefreshAsync(refreshToken), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_public_signing_keys_are_served_as_a_json_web_key_set_without_private_parts()
    {
        await using var app = await SignInApp.StartAsync(infrastructure);
        var accessToken = new JsonWebToken((await app.TokensAsync()).GetProperty("accessToken").GetString());

        using var response = await app.CreateClient().GetAsync("/.well-known/jwks.json", Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await response.Content.ReadAsStringAsync(Cancellation);
        var key = JsonDocument.Parse(json).RootElement.GetProperty("keys").EnumerateArray().ShouldHaveSingleItem();
        key.GetProperty("kty").GetString().ShouldBe("EC");
        key.GetProperty("crv").GetString().ShouldBe("P-256");
        key.GetProperty("alg").GetString().ShouldBe("ES256");
        key.GetProperty("use").GetString().ShouldBe("sig");
        key.GetProperty("kid").GetString().ShouldBe(accessToken.Kid);
        key.TryGetProperty("d", out _).ShouldBeFalse();
        // The private key is not stored in the clear.
        var stored = await app.ProtectedPrivateKeyAsync(accessToken.Kid);
        Should.Throw<System.Security.Cryptography.CryptographicException>(() =>
            System.Security.Cryptography.ECDsa.Create().ImportPkcs8PrivateKey(stored, out _));
    }

    [Fact]
    public async Task The_openapi_document_describes_sign_in_and_me()
    {
        await using var app = await SignInApp.StartAsync(infrastructure);

        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", Cancellation);

        var paths = document.GetProperty("paths");
        paths.TryGetProperty("/auth/token", out _).ShouldBeTrue();
        paths.TryGetProperty("/auth/refresh", out _).ShouldBeTrue();
        paths.TryGetProperty("/me", out _).ShouldBeTrue();
    }

    internal static async Task<JsonElement> ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync(Cancellation));
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        problem.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        return problem;
    }
}
