using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using PropertyPlatform.Directory.Domain;
using PropertyPlatform.Directory.Infrastructure;
using PropertyPlatform.Directory.SignIn;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Directory.Apis;

/// <summary>Sign-in, refresh, sign-out, the public signing keys and the caller's own account.</summary>
public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/auth").WithTags("Sign-in").AllowAnonymous();
        auth.MapPost("/token", SignIn).WithName("SignIn").Validate<SignInRequest>();
        auth.MapPost("/refresh", Refresh).WithName("RefreshTokens").Validate<RefreshRequest>();
        auth.MapPost("/sign-out", SignOut).WithName("SignOut").Validate<RefreshRequest>();
        auth.MapPost("/service-token", IssueServiceToken).WithName("IssueServiceToken").Validate<ServiceTokenRequest>();

        app.MapGet("/.well-known/jwks.json", GetJwks).WithName("GetSigningKeys").WithTags("Sign-in").AllowAnonymous();
        app.MapGet("/me", GetMe).WithName("GetMe").WithTags("Sign-in").RequireRoles(Access.Anyone);
        // Outside the anonymous group: only a signed-in caller changes their own password.
        app.MapPost("/auth/password", ChangePassword).WithName("ChangePassword").WithTags("Sign-in")
            .Validate<ChangePasswordRequest>().RequireRoles(Access.Anyone);
        return app;
    }

    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> SignIn(
        SignInRequest request, TokenService tokens, TimeProvider time, HttpResponse response, CancellationToken cancellationToken)
    {
        var result = await tokens.SignInAsync(request.UserName!, request.Password!, cancellationToken);
        if (result.Tokens is { } pair)
        {
            return TokenResponse.From(pair, response);
        }

        return SignInFailed(result, time);
    }

    /// <summary>
    /// Changes the caller's own password. Answers a new token pair: the caller's earlier sign-ins (other devices)
    /// are revoked and must sign in again with the new password.
    /// </summary>
    public static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> ChangePassword(
        ChangePasswordRequest request, Caller caller, DirectoryDbContext db, TokenService tokens, TimeProvider time, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.PersonId == caller.PersonId, cancellationToken);
        if (account is null)
        {
            return ProblemResults.NotFound("account", caller.PersonId);
        }

        var result = await tokens.ChangePasswordAsync(account, request.CurrentPassword!, request.NewPassword!, cancellationToken);
        return result switch
        {
            { Tokens: { } pair } => TokenResponse.From(pair, response),
            { Outcome: SignInOutcome.WrongPassword } => ProblemResults.Invalid("currentPassword", "The current password is incorrect."),
            _ => SignInFailed(result, time),
        };
    }

    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> Refresh(
        RefreshRequest request, TokenService tokens, HttpResponse response, CancellationToken cancellationToken)
    {
        var pair = await tokens.RefreshAsync(request.RefreshToken!, cancellationToken);
        return pair is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The refresh token is not valid.", detail: "It is unknown, expired, revoked or already used: sign in again.")
            : TokenResponse.From(pair, response);
    }

    /// <summary>
    /// The client-credentials grant for the platform's own services: the service secret buys a 5-minute token that
    /// reads the feeds (<c>/feeds/**</c>) and nothing else.
    /// </summary>
    public static async Task<Results<Ok<ServiceTokenResponse>, ProblemHttpResult>> IssueServiceToken(
        ServiceTokenRequest request, ServiceTokenIssuer issuer, HttpResponse response, CancellationToken cancellationToken)
    {
        var token = await issuer.IssueAsync(request.ClientId!, request.ClientSecret!, cancellationToken);
        if (token is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The client credentials are not valid.",
                detail: "Send the platform's service secret (ServiceAuth:Secret) as clientSecret.");
        }
        response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new ServiceTokenResponse(token, "Bearer", (long)ServiceTokens.Lifetime.TotalSeconds));
    }

    public static async Task<NoContent> SignOut(RefreshRequest request, TokenService tokens, CancellationToken cancellationToken)
    {
        await tokens.SignOutAsync(request.RefreshToken!, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The public keys that verify access tokens (RFC 7517): the current key, the next one and those whose tokens may still be valid.</summary>
    public static async Task<Ok<JsonWebKeySetView>> GetJwks(SigningKeyRing keys, HttpResponse response, CancellationToken cancellationToken)
    {
        var ring = await keys.GetAsync(cancellationToken);
        response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Ok(new JsonWebKeySetView(ring.Published.Select(JsonWebKeyView.From).ToList()));
    }

    /// <summary>The caller's account with the roles and scope their next token will carry (from the records now).</summary>
    public static async Task<Results<Ok<MeView>, ProblemHttpResult>> GetMe(
        Caller caller, DirectoryDbContext db, TokenContents contents, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.PersonId == caller.PersonId, cancellationToken);
        return account is null
            ? ProblemResults.NotFound("account", caller.PersonId)
            : TypedResults.Ok(MeView.From(account, await contents.ForAsync(account, cancellationToken)));
    }

    private static ProblemHttpResult SignInFailed(TokenResult result, TimeProvider time)
    {
        // The same answer for an unknown user name and a wrong password: nobody learns which names exist. Only the
        // right password learns that the account is disabled.
        var detail = result.Outcome switch
        {
            SignInOutcome.LockedOut => $"Too many wrong passwords: the account is locked. Try again in {MinutesUntil(result.LockedUntil!.Value, time)} minute(s).",
            SignInOutcome.Disabled => "This account is disabled. Ask the property management office to enable it.",
            _ => "The user name or password is incorrect.",
        };
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed.", detail: detail);
    }

    private static long MinutesUntil(DateTimeOffset until, TimeProvider time) =>
        Math.Max(1, (long)Math.Ceiling((until - time.GetUtcNow()).TotalMinutes));
}

public sealed record SignInRequest(string? UserName, string? Password);

public sealed class SignInRequestValidator : AbstractValidator<SignInRequest>
{
    public SignInRequestValidator()
    {
        RuleFor(r => r.UserName).NotEmpty().MaximumLength(Account.UserNameMaxLength);
        RuleFor(r => r.Password).NotEmpty().MaximumLength(Account.PasswordMaxLength);
    }
}

public sealed record RefreshRequest(string? RefreshToken);

/// <summary><see cref="ClientId"/> names the calling service (e.g. <c>workorders</c>) in Directory's logs.</summary>
public sealed record ServiceTokenRequest(string? ClientId, string? ClientSecret);

public sealed class ServiceTokenRequestValidator : AbstractValidator<ServiceTokenRequest>
{
    public ServiceTokenRequestValidator()
    {
        RuleFor(r => r.ClientId).NotEmpty().MaximumLength(64).Matches("^[a-z0-9-]+$");
        RuleFor(r => r.ClientSecret).NotEmpty().MaximumLength(512);
    }
}

public sealed record ServiceTokenResponse(string AccessToken, string TokenType, long ExpiresIn);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed class ChangePasswordRequestValidator : AbstractValidator<ChangePasswordRequest>
{
    public ChangePasswordRequestValidator()
    {
        RuleFor(r => r.CurrentPassword).NotEmpty().MaximumLength(Account.PasswordMaxLength);
        RuleFor(r => r.NewPassword).NotEmpty().Length(Account.PasswordMinLength, Account.PasswordMaxLength);
        RuleFor(r => r.NewPassword).NotEqual(r => r.CurrentPassword).WithMessage("Choose a password other than the current one.");
    }
}

public sealed class RefreshRequestValidator : AbstractValidator<RefreshRequest>
{
    public RefreshRequestValidator() => RuleFor(r => r.RefreshToken).NotEmpty().MaximumLength(200);
}

/// <summary>Shaped like an OAuth 2.0 token response; <see cref="ExpiresIn"/> is the access token's lifetime in seconds.</summary>
public sealed record TokenResponse(string AccessToken, string TokenType, long ExpiresIn, string RefreshToken)
{
    public static Ok<TokenResponse> From(TokenPair pair, HttpResponse response)
    {
        // Tokens must not be kept by any cache on the way.
        response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new TokenResponse(pair.AccessToken, "Bearer", (long)pair.ExpiresIn.TotalSeconds, pair.RefreshToken));
    }
}

public sealed record JsonWebKeySetView(IReadOnlyList<JsonWebKeyView> Keys);

public sealed record JsonWebKeyView(string Kty, string Use, string Alg, string Kid, string Crv, string X, string Y)
{
    public static JsonWebKeyView From(JsonWebKey key) => new(key.Kty, key.Use, key.Alg, key.Kid, key.Crv, key.X, key.Y);
}

/// <summary>The caller's account: <see cref="Id"/> is the person id other services use.</summary>
public sealed record MeView(Guid Id, string UserName, string Name, IReadOnlyList<string> Roles, bool AllProperties, IReadOnlyList<Guid> PropertyIds, IReadOnlyList<Guid> UnitIds)
{
    public static MeView From(Account a, AccessTokenContent c) =>
        new(a.PersonId, a.UserName, c.Name, c.Roles.ToList(), c.AllProperties, c.PropertyIds.ToList(), c.UnitIds.ToList());
}
