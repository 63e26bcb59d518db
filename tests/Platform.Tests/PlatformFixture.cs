using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using PropertyPlatform.AppHost.Hosting;
using PropertyPlatform.TestSupport;

[assembly: AssemblyFixture(typeof(PropertyPlatform.Platform.Tests.PlatformFixture))]

// One platform for every test: run them one after another, so a test that compares counts is not disturbed.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace PropertyPlatform.Platform.Tests;

/// <summary>
/// The whole platform as <c>./platform up</c> declares it — PostgreSQL, RabbitMQ, six services, the gateway —
/// started once for this test assembly in a temporary state folder, never the developer's own .state.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private readonly string _stateDirectory = Directory.CreateTempSubdirectory("propertyplatform-e2e-").FullName;
    private readonly StringWriter _output = new();

    public PlatformApp App { get; private set; } = null!;

    /// <summary>The gateway, anonymous.</summary>
    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>Password of every demo account.</summary>
    public const string DemoPassword = "Demo@12345";

    /// <summary>A client that signed in through the gateway as a demo account (user name = role name) and sends its token.</summary>
    public async Task<HttpClient> SignInAsync(string userName)
    {
        // Directory loads the demo data right after it starts: the accounts may be a moment behind its health.
        var response = await Eventually.ReturnsAsync(
            () => Gateway.PostAsJsonAsync("/api/directory/auth/token", new { userName, password = DemoPassword }, TestContext.Current.CancellationToken),
            r => r.StatusCode != HttpStatusCode.Unauthorized, TimeSpan.FromSeconds(60));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var tokens = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var client = new HttpClient { BaseAddress = new Uri(App.GatewayUrl), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        return client;
    }

    public async ValueTask InitializeAsync()
    {
        App = AppHost.Platform.Build(new PlatformOptions
        {
            StateDirectory = _stateDirectory,
            GatewayPort = 0,
            DurableStorage = false,
            RabbitMqManagement = false,
            Demo = true, // the demo accounts are how the tests sign in, as a newcomer would
            Output = TextWriter.Synchronized(_output),
        });
        try
        {
            await App.StartAsync();
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"The platform did not start: {ex.Message}\n{Log}", ex);
        }
        Gateway = new HttpClient { BaseAddress = new Uri(App.GatewayUrl), Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Everything the resources printed, for failure messages.</summary>
    public string Log => _output.ToString();

    public async ValueTask DisposeAsync()
    {
        Gateway?.Dispose();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A server that was killed may still be letting go of a file; the temp folder is cleaned by the OS.
        }
    }
}
