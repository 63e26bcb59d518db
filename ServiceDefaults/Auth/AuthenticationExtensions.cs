using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace PropertyPlatform.ServiceDefaults.Auth;

public static class AuthenticationExtensions
{
    /// <summary>
    /// Bearer authentication with the platform's access tokens: ES256 JWTs signed by Directory, checked against its
    /// published keys by JwtBearer's own configuration manager (cached, refreshed, fetched again when a token names
    /// an unknown key). 401 and 403 answer as problems; 503 while Directory's keys cannot be had at all.
    /// Endpoints then state who may call them with <see cref="RequireRoles{TBuilder}"/> or <c>RequireAuthorization()</c>
    /// and take a <see cref="Caller"/> to filter by scope.
    /// </summary>
    public static TBuilder AddPlatformAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // By default IdentityModel refreshes keys in the background and validates the request that asked for the refresh
        // against the old keys, so a token of a freshly rotated key would be refused once. Blocking mode makes that request
        // (and those arriving meanwhile) wait for the one refresh. The rotation tests fail if a later IdentityModel drops it.
        AppContext.SetSwitch("Switch.Microsoft.IdentityModel.UpdateConfigAsBlocking", true);

        builder.Services.AddOptions<PlatformAuthOptions>()
            .Bind(builder.Configuration.GetSection(PlatformAuthOptions.SectionName))
            .Validate(
                o => o.JwksRefreshInterval >= BaseConfigurationManager.MinimumAutomaticRefreshInterval
                    && o.JwksMinimumRefreshInterval >= BaseConfigurationManager.MinimumRefreshInterval
                    && o.JwksTimeout > TimeSpan.Zero,
                "Auth:JwksRefreshInterval must be at least 5 minutes, Auth:JwksMinimumRefreshInterval at least 1 second and Auth:JwksTimeout positive.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);

        // Directory registers a manager that reads its own key ring; every other service fetches the keys over HTTP.
        builder.Services.TryAddSingleton<IConfigurationManager<OpenIdConnectConfiguration>>(DirectoryKeys);
        builder.Services.AddSingleton<SigningKeysCheck>();
        // The overall timeout bounds the retries of the shared client defaults: a request waiting for keys must not hang.
        builder.Services.AddHttpClient(DirectoryDocumentRetriever.HttpClientName)
            .ConfigureHttpClient((services, client) => client.Timeout = services.GetRequiredService<IOptions<PlatformAuthOptions>>().Value.JwksTimeout);

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<PlatformAuthOptions>, IConfigurationManager<OpenIdConnectConfiguration>, SigningKeysCheck, TimeProvider>(
                (jwt, auth, keys, check, time) => Configure(jwt, auth.Value, auth.Value.Audience, keys, check, time));
        builder.Services.AddAuthorization();
        return builder;
    }

    /// <summary>
    /// Also accepts the access token as the <c>access_token</c> query parameter on requests under
    /// <paramref name="pathPrefixes"/>: browsers cannot set headers on WebSockets or server-sent events, so SignalR
    /// clients send it there. Only for those paths, and an Authorization header still wins. Call after
    /// <see cref="AddPlatformAuthentication{TBuilder}"/>.
    /// </summary>
    public static TBuilder AcceptAccessTokenInQuery<TBuilder>(this TBuilder builder, params string[] pathPrefixes) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
        {
            var received = jwt.Events.OnMessageReceived;
            jwt.Events.OnMessageReceived = context =>
            {
                var request = context.Request;
                if (request.Headers.Authorization.Count == 0
                    && pathPrefixes.Any(prefix => request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
                    && request.Query["access_token"] is [{ Length: > 0 } token])
                {
                    context.Token = token;
                }
                return received(context);
            };
        });
        return builder;
    }

    /// <summary>Only callers with at least one of <paramref name="roles"/> may call the endpoint(s); others get 403, callers without a token 401.</summary>
    public static TBuilder RequireRoles<TBuilder>(this TBuilder builder, params string[] roles) where TBuilder : IEndpointConventionBuilder
    {
        if (roles.Length == 0 || roles.FirstOrDefault(role => !Roles.IsKnown(role)) is { } unknown)
        {
            throw new ArgumentException($"RequireRoles needs known roles ({string.Join(", ", Roles.All)}); got '{string.Join(", ", roles)}'.", nameof(roles));
        }
        return builder.RequireAuthorization(policy => policy.RequireAuthenticatedUser().RequireRole(roles));
    }

    private static ConfigurationManager<OpenIdConnectConfiguration> DirectoryKeys(IServiceProvider services)
    {
        var auth = services.GetRequiredService<IOptions<PlatformAuthOptions>>().Value;
        return new ConfigurationManager<OpenIdConnectConfiguration>(
            JwksRetriever.JwksPath, new JwksRetriever(), ActivatorUtilities.CreateInstance<DirectoryDocumentRetriever>(services))
        {
            AutomaticRefreshInterval = auth.JwksRefreshInterval,
            RefreshInterval = auth.JwksMinimumRefreshInterval,
            // A withdrawn key must stop working once the keys are refreshed, not live on in a "last known good" copy.
            UseLastKnownGoodConfiguration = false,
        };
    }

    /// <summary>Checks Directory's tokens for <paramref name="audience"/>: people's access tokens, or services' (<see cref="ServiceTokens"/>).</summary>
    internal static void Configure(
        JwtBearerOptions jwt, PlatformAuthOptions auth, string audience, IConfigurationManager<OpenIdConnectConfiguration> keys, SigningKeysCheck check, TimeProvider time)
    {
        jwt.MapInboundClaims = false;
        jwt.ConfigurationManager = keys;
        jwt.RefreshOnIssuerKeyNotFound = true;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = auth.Issuer,
            ValidAudience = audience,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ValidTypes = [PlatformClaims.AccessTokenType],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = auth.ClockSkew,
            // IdentityModel reads the system clock; the platform's TimeProvider decides instead, so tests can move time.
            LifetimeValidator = (notBefore, expires, _, parameters) => IsWithinLifetime(notBefore, expires, parameters.ClockSkew, time),
            NameClaimType = PlatformClaims.Name,
            RoleClaimType = PlatformClaims.Role,
        };
        jwt.Events = new JwtBearerEvents
        {
            OnMessageReceived = check.WaitForKeysAsync,
            OnChallenge = AuthProblems.WriteChallengeAsync,
            OnForbidden = AuthProblems.WriteForbiddenAsync,
        };
    }

    private static bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, TimeSpan skew, TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is null)
        {
            return false;
        }
        if (expires.Value.ToUniversalTime() + skew <= now)
        {
            // Thrown rather than returned so the 401 can say "expired", which tells the client to refresh.
            throw new SecurityTokenExpiredException("The token has expired.") { Expires = expires.Value };
        }
        return notBefore is null || notBefore.Value.ToUniversalTime() - skew <= now;
    }
}

/// <summary>Directory's signing keys could not be had and none were known before: the token can be neither accepted nor refused.</summary>
internal sealed class SigningKeysUnavailableException(Exception inner)
    : Exception("Directory's signing keys cannot be obtained, so access tokens cannot be checked.", inner);

/// <summary>
/// Before a bearer token is validated, waits (at most <see cref="PlatformAuthOptions.JwksTimeout"/>) for the keys,
/// sharing the configuration manager's one fetch with every request that arrives meanwhile. When none can be had
/// and none were known before, the request fails as <see cref="SigningKeysUnavailableException"/> (503), never as an
/// invalid token (401, which would make the client throw its token away).
/// </summary>
internal sealed partial class SigningKeysCheck(
    IConfigurationManager<OpenIdConnectConfiguration> keys, IOptions<PlatformAuthOptions> options, ILogger<SigningKeysCheck> logger)
{
    private volatile bool _keysKnown;

    public async Task WaitForKeysAsync(MessageReceivedContext context)
    {
        // A token in the query (AcceptAccessTokenInQuery) is checked like one in the header.
        if (context.Token is null && !context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var aborted = context.HttpContext.RequestAborted;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        timeout.CancelAfter(options.Value.JwksTimeout);
        try
        {
            await keys.GetConfigurationAsync(timeout.Token);
            _keysKnown = true;
        }
        catch (Exception e) when (!aborted.IsCancellationRequested)
        {
            if (_keysKnown)
            {
                return; // A refresh is slow or failing: the validator goes on with the keys known.
            }
            LogKeysUnavailable(logger, e);
            context.Fail(new SigningKeysUnavailableException(e));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Directory's signing keys cannot be obtained and none are known: requests with tokens get 503")]
    private static partial void LogKeysUnavailable(ILogger logger, Exception exception);
}

/// <summary>401, 403 and 503 (keys unavailable) as RFC 9457 problems, worded for the person who has to fix them.</summary>
internal static class AuthProblems
{
    /// <summary>How soon a client may try again while Directory's keys cannot be had; each new request tries to fetch them.</summary>
    private const string KeysRetryAfterSeconds = "5";

    public static async Task WriteChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        if (context.AuthenticateFailure is SigningKeysUnavailableException)
        {
            context.Response.Headers.RetryAfter = KeysRetryAfterSeconds;
            await WriteAsync(context.HttpContext, StatusCodes.Status503ServiceUnavailable, "Access tokens cannot be checked right now.",
                "The sign-in service cannot be reached to check the access token. Keep the token and try again shortly.");
            return;
        }
        var hadToken = context.Request.Headers.Authorization.Count > 0;
        context.Response.Headers.WWWAuthenticate = hadToken ? "Bearer error=\"invalid_token\"" : "Bearer";
        var detail = context.AuthenticateFailure switch
        {
            SecurityTokenExpiredException => "The access token has expired: get a new one with the refresh token.",
            not null => "The access token is not valid: sign in again.",
            null when hadToken => "The access token is not valid: send 'Authorization: Bearer <access token>'.",
            null => "Sign in first and send the access token as 'Authorization: Bearer <access token>'.",
        };
        await WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Authentication is required.", detail);
    }

    public static Task WriteForbiddenAsync(ForbiddenContext context) =>
        WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "This action is not allowed.", "Your roles do not allow this action.");

    private static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
