using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PropertyPlatform.ServiceDefaults.Auth;

/// <summary>Who an access token speaks for: the person, their roles and their scope.</summary>
public sealed record AccessTokenContent(
    Guid PersonId,
    string Name,
    IReadOnlyCollection<string> Roles,
    bool AllProperties,
    IReadOnlyCollection<Guid> PropertyIds,
    IReadOnlyCollection<Guid> UnitIds);

/// <summary>
/// Writes platform access tokens: ES256 JWTs whose claims <see cref="Caller"/> reads back. Directory signs with
/// it; tests use it to act as Directory. Kept beside <see cref="Caller"/> so the claim layout has one home.
/// </summary>
public static class PlatformAccessToken
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public static string Create(
        AccessTokenContent content,
        SigningCredentials signingCredentials,
        string issuer,
        string audience,
        DateTimeOffset issuedAt,
        TimeSpan lifetime)
    {
        var claims = new List<Claim>
        {
            new(PlatformClaims.Subject, content.PersonId.ToString()),
            new(PlatformClaims.Name, content.Name),
            new(PlatformClaims.TokenId, Guid.NewGuid().ToString("N")),
        };
        claims.AddRange(content.Roles.Select(role => new Claim(PlatformClaims.Role, role)));
        if (content.AllProperties)
        {
            claims.Add(new Claim(PlatformClaims.Property, PlatformClaims.AllProperties));
        }
        else
        {
            claims.AddRange(content.PropertyIds.Select(id => new Claim(PlatformClaims.Property, id.ToString())));
        }
        claims.AddRange(content.UnitIds.Select(id => new Claim(PlatformClaims.Unit, id.ToString())));

        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = issuer,
            Audience = audience,
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = issuedAt.UtcDateTime,
            Expires = (issuedAt + lifetime).UtcDateTime,
            TokenType = PlatformClaims.AccessTokenType,
            SigningCredentials = signingCredentials,
        });
    }
}
