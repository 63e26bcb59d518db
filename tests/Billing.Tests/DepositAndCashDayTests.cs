using PropertyPlatform.Billing.Domain;
using PropertyPlatform.Contracts.Billing;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;
using static PropertyPlatform.Billing.Tests.BillRunTests;

namespace PropertyPlatform.Billing.Tests;

/// <summary>Deposit balances and the daily cash close's balance (票款相符), rule by rule, without a database.</summary>
public sealed class DepositAndCashDayTests
{
    private static readonly Actor Cashier = new(Guid.NewGuid(), "收银员小李");

    [Fact]
    public void A_deposit_holds_what_was_taken_less_what_was_refunded_and_forfeited_each_step_recorded()
    {
        var deposit = Take(2000m);

        deposit.Refund(1500m, PaymentMethod.Cash, "装修验收合格", Cashier, Now);
        deposit.Forfeit(300m, "损坏公共区域地砖", Cashier, Now);

        (deposit.Balance, deposit.Refunded, deposit.Forfeited, deposit.Status).ShouldBe((200m, 1500m, 300m, DepositStatus.Held));
        deposit.Steps.Select(s => (s.Kind, s.Amount)).ShouldBe(
            [(DepositStepKind.Taken, 2000m), (DepositStepKind.Refunded, 1500m), (DepositStepKind.Forfeited, 300m)]);
        deposit.PendingEvents.Select(e => e.GetType()).ShouldBe([typeof(DepositTaken), typeof(DepositRefunded), typeof(DepositForfeited)]);
        deposit.PendingEvents.OfType<DepositRefunded>().Single().Balance.ShouldBe(500m);

        deposit.Refund(200m, PaymentMethod.BankTransfer, null, Cashier, Now);
        (deposit.Balance, deposit.Status).ShouldBe((0m, DepositStatus.Closed));
    }

    [Theory]
    [InlineData("100.01", "refund")] // more than is held
    [InlineData("0", "refund")]
    [InlineData("10.001", "refund")]
    [InlineData("100.01", "forfeit")]
    public void No_more_than_is_held_is_refunded_or_kept_and_amounts_are_exact_to_the_fen(string amount, string step)
    {
        var deposit = Take(100m);
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);

        Should.Throw<DomainRuleException>(() =>
        {
            if (step == "refund")
            {
                deposit.Refund(value, PaymentMethod.Cash, null, Cashier, Now);
            }
            else
            {
                deposit.Forfeit(value, "damage", Cashier, Now);
            }
        });
        deposit.Balance.ShouldBe(100m);
        deposit.Steps.Count.ShouldBe(1);
    }

    [Fact]
    public void Keeping_a_deposit_needs_a_reason() =>
        Should.Throw<DomainRuleException>(() => Take(100m).Forfeit(10m, " ", Cashier, Now));

    [Fact]
    public void A_days_cash_is_its_valid_cash_receipts_plus_deposits_taken_less_deposits_refunded()
    {
        var summary = Summary(
            [new(Guid.NewGuid(), "SJ-2026-000001", "1201", "甲", 500m, false), new(Guid.NewGuid(), "SJ-2026-000002", "1202", "乙", 99.5m, true),
             new(Guid.NewGuid(), "SJ-2026-000003", "1203", "丙", 120.25m, false)],
            [new(Guid.NewGuid(), "1201", "甲", DepositStepKind.Taken, 200m), new(Guid.NewGuid(), "1205", "丁", DepositStepKind.Refunded, 50m)]);

        (summary.ReceiptsTotal, summary.DepositsIn, summary.DepositsOut, summary.Expected).ShouldBe((620.25m, 200m, 50m, 770.25m));
    }

    [Theory]
    [InlineData("770.25", false, null, null)] // 票款相符: the cashier closes it
    [InlineData("770.00", false, null, "manager")] // short: a cashier may not close it
    [InlineData("770.00", true, null, "note")] // a manager needs a note
    [InlineData("770.00", true, "找零多付 0.25 元", null)]
    [InlineData("771.25", true, "多收 1 元待查", null)]
    [InlineData("-1", true, "x", "zero or more")]
    public void A_day_closes_when_the_cash_matches_else_only_by_a_supervisor_with_a_note(string counted, bool bySupervisor, string? note, string? refused)
    {
        var summary = Summary([new(Guid.NewGuid(), "SJ-2026-000001", "1201", "甲", 770.25m, false)], []);
        var amount = decimal.Parse(counted, System.Globalization.CultureInfo.InvariantCulture);

        var problem = CashDay.CloseProblem(summary, amount, note, bySupervisor);

        if (refused is null)
        {
            problem.ShouldBeNull();
            var day = CashDay.Close(summary, amount, note, bySupervisor, Cashier, Now);
            day.Balanced.ShouldBe(amount == 770.25m);
            day.Difference.ShouldBe(amount - 770.25m);
            var closed = day.PendingEvents.ShouldHaveSingleItem().ShouldBeOfType<CashDayClosed>();
            (closed.Expected, closed.Counted, closed.SupervisorNote).ShouldBe((770.25m, amount, note));
        }
        else
        {
            problem.ShouldNotBeNull().ShouldContain(refused);
            Should.Throw<DomainRuleException>(() => CashDay.Close(summary, amount, note, bySupervisor, Cashier, Now));
        }
    }

    private static Deposit Take(decimal amount) =>
        Deposit.Take(Unit(UnitType.Office, 10m), Guid.NewGuid(), "甲公司", DepositKind.Renovation, amount, PaymentMethod.Cash, Cashier, Now);

    private static CashDaySummary Summary(IReadOnlyList<CashReceipt> receipts, IReadOnlyList<CashDepositStep> deposits) =>
        new(PropertyId, Cashier.PersonId, Cashier.Name, new DateOnly(2026, 6, 25), receipts, deposits);
}
