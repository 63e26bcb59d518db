using Microsoft.AspNetCore.Identity;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Directory.Domain;
using PropertyPlatform.Directory.SignIn;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Directory.Tests.SignIn;

public sealed class AccountTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly PasswordHasher<Account> Hasher = new();
    private static readonly LockoutPolicy Lockout = new(3, TimeSpan.FromMinutes(15));

    private static Account Create(
        string userName = "zhang.wei", string password = "Secret@123", string[]? roles = null, AccountScope? scope = null) =>
        Account.Create(userName, password, Guid.NewGuid(), "张伟", roles ?? [Roles.FrontDesk], scope ?? AccountScope.Properties(Guid.NewGuid()), Hasher, Now);

    [Fact]
    public void An_account_keeps_a_hash_of_the_password_never_the_password()
    {
        var account = Create(password: "Secret@123");

        account.PasswordHash.ShouldNotContain("Secret@123");
        account.SignIn("Secret@123", Hasher, Lockout, Now).ShouldBe(SignInOutcome.Succeeded);
        account.SignIn("secret@123", Hasher, Lockout, Now).ShouldBe(SignInOutcome.WrongPassword);
    }

    [Fact]
    public void A_user_name_is_trimmed_and_normalised_for_case_insensitive_lookup()
    {
        var account = Create(userName: " Zhang.Wei ");

        account.UserName.ShouldBe("Zhang.Wei");
        account.NormalizedUserName.ShouldBe(Account.Normalize("zhang.wei"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("zhang wei")]
    public void A_user_name_must_be_given_without_spaces(string userName) =>
        Should.Throw<DomainRuleException>(() => Create(userName: userName));

    [Fact]
    public void A_password_needs_at_least_eight_characters() =>
        Should.Throw<DomainRuleException>(() => Create(password: "Short1!"));

    [Fact]
    public void An_account_needs_a_known_role()
    {
        Should.Throw<DomainRuleException>(() => Create(roles: []));
        Should.Throw<DomainRuleException>(() => Create(roles: ["janitor"]));
    }

    [Fact]
    public void Only_an_administrator_may_be_scoped_to_all_properties()
    {
        Should.Throw<DomainRuleException>(() => Create(roles: [Roles.Manager], scope: AccountScope.Everything));
        Create(roles: [Roles.Admin], scope: AccountScope.Everything).AllProperties.ShouldBeTrue();
    }

    [Fact]
    public void The_last_allowed_wrong_password_locks_the_account_and_a_locked_account_refuses_the_right_one()
    {
        var account = Create();

        account.SignIn("wrong-1", Hasher, Lockout, Now).ShouldBe(SignInOutcome.WrongPassword);
        account.SignIn("wrong-2", Hasher, Lockout, Now).ShouldBe(SignInOutcome.WrongPassword);
        account.SignIn("wrong-3", Hasher, Lockout, Now).ShouldBe(SignInOutcome.LockedOut);

        account.LockedUntil.ShouldBe(Now.AddMinutes(15));
        account.SignIn("Secret@123", Hasher, Lockout, Now.AddMinutes(14)).ShouldBe(SignInOutcome.LockedOut);
        account.SignIn("Secret@123", Hasher, Lockout, Now.AddMinutes(15)).ShouldBe(SignInOutcome.Succeeded);
        account.LockedUntil.ShouldBeNull();
    }

    [Fact]
    public void A_successful_sign_in_resets_the_count_of_wrong_passwords()
    {
        var account = Create();
        account.SignIn("wrong-1", Hasher, Lockout, Now);
        account.SignIn("wrong-2", Hasher, Lockout, Now);

        account.SignIn("Secret@123", Hasher, Lockout, Now).ShouldBe(SignInOutcome.Succeeded);

        account.FailedSignIns.ShouldBe(0);
        account.SignIn("wrong-3", Hasher, Lockout, Now).ShouldBe(SignInOutcome.WrongPassword);
    }

    [Fact]
    public void A_disabled_account_tells_only_the_right_password_that_it_is_disabled_and_enabling_lets_it_in_again()
    {
        var account = Create();

        account.Disable(Guid.NewGuid(), Now);

        account.SignIn("wrong", Hasher, Lockout, Now).ShouldBe(SignInOutcome.WrongPassword);
        account.SignIn("Secret@123", Hasher, Lockout, Now).ShouldBe(SignInOutcome.Disabled);
        account.Enable();
        account.SignIn("Secret@123", Hasher, Lockout, Now).ShouldBe(SignInOutcome.Succeeded);
    }

    [Fact]
    public void Nobody_disables_their_own_account()
    {
        var account = Create();

        Should.Throw<DomainRuleException>(() => account.Disable(account.PersonId, Now));
        account.IsDisabled.ShouldBeFalse();
    }

    [Fact]
    public void A_password_changes_only_with_the_current_one_and_a_wrong_one_counts_towards_the_lockout()
    {
        var account = Create(password: "Secret@123");

        account.ChangePassword("wrong-1", "NewSecret@456", Hasher, Lockout, Now).ShouldBe(SignInOutcome.WrongPassword);
        account.FailedSignIns.ShouldBe(1);
        Should.Throw<DomainRuleException>(() => account.ChangePassword("Secret@123", "short", Hasher, Lockout, Now));

        account.ChangePassword("Secret@123", "NewSecret@456", Hasher, Lockout, Now).ShouldBe(SignInOutcome.Succeeded);

        account.PasswordChangedAt.ShouldBe(Now);
        account.SignIn("Secret@123", Hasher, Lockout, Now).ShouldBe(SignInOutcome.WrongPassword);
        account.SignIn("NewSecret@456", Hasher, Lockout, Now).ShouldBe(SignInOutcome.Succeeded);
    }
}

/// <summary>What a token says, from the person's record when it is issued.</summary>
public sealed class AccountTokenContentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly PasswordHasher<Account> Hasher = new();
    private static readonly Property Tower = Property.Register("国贸中心", PropertyType.OfficeTower, null, Now);

    private static Account AccountOf(NewAccount request) =>
        Account.Create(request.UserName, request.Password, request.PersonId, request.DisplayName, request.Roles, request.Scope, Hasher, Now);

    [Fact]
    public void A_staff_members_token_has_the_roles_and_properties_of_their_record_now()
    {
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var staff = StaffMember.Register("王小红", "13800138001", Department.CustomerService, [StaffRole.Frontdesk], [first], Now);
        var account = AccountOf(NewAccount.ForStaff(staff, "wangxh", "Secret@123"));

        staff.Change("王小红", "13800138001", Department.CustomerService, [StaffRole.Supervisor, StaffRole.Frontdesk], [second], Now);
        var content = account.TokenContentFor(staff);

        content.PersonId.ShouldBe(staff.Id);
        content.Roles.ShouldBe([Roles.FrontDesk, Roles.Supervisor], ignoreOrder: true);
        content.AllProperties.ShouldBeFalse();
        content.PropertyIds.ShouldBe([second]);
        content.UnitIds.ShouldBeEmpty();
    }

    [Fact]
    public void An_administrator_of_all_properties_stays_so_only_while_the_record_keeps_the_administrator_role()
    {
        var property = Guid.NewGuid();
        var staff = StaffMember.Register("郑明", "13800138002", Department.HrAdmin, [StaffRole.Admin], [property], Now);
        var account = Account.Create("zhengming", "Secret@123", staff.Id, staff.Name, [Roles.Admin], AccountScope.Everything, Hasher, Now);

        account.TokenContentFor(staff).AllProperties.ShouldBeTrue();
        account.TokenContentFor(staff).PropertyIds.ShouldBeEmpty();

        staff.Change("郑明", "13800138002", Department.HrAdmin, [StaffRole.Manager], [property], Now);
        var demoted = account.TokenContentFor(staff);
        demoted.AllProperties.ShouldBeFalse();
        demoted.Roles.ShouldBe([Roles.Manager]);
        demoted.PropertyIds.ShouldBe([property]);
    }

    [Fact]
    public void An_occupants_token_has_the_units_held_now_in_their_property()
    {
        var person = Occupant.Register(Tower, OccupantKind.Person, "张伟", "13800138000", null, null, null, Now);
        var account = AccountOf(NewAccount.ForOccupant(person, "13800138000", "Secret@123"));
        var (unit, companyUnit) = (Guid.NewGuid(), Guid.NewGuid());

        var content = account.TokenContentFor(person, [unit, companyUnit, unit]);

        content.Roles.ShouldBe([Roles.Occupant]);
        content.PropertyIds.ShouldBe([Tower.Id]);
        content.UnitIds.ShouldBe([unit, companyUnit], ignoreOrder: true);
        account.TokenContentFor(person, []).UnitIds.ShouldBeEmpty();
    }

    [Fact]
    public void Another_persons_record_never_makes_a_token()
    {
        var person = Occupant.Register(Tower, OccupantKind.Person, "张伟", "13800138000", null, null, null, Now);
        var other = Occupant.Register(Tower, OccupantKind.Person, "李雷", "13800138003", null, null, null, Now);
        var account = AccountOf(NewAccount.ForOccupant(person, "zhangwei", "Secret@123"));

        Should.Throw<InvalidOperationException>(() => account.TokenContentFor(other, []));
    }
}

public sealed class RefreshTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Only_the_hash_of_an_issued_token_is_kept()
    {
        var (token, secret) = RefreshToken.Issue(Guid.NewGuid(), null, TimeSpan.FromDays(14), Now);

        token.TokenHash.ShouldBe(RefreshToken.Hash(secret));
        token.TokenHash.ShouldNotContain(secret);
        token.FamilyId.ShouldBe(token.Id);
    }

    [Fact]
    public void A_token_is_usable_until_it_expires()
    {
        var (token, _) = RefreshToken.Issue(Guid.NewGuid(), Guid.NewGuid(), TimeSpan.FromDays(14), Now);

        token.StateAt(Now.AddDays(14).AddTicks(-10)).ShouldBe(RefreshTokenState.Usable);
        token.StateAt(Now.AddDays(14)).ShouldBe(RefreshTokenState.Expired);
    }
}

public sealed class SigningKeyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_key_signs_from_its_activation_until_its_successor_activates_and_is_withdrawn_a_token_lifetime_later()
    {
        var key = SigningKey.Create("k1", [1], [2], Now, Now);
        var successor = SigningKey.Create("k2", [3], [4], Now.AddDays(29), Now.AddDays(30));

        key.RetireWhen(successor);

        key.SignsAt(Now).ShouldBeTrue();
        key.SignsAt(Now.AddDays(30)).ShouldBeFalse();
        successor.SignsAt(Now.AddDays(30)).ShouldBeTrue();
        key.IsWithdrawnAt(Now.AddDays(30).AddMinutes(15).AddTicks(-1), TimeSpan.FromMinutes(15)).ShouldBeFalse();
        key.IsWithdrawnAt(Now.AddDays(30).AddMinutes(15), TimeSpan.FromMinutes(15)).ShouldBeTrue();
        successor.IsWithdrawnAt(Now.AddYears(1), TimeSpan.FromMinutes(15)).ShouldBeFalse();
    }

    [Fact]
    public void A_key_cannot_activate_before_it_exists_nor_its_successor_before_it()
    {
        Should.Throw<DomainRuleException>(() => SigningKey.Create("k1", [1], [2], Now, Now.AddSeconds(-1)));
        var key = SigningKey.Create("k1", [1], [2], Now, Now.AddDays(1));
        Should.Throw<DomainRuleException>(() => key.RetireWhen(SigningKey.Create("k2", [1], [2], Now, Now)));
    }
}
