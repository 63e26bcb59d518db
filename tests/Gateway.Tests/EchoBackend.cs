using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace PropertyPlatform.Gateway.Tests;

/// <summary>
/// A real Kestrel server on a free loopback port standing in for a service: it answers /health and
/// echoes every other request (method, path, query, headers) as JSON.
/// A request header <c>X-Echo-Location</c> makes it answer 201 with that Location (<c>{self}</c>: its own address).
/// </summary>
public sealed class EchoBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EchoBackend(WebApplication app, string name)
    {
        _app = app;
        Name = name;
    }

    public string Name { get; }

    public string Address { get; private set; } = "";

    /// <summary>Paths this backend was asked for, health probes excluded.</summary>
    public ConcurrentQueue<string> ReceivedPaths { get; } = new();

    public static async Task<EchoBackend> StartAsync(string name = "backend")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var backend = new EchoBackend(app, name);

        app.MapGet("/health", () => "Healthy");
        app.Map("/{**path}", async (HttpContext context) =>
        {
            backend.ReceivedPaths.Enqueue(context.Request.Path.Value ?? "");
            var bodyBytes = await DrainAsync(context.Request.Body);
            // Lets a test play a service that answers 201 Created with a Location of its choosing.
            if (context.Request.Headers["X-Echo-Location"] is [{ } location])
            {
                context.Response.StatusCode = StatusCodes.Status201Created;
                context.Response.Headers.Location = location.Replace("{self}", backend.Address, StringComparison.Ordinal);
            }
            return new EchoResponse(
                backend.Name,
                context.Request.Method,
                context.Request.Path.Value ?? "",
                context.Request.QueryString.Value ?? "",
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                bodyBytes);
        });

        await app.StartAsync(TestContext.Current.CancellationToken);
        backend.Address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return backend;
    }

    private static async Task<long> DrainAsync(Stream body)
    {
        var buffer = new byte[16 * 1024];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            total += read;
        }
        return total;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record EchoResponse(string Backend, string Method, string Path, string Query, Dictionary<string, string> Headers, long BodyBytes);
