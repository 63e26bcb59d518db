using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Directory.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Directory.Tests;

public sealed class OccupancyTests
{
    /// <summary>23:30 UTC on 21 November is already 22 November in China.</summary>
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 23, 30, 0, TimeSpan.Zero);

    private static readonly DateOnly Today = new(2026, 11, 22);

    private static readonly Property Tower = Property.Register("国贸中心", PropertyType.OfficeTower, null, Now);

    private static readonly Unit Unit1201 = Unit.Register(Building.Register(Tower, "A座", Now), "1201", 12, UnitType.Office, 120.5m, Now);

    private static Occupant Person(string name = "李雷") => Occupant.Register(Tower, OccupantKind.Person, name, "13800138000", null, null, null, Now);

    private static Occupant Company(string name = "华夏科技") => Occupant.Register(Tower, OccupantKind.Company, name, "13800138000", null, null, null, Now);

    private static Occupancy Start(Occupant occupant, OccupancyRole role, params Occupancy[] current) =>
        Occupancy.Start(Unit1201, occupant, role, Today.AddDays(-10), current, Now);

    [Fact]
    public void A_move_in_records_the_unit_occupant_role_and_day_and_announces_it()
    {
        var owner = Company();

        var occupancy = Occupancy.Start(Unit1201, owner, OccupancyRole.Owner, Today, [], Now);

        occupancy.PropertyId.ShouldBe(Tower.Id);
        occupancy.UnitId.ShouldBe(Unit1201.Id);
        occupancy.OccupantId.ShouldBe(owner.Id);
        occupancy.Role.ShouldBe(OccupancyRole.Owner);
        occupancy.StartDate.ShouldBe(Today);
        occupancy.EndDate.ShouldBeNull();
        occupancy.IsCurrent.ShouldBeTrue();
        var started = occupancy.PendingEvents.ShouldHaveSingleItem().ShouldBeOfType<OccupancyStarted>();
        started.ShouldBe(new OccupancyStarted(started.EventId, Now, Tower.Id, occupancy.Id, Unit1201.Id, owner.Id, OccupancyRole.Owner, Today));
    }

    [Fact]
    public void A_move_in_later_than_today_in_China_is_refused()
    {
        Should.Throw<DomainRuleException>(() => Occupancy.Start(Unit1201, Person(), OccupancyRole.Resident, Today.AddDays(1), [], Now));
        Occupancy.StartDateProblem(Today, Today).ShouldBeNull();
        Occupancy.StartDateProblem(Today.AddDays(1), Today).ShouldNotBeNull();
    }

    [Fact]
    public void A_unit_has_one_current_owner()
    {
        var first = Start(Company("甲公司"), OccupancyRole.Owner);

        Should.Throw<DomainRuleException>(() => Start(Company("乙公司"), OccupancyRole.Owner, first)).Message.ShouldContain("owner");
    }

    [Fact]
    public void A_unit_has_one_current_tenant()
    {
        var first = Start(Company("甲公司"), OccupancyRole.Tenant);

        Should.Throw<DomainRuleException>(() => Start(Company("乙公司"), OccupancyRole.Tenant, first));
    }

    [Fact]
    public void An_owner_a_tenant_and_many_residents_hold_a_unit_together()
    {
        var owner = Start(Company("业主公司"), OccupancyRole.Owner);
        var tenant = Start(Company("租户公司"), OccupancyRole.Tenant, owner);
        var resident = Start(Person("李雷"), OccupancyRole.Resident, owner, tenant);

        Start(Person("韩梅梅"), OccupancyRole.Resident, owner, tenant, resident).IsCurrent.ShouldBeTrue();
    }

    [Fact]
    public void The_same_occupant_cannot_hold_the_unit_twice_in_one_role_but_may_in_two()
    {
        var person = Person();
        var resident = Start(person, OccupancyRole.Resident);

        Should.Throw<DomainRuleException>(() => Start(person, OccupancyRole.Resident, resident));
        Start(person, OccupancyRole.Owner, resident).Role.ShouldBe(OccupancyRole.Owner);
    }

    [Fact]
    public void After_a_move_out_the_unit_takes_a_new_owner()
    {
        var first = Start(Company("甲公司"), OccupancyRole.Owner);
        first.End(Today, Now);

        Start(Company("乙公司"), OccupancyRole.Owner, first).IsCurrent.ShouldBeTrue();
    }

    [Fact]
    public void Occupancies_of_other_units_do_not_count()
    {
        var elsewhere = Occupancy.Start(
            Unit.Register(Building.Register(Tower, "B座", Now), "101", 1, UnitType.Shop, 50m, Now), Company("甲公司"), OccupancyRole.Owner,
            Today, [], Now);

        Start(Company("乙公司"), OccupancyRole.Owner, elsewhere).IsCurrent.ShouldBeTrue();
    }

    [Fact]
    public void Only_a_person_can_be_a_resident() =>
        Should.Throw<DomainRuleException>(() => Start(Company(), OccupancyRole.Resident));

    [Fact]
    public void An_occupant_of_another_property_cannot_move_in()
    {
        var elsewhere = Occupant.Register(
            Property.Register("阳光大厦", PropertyType.OfficeTower, null, Now), OccupantKind.Person, "李雷", "13800138000", null, null, null, Now);

        Should.Throw<DomainRuleException>(() => Start(elsewhere, OccupancyRole.Resident));
    }

    [Fact]
    public void Only_known_roles_are_accepted() =>
        Should.Throw<DomainRuleException>(() => Start(Person(), (OccupancyRole)42));

    [Fact]
    public void A_move_out_records_the_day_keeps_the_record_and_announces_it()
    {
        var occupancy = Start(Person(), OccupancyRole.Resident);

        occupancy.End(Today, Now);

        occupancy.EndDate.ShouldBe(Today);
        occupancy.EndedAt.ShouldBe(Now);
        occupancy.IsCurrent.ShouldBeFalse();
        var ended = occupancy.PendingEvents.OfType<OccupancyEnded>().ShouldHaveSingleItem();
        ended.ShouldBe(new OccupancyEnded(
            ended.EventId, Now, Tower.Id, occupancy.Id, Unit1201.Id, occupancy.OccupantId, OccupancyRole.Resident, Today.AddDays(-10), Today));
    }

    [Fact]
    public void A_move_out_on_the_move_in_day_is_allowed() =>
        Should.NotThrow(() => Start(Person(), OccupancyRole.Resident).End(Today.AddDays(-10), Now));

    [Fact]
    public void A_move_out_before_the_move_in_is_refused()
    {
        var occupancy = Start(Person(), OccupancyRole.Resident);

        Should.Throw<DomainRuleException>(() => occupancy.End(Today.AddDays(-11), Now)).Message.ShouldContain("before the move-in");
        occupancy.IsCurrent.ShouldBeTrue();
    }

    [Fact]
    public void A_move_out_later_than_today_is_refused()
    {
        var occupancy = Start(Person(), OccupancyRole.Resident);

        Should.Throw<DomainRuleException>(() => occupancy.End(Today.AddDays(1), Now));
        occupancy.IsCurrent.ShouldBeTrue();
    }

    [Fact]
    public void An_ended_occupancy_cannot_end_again()
    {
        var occupancy = Start(Person(), OccupancyRole.Resident);
        occupancy.End(Today.AddDays(-1), Now);

        Should.Throw<DomainRuleException>(() => occupancy.End(Today, Now));
        occupancy.EndDate.ShouldBe(Today.AddDays(-1));
        occupancy.PendingEvents.OfType<OccupancyEnded>().Count().ShouldBe(1);
    }
}
