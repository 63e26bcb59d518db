using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Directory.Domain;
using PropertyPlatform.Directory.Infrastructure;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Directory.SignIn;

/// <summary>What an account is created from.</summary>
public sealed record NewAccount(
    string UserName, string Password, Guid PersonId, string DisplayName, IReadOnlyCollection<string> Roles, AccountScope Scope)
{
    /// <summary>A staff member's account; their tokens follow the staff record, this is what it says today.</summary>
    public static NewAccount ForStaff(StaffMember staff, string userName, string password) =>
        new(userName, password, staff.Id, staff.Name, Account.RolesOf(staff), AccountScope.Properties([.. staff.PropertyIds]));

    /// <summary>An occupant person's account; their units are read from the occupancies whenever a token is issued.</summary>
    public static NewAccount ForOccupant(Occupant person, string userName, string password) =>
        new(userName, password, person.Id, person.Name, [ServiceDefaults.Auth.Roles.Occupant], AccountScope.Units([person.PropertyId], []));
}

/// <summary>
/// Creates sign-in accounts: the bootstrap administrator, the accounts administrators and the desk create for staff
/// and occupants (<c>POST /accounts</c>), and the demo data all use this one entry point.
/// </summary>
public sealed class AccountRegistration(DirectoryDbContext db, IPasswordHasher<Account> hasher, TimeProvider time)
{
    /// <summary>Adds the account to the context and saves it; a taken user name or person is a <see cref="DomainRuleException"/>.</summary>
    public async Task<Account> RegisterAsync(NewAccount request, CancellationToken cancellationToken)
    {
        var account = Account.Create(
            request.UserName, request.Password, request.PersonId, request.DisplayName, request.Roles, request.Scope, hasher, time.GetUtcNow());
        if (await db.Accounts.AnyAsync(a => a.NormalizedUserName == account.NormalizedUserName, cancellationToken))
        {
            throw new DomainRuleException($"The user name '{account.UserName}' is taken.");
        }
        if (await db.Accounts.AnyAsync(a => a.PersonId == account.PersonId, cancellationToken))
        {
            throw new DomainRuleException("This person already has an account.");
        }

        db.Accounts.Add(account);
        await db.SaveChangesAsync(cancellationToken);
        return account;
    }
}
