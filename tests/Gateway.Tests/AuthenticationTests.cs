using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.Gateway.Tests.TestHelpers;

namespace PropertyPlatform.Gateway.Tests;

/// <summary>
/// With Gateway:RequireAuthentication on, /api/** needs a valid access token before anything is routed; what a
/// caller needs before signing in stays open. Directory is played by a TestIdentity (its keys and its sign-in path).
/// </summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private EchoBackend _workOrders = null!;
    private TestIdentity _directory = null!;

    public async ValueTask InitializeAsync()
    {
        _workOrders = await EchoBackend.StartAsync("workorders");
        _directory = await TestIdentity.StartAsync(Cancel);
    }

    public async ValueTask DisposeAsync()
    {
        await _workOrders.DisposeAsync();
        await _directory.DisposeAsync();
    }

    private GatewayHost Gateway(bool requireAuthentication, string? directoryAddress = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["services:workorders:http:0"] = _workOrders.Address,
            ["services:directory:http:0"] = directoryAddress ?? _directory.Address,
        };
        settings["Gateway:RequireAuthentication"] = requireAuthentication.ToString();
        return new GatewayHost(settings);
    }

    [Fact]
    public async Task Without_a_token_an_api_request_is_a_401_problem_and_never_reaches_the_service()
    {
        await using var gateway = Gateway(true);

        using var response = await gateway.Client.GetAsync("/api/workorders/work-orders", Cancel);

        var problem = await response.ShouldBeProblemAsync(401);
        problem.GetProperty("detail").GetString()!.ShouldContain("Bearer");
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        response.Headers.GetValues("X-Correlation-Id").Single().ShouldNotBeNullOrWhiteSpace();
        _workOrders.ReceivedPaths.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_live_inbox_accepts_the_token_in_the_query_as_browsers_websockets_send_it_and_no_other_path_does()
    {
        await using var notifications = await EchoBackend.StartAsync("notifications");
        var settings = new Dictionary<string, string?>
        {
            ["services:notifications:http:0"] = notifications.Address,
            ["services:workorders:http:0"] = _workOrders.Address,
            ["services:directory:http:0"] = _directory.Address,
            ["Gateway:RequireAuthentication"] = "true",
        };
        await using var gateway = new GatewayHost(settings);
        var token = _directory.TokenFor([Roles.FrontDesk]);

        using var negotiate = await gateway.Client.PostAsync($"/api/notifications/hub/negotiate?negotiateVersion=1&access_token={token}", null, Cancel);
        negotiate.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await negotiate.ReadEchoAsync())!.Path.ShouldBe("/hub/negotiate");

        await (await gateway.Client.GetAsync($"/api/notifications/inbox?access_token={token}", Cancel)).ShouldBeProblemAsync(401);
        await (await gateway.Client.GetAsync($"/api/workorders/work-orders?access_token={token}", Cancel)).ShouldBeProblemAsync(401);
        await (await gateway.Client.GetAsync("/api/notifications/hub?access_token=not-a-token", Cancel)).ShouldBeProblemAsync(401);
        notifications.ReceivedPaths.ShouldBe(["/hub/negotiate"]);
    }

    [Theory]
    [InlineData("/api/workorders/work-orders")]
    [InlineData("/API/WorkOrders/work-orders")]
    [InlineData("/api/nosuchservice/things")]
    [InlineData("/api/directory/units")]
    [InlineData("/api/directory/authx")]
    [InlineData("/api/directory/auth/password")]
    public async Task Every_api_path_but_the_public_ones_needs_a_token(string path)
    {
        await using var gateway = Gateway(true);

        using var response = await gateway.Client.GetAsync(path, Cancel);

        await response.ShouldBeProblemAsync(401);
    }

    [Theory]
    [InlineData("/api/directory/auth/token", "/auth/token")]
    [InlineData("/api/directory/auth/refresh", "/auth/refresh")]
    [InlineData("/API/Directory/Auth/sign-out", "/Auth/sign-out")]
    [InlineData("/api/directory/openapi/v1.json", "/openapi/v1.json")]
    [InlineData("/api/directory/health", "/health")]
    public async Task Sign_in_refresh_sign_out_documents_and_health_pass_without_a_token(string path, string reachedAs)
    {
        await using var gateway = Gateway(true);

        using var response = await gateway.Client.PostAsync(path, null, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("path").GetString().ShouldBe(reachedAs);
    }

    [Fact]
    public async Task Directorys_public_keys_the_gateways_own_health_and_the_openapi_index_pass_without_a_token()
    {
        await using var gateway = Gateway(true);

        using var keys = await gateway.Client.GetAsync("/api/directory/.well-known/jwks.json", Cancel);
        keys.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await keys.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("keys").GetArrayLength().ShouldBe(1);
        (await gateway.Client.GetAsync("/health", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await gateway.Client.GetAsync("/openapi", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_valid_token_passes_and_reaches_the_service_with_the_request()
    {
        await using var gateway = Gateway(true);
        var token = _directory.TokenFor([Roles.FrontDesk]);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/workorders/work-orders");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await gateway.Client.SendAsync(request, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        // The service checks the token again itself.
        (await response.ReadEchoAsync())!.Headers["Authorization"].ShouldBe($"Bearer {token}");
    }

    [Fact]
    public async Task An_expired_or_foreign_token_is_a_401_problem()
    {
        await using var gateway = Gateway(true);

        foreach (var token in new[]
        {
            _directory.TokenFor([Roles.FrontDesk], issuedAt: DateTimeOffset.UtcNow.AddHours(-1)),
            TestIdentity.TokenWithUnpublishedKey([Roles.FrontDesk]),
        })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/workorders/work-orders");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await gateway.Client.SendAsync(request, Cancel);
            await response.ShouldBeProblemAsync(401);
        }
        _workOrders.ReceivedPaths.ShouldBeEmpty();
    }

    [Fact]
    public async Task Requests_that_arrive_while_the_gateway_first_fetches_the_keys_wait_for_that_fetch_and_all_pass()
    {
        await using var gateway = Gateway(true);
        var hold = _directory.HoldKeySet();

        var responses = Enumerable.Range(0, 16).Select(_ => SendAsync(gateway, _directory.TokenFor([Roles.FrontDesk]))).ToList();
        // The first fetch of the keys is under way and Directory holds it until the test lets go.
        (await EventuallyAsync(() => Task.FromResult(_directory.JwksRequests == 1), TimeSpan.FromSeconds(10))).ShouldBeTrue();
        hold.SetResult();

        (await Task.WhenAll(responses)).Select(r => r.StatusCode).ShouldAllBe(status => status == HttpStatusCode.OK);
        _directory.JwksRequests.ShouldBe(1);
        _workOrders.ReceivedPaths.Count.ShouldBe(16);
    }

    [Fact]
    public async Task A_token_of_a_newly_rotated_key_passes_after_one_refresh_of_the_keys()
    {
        await using var gateway = Gateway(true);
        (await SendAsync(gateway, _directory.TokenFor([Roles.FrontDesk]))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var fetches = _directory.JwksRequests;
        _directory.RotateKey();

        using var response = await SendAsync(gateway, _directory.TokenFor([Roles.FrontDesk]));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        _directory.JwksRequests.ShouldBe(fetches + 1);
    }

    [Fact]
    public async Task While_directory_cannot_be_reached_a_token_gets_503_with_retry_after_not_401_and_nothing_is_routed()
    {
        await using var gateway = Gateway(true, GatewayHost.DeadAddress());

        using var response = await SendAsync(gateway, _directory.TokenFor([Roles.FrontDesk]));

        (await response.ShouldBeProblemAsync(503)).GetProperty("detail").GetString()!.ShouldContain("try again");
        response.Headers.RetryAfter!.Delta.ShouldNotBeNull();
        response.Headers.WwwAuthenticate.ShouldBeEmpty();
        _workOrders.ReceivedPaths.ShouldBeEmpty();
    }

    private static async Task<HttpResponseMessage> SendAsync(GatewayHost gateway, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/workorders/work-orders");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await gateway.Client.SendAsync(request, Cancel);
    }

    [Fact]
    public void The_token_check_is_on_unless_an_operator_switches_it_off()
    {
        new GatewayOptions().RequireAuthentication.ShouldBeTrue();
    }

    [Fact]
    public async Task Switched_off_requests_without_a_token_are_routed()
    {
        await using var gateway = Gateway(false);

        using var response = await gateway.Client.GetAsync("/api/workorders/work-orders", Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
