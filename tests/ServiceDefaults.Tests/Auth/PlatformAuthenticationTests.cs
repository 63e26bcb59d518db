using System.Net;
using System.Text.Json;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.ServiceDefaults.Tests.Auth;

/// <summary>A service using AddPlatformAuthentication: who gets in, who is refused, and how it follows Directory's keys.</summary>
public sealed class PlatformAuthenticationTests : IAsyncLifetime
{
    private TestIdentity _identity = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _identity = await TestIdentity.StartAsync(Cancellation);

    public async ValueTask DisposeAsync() => await _identity.DisposeAsync();

    private Task<ProtectedApi> StartApiAsync() => ProtectedApi.StartAsync(_identity.Address);

    [Fact]
    public async Task Without_a_token_a_protected_endpoint_answers_401_problem_and_an_open_one_answers()
    {
        await using var api = await StartApiAsync();

        using var response = await api.GetAsync("/desk", null);

        var problem = await ShouldBeProblemAsync(response, HttpStatusCode.Unauthorized);
        problem.GetProperty("detail").GetString()!.ShouldContain("Bearer");
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        (await api.GetAsync("/open", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.GetAsync("/health", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_caller_without_one_of_the_roles_gets_403_problem()
    {
        await using var api = await StartApiAsync();

        using var response = await api.GetAsync("/desk", _identity.TokenFor([Roles.Engineer]));

        await ShouldBeProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_caller_with_one_of_the_roles_gets_in_and_the_endpoint_sees_who_they_are()
    {
        await using var api = await StartApiAsync();
        var personId = Guid.NewGuid();
        var propertyId = Guid.NewGuid();

        using var response = await api.GetAsync("/desk", _identity.TokenFor([Roles.Supervisor, Roles.Finance], [propertyId], personId));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var caller = (await response.Content.ReadFromJsonAsync<CallerView>(Cancellation))!;
        caller.PersonId.ShouldBe(personId);
        caller.Name.ShouldBe("测试用户");
        caller.Roles.ShouldBe([Roles.Supervisor, Roles.Finance], ignoreOrder: true);
        caller.PropertyIds.ShouldBe([propertyId]);
        (await api.GetAsync("/admin", _identity.TokenFor([Roles.Supervisor]))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Data_of_a_property_outside_the_callers_scope_is_not_found()
    {
        await using var api = await StartApiAsync();
        var mine = Guid.NewGuid();
        var other = Guid.NewGuid();
        var token = _identity.TokenFor([Roles.FrontDesk], [mine]);

        (await api.GetAsync($"/properties/{mine}", token)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await ShouldBeProblemAsync(await api.GetAsync($"/properties/{other}", token), HttpStatusCode.NotFound);
        var admin = _identity.TokenFor(new AccessTokenContent(Guid.NewGuid(), "管理员", [Roles.Admin], true, [], []));
        (await api.GetAsync($"/properties/{other}", admin)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("eyJhbGciOiJub25lIiwidHlwIjoiYXQrand0In0.eyJzdWIiOiIxIiwicm9sZSI6ImFkbWluIn0.")]
    public async Task A_malformed_or_unsigned_token_is_refused_with_401_problem(string token)
    {
        await using var api = await StartApiAsync();

        using var response = await api.GetAsync("/desk", token);

        await ShouldBeProblemAsync(response, HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldContain("invalid_token");
    }

    [Fact]
    public async Task A_token_for_another_audience_or_signed_with_an_unpublished_key_is_refused()
    {
        await using var api = await StartApiAsync();
        var content = new AccessTokenContent(Guid.NewGuid(), "x", [Roles.FrontDesk], false, [], []);

        await ShouldBeProblemAsync(await api.GetAsync("/desk", _identity.TokenFor(content, audience: "elsewhere")), HttpStatusCode.Unauthorized);
        await ShouldBeProblemAsync(await api.GetAsync("/desk", TestIdentity.TokenWithUnpublishedKey([Roles.FrontDesk])), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_past_its_expiry_is_refused()
    {
        await using var api = await StartApiAsync();
        var token = _identity.TokenFor([Roles.FrontDesk], issuedAt: api.Time.GetUtcNow());
        (await api.GetAsync("/desk", token)).StatusCode.ShouldBe(HttpStatusCode.OK);

        api.Time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(31)); // lifetime + clock skew
        using var response = await api.GetAsync("/desk", token);

        (await ShouldBeProblemAsync(response, HttpStatusCode.Unauthorized)).GetProperty("detail").GetString()!.ShouldContain("expired");
    }

    [Fact]
    public async Task After_a_key_rotation_tokens_of_the_new_and_the_previous_key_are_accepted()
    {
        await using var api = await StartApiAsync();
        var previous = _identity.TokenFor([Roles.FrontDesk]);
        (await api.GetAsync("/desk", previous)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var fetches = _identity.JwksRequests;

        _identity.RotateKey();
        var next = _identity.TokenFor([Roles.FrontDesk]);

        // The unknown key id makes the service fetch the keys again, within the same request.
        (await api.GetAsync("/desk", next)).StatusCode.ShouldBe(HttpStatusCode.OK);
        _identity.JwksRequests.ShouldBe(fetches + 1);
        (await api.GetAsync("/desk", previous)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_withdrawn_key_is_refused_once_the_cached_keys_are_refreshed()
    {
        await using var api = await StartApiAsync();
        var withdrawnKey = _identity.SigningKeyId;
        (await api.GetAsync("/desk", _identity.TokenFor([Roles.FrontDesk]))).StatusCode.ShouldBe(HttpStatusCode.OK);
        _identity.RotateKey();
        _identity.Withdraw(withdrawnKey);

        // A token of the new key makes the service fetch the keys again; the withdrawn one is then gone from them.
        (await api.GetAsync("/desk", _identity.TokenFor([Roles.FrontDesk]))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var content = new AccessTokenContent(Guid.NewGuid(), "x", [Roles.FrontDesk], false, [], []);
        // Not yet expired, but its key is no longer published.
        using var response = await api.GetAsync("/desk", _identity.TokenFor(content, keyId: withdrawnKey));

        await ShouldBeProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Tokens_naming_unknown_keys_do_not_make_the_service_flood_directory_with_fetches()
    {
        await using var api = await StartApiAsync();
        (await api.GetAsync("/desk", _identity.TokenFor([Roles.FrontDesk]))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var fetches = _identity.JwksRequests;

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => api.GetAsync("/desk", TestIdentity.TokenWithUnpublishedKey([Roles.FrontDesk]))));
        for (var i = 0; i < 5; i++)
        {
            (await api.GetAsync("/desk", TestIdentity.TokenWithUnpublishedKey([Roles.FrontDesk]))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        responses.Select(r => r.StatusCode).ShouldAllBe(status => status == HttpStatusCode.Unauthorized);
        // At most one fetch within the minimum interval (Auth:JwksMinimumRefreshInterval, 10 s), however many forged key ids arrive.
        _identity.JwksRequests.ShouldBeLessThanOrEqualTo(fetches + 1);
    }

    [Fact]
    public async Task Requests_that_arrive_while_the_first_keys_are_fetched_wait_for_that_one_fetch_and_all_get_in()
    {
        await using var api = await StartApiAsync();
        var hold = _identity.HoldKeySet();
        const int requests = 24;
        var tokens = Enumerable.Range(0, requests).Select(_ => _identity.TokenFor([Roles.FrontDesk])).ToList();

        var responses = tokens.Select(token => api.GetAsync("/desk", token)).ToList();
        // Every request is inside the service and the first fetch of the keys is under way, held by Directory.
        await Eventually.ReturnsAsync(() => Task.FromResult((api.Arrived, _identity.JwksRequests)), seen => seen == (requests, 1), TimeSpan.FromSeconds(10));
        hold.SetResult();

        (await Task.WhenAll(responses)).Select(r => r.StatusCode).ShouldAllBe(status => status == HttpStatusCode.OK);
        _identity.JwksRequests.ShouldBe(1);
    }

    [Fact]
    public async Task Requests_with_a_token_of_a_newly_rotated_key_share_one_refresh_and_all_get_in()
    {
        await using var api = await StartApiAsync();
        (await api.GetAsync("/desk", _identity.TokenFor([Roles.FrontDesk]))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var fetches = _identity.JwksRequests;
        _identity.RotateKey();

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => api.GetAsync("/desk", _identity.TokenFor([Roles.FrontDesk]))));

        responses.Select(r => r.StatusCode).ShouldAllBe(status => status == HttpStatusCode.OK);
        _identity.JwksRequests.ShouldBe(fetches + 1);
    }

    [Fact]
    public async Task While_directory_cannot_be_reached_and_no_keys_are_known_a_token_gets_503_with_retry_after_not_401()
    {
        await using var api = await ProtectedApi.StartAsync("http://127.0.0.1:9");

        using var response = await api.GetAsync("/desk", _identity.TokenFor([Roles.FrontDesk]));

        var problem = await ShouldBeProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        problem.GetProperty("detail").GetString()!.ShouldContain("try again");
        response.Headers.RetryAfter!.Delta.ShouldNotBeNull();
        response.Headers.WwwAuthenticate.ShouldBeEmpty();
        // Without a token it stays 401, and open endpoints still answer.
        await ShouldBeProblemAsync(await api.GetAsync("/desk", null), HttpStatusCode.Unauthorized);
        (await api.GetAsync("/open", _identity.TokenFor([Roles.FrontDesk]))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task While_directory_does_not_answer_a_token_gets_503_and_once_it_answers_the_same_token_gets_in()
    {
        await using var api = await ProtectedApi.StartAsync(_identity.Address, new() { ["Auth:JwksTimeout"] = "00:00:01" });
        var hold = _identity.HoldKeySet();
        var token = _identity.TokenFor([Roles.FrontDesk]);

        await ShouldBeProblemAsync(await api.GetAsync("/desk", token), HttpStatusCode.ServiceUnavailable);
        hold.SetResult();

        (await api.GetAsync("/desk", token)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public void Require_roles_refuses_a_role_that_does_not_exist()
    {
        var app = WebApplication.CreateBuilder().Build();

        Should.Throw<ArgumentException>(() => app.MapGet("/x", () => "x").RequireRoles("janitor"));
    }

    [Fact]
    public void A_query_keeps_only_the_rows_of_properties_in_the_callers_scope()
    {
        var mine = Guid.NewGuid();
        var rows = new[] { (Id: 1, PropertyId: mine), (Id: 2, PropertyId: Guid.NewGuid()) }.AsQueryable();
        var frontDesk = Caller.From(Principal([Roles.FrontDesk], [mine.ToString()]));
        var admin = Caller.From(Principal([Roles.Admin], [PlatformClaims.AllProperties]));

        rows.InPropertiesOf(frontDesk, r => r.PropertyId).Select(r => r.Id).ShouldBe([1]);
        rows.InPropertiesOf(admin, r => r.PropertyId).Select(r => r.Id).ShouldBe([1, 2]);
        rows.InPropertiesOf(Caller.Anonymous, r => r.PropertyId).ShouldBeEmpty();
    }

    [Fact]
    public void Staff_see_the_records_of_their_properties_and_occupants_only_those_of_their_units()
    {
        var property = Guid.NewGuid();
        var myUnit = Guid.NewGuid();
        var rows = new[]
        {
            (Id: 1, PropertyId: property, UnitId: (Guid?)myUnit),
            (Id: 2, PropertyId: property, UnitId: (Guid?)Guid.NewGuid()),
            (Id: 3, PropertyId: property, UnitId: (Guid?)null),
            (Id: 4, PropertyId: Guid.NewGuid(), UnitId: (Guid?)Guid.NewGuid()),
        }.AsQueryable();
        var frontDesk = Caller.From(Principal([Roles.FrontDesk], [property.ToString()]));
        var occupant = Caller.From(Principal([Roles.Occupant], [property.ToString()], [myUnit.ToString()]));
        var admin = Caller.From(Principal([Roles.Admin], [PlatformClaims.AllProperties]));

        rows.VisibleTo(frontDesk, r => r.PropertyId, r => r.UnitId).Select(r => r.Id).ShouldBe([1, 2, 3]);
        rows.VisibleTo(occupant, r => r.PropertyId, r => r.UnitId).Select(r => r.Id).ShouldBe([1]);
        rows.VisibleTo(admin, r => r.PropertyId, r => r.UnitId).Select(r => r.Id).ShouldBe([1, 2, 3, 4]);
        rows.VisibleTo(Caller.Anonymous, r => r.PropertyId, r => r.UnitId).ShouldBeEmpty();
        rows.Where(r => occupant.CanSee(r.PropertyId, r.UnitId)).Select(r => r.Id).ShouldBe([1]);
        rows.Where(r => frontDesk.CanSee(r.PropertyId, r.UnitId)).Select(r => r.Id).ShouldBe([1, 2, 3]);
    }

    private static System.Security.Claims.ClaimsPrincipal Principal(string[] roles, string[] properties, string[]? units = null) =>
        new(new System.Security.Claims.ClaimsIdentity(
            roles.Select(r => new System.Security.Claims.Claim(PlatformClaims.Role, r))
                .Concat(properties.Select(p => new System.Security.Claims.Claim(PlatformClaims.Property, p)))
                .Concat((units ?? []).Select(u => new System.Security.Claims.Claim(PlatformClaims.Unit, u)))
                .Append(new System.Security.Claims.Claim(PlatformClaims.Subject, Guid.NewGuid().ToString())),
            "test"));

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
