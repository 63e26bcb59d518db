using System.Net;
using static PropertyPlatform.Gateway.Tests.TestHelpers;

namespace PropertyPlatform.Gateway.Tests;

public sealed class LimitsTests : IAsyncLifetime
{
    private EchoBackend _backend = null!;

    public async ValueTask InitializeAsync() => _backend = await EchoBackend.StartAsync();

    public async ValueTask DisposeAsync() => await _backend.DisposeAsync();

    private GatewayHost Gateway(Dictionary<string, string?> settings)
    {
        settings["services:workorders:http:0"] = _backend.Address;
        settings["services:directory:http:0"] = _backend.Address;
        return new GatewayHost(settings);
    }

    [Fact]
    public async Task Body_over_the_limit_is_refused_with_413_problem_before_reaching_the_service()
    {
        await using var gateway = Gateway(new() { ["Gateway:MaxRequestBodyBytes"] = "1024" });

        using var response = await gateway.Client.PostAsync("/api/workorders/photos", new ByteArrayContent(new byte[2048]), Cancel);

        await response.ShouldBeProblemAsync(413);
        _backend.ReceivedPaths.ShouldNotContain("/photos");
    }

    [Fact]
    public async Task Chunked_body_over_the_limit_is_refused_with_413_problem()
    {
        await using var gateway = Gateway(new() { ["Gateway:MaxRequestBodyBytes"] = "1024" });
        // No Content-Length: the limit can only be noticed while the body is read.
        var content = new StreamContent(new MemoryStream(new byte[8192]));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/workorders/photos") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await gateway.Client.SendAsync(request, Cancel);

        await response.ShouldBeProblemAsync(413);
    }

    [Fact]
    public async Task Body_within_the_limit_passes()
    {
        await using var gateway = Gateway(new() { ["Gateway:MaxRequestBodyBytes"] = "1024" });

        using var response = await gateway.Client.PostAsync("/api/workorders/photos", new ByteArrayContent(new byte[1000]), Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadEchoAsync())!.BodyBytes.ShouldBe(1000);
    }

    [Fact]
    public async Task Client_over_its_rate_gets_429_problem_with_retry_after()
    {
        await using var gateway = Gateway(new()
        {
            ["Gateway:RateLimit:PermitsPerSecond"] = "1",
            ["Gateway:RateLimit:Burst"] = "1",
        });

        var rejected = await FirstRejectionAsync(gateway.Client, "/api/workorders/work-orders");

        rejected.ShouldNotBeNull("20 quick requests at 1 per second should have met the limit");
        await rejected.ShouldBeProblemAsync(429);
        rejected.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeGreaterThanOrEqualTo(1);
        rejected.Dispose();
    }

    [Fact]
    public async Task Sign_in_has_its_own_stricter_limit()
    {
        await using var gateway = Gateway(new() { ["Gateway:RateLimit:SignInPermitsPerMinute"] = "2" });

        using var first = await gateway.Client.PostAsync("/api/directory/auth/sign-in", null, Cancel);
        (await first.ReadEchoAsync())!.Path.ShouldBe("/auth/sign-in");

        var rejected = await FirstRejectionAsync(gateway.Client, "/api/directory/auth/sign-in", HttpMethod.Post);
        rejected.ShouldNotBeNull();
        await rejected.ShouldBeProblemAsync(429);
        rejected.Dispose();

        // The rest of the directory is not held back by the sign-in limit.
        using var other = await gateway.Client.GetAsync("/api/directory/units", Cancel);
        other.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Default_rate_limit_does_not_throttle_a_busy_client()
    {
        await using var gateway = Gateway([]);

        var rejected = await FirstRejectionAsync(gateway.Client, "/api/workorders/work-orders", count: 300);

        rejected.ShouldBeNull();
    }

    /// <summary>Sends up to <paramref name="count"/> requests back to back; returns the first 429, or null.</summary>
    private static async Task<HttpResponseMessage?> FirstRejectionAsync(HttpClient client, string path, HttpMethod? method = null, int count = 20)
    {
        for (var i = 0; i < count; i++)
        {
            var response = await client.SendAsync(new HttpRequestMessage(method ?? HttpMethod.Get, path), Cancel);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return response;
            }
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Dispose();
        }
        return null;
    }
}
