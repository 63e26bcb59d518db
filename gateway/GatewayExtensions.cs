using Microsoft.Extensions.Diagnostics.HealthChecks;
using PropertyPlatform.Gateway.Apis;
using PropertyPlatform.Gateway.Health;
using PropertyPlatform.Gateway.Middleware;
using PropertyPlatform.Gateway.Proxy;
using PropertyPlatform.Gateway.RateLimiting;
using PropertyPlatform.ServiceDefaults.Auth;
using Yarp.ReverseProxy;

namespace PropertyPlatform.Gateway;

public static class GatewayExtensions
{
    /// <summary>Tag of the checks that report the backend services in /health.</summary>
    public const string BackendTag = "backend";

    /// <summary>Notifications' SignalR hub; YARP forwards its WebSockets like any request.</summary>
    public const string LiveInboxPath = "/api/notifications/hub";

    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(GatewayOptions.SectionName).Get<GatewayOptions>() ?? new GatewayOptions();
        builder.Services.AddSingleton(options);

        builder.Services.AddReverseProxy()
            .LoadFromMemory(ProxyConfiguration.Routes(), ProxyConfiguration.Clusters(options.HealthCheck))
            .AddServiceDiscoveryDestinationResolver()
            .AddTransforms(LocationTransform.Add)
            .AddTransforms(OpenApiServersTransform.Add);

        builder.Services.AddGatewayRateLimits(options.RateLimit);

        if (options.RequireAuthentication)
        {
            // The same token check as every service, with Directory's keys from https+http://directory.
            builder.AddPlatformAuthentication();
            // Notifications' live inbox (SignalR): a browser's WebSocket carries the token as ?access_token=.
            builder.AcceptAccessTokenInQuery(LiveInboxPath);
        }

        // No origins configured: the policy allows none, so browsers on other origins are refused.
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
            .WithOrigins(options.Cors.Origins)
            .AllowAnyMethod()
            .AllowAnyHeader()
            .WithExposedHeaders(CorrelationIdMiddleware.HeaderName, "Retry-After")));

        builder.Services.AddSingleton(_ => new BackendProbe(options.HealthCheck.Timeout));
        var health = builder.Services.AddHealthChecks();
        foreach (var service in BackendServices.Names)
        {
            health.Add(new(
                service,
                sp => new BackendHealthCheck(service, sp.GetRequiredService<IProxyStateLookup>(), sp.GetRequiredService<BackendProbe>(), options.HealthCheck.Path),
                failureStatus: HealthStatus.Degraded,
                tags: [BackendTag]));
        }
        return builder;
    }

    public static WebApplication UseGateway(this WebApplication app)
    {
        // First, so every response carries the id, refusals below included.
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseCors();
        app.UseRateLimiter();
        if (app.Services.GetRequiredService<GatewayOptions>().RequireAuthentication)
        {
            app.UseMiddleware<RequireTokenMiddleware>();
        }
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        return app;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        app.MapGatewayApi();
        app.MapReverseProxy(proxy =>
        {
            proxy.Use(ProxyErrorProblems.InvokeAsync);
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        return app;
    }
}
