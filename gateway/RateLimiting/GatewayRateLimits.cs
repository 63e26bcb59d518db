using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace PropertyPlatform.Gateway.RateLimiting;

/// <summary>
/// Per-client rate limits, attached to the proxy routes by policy name. A rejected request gets
/// 429 with <c>Retry-After</c> and a problem body.
/// </summary>
internal static class GatewayRateLimits
{
    public const string PerClientPolicy = "per-client";
    public const string SignInPolicy = "sign-in";

    public static IServiceCollection AddGatewayRateLimits(this IServiceCollection services, GatewayOptions.RateLimitOptions options)
    {
        var perSecond = Math.Max(1, options.PermitsPerSecond);
        var burst = options.Burst > 0 ? options.Burst : perSecond;
        var signInPerMinute = Math.Max(1, options.SignInPermitsPerMinute);

        return services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;

            // A token bucket lets a client burst (a page load fans out) and then holds it to the steady rate.
            limiter.AddPolicy(PerClientPolicy, context => RateLimitPartition.GetTokenBucketLimiter(ClientKey(context), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = burst,
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
            }));

            limiter.AddPolicy(SignInPolicy, context => RateLimitPartition.GetFixedWindowLimiter(ClientKey(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = signInPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));

            limiter.OnRejected = OnRejectedAsync;
        });
    }

    /// <summary>The partition: the client's IP address for now; the signed-in user once the gateway verifies tokens.</summary>
    private static string ClientKey(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
            : 1;
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);

        await ProblemWriter.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests.", $"Try again in {retryAfter} s.");
    }
}
