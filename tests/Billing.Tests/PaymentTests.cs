using PropertyPlatform.Billing.Domain;
using PropertyPlatform.Contracts.Billing;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;
using static PropertyPlatform.Billing.Tests.BillRunTests;

namespace PropertyPlatform.Billing.Tests;

/// <summary>Allocation oldest-first, partial payments, credit, reversal and receipts — rule by rule, without a database.</summary>
public sealed class PaymentTests
{
    private static readonly Actor Cashier = new(Guid.NewGuid(), "出纳李娜");

    private readonly UnitCopy _unit = Unit(UnitType.Office, 100m);

    [Fact]
    public void A_payment_pays_the_oldest_open_line_first_whatever_order_they_come_in()
    {
        var july = LineOf("2026-07", 300m);
        var may = LineOf("2026-05", 300m);
        var june = LineOf("2026-06", 300m);

        var payment = Pay(700m);
        var made = payment.AllocateOldestFirst([july, may, june], Now);

        made.Select(a => (a.Period, a.Amount)).ShouldBe([("2026-05", 300m), ("2026-06", 300m), ("2026-07", 100m)]);
        (may.Status, june.Status, july.Status).ShouldBe((BillLineStatus.Settled, BillLineStatus.Settled, BillLineStatus.Open));
        july.AmountOpen.ShouldBe(200m);
        payment.Credit.ShouldBe(0m);
    }

    [Fact]
    public void A_line_due_earlier_is_older_than_one_of_an_earlier_period_due_later()
    {
        var paidService = LineOf("2026-07", 50m, due: new DateOnly(2026, 6, 20), item: FeeItem.PaidService);
        var july = LineOf("2026-07", 300m);

        Pay(50m).AllocateOldestFirst([july, paidService], Now).ShouldHaveSingleItem().BillLineId.ShouldBe(paidService.Id);
    }

    [Fact]
    public void A_partial_payment_leaves_the_line_open_for_the_rest_and_a_second_payment_settles_it()
    {
        var line = LineOf("2026-07", 421.93m);

        Pay(200m).AllocateOldestFirst([line], Now);
        line.AmountOpen.ShouldBe(221.93m);
        line.Status.ShouldBe(BillLineStatus.Open);

        var rest = Pay(221.93m);
        rest.AllocateOldestFirst([line], Now);
        line.Status.ShouldBe(BillLineStatus.Settled);
        rest.Credit.ShouldBe(0m);
    }

    [Fact]
    public void An_overpayment_is_kept_as_credit_and_pays_lines_issued_later()
    {
        var july = LineOf("2026-07", 300m);
        var payment = Pay(500m);
        payment.AllocateOldestFirst([july], Now);
        payment.Credit.ShouldBe(200m);

        var august = LineOf("2026-08", 300m);
        var made = UnitAccount.ApplyCredit([payment], [august], Now);

        made.ShouldHaveSingleItem().Amount.ShouldBe(200m);
        august.AmountOpen.ShouldBe(100m);
        payment.Credit.ShouldBe(0m);
    }

    [Fact]
    public void Credit_is_used_oldest_payment_first()
    {
        var older = Pay(100m, Now.AddDays(-2));
        var newer = Pay(100m, Now.AddDays(-1));
        var line = LineOf("2026-08", 150m);

        UnitAccount.ApplyCredit([newer, older], [line], Now);

        (older.Credit, newer.Credit).ShouldBe((0m, 50m));
    }

    [Fact]
    public void A_reversal_reopens_every_line_the_payment_paid_including_from_its_credit_and_keeps_the_payment()
    {
        var july = LineOf("2026-07", 300m);
        var august = LineOf("2026-08", 300m);
        var payment = Pay(400m);
        payment.AllocateOldestFirst([july], Now);
        UnitAccount.ApplyCredit([payment], [august], Now);

        payment.Reverse("转账退回", new Dictionary<Guid, BillLine> { [july.Id] = july, [august.Id] = august }, Cashier, Now);

        (july.AmountOpen, august.AmountOpen).ShouldBe((300m, 300m));
        (july.Status, august.Status).ShouldBe((BillLineStatus.Open, BillLineStatus.Open));
        payment.Status.ShouldBe(PaymentStatus.Reversed);
        payment.Credit.ShouldBe(0m);
        payment.Allocations.Count.ShouldBe(2);
        payment.Allocations.ShouldAllBe(a => a.UndoneAt != null);
        payment.PendingEvents.OfType<PaymentReversed>().ShouldHaveSingleItem().Reason.ShouldBe("转账退回");
    }

    [Fact]
    public void A_payment_is_reversed_once_and_only_with_a_reason()
    {
        var payment = Pay(10m);
        Should.Throw<DomainRuleException>(() => payment.Reverse(" ", new Dictionary<Guid, BillLine>(), Cashier, Now));
        payment.Reverse("录入错误", new Dictionary<Guid, BillLine>(), Cashier, Now);
        Should.Throw<DomainRuleException>(() => payment.Reverse("again", new Dictionary<Guid, BillLine>(), Cashier, Now));
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData("-5", false)]
    [InlineData("0.001", false)]
    [InlineData("0.01", true)]
    [InlineData("99999999.99", true)]
    [InlineData("100000000", false)]
    public void A_payment_is_above_zero_exact_to_the_fen_and_bounded(string amount, bool valid) =>
        (Payment.AmountProblem(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)) is null).ShouldBe(valid);

    [Theory]
    [InlineData(2026, 1, "SJ-2026-000001")]
    [InlineData(2026, 42, "SJ-2026-000042")]
    [InlineData(2027, 999999, "SJ-2027-999999")]
    public void Receipt_numbers_are_the_series_and_a_six_digit_sequence(int year, int sequence, string number) =>
        ReceiptNumber.Format(year, sequence).ShouldBe(number);

    [Fact]
    public void A_receipt_lists_what_the_payment_paid_its_credit_and_the_amount_in_capitals()
    {
        var july = LineOf("2026-07", 421.93m);
        var payment = Pay(500m);
        payment.AllocateOldestFirst([july], Now);

        var receipt = Receipt.Issue(payment, new Dictionary<Guid, BillLine> { [july.Id] = july }, 2026, 7, Now);

        receipt.Number.ShouldBe("SJ-2026-000007");
        receipt.Amount.ShouldBe(500m);
        receipt.AmountInWords.ShouldBe("伍佰元整");
        receipt.Credit.ShouldBe(78.07m);
        receipt.Lines.ShouldHaveSingleItem().Period.ShouldBe("2026-07");
        (receipt.PayerName, receipt.CashierName).ShouldBe(("张伟", "出纳李娜"));
    }

    [Fact]
    public void A_voided_receipt_keeps_its_number_shows_the_reason_and_is_voided_once()
    {
        var receipt = Receipt.Issue(Pay(123.45m), new Dictionary<Guid, BillLine>(), 2026, 3, Now);

        receipt.Void("金额写错", Cashier, Now);

        (receipt.Voided, receipt.Number, receipt.VoidReason).ShouldBe((true, "SJ-2026-000003", "金额写错"));
        receipt.AmountInWords.ShouldBe("壹佰贰拾叁元肆角伍分");
        receipt.PendingEvents.OfType<ReceiptVoided>().ShouldHaveSingleItem().ReceiptNumber.ShouldBe("SJ-2026-000003");
        Should.Throw<DomainRuleException>(() => receipt.Void("again", Cashier, Now));
    }

    private Payment Pay(decimal amount, DateTimeOffset? at = null) =>
        Payment.Take(_unit, PaymentMethod.Cash, amount, "张伟", null, Cashier, at ?? Now);

    private BillLine LineOf(string period, decimal amount, DateOnly? due = null, FeeItem item = FeeItem.PropertyService)
    {
        var p = BillingPeriod.Parse(period);
        return BillLine.Issue(_unit, null, p, item, item == FeeItem.PaidService ? Guid.NewGuid() : Guid.Empty, $"{item} {period}", amount,
            due ?? BillRun.DueDateOf(p), Now);
    }
}
