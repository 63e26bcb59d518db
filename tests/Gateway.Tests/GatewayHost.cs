using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PropertyPlatform.Gateway.Tests;

/// <summary>
/// The real gateway on Kestrel (a free loopback port), configured per test through the same keys
/// an operator or the AppHost would set.
/// </summary>
public sealed class GatewayHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public GatewayHost(Dictionary<string, string?> settings)
    {
        _settings = settings;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();

        // A plain client that adds no trace headers of its own: the test decides what the "browser" sends.
        Client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(address),
        };
    }

    public HttpClient Client { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Routing, CORS and limits are tested without tokens; AuthenticationTests switches the token check on.
        builder.UseSetting("Gateway:RequireAuthentication", "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>An address where nothing listens: a service that is down.</summary>
    public static string DeadAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }

    public override async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await base.DisposeAsync();
    }
}
