using Microsoft.AspNetCore.Authentication;
using PropertyPlatform.Gateway.Proxy;

namespace PropertyPlatform.Gateway.Middleware;

/// <summary>
/// With <see cref="GatewayOptions.RequireAuthentication"/> on, an <c>/api/**</c> request without a valid access
/// token is answered 401 (a problem, through the bearer challenge) and never reaches a service; while Directory's
/// keys cannot be had the same challenge answers 503 with Retry-After (see ServiceDefaults' AuthProblems). The
/// services check the token again themselves. Only what a caller needs before signing in is public.
/// </summary>
internal sealed class RequireTokenMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // UseAuthentication (ServiceDefaults) has already validated any bearer token into context.User.
        if (context.User.Identity?.IsAuthenticated == true || IsPublic(context.Request.Path))
        {
            await next(context);
            return;
        }
        await context.ChallengeAsync();
    }

    private static readonly string[] SignInPaths =
    [
        "/api/directory/auth/token", "/api/directory/auth/refresh", "/api/directory/auth/sign-out", "/api/directory/.well-known/jwks.json",
    ];

    /// <summary>Matched like routing matches (whole segments, any case), so no spelling reaches a service unchecked.</summary>
    public static bool IsPublic(PathString path)
    {
        if (!path.StartsWithSegments("/api"))
        {
            return true; // the gateway's own /health, /alive and /openapi
        }
        // Signing in, refreshing and signing out need no access token; changing one's password does.
        if (SignInPaths.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        // /api/<service>/openapi/…, /api/<service>/health and /api/<service>/alive
        return BackendServices.Names.Any(service =>
            path.StartsWithSegments($"{BackendServices.PathPrefix(service)}/openapi")
            || path.Equals($"{BackendServices.PathPrefix(service)}/health", StringComparison.OrdinalIgnoreCase)
            || path.Equals($"{BackendServices.PathPrefix(service)}/alive", StringComparison.OrdinalIgnoreCase));
    }
}
