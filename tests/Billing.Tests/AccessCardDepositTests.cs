using PropertyPlatform.Billing.Domain;
using PropertyPlatform.Contracts.Billing;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Billing.Tests;

/// <summary>An access card's deposit from owed to held to refunded or kept — rule by rule, without a database.</summary>
public sealed class AccessCardDepositTests
{
    private static readonly Actor Desk = new(Guid.NewGuid(), "前台王芳");
    private static readonly Actor Cashier = new(Guid.NewGuid(), "出纳李娜");

    private static Deposit Owed() =>
        Deposit.Owe(BillRunTests.Unit(UnitType.Office, 100m), null, "华建装饰 李强", 50m, Guid.NewGuid(), "CK-0001", BillRunTests.Now);

    [Fact]
    public void An_issued_card_is_owed_holds_nothing_and_announces_nothing_until_paid()
    {
        var deposit = Owed();
        (deposit.Status, deposit.Balance, deposit.Steps.Count, deposit.PendingEvents.Count).ShouldBe((DepositStatus.Owed, 0m, 0, 0));
        Should.Throw<DomainRuleException>(() => deposit.Refund(50m, PaymentMethod.Cash, null, Cashier, BillRunTests.Now));
        Should.Throw<DomainRuleException>(() => deposit.Forfeit(50m, "损坏", Cashier, BillRunTests.Now));
    }

    [Fact]
    public void Taking_it_holds_it_and_announces_it_once()
    {
        var deposit = Owed();
        deposit.TakeOwed(PaymentMethod.Cash, Cashier, BillRunTests.Now);
        (deposit.Status, deposit.Balance).ShouldBe((DepositStatus.Held, 50m));
        deposit.PendingEvents.OfType<DepositTaken>().ShouldHaveSingleItem().Amount.ShouldBe(50m);
        Should.Throw<DomainRuleException>(() => deposit.TakeOwed(PaymentMethod.Cash, Cashier, BillRunTests.Now));
    }

    [Fact]
    public void A_returned_card_refunds_what_is_held_the_way_it_was_paid_by_whoever_took_it_back()
    {
        var deposit = Owed();
        deposit.TakeOwed(PaymentMethod.BankTransfer, Cashier, BillRunTests.Now);
        deposit.CardReturned(Desk, BillRunTests.Now);
        (deposit.Status, deposit.Balance, deposit.Refunded).ShouldBe((DepositStatus.Closed, 0m, 50m));
        var refund = deposit.Steps.Single(s => s.Kind == DepositStepKind.Refunded);
        (refund.Method, refund.ActorName).ShouldBe((PaymentMethod.BankTransfer, "前台王芳"));
        // The event again changes nothing.
        deposit.CardReturned(Desk, BillRunTests.Now);
        deposit.Steps.Count.ShouldBe(2);
    }

    [Fact]
    public void A_card_back_before_its_deposit_was_paid_is_owed_no_more()
    {
        var deposit = Owed();
        deposit.CardReturned(Desk, BillRunTests.Now);
        (deposit.Status, deposit.Steps.Count).ShouldBe((DepositStatus.Cancelled, 0));
        Should.Throw<DomainRuleException>(() => deposit.TakeOwed(PaymentMethod.Cash, Cashier, BillRunTests.Now));
    }

    [Fact]
    public void A_lost_card_keeps_what_is_held_with_the_note()
    {
        var deposit = Owed();
        deposit.TakeOwed(PaymentMethod.Cash, Cashier, BillRunTests.Now);
        deposit.CardReportedLost("丢在地铁上", Desk, BillRunTests.Now);
        (deposit.Status, deposit.Forfeited).ShouldBe((DepositStatus.Closed, 50m));
        deposit.Steps.Single(s => s.Kind == DepositStepKind.Forfeited).Reason!.ShouldContain("丢在地铁上");
        deposit.CardReportedLost(null, Desk, BillRunTests.Now);
        deposit.Steps.Count.ShouldBe(2);
    }

    [Fact]
    public void A_card_lost_before_its_deposit_was_paid_stays_owed_and_is_kept_as_soon_as_it_is_paid()
    {
        var deposit = Owed();
        deposit.CardReportedLost(null, Desk, BillRunTests.Now);
        (deposit.Status, deposit.CardLost).ShouldBe((DepositStatus.Owed, true));
        deposit.TakeOwed(PaymentMethod.Cash, Cashier, BillRunTests.Now);
        (deposit.Status, deposit.Taken, deposit.Forfeited).ShouldBe((DepositStatus.Closed, 50m, 50m));
    }

    [Fact]
    public void Cash_of_a_card_returned_after_the_desk_closed_its_day_is_left_due_for_a_cashier_to_pay_out()
    {
        var deposit = Owed();
        deposit.TakeOwed(PaymentMethod.Cash, Cashier, BillRunTests.Now);
        deposit.CardReturned(Desk, BillRunTests.Now, cashDayClosed: true);
        // Nothing moved: still held, to be paid back.
        (deposit.Status, deposit.Balance, deposit.Steps.Count).ShouldBe((DepositStatus.RefundDue, 50m, 1));
        deposit.PendingEvents.OfType<DepositRefunded>().ShouldBeEmpty();
        // The event again changes nothing; the cashier pays it out the next day, and it is closed.
        deposit.CardReturned(Desk, BillRunTests.Now, cashDayClosed: false);
        deposit.Status.ShouldBe(DepositStatus.RefundDue);
        deposit.Refund(20m, PaymentMethod.Cash, "出入证 CK-0001 退还", Cashier, BillRunTests.Now.AddDays(1));
        (deposit.Status, deposit.Balance).ShouldBe((DepositStatus.RefundDue, 30m));
        deposit.Refund(30m, PaymentMethod.Cash, "出入证 CK-0001 退还", Cashier, BillRunTests.Now.AddDays(1));
        (deposit.Status, deposit.Balance, deposit.Refunded).ShouldBe((DepositStatus.Closed, 0m, 50m));
    }

    [Fact]
    public void A_card_paid_by_transfer_is_refunded_by_transfer_whatever_the_desk_s_cash_day()
    {
        var deposit = Owed();
        deposit.TakeOwed(PaymentMethod.BankTransfer, Cashier, BillRunTests.Now);
        deposit.CardReturned(Desk, BillRunTests.Now, cashDayClosed: true);
        (deposit.Status, deposit.Refunded).ShouldBe((DepositStatus.Closed, 50m));
    }
}
