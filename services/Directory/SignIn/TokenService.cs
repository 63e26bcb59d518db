using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PropertyPlatform.Directory.Domain;
using PropertyPlatform.Directory.Infrastructure;
using PropertyPlatform.ServiceDefaults.Auth;

namespace PropertyPlatform.Directory.SignIn;

/// <summary>An access token and the refresh token that gets the next one.</summary>
public sealed record TokenPair(string AccessToken, TimeSpan ExpiresIn, string RefreshToken);

/// <summary>What a sign-in or refresh came to: tokens, or why not.</summary>
public sealed record TokenResult(TokenPair? Tokens, SignInOutcome Outcome, DateTimeOffset? LockedUntil = null)
{
    public static TokenResult Refused { get; } = new(null, SignInOutcome.WrongPassword);
}

/// <summary>Signs in with a password, refreshes with rotation and reuse detection, signs out, changes passwords.</summary>
public sealed partial class TokenService(
    DirectoryDbContext db,
    SigningKeyRing keys,
    TokenContents contents,
    IPasswordHasher<Account> hasher,
    TimeProvider time,
    IOptions<SignInOptions> options,
    IOptions<PlatformAuthOptions> auth,
    ILogger<TokenService> logger)
{
    // Verified against when the user name is unknown, so that answer takes as long as a wrong password.
    private static readonly Lazy<string> UnknownUserHash = new(() =>
        new PasswordHasher<Account>().HashPassword(null!, Guid.NewGuid().ToString()));

    private const int ConcurrencyAttempts = 3;

    public async Task<TokenResult> SignInAsync(string userName, string password, CancellationToken cancellationToken)
    {
        // Concurrent attempts on one account (xmin) are retried, so parallel guesses are all counted.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TrySignInAsync(userName, password, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < ConcurrencyAttempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<TokenResult> TrySignInAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var normalized = Account.Normalize(userName);
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.NormalizedUserName == normalized, cancellationToken);
        if (account is null)
        {
            hasher.VerifyHashedPassword(null!, UnknownUserHash.Value, password);
            return TokenResult.Refused;
        }

        var lockout = options.Value.Lockout;
        var outcome = account.SignIn(password, hasher, new LockoutPolicy(lockout.MaxFailedAttempts, lockout.Duration), now);
        if (outcome != SignInOutcome.Succeeded)
        {
            await db.SaveChangesAsync(cancellationToken);
            return new TokenResult(null, outcome, account.LockedUntil);
        }

        var (refreshToken, secret) = RefreshToken.Issue(account.Id, familyId: null, options.Value.Tokens.RefreshTokenLifetime, now);
        db.RefreshTokens.Add(refreshToken);
        var tokens = await IssueAsync(account, secret, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new TokenResult(tokens, SignInOutcome.Succeeded);
    }

    /// <summary>
    /// Exchanges a refresh token for a new pair. A token that was already exchanged is a replay (stolen, or an old copy):
    /// its whole family is revoked, so the thief's and the owner's newest tokens both stop working.
    /// </summary>
    public async Task<TokenPair?> RefreshAsync(string secret, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var hash = RefreshToken.Hash(secret);
        var token = await db.RefreshTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        switch (token?.StateAt(now))
        {
            case null or RefreshTokenState.Revoked or RefreshTokenState.Expired:
                return null;
            case RefreshTokenState.Used:
                await RevokeFamilyAsync(token.FamilyId, now, cancellationToken);
                LogReuse(logger, token.FamilyId, token.AccountId);
                return null;
        }

        // Disabling revokes the refresh tokens; this also covers a refresh racing with it.
        if (await db.Accounts.AnyAsync(a => a.Id == token.AccountId && a.DisabledAt != null, cancellationToken))
        {
            await RevokeFamilyAsync(token.FamilyId, now, cancellationToken);
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Claimed in one statement: of two requests racing with the same token only one gets a successor.
        var claimed = await db.RefreshTokens
            .Where(t => t.Id == token.Id && t.UsedAt == null && t.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.UsedAt, now.ToUniversalTime()), cancellationToken);
        if (claimed == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            await RevokeFamilyAsync(token.FamilyId, now, cancellationToken);
            LogReuse(logger, token.FamilyId, token.AccountId);
            return null;
        }

        var account = await db.Accounts.SingleAsync(a => a.Id == token.AccountId, cancellationToken);
        var (successor, successorSecret) = RefreshToken.Issue(account.Id, token.FamilyId, options.Value.Tokens.RefreshTokenLifetime, now);
        db.RefreshTokens.Add(successor);
        var tokens = await IssueAsync(account, successorSecret, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return tokens;
    }

    /// <summary>Revokes the sign-in the refresh token belongs to; unknown or already revoked tokens change nothing.</summary>
    public async Task SignOutAsync(string secret, CancellationToken cancellationToken)
    {
        var hash = RefreshToken.Hash(secret);
        var familyId = await db.RefreshTokens.Where(t => t.TokenHash == hash).Select(t => (Guid?)t.FamilyId).SingleOrDefaultAsync(cancellationToken);
        if (familyId is { } family)
        {
            await RevokeFamilyAsync(family, time.GetUtcNow(), cancellationToken);
        }
    }

    /// <summary>
    /// Changes the caller's own password and starts a new sign-in for them: every earlier refresh token of the account
    /// is revoked, so other devices (or whoever knew the old password) must sign in again.
    /// </summary>
    public async Task<TokenResult> ChangePasswordAsync(Account account, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var lockout = options.Value.Lockout;
        var outcome = account.ChangePassword(currentPassword, newPassword, hasher, new LockoutPolicy(lockout.MaxFailedAttempts, lockout.Duration), now);
        if (outcome != SignInOutcome.Succeeded)
        {
            await db.SaveChangesAsync(cancellationToken);
            return new TokenResult(null, outcome, account.LockedUntil);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await RevokeAccountAsync(account.Id, now, cancellationToken);
        var (refreshToken, secret) = RefreshToken.Issue(account.Id, familyId: null, options.Value.Tokens.RefreshTokenLifetime, now);
        db.RefreshTokens.Add(refreshToken);
        var tokens = await IssueAsync(account, secret, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new TokenResult(tokens, SignInOutcome.Succeeded);
    }

    /// <summary>Revokes every refresh token of the account (it was disabled, or its password changed).</summary>
    public Task<int> RevokeAccountAsync(Guid accountId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.RefreshTokens
            .Where(t => t.AccountId == accountId && t.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, now.ToUniversalTime()), cancellationToken);

    private Task<int> RevokeFamilyAsync(Guid familyId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.RefreshTokens
            .Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, now.ToUniversalTime()), cancellationToken);

    private async Task<TokenPair> IssueAsync(Account account, string refreshSecret, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ring = await keys.GetAsync(cancellationToken);
        var lifetime = options.Value.Tokens.AccessTokenLifetime;
        var accessToken = PlatformAccessToken.Create(
            await contents.ForAsync(account, cancellationToken), ring.Signer, auth.Value.Issuer, auth.Value.Audience, now, lifetime);
        return new TokenPair(accessToken, lifetime, refreshSecret);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A refresh token of family {FamilyId} (account {AccountId}) was used again; the family is revoked")]
    private static partial void LogReuse(ILogger logger, Guid familyId, Guid accountId);
}
