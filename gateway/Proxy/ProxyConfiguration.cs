using PropertyPlatform.Gateway.RateLimiting;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.LoadBalancing;

namespace PropertyPlatform.Gateway.Proxy;

/// <summary>Builds YARP's routes and clusters in code: one route and one cluster per backend service.</summary>
internal static class ProxyConfiguration
{
    /// <summary>Sign-in has its own route so it can carry a stricter rate limit than the rest of the directory.</summary>
    public const string SignInRouteId = "directory-auth";

    public static IReadOnlyList<RouteConfig> Routes()
    {
        var routes = BackendServices.Names
            .Select(service => Route(service, service, BackendServices.PathPrefix(service), GatewayRateLimits.PerClientPolicy))
            .ToList();

        // More literal segments than /api/directory/{**rest}, so routing prefers it; the order makes that explicit.
        routes.Add(Route(SignInRouteId, "directory", "/api/directory", GatewayRateLimits.SignInPolicy, "/auth") with { Order = -1 });
        return routes;
    }

    /// <summary>
    /// One destination per service, <c>http://&lt;service&gt;</c>: service discovery expands it to every replica's address
    /// (<c>services:&lt;service&gt;:http:&lt;i&gt;</c>, as Aspire sets them), and follows changes.
    /// </summary>
    public static IReadOnlyList<ClusterConfig> Clusters(GatewayOptions.BackendHealthOptions health) =>
        BackendServices.Names.Select(service => new ClusterConfig
        {
            ClusterId = service,
            LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
            Destinations = new Dictionary<string, DestinationConfig> { [service] = new() { Address = $"http://{service}" } },
            HealthCheck = new HealthCheckConfig
            {
                Active = new ActiveHealthCheckConfig
                {
                    Enabled = true,
                    Interval = health.Interval,
                    Timeout = health.Timeout,
                    Path = health.Path,
                    Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
                },
                Passive = new PassiveHealthCheckConfig
                {
                    Enabled = true,
                    Policy = HealthCheckConstants.PassivePolicy.TransportFailureRate,
                    ReactivationPeriod = health.Interval * 2,
                },
                // Skip unhealthy replicas while a healthy one exists, but never make a whole service unreachable
                // only because its probe failed (e.g. its /health reports a slow database): then try them all.
                AvailableDestinationsPolicy = HealthCheckConstants.AvailableDestinations.HealthyOrPanic,
            },
        }).ToList();

    private static RouteConfig Route(string routeId, string clusterId, string prefix, string rateLimiterPolicy, string subPath = "") => new()
    {
        RouteId = routeId,
        ClusterId = clusterId,
        Match = new RouteMatch { Path = prefix + subPath + "/{**rest}" },
        RateLimiterPolicy = rateLimiterPolicy,
        // /api/workorders/work-orders reaches the service as /work-orders.
        Transforms = [new Dictionary<string, string> { ["PathRemovePrefix"] = prefix }],
    };
}
