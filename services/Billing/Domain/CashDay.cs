using PropertyPlatform.Contracts.Billing;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Billing.Domain;

/// <summary>A cash receipt of a cashier's day; a void one is listed but its money is not expected.</summary>
public sealed record CashReceipt(Guid ReceiptId, string Number, string UnitNumber, string PayerName, decimal Amount, bool Voided);

/// <summary>Cash a deposit step moved: in when taken, out when refunded.</summary>
public sealed record CashDepositStep(Guid DepositId, string UnitNumber, string PayerName, DepositStepKind Kind, decimal Amount);

/// <summary>
/// What a cashier's day (收款日) adds up to in cash: the valid cash receipts issued, plus cash deposits taken, less cash
/// deposits refunded. 票款相符 means the cash handed in equals it exactly.
/// </summary>
public sealed record CashDaySummary(
    Guid PropertyId, Guid CashierId, string CashierName, DateOnly Day, IReadOnlyList<CashReceipt> Receipts, IReadOnlyList<CashDepositStep> Deposits)
{
    public decimal ReceiptsTotal => Receipts.Where(r => !r.Voided).Sum(r => r.Amount);

    public decimal DepositsIn => Deposits.Where(d => d.Kind == DepositStepKind.Taken).Sum(d => d.Amount);

    public decimal DepositsOut => Deposits.Where(d => d.Kind == DepositStepKind.Refunded).Sum(d => d.Amount);

    public decimal Expected => ReceiptsTotal + DepositsIn - DepositsOut;
}

/// <summary>
/// A cashier's closed day (日清日缴): what the day's cash receipts and deposits expected, what was counted and handed in
/// on the remittance slip (现金缴款单), and — when they differ — the supervisor's note. A closed day takes no more cash.
/// </summary>
public sealed class CashDay : AggregateRoot
{
    public const int NoteMaxLength = 500;

    private CashDay()
    {
    }

    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    public Guid CashierId { get; private set; }

    public string CashierName { get; private set; } = "";

    public DateOnly Day { get; private set; }

    public int ReceiptCount { get; private set; }

    public int VoidedReceiptCount { get; private set; }

    /// <summary>The first and last receipt numbers of the day (cash receipts, void ones included).</summary>
    public string? FirstReceiptNumber { get; private set; }

    public string? LastReceiptNumber { get; private set; }

    public decimal ReceiptsTotal { get; private set; }

    public decimal DepositsIn { get; private set; }

    public decimal DepositsOut { get; private set; }

    public decimal Expected { get; private set; }

    public decimal Counted { get; private set; }

    public decimal Difference => Counted - Expected;

    public bool Balanced => Counted == Expected;

    public string? SupervisorNote { get; private set; }

    public DateTimeOffset ClosedAt { get; private set; }

    public Guid ClosedById { get; private set; }

    public string ClosedByName { get; private set; } = "";

    /// <summary>Why closing with <paramref name="counted"/> is refused, or null.</summary>
    public static string? CloseProblem(CashDaySummary summary, decimal counted, string? supervisorNote, bool bySupervisor)
    {
        if (counted < 0 || Money.RoundToFen(counted) != counted)
        {
            return "The cash counted is an amount of zero or more, exact to the fen.";
        }
        if (counted == summary.Expected)
        {
            return null;
        }
        var difference = counted - summary.Expected;
        var what = $"The cash counted ({counted:0.00}) does not match the day's receipts and deposits ({summary.Expected:0.00}): " +
            $"{(difference > 0 ? "over" : "short")} by {Math.Abs(difference):0.00} (票款不符).";
        return !bySupervisor ? $"{what} A supervisor (manager) closes it with a note."
            : string.IsNullOrWhiteSpace(supervisorNote) ? $"{what} Write a note on the difference to close it."
            : null;
    }

    /// <summary>Closes the day and raises <see cref="CashDayClosed"/>; a mismatch needs a supervisor and their note.</summary>
    public static CashDay Close(CashDaySummary summary, decimal counted, string? supervisorNote, bool bySupervisor, Actor by, DateTimeOffset now)
    {
        now = StoredTime.Of(now);
        if (CloseProblem(summary, counted, supervisorNote, bySupervisor) is { } problem)
        {
            throw new DomainRuleException(problem);
        }
        var numbers = summary.Receipts.Select(r => r.Number).Order(StringComparer.Ordinal).ToList();
        var note = string.IsNullOrWhiteSpace(supervisorNote) ? null : supervisorNote.Trim();
        var day = new CashDay
        {
            Id = Guid.CreateVersion7(now), PropertyId = summary.PropertyId, CashierId = summary.CashierId,
            CashierName = Deposit.Shorten(summary.CashierName, Actor.NameMaxLength), Day = summary.Day,
            ReceiptCount = summary.Receipts.Count(r => !r.Voided), VoidedReceiptCount = summary.Receipts.Count(r => r.Voided),
            FirstReceiptNumber = numbers.FirstOrDefault(), LastReceiptNumber = numbers.LastOrDefault(),
            ReceiptsTotal = summary.ReceiptsTotal, DepositsIn = summary.DepositsIn, DepositsOut = summary.DepositsOut, Expected = summary.Expected,
            Counted = counted, SupervisorNote = note is null ? null : Deposit.Shorten(note, NoteMaxLength), ClosedAt = now,
            ClosedById = by.PersonId, ClosedByName = Deposit.Shorten(by.Name, Actor.NameMaxLength),
        };
        day.Raise(new CashDayClosed(Guid.CreateVersion7(now), now, day.PropertyId, day.Id, day.CashierId, day.CashierName, day.Day, day.ReceiptCount,
            day.Expected, day.Counted, day.Balanced, day.SupervisorNote, by.PersonId, day.ClosedByName));
        return day;
    }
}
