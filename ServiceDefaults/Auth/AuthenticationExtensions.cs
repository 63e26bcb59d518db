using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PropertyPlatform.ServiceDefaults.Auth;

public static class AuthenticationExtensions
{
    /// <summary>
    /// Bearer authentication with the platform's access tokens: ES256 JWTs signed by Directory, checked against its
    /// published keys (cached, fetched again when a token names an unknown key). 401 and 403 answer as problems.
    /// Endpoints then state who may call them with <see cref="RequireRoles{TBuilder}"/> or <c>RequireAuthorization()</c>
    /// and take a <see cref="Caller"/> to filter by scope.
    /// </summary>
    public static TBuilder AddPlatformAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<PlatformAuthOptions>().Bind(builder.Configuration.GetSection(PlatformAuthOptions.SectionName));
        builder.Services.TryAddSingleton(TimeProvider.System);

        // Directory registers a source that reads its own keys; every other service fetches them over HTTP.
        builder.Services.TryAddSingleton<ISigningKeySource, JwksSigningKeySource>();
        builder.Services.TryAddSingleton<SigningKeyCache>();
        // The overall timeout bounds the retries of the shared client defaults: a request waiting for keys must not hang.
        builder.Services.AddHttpClient(JwksSigningKeySource.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(5));

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<PlatformAuthOptions>, SigningKeyCache, TimeProvider>((jwt, auth, keys, time) => Configure(jwt, auth.Value, auth.Value.Audience, keys, time));
        builder.Services.AddAuthorization();
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

    /// <summary>Checks Directory's tokens for <paramref name="audience"/>: people's access tokens, or services' (<see cref="ServiceTokens"/>).</summary>
    internal static void Configure(JwtBearerOptions jwt, PlatformAuthOptions auth, string audience, SigningKeyCache keys, TimeProvider time)
    {
        jwt.MapInboundClaims = false;
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
            IssuerSigningKeyResolver = (_, _, keyId, _) => keyId is null ? keys.Keys : keys.Keys.Where(k => k.KeyId == keyId),
        };
        jwt.Events = new JwtBearerEvents
        {
            OnMessageReceived = context => PrepareKeysAsync(context, keys),
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

    /// <summary>
    /// The validator looks keys up synchronously, so an unknown key id (a rotation) is fetched here, before it runs.
    /// </summary>
    private static async Task PrepareKeysAsync(MessageReceivedContext context, SigningKeyCache keys)
    {
        string authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var token = authorization["Bearer ".Length..].Trim();
        context.Token = token;
        string? keyId = null;
        try
        {
            keyId = new JsonWebToken(token).Kid;
        }
        catch (ArgumentException)
        {
            // Not a JWT: validation refuses it without keys.
            return;
        }
        await keys.EnsureFreshAsync(keyId, context.HttpContext.RequestAborted);
    }
}

/// <summary>401 and 403 as RFC 9457 problems, worded for the person who has to fix them.</summary>
internal static class AuthProblems
{
    public static async Task WriteChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
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
