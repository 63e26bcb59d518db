using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Contracts.Reception;
using PropertyPlatform.Reception.Domain;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Reception.Tests;

/// <summary>A walk-in waits at the desk until the host confirms or declines, within the deadline.</summary>
public sealed class WalkInTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);

    private static readonly UnitCopy Unit1201 = UnitCopy.From(new UnitRegistered(
        Guid.NewGuid(), Now, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "A座", "1201", 12, UnitType.Office, 120.5m));

    private static readonly Actor Host = new(Guid.NewGuid(), "李先生");

    [Fact]
    public void A_walk_in_waits_for_the_host_from_now_with_a_deadline_and_asks_the_host()
    {
        var visit = WalkIn();

        visit.IsWalkIn.ShouldBeTrue();
        visit.Status.ShouldBe(VisitStatus.AwaitingHost);
        visit.ExpectedFrom.ShouldBe(Now);
        visit.ConfirmBy.ShouldBe(Now + Visit.HostConfirmationTimeout);
        var asked = visit.PendingEvents.ShouldHaveSingleItem().ShouldBeOfType<WalkInAwaitingHost>();
        asked.VisitId.ShouldBe(visit.Id);
        asked.UnitNumber.ShouldBe("1201");
        asked.ConfirmBy.ShouldBe(visit.ConfirmBy!.Value);
    }

    [Fact]
    public void A_walk_in_reads_expired_once_the_deadline_passes_without_an_answer()
    {
        var visit = WalkIn();

        visit.StatusAt(Now + Visit.HostConfirmationTimeout).ShouldBe(VisitStatus.AwaitingHost);
        visit.StatusAt(Now + Visit.HostConfirmationTimeout + TimeSpan.FromSeconds(1)).ShouldBe(VisitStatus.Expired);
    }

    [Fact]
    public void The_host_confirms_and_the_walk_in_becomes_expected_and_can_be_checked_in()
    {
        var visit = WalkIn();

        visit.ConfirmByHost(Unit1201, Host, Now.AddMinutes(3));
        visit.CheckIn(Unit1201, Now.AddMinutes(4));

        visit.Status.ShouldBe(VisitStatus.CheckedIn);
        visit.HostAnsweredByName.ShouldBe("李先生");
        visit.HostAnsweredAt.ShouldBe(Now.AddMinutes(3));
        visit.PendingEvents.OfType<WalkInConfirmed>().ShouldHaveSingleItem().VisitorName.ShouldBe("王五");
    }

    [Fact]
    public void A_walk_in_the_host_has_not_confirmed_cannot_be_checked_in()
    {
        var visit = WalkIn();

        Should.Throw<DomainRuleException>(() => visit.CheckIn(Unit1201, Now.AddMinutes(1))).Message.ShouldContain("not confirmed");
        visit.Status.ShouldBe(VisitStatus.AwaitingHost);
    }

    [Fact]
    public void The_host_declines_with_a_reason_and_the_visitor_may_not_enter()
    {
        var visit = WalkIn();

        visit.DeclineByHost(Unit1201, Host, " 不认识此人 ", Now.AddMinutes(2));

        visit.Status.ShouldBe(VisitStatus.Declined);
        visit.DeclineReason.ShouldBe("不认识此人");
        visit.PendingEvents.OfType<WalkInDeclined>().ShouldHaveSingleItem().Reason.ShouldBe("不认识此人");
        Should.Throw<DomainRuleException>(() => visit.CheckIn(Unit1201, Now.AddMinutes(3))).Message.ShouldContain("declined");
        Should.Throw<DomainRuleException>(() => visit.ConfirmByHost(Unit1201, Host, Now.AddMinutes(3))).Message.ShouldContain("declined");
    }

    [Fact]
    public void After_the_deadline_the_host_can_neither_confirm_nor_decline_and_the_visitor_cannot_enter()
    {
        var visit = WalkIn();
        var late = Now + Visit.HostConfirmationTimeout + TimeSpan.FromMinutes(1);

        Should.Throw<DomainRuleException>(() => visit.ConfirmByHost(Unit1201, Host, late)).Message.ShouldContain("expired");
        Should.Throw<DomainRuleException>(() => visit.DeclineByHost(Unit1201, Host, null, late)).Message.ShouldContain("expired");
        Should.Throw<DomainRuleException>(() => visit.CheckIn(Unit1201, late)).Message.ShouldContain("in time");
        visit.Status.ShouldBe(VisitStatus.AwaitingHost);
    }

    [Fact]
    public void A_host_answers_once()
    {
        var visit = WalkIn();
        visit.ConfirmByHost(Unit1201, Host, Now.AddMinutes(1));

        Should.Throw<DomainRuleException>(() => visit.ConfirmByHost(Unit1201, Host, Now.AddMinutes(2))).Message.ShouldContain("already answered");
        Should.Throw<DomainRuleException>(() => visit.DeclineByHost(Unit1201, Host, null, Now.AddMinutes(2))).Message.ShouldContain("already answered");
    }

    [Fact]
    public void An_invited_visit_does_not_wait_for_a_confirmation()
    {
        var visit = Visit.Register(Unit1201, Registration(), new PassCode("12345678"), Now);

        Should.Throw<DomainRuleException>(() => visit.ConfirmByHost(Unit1201, Host, Now)).Message.ShouldContain("invited");
    }

    [Fact]
    public void A_waiting_walk_in_has_not_checked_in_so_it_cannot_check_out_but_it_can_be_cancelled()
    {
        var visit = WalkIn();

        Should.Throw<DomainRuleException>(() => visit.CheckOut(Unit1201, Now.AddMinutes(1))).Message.ShouldContain("not checked in");
        visit.Cancel("访客离开", Now.AddMinutes(2));
        visit.Status.ShouldBe(VisitStatus.Cancelled);
    }

    private static VisitRegistration Registration() => new(
        "王五", "13800138000", TestIdNumbers.Protected(), "送文件", 1,
        Now, Now.AddHours(2));

    private static Visit WalkIn() => Visit.RegisterWalkIn(Unit1201, Registration(), new PassCode("87654321"), Now);
}
