using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Directory.Domain;
using PropertyPlatform.Directory.Infrastructure;
using PropertyPlatform.Directory.SignIn;
using PropertyPlatform.ServiceDefaults.Apis;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Directory.Apis;

/// <summary>Sign-in accounts of staff members and occupant persons: created, looked up, disabled and enabled.</summary>
public static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/accounts").WithTags("Accounts");

        api.MapGet("/", ListAccounts).WithName("ListAccounts").RequireRoles(Access.AccountCreators);
        api.MapPost("/", CreateAccount).WithName("CreateAccount").Validate<CreateAccountRequest>()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict).RequireRoles(Access.AccountCreators);
        api.MapPost("/{id:guid}/disable", DisableAccount).WithName("DisableAccount").ProducesProblem(StatusCodes.Status409Conflict).RequireRoles(Roles.Admin);
        api.MapPost("/{id:guid}/enable", EnableAccount).WithName("EnableAccount").RequireRoles(Roles.Admin);
        return app;
    }

    /// <summary>
    /// Accounts (never their password hashes) of the people the caller may see, e.g. <c>?personId=</c> to see whether a
    /// person has one: the desk, which creates occupants' accounts, must know who has one already.
    /// </summary>
    public static async Task<Ok<Page<AccountView>>> ListAccounts(
        [AsParameters] AccountQuery query, [AsParameters] PageRequest page, Caller caller, DirectoryDbContext db, CancellationToken cancellationToken)
    {
        var accounts = db.Accounts.AsNoTracking().VisibleTo(caller, db);
        if (query.PersonId is { } personId)
        {
            accounts = accounts.Where(a => a.PersonId == personId);
        }
        var ordered = accounts.OrderBy(a => a.UserName).ThenBy(a => a.Id);
        return TypedResults.Ok(await ordered.ToPageAsync(page, AccountView.From, cancellationToken));
    }

    /// <summary>
    /// Creates the account of a staff member (administrators) or of an occupant person (also the desk of their
    /// property). The person is what the request acts on: one the caller may not see answers 404, as an unknown one.
    /// </summary>
    public static async Task<Results<Created<AccountView>, ValidationProblem, ProblemHttpResult>> CreateAccount(
        CreateAccountRequest request, Caller caller, DirectoryDbContext db, AccountRegistration registration, CancellationToken cancellationToken)
    {
        var personId = request.PersonId!.Value;
        NewAccount newAccount;
        var staff = await db.Staff.AsNoTracking().SingleOrDefaultAsync(s => s.Id == personId, cancellationToken);
        if (staff is not null)
        {
            if (!caller.IsInRole(Roles.Admin))
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.", detail: "Only an administrator creates staff accounts.");
            }
            if (!await db.Staff.VisibleTo(caller).AnyAsync(s => s.Id == personId, cancellationToken))
            {
                return ProblemResults.NotFound("person", personId);
            }
            newAccount = NewAccount.ForStaff(staff, request.UserName!, request.InitialPassword!);
        }
        else
        {
            var occupant = await db.Occupants.AsNoTracking().SingleOrDefaultAsync(o => o.Id == personId, cancellationToken);
            if (occupant is null || !caller.MayManage(occupant.PropertyId))
            {
                return ProblemResults.NotFound("person", personId);
            }
            if (occupant.Kind != OccupantKind.Person)
            {
                return ProblemResults.Invalid("personId", "A company does not sign in: create accounts for the people who work for it.");
            }
            newAccount = NewAccount.ForOccupant(occupant, request.UserName!, request.InitialPassword!);
        }

        if (await UserNameTakenAsync(db, request.UserName!, cancellationToken))
        {
            return UserNameTaken();
        }
        if (await db.Accounts.AnyAsync(a => a.PersonId == personId, cancellationToken))
        {
            return ProblemResults.Conflict("This person already has an account.");
        }

        try
        {
            var account = await registration.RegisterAsync(newAccount, cancellationToken);
            return TypedResults.Created($"/accounts?personId={account.PersonId}", AccountView.From(account));
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // A concurrent request took the name, or made this person's account, a moment ago.
            db.ChangeTracker.Clear();
            return await UserNameTakenAsync(db, request.UserName!, cancellationToken)
                ? UserNameTaken()
                : ProblemResults.Conflict("This person already has an account.");
        }
    }

    /// <summary>The account can no longer sign in; its refresh tokens are revoked at once, its access tokens run out within 15 minutes.</summary>
    public static async Task<Results<Ok<AccountView>, ProblemHttpResult>> DisableAccount(
        Guid id, Caller caller, DirectoryDbContext db, TokenService tokens, TimeProvider time, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.VisibleTo(caller, db).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (account is null)
        {
            return ProblemResults.NotFound("account", id);
        }

        var now = time.GetUtcNow();
        account.Disable(caller.PersonId, now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tokens.RevokeAccountAsync(account.Id, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(AccountView.From(account));
    }

    public static async Task<Results<Ok<AccountView>, ProblemHttpResult>> EnableAccount(
        Guid id, Caller caller, DirectoryDbContext db, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.VisibleTo(caller, db).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (account is null)
        {
            return ProblemResults.NotFound("account", id);
        }

        account.Enable();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(AccountView.From(account));
    }

    private static Task<bool> UserNameTakenAsync(DirectoryDbContext db, string userName, CancellationToken cancellationToken)
    {
        var normalized = Account.Normalize(userName);
        return db.Accounts.AnyAsync(a => a.NormalizedUserName == normalized, cancellationToken);
    }

    private static ValidationProblem UserNameTaken() => ProblemResults.Invalid("userName", "This user name is taken: choose another one.");
}

public sealed record AccountQuery(Guid? PersonId);

/// <summary><c>personId</c>: a staff member's id or an occupant person's id. The user name may be a phone number.</summary>
public sealed record CreateAccountRequest(Guid? PersonId, string? UserName, string? InitialPassword);

public sealed class CreateAccountRequestValidator : AbstractValidator<CreateAccountRequest>
{
    public CreateAccountRequestValidator()
    {
        RuleFor(r => r.PersonId).NotNull().NotEqual(Guid.Empty);
        RuleFor(r => r.UserName).NotEmpty().MaximumLength(Account.UserNameMaxLength);
        RuleFor(r => r.UserName).Must(name => !name!.Trim().Any(char.IsWhiteSpace)).When(r => !string.IsNullOrWhiteSpace(r.UserName))
            .WithMessage("A user name cannot contain spaces.");
        RuleFor(r => r.InitialPassword).NotEmpty().Length(Account.PasswordMinLength, Account.PasswordMaxLength);
    }
}

/// <summary>An account as administrators see it: never the password or its hash.</summary>
public sealed record AccountView(
    Guid Id,
    Guid PersonId,
    string UserName,
    string Name,
    bool Disabled,
    DateTimeOffset? DisabledAt,
    DateTimeOffset? PasswordChangedAt,
    DateTimeOffset CreatedAt)
{
    public static AccountView From(Account a) =>
        new(a.Id, a.PersonId, a.UserName, a.DisplayName, a.IsDisabled, a.DisabledAt, a.PasswordChangedAt, a.CreatedAt);
}
