using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Contracts.Reception;
using PropertyPlatform.Reception.Domain;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Reception.Tests;

/// <summary>Keys of vacant units (空置房钥匙), rule by rule; days are the property's (China Standard Time).</summary>
public sealed class UnitKeyTests
{
    private static readonly PropertyCalendar Calendar = PropertyCalendar.ChinaStandardTime;

    // 10:00 local time on 22 November.
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Midnight = new(2026, 11, 23, 0, 0, 0, TimeSpan.FromHours(8));
    private static readonly Actor Desk = new(Guid.NewGuid(), "前台小王");

    private static readonly UnitCopy Unit0801 = UnitCopy.From(new UnitRegistered(
        Guid.NewGuid(), Now, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "B座", "0801", 8, UnitType.Office, 80m));

    private static UnitKey SignedOut()
    {
        var key = UnitKey.Register(Unit0801, "大门钥匙", Now);
        key.SignOut("工程部张工", "13600136000", "检查漏水", Now.AddHours(3), Desk, Now, Calendar);
        return key;
    }

    [Fact]
    public void A_registered_key_is_in_the_register()
    {
        var key = UnitKey.Register(Unit0801, " 大门钥匙 ", Now);

        key.Status.ShouldBe(UnitKeyStatus.Available);
        key.Label.ShouldBe("大门钥匙");
        key.PropertyId.ShouldBe(Unit0801.PropertyId);
        key.PendingEvents.OfType<UnitKeyRegistered>().Single().UnitNumber.ShouldBe("0801");
    }

    [Fact]
    public void Signing_out_records_who_why_and_when_back_and_makes_it_due_back_then()
    {
        var key = SignedOut();

        key.Status.ShouldBe(UnitKeyStatus.SignedOut);
        key.HolderName.ShouldBe("工程部张工");
        key.Reason.ShouldBe("检查漏水");
        key.ExpectedReturnAt.ShouldBe(Now.AddHours(3));
        key.DueBy.ShouldBe(Now.AddHours(3));
        key.Loans.Single().SignedOutByName.ShouldBe("前台小王");
        key.PendingEvents.OfType<UnitKeySignedOut>().Single().HolderName.ShouldBe("工程部张工");
    }

    [Fact]
    public void A_key_comes_back_the_same_day_not_later_and_not_in_the_past()
    {
        var key = UnitKey.Register(Unit0801, "大门钥匙", Now);

        Should.Throw<DomainRuleException>(() => key.SignOut("张工", null, "检查", Midnight.AddMinutes(1), Desk, Now, Calendar))
            .Message.ShouldContain("same day");
        Should.Throw<DomainRuleException>(() => key.SignOut("张工", null, "检查", Now.AddMinutes(-1), Desk, Now, Calendar));
        key.Status.ShouldBe(UnitKeyStatus.Available);
        UnitKey.ExpectedReturnProblem(Midnight.AddTicks(-10), Now, Calendar).ShouldBeNull();
    }

    [Fact]
    public void A_key_that_is_out_cannot_be_signed_out_again()
    {
        var key = SignedOut();

        Should.Throw<DomainRuleException>(() => key.SignOut("李工", null, "看房", Now.AddHours(4), Desk, Now.AddHours(1), Calendar))
            .Message.ShouldContain("工程部张工");
    }

    [Fact]
    public void A_key_still_out_after_its_expected_return_is_overdue_and_so_is_every_key_out_when_the_day_ends()
    {
        var key = SignedOut();

        key.IsOverdue(Now.AddHours(3).AddTicks(-10)).ShouldBeFalse();
        key.IsOverdue(Now.AddHours(3)).ShouldBeTrue("the holder said they would be back by 13:00: the evening shift sees it late");
        key.IsOverdue(Midnight).ShouldBeTrue();
    }

    [Fact]
    public void A_return_closes_the_loan_and_a_late_one_is_recorded_as_late()
    {
        var onTime = SignedOut();
        onTime.Return(Desk, Now.AddHours(2));
        onTime.Status.ShouldBe(UnitKeyStatus.Available);
        onTime.HolderName.ShouldBeNull();
        onTime.DueBy.ShouldBeNull();
        onTime.IsOverdue(Midnight.AddDays(1)).ShouldBeFalse();
        onTime.Loans.Single().ReturnedAt.ShouldBe(Now.AddHours(2));
        onTime.Loans.Single().ReturnedLate.ShouldBeFalse();

        var late = SignedOut();
        late.Return(Desk, Now.AddHours(5));
        late.Loans.Single().ReturnedLate.ShouldBeTrue();
        late.PendingEvents.OfType<UnitKeyReturned>().Single().Late.ShouldBeTrue();
    }

    [Fact]
    public void A_key_in_the_register_cannot_be_returned()
    {
        Should.Throw<DomainRuleException>(() => UnitKey.Register(Unit0801, "大门钥匙", Now).Return(Desk, Now));
    }
}
