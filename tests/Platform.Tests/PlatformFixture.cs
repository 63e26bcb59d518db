using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using PropertyPlatform.TestSupport;

[assembly: AssemblyFixture(typeof(PropertyPlatform.Platform.Tests.PlatformFixture))]

// One platform for every test: run them one after another, so a test that compares counts is not disturbed.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace PropertyPlatform.Platform.Tests;

/// <summary>
/// The whole platform as <c>./platform up --demo</c> starts it — the Aspire AppHost with PostgreSQL, RabbitMQ, six
/// services, the gateway and the dashboard — started once for this test assembly with Aspire.Hosting.Testing, in a
/// temporary state folder, never the developer's own .state.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private static readonly string[] Services = ["directory", "reception", "workorders", "complaints", "billing", "notifications", "gateway"];
    private readonly string _stateDirectory = Directory.CreateTempSubdirectory("propertyplatform-e2e-").FullName;

    /// <summary>Password of every demo account.</summary>
    public const string DemoPassword = "Demo@12345";

    public DistributedApplication App { get; private set; } = null!;

    /// <summary>The gateway, anonymous.</summary>
    public HttpClient Gateway { get; private set; } = null!;

    public Uri GatewayUrl => Gateway.BaseAddress!;

    /// <summary>The dashboard's sign-in link for a browser, with the token the AppHost made.</summary>
    public Uri DashboardSignIn => new(Dashboard.BaseAddress!, $"/login?t={App.Services.GetRequiredService<IConfiguration>()["AppHost:BrowserToken"]}");

    /// <summary>The dashboard's telemetry API (OTLP JSON), authenticated with its API key.</summary>
    public HttpClient Dashboard { get; private set; } = null!;

    /// <summary>A client that signed in through the gateway as a demo account (user name = role name) and sends its token.</summary>
    public async Task<HttpClient> SignInAsync(string userName)
    {
        // Directory loads the demo data right after it starts: the accounts may be a moment behind its health.
        var response = await Eventually.ReturnsAsync(
            () => Gateway.PostAsJsonAsync("/api/directory/auth/token", new { userName, password = DemoPassword }, TestContext.Current.CancellationToken),
            r => r.StatusCode != HttpStatusCode.Unauthorized, TimeSpan.FromSeconds(60));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var tokens = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var client = new HttpClient(new ResilienceHandler(RetryUnavailable) { InnerHandler = new SocketsHttpHandler() })
        {
            BaseAddress = GatewayUrl, Timeout = TimeSpan.FromSeconds(30),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>
    /// A 503 means the request was not handled (e.g. a service's first fetch of Directory's signing keys outlasting its
    /// timeout on a loaded machine): try again after the Retry-After it sends, as a client should.
    /// </summary>
    private static readonly ResiliencePipeline<HttpResponseMessage> RetryUnavailable = new ResiliencePipelineBuilder<HttpResponseMessage>()
        .AddRetry(new HttpRetryStrategyOptions
        {
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.StatusCode == HttpStatusCode.ServiceUnavailable),
            MaxRetryAttempts = 4,
            Delay = TimeSpan.FromSeconds(2),
            ShouldRetryAfterHeader = true,
        })
        .Build();

    /// <summary>Stops a resource (e.g. "rabbitmq") as an operator would from the dashboard.</summary>
    public Task StopAsync(string resource) => ExecuteAsync(resource, KnownResourceCommands.StopCommand);

    /// <summary>Starts a stopped resource again and waits until it is healthy.</summary>
    public async Task StartAsync(string resource)
    {
        await ExecuteAsync(resource, KnownResourceCommands.StartCommand);
        await App.ResourceNotifications.WaitForResourceHealthyAsync(resource, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromMinutes(3));
    }

    public async ValueTask InitializeAsync()
    {
        var (dashboardPort, otlpPort, resourceServicePort) = (FreePort(), FreePort(), FreePort());
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.PropertyPlatform_AppHost>(
            [
                $"--Platform:StateDirectory={_stateDirectory}",
                "--Platform:GatewayPort=0",
                "--Platform:DurableStorage=false",
                "--Platform:RabbitMQManagement=false",
                "--Platform:Demo=true", // the demo accounts are how the tests sign in, as a newcomer would
                // The dashboard runs as for an operator: its telemetry is how a test sees one request's trace.
                $"--ASPNETCORE_URLS=http://127.0.0.1:{dashboardPort}",
                $"--ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://127.0.0.1:{otlpPort}",
                $"--ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://127.0.0.1:{resourceServicePort}",
                "--ASPIRE_ALLOW_UNSECURED_TRANSPORT=true",
            ],
            (options, _) => options.DisableDashboard = false,
            TestContext.Current.CancellationToken);
        App = await builder.BuildAsync(TestContext.Current.CancellationToken);
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await App.StartAsync(patience.Token);
        foreach (var service in Services)
        {
            await App.ResourceNotifications.WaitForResourceHealthyAsync(service, patience.Token);
        }

        Gateway = App.CreateHttpClient("gateway");
        Gateway.Timeout = TimeSpan.FromSeconds(30);
        // In tests DCP fronts the dashboard with a proxy on a port of its own choosing.
        var dashboard = App.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<IResourceWithEndpoints>()
            .Single(resource => resource.Name.Contains("dashboard", StringComparison.Ordinal));
        Dashboard = new HttpClient { BaseAddress = new Uri(dashboard.GetEndpoints().First(e => e.EndpointName == "http").Url) };
        // The key the AppHost made for the dashboard's API.
        Dashboard.DefaultRequestHeaders.Add("x-api-key", App.Services.GetRequiredService<IConfiguration>()["AppHost:DashboardApiKey"]);
    }

    public async ValueTask DisposeAsync()
    {
        Gateway?.Dispose();
        Dashboard?.Dispose();
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }

        try
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A server that was killed may still be letting go of a file; the temp folder is cleaned by the OS.
        }
    }

    private async Task ExecuteAsync(string resource, string command)
    {
        var result = await App.Services.GetRequiredService<ResourceCommandService>()
            .ExecuteCommandAsync(resource, command, TestContext.Current.CancellationToken);
        result.Success.ShouldBeTrue($"{command} {resource}: {result.Message}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
