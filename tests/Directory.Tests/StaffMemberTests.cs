using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Directory.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Directory.Tests;

public sealed class StaffMemberTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, TimeSpan.FromHours(8));

    private static readonly Guid TowerId = Guid.CreateVersion7(Now);

    private static readonly Guid ParkId = Guid.CreateVersion7(Now.AddSeconds(1));

    private static StaffMember Engineer() =>
        StaffMember.Register("王师傅", "139-0013-9000", Department.Engineering, [StaffRole.Engineer], [TowerId], Now);

    [Fact]
    public void A_registered_staff_member_keeps_department_roles_and_properties()
    {
        var staff = StaffMember.Register(
            " 张主管 ", "13800138000", Department.CustomerService, [StaffRole.Supervisor, StaffRole.Frontdesk, StaffRole.Supervisor],
            [ParkId, TowerId, ParkId], Now);

        staff.Id.ShouldNotBe(Guid.Empty);
        staff.Name.ShouldBe("张主管");
        staff.Phone.ShouldBe("13800138000");
        staff.Department.ShouldBe(Department.CustomerService);
        staff.Roles.ShouldBe([StaffRole.Frontdesk, StaffRole.Supervisor]);
        staff.PropertyIds.ShouldBe(new[] { TowerId, ParkId }.Order().ToList());
        staff.RegisteredAt.ShouldBe(Now);
    }

    [Fact]
    public void Registering_announces_the_staff_member_in_each_of_their_properties()
    {
        var staff = StaffMember.Register("张主管", "13800138000", Department.CustomerService, [StaffRole.Supervisor], [TowerId, ParkId], Now);

        var events = staff.PendingEvents.Cast<StaffChanged>().ToList();
        events.Select(e => e.PropertyId).ShouldBe([TowerId, ParkId], ignoreOrder: true);
        events.ShouldAllBe(e => e.AssignedToProperty && e.StaffId == staff.Id && e.Name == "张主管" && e.Phone == "13800138000"
            && e.Department == Department.CustomerService && e.OccurredAt == Now);
        events.ShouldAllBe(e => e.Roles.SequenceEqual(new[] { StaffRole.Supervisor }) && e.PropertyIds.Count == 2);
        events.Select(e => e.EventId).Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public void A_staff_members_email_is_optional_checked_and_announced_when_it_changes()
    {
        Engineer().Email.ShouldBeNull();
        Should.Throw<DomainRuleException>(() =>
            StaffMember.Register("王师傅", "13900139000", Department.Engineering, [StaffRole.Engineer], [TowerId], Now, "wang at example"));
        var staff = StaffMember.Register("王师傅", "13900139000", Department.Engineering, [StaffRole.Engineer], [TowerId], Now, " wang@example.com ");
        staff.Email.ShouldBe("wang@example.com");
        staff.PendingEvents.Cast<StaffChanged>().ShouldHaveSingleItem().Email.ShouldBe("wang@example.com");

        staff.Change("王师傅", "13900139000", Department.Engineering, [StaffRole.Engineer], [TowerId], Now.AddDays(1), "wang.shifu@example.com");
        staff.PendingEvents.Cast<StaffChanged>().Last().Email.ShouldBe("wang.shifu@example.com");
        var announced = staff.PendingEvents.Count;

        // The same address again changes nothing; no address removes it.
        staff.Change("王师傅", "13900139000", Department.Engineering, [StaffRole.Engineer], [TowerId], Now.AddDays(2), "wang.shifu@example.com");
        staff.PendingEvents.Count.ShouldBe(announced);
        staff.Change("王师傅", "13900139000", Department.Engineering, [StaffRole.Engineer], [TowerId], Now.AddDays(3), null);
        staff.Email.ShouldBeNull();
        staff.PendingEvents.Cast<StaffChanged>().Last().Email.ShouldBeNull();
    }

    [Fact]
    public void Moving_to_another_property_tells_both_properties()
    {
        var staff = Engineer();
        var before = staff.PendingEvents.Count;

        staff.Change("王师傅", "13900139000", Department.Engineering, [StaffRole.Engineer], [ParkId], Now.AddDays(1));

        var events = staff.PendingEvents.Skip(before).Cast<StaffChanged>().ToList();
        events.Single(e => e.PropertyId == TowerId).AssignedToProperty.ShouldBeFalse();
        events.Single(e => e.PropertyId == ParkId).AssignedToProperty.ShouldBeTrue();
        events.ShouldAllBe(e => e.PropertyIds.SequenceEqual(new[] { ParkId }));
        staff.PropertyIds.ShouldBe([ParkId]);
    }

    [Fact]
    public void A_change_of_role_or_department_is_announced()
    {
        var staff = Engineer();
        var before = staff.PendingEvents.Count;

        staff.Change("王师傅", "13900139000", Department.ProjectManagement, [StaffRole.Manager], [TowerId], Now.AddDays(1));

        var changed = staff.PendingEvents.Skip(before).Cast<StaffChanged>().ShouldHaveSingleItem();
        changed.Department.ShouldBe(Department.ProjectManagement);
        changed.Roles.ShouldBe([StaffRole.Manager]);
    }

    [Fact]
    public void Giving_the_record_as_it_is_announces_nothing()
    {
        var staff = Engineer();
        var before = staff.PendingEvents.Count;

        staff.Change("王师傅", "139 0013 9000", Department.Engineering, [StaffRole.Engineer, StaffRole.Engineer], [TowerId], Now.AddDays(1));

        staff.PendingEvents.Count.ShouldBe(before);
    }

    [Fact]
    public void A_staff_member_needs_a_role_and_a_property()
    {
        Should.Throw<DomainRuleException>(() => StaffMember.Register("王师傅", "13900139000", Department.Engineering, [], [TowerId], Now));
        Should.Throw<DomainRuleException>(() => StaffMember.Register("王师傅", "13900139000", Department.Engineering, [StaffRole.Engineer], [], Now));
        Should.Throw<DomainRuleException>(() =>
            StaffMember.Register("王师傅", "13900139000", Department.Engineering, [StaffRole.Engineer], [Guid.Empty], Now));
    }

    [Fact]
    public void A_staff_member_needs_a_name_and_a_valid_phone()
    {
        Should.Throw<DomainRuleException>(() => StaffMember.Register(" ", "13900139000", Department.Engineering, [StaffRole.Engineer], [TowerId], Now));
        Should.Throw<DomainRuleException>(() => StaffMember.Register("王师傅", "12345", Department.Engineering, [StaffRole.Engineer], [TowerId], Now));
    }

    [Fact]
    public void Only_known_departments_and_roles_are_accepted()
    {
        Should.Throw<DomainRuleException>(() => StaffMember.Register("王师傅", "13900139000", (Department)42, [StaffRole.Engineer], [TowerId], Now));
        Should.Throw<DomainRuleException>(() => StaffMember.Register("王师傅", "13900139000", Department.Engineering, [(StaffRole)42], [TowerId], Now));
    }

    [Fact]
    public void A_refused_change_leaves_the_record_as_it_was()
    {
        var staff = Engineer();

        Should.Throw<DomainRuleException>(() => staff.Change("王师傅", "13900139000", Department.Engineering, [], [ParkId], Now));

        staff.Roles.ShouldBe([StaffRole.Engineer]);
        staff.PropertyIds.ShouldBe([TowerId]);
    }
}
