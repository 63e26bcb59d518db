using System.Net;
using static PropertyPlatform.Gateway.Tests.TestHelpers;

namespace PropertyPlatform.Gateway.Tests;

public sealed class CorsTests : IAsyncLifetime
{
    private const string DeskOrigin = "https://desk.example.test";

    private EchoBackend _backend = null!;

    public async ValueTask InitializeAsync() => _backend = await EchoBackend.StartAsync();

    public async ValueTask DisposeAsync() => await _backend.DisposeAsync();

    [Fact]
    public async Task Preflight_from_a_configured_origin_is_allowed()
    {
        await using var gateway = new GatewayHost(new()
        {
            ["services:workorders:http:0"] = _backend.Address,
            ["Gateway:Cors:Origins:0"] = DeskOrigin,
        });

        using var response = await gateway.Client.SendAsync(Preflight(DeskOrigin), Cancel);

        response.IsSuccessStatusCode.ShouldBeTrue();
        response.Headers.GetValues("Access-Control-Allow-Origin").Single().ShouldBe(DeskOrigin);
        response.Headers.GetValues("Access-Control-Allow-Methods").Single().ShouldContain("POST");
    }

    [Fact]
    public async Task Preflight_from_another_origin_is_not_allowed()
    {
        await using var gateway = new GatewayHost(new()
        {
            ["services:workorders:http:0"] = _backend.Address,
            ["Gateway:Cors:Origins:0"] = DeskOrigin,
        });

        using var response = await gateway.Client.SendAsync(Preflight("https://evil.example.test"), Cancel);

        response.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    [Fact]
    public async Task Without_configured_origins_no_origin_is_allowed()
    {
        await using var gateway = new GatewayHost(new() { ["services:workorders:http:0"] = _backend.Address });

        using var response = await gateway.Client.SendAsync(Preflight(DeskOrigin), Cancel);

        response.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    [Fact]
    public async Task Cross_origin_response_lets_the_browser_read_the_correlation_id()
    {
        await using var gateway = new GatewayHost(new()
        {
            ["services:workorders:http:0"] = _backend.Address,
            ["Gateway:Cors:Origins:0"] = DeskOrigin,
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/workorders/work-orders");
        request.Headers.Add("Origin", DeskOrigin);

        using var response = await gateway.Client.SendAsync(request, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Access-Control-Allow-Origin").Single().ShouldBe(DeskOrigin);
        response.Headers.GetValues("Access-Control-Expose-Headers").Single().ShouldContain("X-Correlation-Id");
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/workorders/work-orders");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type,authorization");
        return request;
    }
}
