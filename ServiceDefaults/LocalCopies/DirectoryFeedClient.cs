using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Auth;

namespace PropertyPlatform.ServiceDefaults.LocalCopies;

/// <summary>
/// Reads Directory's feeds as the platform's service: a typed HttpClient whose base address, <c>https+http://directory</c>,
/// service discovery resolves from <c>services:directory:https:0</c> or <c>services:directory:http:0</c>. It gets a service
/// token with the service secret (<c>ServiceAuth:Secret</c>) first, and a new one when Directory answers 401.
/// </summary>
public sealed partial class DirectoryFeedClient(HttpClient http, IConfiguration configuration, IHostEnvironment environment)
{
    private static readonly JsonSerializerOptions Json = CreateJsonOptions();

    private string? _token;

    /// <summary>
    /// A service-discovery name, never the configured URL itself: discovery here reads configuration only, so a
    /// literal <c>http://localhost:port</c> would be looked up as a service named "localhost" and never found.
    /// </summary>
    public static readonly Uri Address = new("https+http://directory");

    /// <summary>Whether this service was given the service secret; without it the copies are fed by events only.</summary>
    public static bool IsConfigured(IConfiguration configuration) => !string.IsNullOrEmpty(configuration[ServiceTokens.SecretKey]);

    /// <summary>One page of <c>/feeds/{feed}</c>: records changed at or after <paramref name="changedSince"/> (all when null), after the cursor <paramref name="after"/>.</summary>
    public async Task<FeedPage<TRecord>> ReadAsync<TRecord>(
        string feed, DateTimeOffset? changedSince, string? after, int limit, CancellationToken cancellationToken)
    {
        var query = $"/feeds/{feed}?limit={limit.ToString(CultureInfo.InvariantCulture)}";
        if (changedSince is { } since)
        {
            query += $"&changedSince={Uri.EscapeDataString(since.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture))}";
        }
        if (after is not null)
        {
            query += $"&after={Uri.EscapeDataString(after)}";
        }

        for (var attempt = 1; ; attempt++)
        {
            _token ??= await GetTokenAsync(cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Get, query);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 1)
            {
                // Expired (5 minutes) or signed with a key that rotated away: one new token.
                _token = null;
                continue;
            }
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync<FeedPage<TRecord>>(Json, cancellationToken)
                ?? throw new InvalidOperationException($"Directory answered an empty page of /feeds/{feed}.");
        }
    }

    private async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var secret = configuration[ServiceTokens.SecretKey]
            ?? throw new InvalidOperationException($"{ServiceTokens.SecretKey} is not configured: Directory's feeds cannot be read.");
        using var response = await http.PostAsJsonAsync(
            "/auth/service-token", new { clientId = ClientId(), clientSecret = secret }, Json, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw new HttpRequestException($"Directory refused the service secret ({ServiceTokens.SecretKey}): is it the same as Directory's?", null, response.StatusCode);
        }
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<ServiceTokenAnswer>(Json, cancellationToken);
        return token?.AccessToken ?? throw new InvalidOperationException("Directory answered a service token without an access token.");
    }

    /// <summary>This service's name in Directory's logs, e.g. <c>workorders</c>.</summary>
    private string ClientId()
    {
        var name = configuration["OTEL_SERVICE_NAME"] ?? environment.ApplicationName;
        name = name.StartsWith("PropertyPlatform.", StringComparison.Ordinal) ? name["PropertyPlatform.".Length..] : name;
        var id = NotAllowedInClientId().Replace(name.ToLowerInvariant(), "-");
        return id.Length > 64 ? id[..64] : id;
    }

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions();
        ServiceDefaultsExtensions.ConfigureJson(options);
        return options;
    }

    [GeneratedRegex("[^a-z0-9-]")]
    private static partial Regex NotAllowedInClientId();

    private sealed record ServiceTokenAnswer(string? AccessToken);
}
