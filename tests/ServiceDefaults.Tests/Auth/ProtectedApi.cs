using System.Net.Http.Headers;
using Microsoft.AspNetCore.TestHost;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Problems;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.ServiceDefaults.Tests.Auth;

/// <summary>
/// A tiny service that declares its callers the way every platform service does: <c>AddPlatformAuthentication</c>,
/// <c>RequireRoles</c> and a <see cref="Caller"/> parameter. It runs in memory; the keys it checks tokens with are
/// fetched over real HTTP from <c>services:directory:http:0</c>.
/// </summary>
public sealed class ProtectedApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _arrived;

    private ProtectedApi(WebApplication app, AdjustableTimeProvider time)
    {
        _app = app;
        Time = time;
    }

    public AdjustableTimeProvider Time { get; }

    /// <summary>Requests that have entered the service (before their token is checked).</summary>
    public int Arrived => Volatile.Read(ref _arrived);

    public static async Task<ProtectedApi> StartAsync(string directoryAddress, Dictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings ?? [])
        {
            ["services:directory:http:0"] = directoryAddress,
        });
        var time = new AdjustableTimeProvider();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.AddServiceDefaults();
        builder.AddPlatformAuthentication();

        var app = builder.Build();
        ProtectedApi? api = null;
        app.Use((context, next) =>
        {
            Interlocked.Increment(ref api!._arrived);
            return next(context);
        });
        app.UseServiceDefaults();
        app.MapGet("/open", () => "anyone");
        app.MapGet("/desk", (Caller caller) => TypedResults.Ok(new CallerView(caller.PersonId, caller.Name, [.. caller.Roles], [.. caller.PropertyIds])))
            .RequireRoles(Roles.FrontDesk, Roles.Supervisor);
        app.MapGet("/admin", () => "admin only").RequireRoles(Roles.Admin);
        app.MapGet("/properties/{id:guid}", (Guid id, Caller caller) =>
                caller.CanSeeProperty(id) ? Results.Ok(id) : ProblemResults.NotFound("property", id))
            .RequireAuthorization();
        app.MapDefaultEndpoints();
        api = new ProtectedApi(app, time);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return api;
    }

    public async Task<HttpResponseMessage> GetAsync(string path, string? accessToken)
    {
        using var client = _app.GetTestClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed record CallerView(Guid PersonId, string Name, string[] Roles, Guid[] PropertyIds);
