using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;

namespace PropertyPlatform.Gateway.Health;

/// <summary>
/// One check per backend service: healthy when at least one of its destinations (the replicas service discovery
/// found for the proxy) answers its /health with success. Registered with failure status Degraded, so a down service shows by name in the
/// gateway's /health without making the gateway itself unready.
/// </summary>
internal sealed class BackendHealthCheck(string service, IProxyStateLookup proxy, BackendProbe probe, string path) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var addresses = proxy.TryGetCluster(service, out var cluster)
            ? cluster.Destinations.Values.Select(destination => destination.Model.Config.Address).ToList()
            : [];
        if (addresses.Count == 0)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"No address known for '{service}' (services:{service}:http:0).");
        }

        var answers = await Task.WhenAll(addresses.Select(address => probe.IsUpAsync(new Uri(new Uri(address), path), cancellationToken)));
        var up = answers.Count(ok => ok);
        var description = $"{up} of {addresses.Count} destinations answer {path}.";
        return up > 0 ? HealthCheckResult.Healthy(description) : new HealthCheckResult(context.Registration.FailureStatus, description);
    }
}

/// <summary>
/// Sends the probes. Deliberately not an IHttpClientFactory client: the platform's client defaults retry
/// with long timeouts, and a health probe must answer quickly and say what it saw.
/// </summary>
internal sealed class BackendProbe(TimeSpan timeout) : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) }) { Timeout = timeout };

    public async Task<bool> IsUpAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Dispose() => _client.Dispose();
}
