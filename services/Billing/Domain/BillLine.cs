using PropertyPlatform.Contracts.Billing;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Billing.Domain;

public enum BillLineStatus
{
    /// <summary>Not (fully) paid yet.</summary>
    Open,
    /// <summary>Paid in full.</summary>
    Settled,
}

/// <summary>
/// One charge to a unit (账单明细): a fee item for a period, exact to the fen, due on a day, and how much of it has
/// been paid. There is one line per unit, period and fee item (the database's unique index); a paid service adds its
/// work order as <see cref="SourceId"/>, so two paid services in one month are two lines and a redelivered event none.
/// </summary>
public sealed class BillLine : AggregateRoot
{
    public const int DescriptionMaxLength = 300;

    private BillLine()
    {
    }

    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    public Guid UnitId { get; private set; }

    public Guid BuildingId { get; private set; }

    public string BuildingName { get; private set; } = "";

    public string UnitNumber { get; private set; } = "";

    /// <summary>The occupant who pays, when Billing knows them (a paid service's requester); null otherwise.</summary>
    public Guid? PayerId { get; private set; }

    /// <summary>The month charged, <c>yyyy-MM</c>.</summary>
    public string Period { get; private set; } = "";

    public FeeItem Item { get; private set; }

    /// <summary>What charged it besides the period: the work order of a paid service; <see cref="Guid.Empty"/> for a bill run's line.</summary>
    public Guid SourceId { get; private set; }

    public string Description { get; private set; } = "";

    /// <summary>CNY, rounded half-up to the fen.</summary>
    public decimal Amount { get; private set; }

    public decimal AmountPaid { get; private set; }

    public decimal AmountOpen => Amount - AmountPaid;

    public DateOnly DueDate { get; private set; }

    public BillLineStatus Status { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    /// <summary>
    /// Issues a line and raises <see cref="BillIssued"/>. The amount must already be exact to the fen: rounding is the
    /// charge's rule (per line), not the line's.
    /// </summary>
    public static BillLine Issue(
        UnitCopy unit, Guid? payerId, BillingPeriod period, FeeItem item, Guid sourceId, string description, decimal amount,
        DateOnly dueDate, DateTimeOffset now)
    {
        if (amount <= 0)
        {
            throw new DomainRuleException("A bill line charges an amount above zero.");
        }
        if (Money.RoundToFen(amount) != amount)
        {
            throw new DomainRuleException("A bill line's amount is exact to the fen.");
        }

        var line = new BillLine
        {
            Id = Guid.CreateVersion7(now),
            PropertyId = unit.PropertyId,
            UnitId = unit.Id,
            BuildingId = unit.BuildingId,
            BuildingName = unit.BuildingName,
            UnitNumber = unit.Number,
            PayerId = payerId,
            Period = period.ToString(),
            Item = item,
            SourceId = sourceId,
            Description = description.Length > DescriptionMaxLength ? description[..DescriptionMaxLength] : description,
            Amount = amount,
            DueDate = dueDate,
            Status = BillLineStatus.Open,
            IssuedAt = StoredTime.Of(now.ToUniversalTime()),
        };
        line.Raise(new BillIssued(Guid.CreateVersion7(now), now, line.PropertyId, line.Id, line.UnitId, line.UnitNumber, payerId,
            line.Period, item, line.Description, amount, dueDate));
        return line;
    }

    /// <summary>Pays up to what is open; a line is never paid beyond its amount.</summary>
    internal void Pay(decimal amount)
    {
        if (amount <= 0 || amount > AmountOpen)
        {
            throw new InvalidOperationException($"Cannot pay {amount} of a line with {AmountOpen} open.");
        }
        AmountPaid += amount;
        Status = AmountPaid == Amount ? BillLineStatus.Settled : BillLineStatus.Open;
    }

    /// <summary>Takes back what a reversed payment had paid: the line is open again for it.</summary>
    internal void Unpay(decimal amount)
    {
        if (amount <= 0 || amount > AmountPaid)
        {
            throw new InvalidOperationException($"Cannot take back {amount} of a line with {AmountPaid} paid.");
        }
        AmountPaid -= amount;
        Status = BillLineStatus.Open;
    }

    /// <summary>The order open lines are paid in: oldest due date first, then oldest period, then as issued.</summary>
    public static IOrderedEnumerable<BillLine> OldestFirst(IEnumerable<BillLine> lines) =>
        lines.OrderBy(l => l.DueDate).ThenBy(l => l.Period, StringComparer.Ordinal).ThenBy(l => l.Id);
}
