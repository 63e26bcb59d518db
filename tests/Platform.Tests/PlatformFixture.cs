using PropertyPlatform.AppHost.Hosting;

[assembly: AssemblyFixture(typeof(PropertyPlatform.Platform.Tests.PlatformFixture))]

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

    public HttpClient Gateway { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        App = AppHost.Platform.Build(new PlatformOptions
        {
            StateDirectory = _stateDirectory,
            GatewayPort = 0,
            DurableStorage = false,
            RabbitMqManagement = false,
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
