using Microsoft.AspNetCore.Identity;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;
using PlatformRoles = PropertyPlatform.ServiceDefaults.Auth.Roles;

namespace PropertyPlatform.Directory.Domain;

/// <summary>
/// A sign-in account of a person (staff member or occupant): user name and password, the person id other
/// services know them by, roles and scope. Repeated wrong passwords lock it for a while; an administrator may
/// disable it. The roles and scope a token grants come from the person's record when the token is issued
/// (<see cref="TokenContentFor(StaffMember)"/>, <see cref="TokenContentFor(Occupant, IEnumerable{Guid})"/>);
/// the stored ones count only for an account whose person is neither (the bootstrap administrator).
/// </summary>
public sealed class Account : AggregateRoot
{
    public const int UserNameMaxLength = 64;
    public const int DisplayNameMaxLength = 100;
    public const int PasswordMinLength = 8;
    // PBKDF2 over a huge "password" would cost the server; nobody types more than this.
    public const int PasswordMaxLength = 128;

    private Account()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>As the person chose it, e.g. <c>zhang.wei</c> or a phone number.</summary>
    public string UserName { get; private set; } = "";

    /// <summary>Upper case, so user names are unique and signed in with regardless of case.</summary>
    public string NormalizedUserName { get; private set; } = "";

    public string PasswordHash { get; private set; } = "";

    /// <summary>The id other services use for this person (e.g. as a work order's assignee; the token's <c>sub</c>).</summary>
    public Guid PersonId { get; private set; }

    public string DisplayName { get; private set; } = "";

    public string[] Roles { get; private set; } = [];

    /// <summary>Scoped to every property, present and future (administrators only).</summary>
    public bool AllProperties { get; private set; }

    public Guid[] PropertyIds { get; private set; } = [];

    /// <summary>An occupant's units (their own, or their company's).</summary>
    public Guid[] UnitIds { get; private set; } = [];

    /// <summary>Wrong passwords since the last successful sign-in or lockout.</summary>
    public int FailedSignIns { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Set while an administrator has disabled the account: it cannot sign in nor refresh.</summary>
    public DateTimeOffset? DisabledAt { get; private set; }

    public bool IsDisabled => DisabledAt is not null;

    /// <summary>When the person last changed their password themselves; null if never.</summary>
    public DateTimeOffset? PasswordChangedAt { get; private set; }

    public static Account Create(
        string userName,
        string password,
        Guid personId,
        string displayName,
        IEnumerable<string> roles,
        AccountScope scope,
        IPasswordHasher<Account> hasher,
        DateTimeOffset now)
    {
        now = StoredTime.Of(now);
        var name = Text.Required(userName, UserNameMaxLength, "A user name");
        if (name.Any(char.IsWhiteSpace))
        {
            throw new DomainRuleException("A user name cannot contain spaces.");
        }
        if (personId == Guid.Empty)
        {
            throw new DomainRuleException("An account needs the id of the person it belongs to.");
        }

        var roleList = roles.Distinct(StringComparer.Ordinal).ToArray();
        if (roleList.Length == 0)
        {
            throw new DomainRuleException("An account needs at least one role.");
        }
        if (roleList.FirstOrDefault(role => !PlatformRoles.IsKnown(role)) is { } unknown)
        {
            throw new DomainRuleException($"'{unknown}' is not a known role.");
        }
        if (scope.AllProperties && !roleList.Contains(PlatformRoles.Admin))
        {
            throw new DomainRuleException("Only an administrator may be scoped to all properties.");
        }

        var account = new Account
        {
            Id = Guid.CreateVersion7(now),
            UserName = name,
            NormalizedUserName = Normalize(name),
            PersonId = personId,
            DisplayName = Text.Required(displayName, DisplayNameMaxLength, "A display name"),
            Roles = roleList,
            AllProperties = scope.AllProperties,
            PropertyIds = scope.AllProperties ? [] : scope.PropertyIds.Distinct().ToArray(),
            UnitIds = scope.UnitIds.Distinct().ToArray(),
            CreatedAt = now,
        };
        account.PasswordHash = hasher.HashPassword(account, CheckPassword(password));
        return account;
    }

    public static string Normalize(string userName) => userName.Trim().ToUpperInvariant();

    public bool IsLockedAt(DateTimeOffset now) => LockedUntil > now;

    /// <summary>
    /// Checks a password. A locked account refuses even the right one until the lock ends; the last wrong password
    /// allowed locks it. Success clears the count of failures. A disabled account says so only to the right
    /// password, so a guesser learns nothing.
    /// </summary>
    public SignInOutcome SignIn(string password, IPasswordHasher<Account> hasher, LockoutPolicy lockout, DateTimeOffset now)
    {
        if (IsLockedAt(now))
        {
            return SignInOutcome.LockedOut;
        }

        var result = hasher.VerifyHashedPassword(this, PasswordHash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            FailedSignIns++;
            if (FailedSignIns < lockout.MaxFailedAttempts)
            {
                return SignInOutcome.WrongPassword;
            }
            FailedSignIns = 0;
            LockedUntil = StoredTime.Of(now + lockout.Duration);
            return SignInOutcome.LockedOut;
        }

        FailedSignIns = 0;
        LockedUntil = null;
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            PasswordHash = hasher.HashPassword(this, password);
        }
        return IsDisabled ? SignInOutcome.Disabled : SignInOutcome.Succeeded;
    }

    /// <summary>
    /// Replaces the password when <paramref name="currentPassword"/> is right; a wrong one counts towards the lockout
    /// like a wrong sign-in, so a stolen session cannot guess it at leisure.
    /// </summary>
    public SignInOutcome ChangePassword(
        string currentPassword, string newPassword, IPasswordHasher<Account> hasher, LockoutPolicy lockout, DateTimeOffset now)
    {
        var checkedPassword = CheckPassword(newPassword);
        var outcome = SignIn(currentPassword, hasher, lockout, now);
        if (outcome != SignInOutcome.Succeeded)
        {
            return outcome;
        }
        PasswordHash = hasher.HashPassword(this, checkedPassword);
        PasswordChangedAt = StoredTime.Of(now);
        return SignInOutcome.Succeeded;
    }

    /// <summary>Stops sign-in and refresh (the caller revokes the refresh tokens). Disabling twice changes nothing.</summary>
    public void Disable(Guid byPersonId, DateTimeOffset now)
    {
        // Nobody locks themselves out; another administrator can do it.
        if (byPersonId == PersonId)
        {
            throw new DomainRuleException("You cannot disable your own account.");
        }
        DisabledAt ??= StoredTime.Of(now);
    }

    /// <summary>Lets the account sign in again, with a clean count of wrong passwords.</summary>
    public void Enable()
    {
        DisabledAt = null;
        FailedSignIns = 0;
        LockedUntil = null;
    }

    /// <summary>The stored roles and scope: for an account that belongs to no staff or occupant record.</summary>
    public AccessTokenContent TokenContent() =>
        new(PersonId, DisplayName, Roles, AllProperties, PropertyIds, UnitIds);

    /// <summary>
    /// A staff member's token: the roles and properties on their record now. An administrator account scoped to all
    /// properties stays so while the record keeps the administrator role.
    /// </summary>
    public AccessTokenContent TokenContentFor(StaffMember staff)
    {
        if (staff.Id != PersonId)
        {
            throw new InvalidOperationException("The staff record is not this account's person.");
        }
        var roles = RolesOf(staff);
        var all = AllProperties && roles.Contains(PlatformRoles.Admin);
        return new(PersonId, staff.Name, roles, all, all ? [] : staff.PropertyIds, []);
    }

    /// <summary>
    /// An occupant's token: the units <paramref name="currentUnitIds"/> they or their company hold now (the caller
    /// reads them from the current occupancies), in their property.
    /// </summary>
    public AccessTokenContent TokenContentFor(Occupant person, IEnumerable<Guid> currentUnitIds)
    {
        if (person.Id != PersonId || person.Kind != OccupantKind.Person)
        {
            throw new InvalidOperationException("The occupant record is not this account's person.");
        }
        return new(PersonId, person.Name, [PlatformRoles.Occupant], false, [person.PropertyId], currentUnitIds.Distinct().Order().ToArray());
    }

    /// <summary>A staff record's roles as the token names them.</summary>
    public static string[] RolesOf(StaffMember staff) => staff.Roles.Select(role => role switch
    {
        StaffRole.Frontdesk => PlatformRoles.FrontDesk,
        StaffRole.Supervisor => PlatformRoles.Supervisor,
        StaffRole.Manager => PlatformRoles.Manager,
        StaffRole.Engineer => PlatformRoles.Engineer,
        StaffRole.Security => PlatformRoles.Security,
        StaffRole.Finance => PlatformRoles.Finance,
        StaffRole.Admin => PlatformRoles.Admin,
        _ => throw new InvalidOperationException($"Unknown staff role {role}."),
    }).ToArray();

    private static string CheckPassword(string? password)
    {
        if (password is null || password.Length < PasswordMinLength)
        {
            throw new DomainRuleException($"A password needs at least {PasswordMinLength} characters.");
        }
        return password.Length <= PasswordMaxLength ? password : throw new DomainRuleException($"A password may have at most {PasswordMaxLength} characters.");
    }
}

/// <summary>What an account may see: every property (administrators), some properties, and an occupant's units.</summary>
public sealed record AccountScope(bool AllProperties, IReadOnlyCollection<Guid> PropertyIds, IReadOnlyCollection<Guid> UnitIds)
{
    public static readonly AccountScope Everything = new(true, [], []);

    public static AccountScope Properties(params Guid[] propertyIds) => new(false, propertyIds, []);

    public static AccountScope Units(Guid[] propertyIds, Guid[] unitIds) => new(false, propertyIds, unitIds);
}

public enum SignInOutcome
{
    Succeeded,
    WrongPassword,
    LockedOut,

    /// <summary>The password was right but an administrator disabled the account.</summary>
    Disabled,
}

/// <summary>After <see cref="MaxFailedAttempts"/> wrong passwords in a row the account is locked for <see cref="Duration"/>.</summary>
public sealed record LockoutPolicy(int MaxFailedAttempts, TimeSpan Duration);
