using System.Net;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.Gateway.Tests.TestHelpers;

namespace PropertyPlatform.Gateway.Tests;

/// <summary>
/// The built web console served at / on the API's origin: without a token (the token check is on here), deep links
/// answered with the page, hashed bundles cached long and the page revalidated.
/// </summary>
public sealed class ConsoleTests : IAsyncLifetime
{
    private readonly string _dist = Directory.CreateTempSubdirectory("console-dist-").FullName;
    private EchoBackend _workOrders = null!;
    private TestIdentity _directory = null!;
    private GatewayHost _gateway = null!;

    public async ValueTask InitializeAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(_dist, "index.html"), "<!doctype html><title>console</title>", Cancel);
        Directory.CreateDirectory(Path.Combine(_dist, "assets"));
        await File.WriteAllTextAsync(Path.Combine(_dist, "assets", "index-abc123.js"), "console.log(1)", Cancel);
        _workOrders = await EchoBackend.StartAsync("workorders");
        _directory = await TestIdentity.StartAsync(Cancel);
        _gateway = new GatewayHost(new()
        {
            ["services:workorders:http:0"] = _workOrders.Address,
            ["services:directory:http:0"] = _directory.Address,
            ["Gateway:RequireAuthentication"] = "true",
            ["Gateway:ConsolePath"] = _dist,
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _workOrders.DisposeAsync();
        await _directory.DisposeAsync();
        Directory.Delete(_dist, recursive: true);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/orders/0b5a8f0e-5d0c-4c43-a4e1-0d6f7c7e5a11")]
    [InlineData("/board")]
    public async Task A_console_path_answers_the_page_without_a_token_and_is_revalidated(string path)
    {
        using var response = await _gateway.Client.GetAsync(path, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await response.Content.ReadAsStringAsync(Cancel)).ShouldContain("<title>console</title>");
        response.Headers.CacheControl!.NoCache.ShouldBeTrue();
    }

    [Fact]
    public async Task A_hashed_bundle_is_cached_for_a_year()
    {
        using var response = await _gateway.Client.GetAsync("/assets/index-abc123.js", Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
        response.Headers.CacheControl!.MaxAge.ShouldBe(TimeSpan.FromDays(365));
        response.Headers.CacheControl.Public.ShouldBeTrue();
    }

    [Fact]
    public async Task A_missing_bundle_is_404_not_the_page()
    {
        using var response = await _gateway.Client.GetAsync("/assets/index-old999.js", Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_api_still_needs_a_token_and_unknown_api_paths_stay_problems()
    {
        using var api = await _gateway.Client.GetAsync("/api/workorders/work-orders", Cancel);
        await api.ShouldBeProblemAsync(401);
        _workOrders.ReceivedPaths.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_path_climbing_out_of_the_folder_gets_nothing_from_outside_it()
    {
        using var response = await _gateway.Client.GetAsync("/..%2F..%2Fetc%2Fpasswd", Cancel);

        (await response.Content.ReadAsStringAsync(Cancel)).ShouldNotContain("root:");
    }
}
