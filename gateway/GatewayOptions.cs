namespace PropertyPlatform.Gateway;

/// <summary>The gateway's settings, bound from the <c>Gateway</c> configuration section.</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>Largest request body accepted. Photo uploads (up to 6 × 5 MB) must fit, with room for the form.</summary>
    public long MaxRequestBodyBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>
    /// Refuse <c>/api/**</c> requests without a valid access token (401 problem) before they are routed, except
    /// sign-in (<c>/api/directory/auth/**</c>), Directory's public keys, health and the OpenAPI documents.
    /// On by default; every service checks the token again itself.
    /// </summary>
    public bool RequireAuthentication { get; set; } = true;

    public RateLimitOptions RateLimit { get; set; } = new();

    public CorsOptions Cors { get; set; } = new();

    public BackendHealthOptions HealthCheck { get; set; } = new();

    public sealed class RateLimitOptions
    {
        /// <summary>
        /// Requests per second per client. The default is deliberately far above what one machine can send,
        /// so tests and benchmarks through the gateway are never throttled by accident; production lowers it.
        /// </summary>
        public int PermitsPerSecond { get; set; } = 100_000;

        /// <summary>Requests a client may send at once before the per-second rate applies; 0 means equal to <see cref="PermitsPerSecond"/>.</summary>
        public int Burst { get; set; }

        /// <summary>Sign-in attempts per minute per client on <c>/api/directory/auth/**</c> (the stricter slot).</summary>
        public int SignInPermitsPerMinute { get; set; } = 120;
    }

    public sealed class CorsOptions
    {
        /// <summary>Web origins allowed to call the API from a browser, e.g. <c>https://desk.example.com</c>. Empty: none.</summary>
        public string[] Origins { get; set; } = [];
    }

    public sealed class BackendHealthOptions
    {
        /// <summary>Path probed on every destination.</summary>
        public string Path { get; set; } = "/health";

        public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);
    }
}
