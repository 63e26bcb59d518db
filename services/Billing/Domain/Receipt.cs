using PropertyPlatform.Contracts.Billing;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Billing.Domain;

/// <summary>
/// A receipt's number: one series per property and year, numbered without gaps — <c>SJ-2026-000001</c>, then
/// <c>…000002</c>. The sequence is taken inside the payment's transaction, so a payment that fails gives its number back
/// and a voided receipt keeps its number (marked 作废).
/// </summary>
public static class ReceiptNumber
{
    public const string Prefix = "SJ";

    public static string SeriesOf(int year) => $"{Prefix}-{year:0000}";

    public static string Format(int year, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, 999_999);
        return $"{SeriesOf(year)}-{sequence:000000}";
    }
}

/// <summary>
/// The receipt (收据) of one payment, with the seed's fields: paid at, unit, fee items and periods, the amount in figures
/// and in Chinese capitals (大写), cashier and payer. Its number is never reused: a voided receipt stays, marked 作废
/// with the reason.
/// </summary>
public sealed class Receipt : AggregateRoot
{
    private readonly List<ReceiptLine> _lines = [];

    private Receipt()
    {
    }

    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    /// <summary>The numbering series, e.g. <c>SJ-2026</c> (per property).</summary>
    public string Series { get; private set; } = "";

    public int Sequence { get; private set; }

    public string Number { get; private set; } = "";

    public Guid PaymentId { get; private set; }

    public Guid UnitId { get; private set; }

    public string BuildingName { get; private set; } = "";

    public string UnitNumber { get; private set; } = "";

    public DateTimeOffset PaidAt { get; private set; }

    public PaymentMethod Method { get; private set; }

    public decimal Amount { get; private set; }

    /// <summary>The amount in capitals, e.g. 壹佰贰拾叁元肆角伍分 (the printed receipt puts 人民币 in front).</summary>
    public string AmountInWords { get; private set; } = "";

    /// <summary>What of the amount no bill line needed: kept as the unit's credit (预收).</summary>
    public decimal Credit { get; private set; }

    public string PayerName { get; private set; } = "";

    public Guid CashierId { get; private set; }

    public string CashierName { get; private set; } = "";

    public bool Voided { get; private set; }

    public string? VoidReason { get; private set; }

    public DateTimeOffset? VoidedAt { get; private set; }

    public Guid? VoidedById { get; private set; }

    public string? VoidedByName { get; private set; }

    public IReadOnlyList<ReceiptLine> Lines => _lines;

    /// <summary>The receipt of <paramref name="payment"/>, listing what it paid of <paramref name="lines"/>.</summary>
    public static Receipt Issue(Payment payment, IReadOnlyDictionary<Guid, BillLine> lines, int year, int sequence, DateTimeOffset now)
    {
        var receipt = new Receipt
        {
            Id = Guid.CreateVersion7(now),
            PropertyId = payment.PropertyId,
            Series = ReceiptNumber.SeriesOf(year),
            Sequence = sequence,
            Number = ReceiptNumber.Format(year, sequence),
            PaymentId = payment.Id,
            UnitId = payment.UnitId,
            BuildingName = payment.BuildingName,
            UnitNumber = payment.UnitNumber,
            PaidAt = payment.ReceivedAt,
            Method = payment.Method,
            Amount = payment.Amount,
            AmountInWords = ChineseAmount.ToCapitals(payment.Amount),
            Credit = payment.Credit,
            PayerName = payment.PayerName,
            CashierId = payment.CashierId,
            CashierName = payment.CashierName,
        };
        foreach (var allocation in payment.Allocations.Where(a => a.UndoneAt is null))
        {
            var line = lines[allocation.BillLineId];
            receipt._lines.Add(new ReceiptLine(Guid.CreateVersion7(now), receipt.Id, allocation.Item, allocation.Period, line.Description, allocation.Amount));
        }
        return receipt;
    }

    /// <summary>Voids the receipt (作废): the number stays taken and shows the reason. A voided receipt stays voided.</summary>
    public void Void(string reason, Actor by, DateTimeOffset now)
    {
        if (Voided)
        {
            throw new DomainRuleException($"Receipt {Number} is void already.");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Give the reason the receipt is void.");
        }
        Voided = true;
        VoidReason = reason.Trim();
        VoidedAt = StoredTime.Of(now.ToUniversalTime());
        VoidedById = by.PersonId;
        VoidedByName = by.Name;
        Raise(new ReceiptVoided(Guid.CreateVersion7(now), now, PropertyId, Id, Number, PaymentId, VoidReason, by.PersonId, by.Name));
    }
}

/// <summary>One fee item and period a receipt covers, and the amount paid of it.</summary>
public sealed class ReceiptLine
{
    public ReceiptLine(Guid id, Guid receiptId, FeeItem item, string period, string description, decimal amount)
    {
        Id = id;
        ReceiptId = receiptId;
        Item = item;
        Period = period;
        Description = description;
        Amount = amount;
    }

    // For EF Core, which sets the properties itself.
    private ReceiptLine()
    {
    }

    public Guid Id { get; private set; }

    public Guid ReceiptId { get; private set; }

    public FeeItem Item { get; private set; }

    public string Period { get; private set; } = "";

    public string Description { get; private set; } = "";

    public decimal Amount { get; private set; }
}
