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

    public static IReadOnlyList<ClusterConfig> Clusters(IConfiguration configuration, GatewayOptions.BackendHealthOptions health) =>
        BackendServices.Names.Select(service => new ClusterConfig
        {
            ClusterId = service,
            LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
            Destinations = BackendServices.Addresses(configuration, service)
                .Select((address, index) => (Id: $"{service}-{index}", Config: new DestinationConfig { Address = address }))
                .ToDictionary(d => d.Id, d => d.Config),
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
