using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace PropertyPlatform.ServiceDefaults.Auth;

/// <summary>
/// Service-to-service access (OAuth 2.0 client credentials in the platform's JSON): a service proves the platform's
/// service secret (<see cref="SecretKey"/>) to Directory's <c>POST /auth/service-token</c> and gets a short-lived token
/// with the role <see cref="Role"/> for the audience <see cref="Audience"/>. People's tokens are for another audience,
/// so a service token is refused everywhere people's tokens are accepted (the gateway and every endpoint but those
/// marked <see cref="RequireServiceCaller{TBuilder}"/>), and people's tokens are refused there.
/// </summary>
public static class ServiceTokens
{
    /// <summary>Configuration key (env <c>ServiceAuth__Secret</c>) of the platform's service secret, the same for Directory and the services.</summary>
    public const string SecretKey = "ServiceAuth:Secret";

    /// <summary>A shorter secret could be guessed.</summary>
    public const int MinimumSecretLength = 32;

    public const string Role = "service";

    public const string Audience = "propertyplatform-services";

    /// <summary>The authentication scheme that accepts service tokens only.</summary>
    public const string Scheme = "ServiceToken";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>A token for the service <paramref name="clientId"/> (e.g. <c>workorders</c>), signed by Directory.</summary>
    public static string Create(string clientId, SigningCredentials signingCredentials, string issuer, DateTimeOffset issuedAt)
    {
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(
            [
                new Claim(PlatformClaims.Subject, $"service:{clientId}"),
                new Claim(PlatformClaims.Name, clientId),
                new Claim(PlatformClaims.Role, Role),
                new Claim(PlatformClaims.TokenId, Guid.NewGuid().ToString("N")),
            ]),
            Issuer = issuer,
            Audience = Audience,
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = issuedAt.UtcDateTime,
            Expires = (issuedAt + Lifetime).UtcDateTime,
            TokenType = PlatformClaims.AccessTokenType,
            SigningCredentials = signingCredentials,
        });
    }

    /// <summary>
    /// Lets endpoints accept service tokens (<see cref="RequireServiceCaller{TBuilder}"/>); call after
    /// <see cref="AuthenticationExtensions.AddPlatformAuthentication{TBuilder}"/>, whose signing keys it shares.
    /// </summary>
    public static TBuilder AddServiceTokenAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddAuthentication().AddJwtBearer(Scheme);
        builder.Services.AddOptions<JwtBearerOptions>(Scheme)
            .Configure<IOptions<PlatformAuthOptions>, IConfigurationManager<OpenIdConnectConfiguration>, SigningKeysCheck, TimeProvider>(
                (jwt, auth, keys, check, time) => AuthenticationExtensions.Configure(jwt, auth.Value, Audience, keys, check, time));
        return builder;
    }

    /// <summary>Only services with a service token may call the endpoint(s): people's tokens answer 401.</summary>
    public static TBuilder RequireServiceCaller<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireRole(Role));
}
