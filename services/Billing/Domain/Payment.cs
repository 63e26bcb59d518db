using PropertyPlatform.Contracts.Billing;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Billing.Domain;

public enum PaymentStatus
{
    Received,
    /// <summary>Reversed (冲正) with a reason; kept, never deleted, its allocations undone.</summary>
    Reversed,
}

/// <summary>
/// Money a unit paid (收款): allocated to its oldest open bill lines first; what no line needs stays with the unit as
/// credit (<see cref="Credit"/>) and pays its later lines as they are issued. A payment is never deleted: reversing it
/// undoes its allocations and reopens the lines for what it had paid.
/// </summary>
public sealed class Payment : AggregateRoot
{
    public const int PayerNameMaxLength = 100;
    public const int IdempotencyKeyMaxLength = 100;
    public const int ReasonMaxLength = 500;

    /// <summary>The most one payment takes (what numeric(14,2) holds, with room for sums).</summary>
    public const decimal MaxAmount = 99_999_999.99m;

    private readonly List<PaymentAllocation> _allocations = [];

    private Payment()
    {
    }

    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    public Guid UnitId { get; private set; }

    public string BuildingName { get; private set; } = "";

    public string UnitNumber { get; private set; } = "";

    public PaymentMethod Method { get; private set; }

    public decimal Amount { get; private set; }

    public string PayerName { get; private set; } = "";

    /// <summary>The client's key for this payment (an integration's transaction id): the same key is the same payment.</summary>
    public string? IdempotencyKey { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public Guid CashierId { get; private set; }

    public string CashierName { get; private set; } = "";

    public PaymentStatus Status { get; private set; }

    public DateTimeOffset? ReversedAt { get; private set; }

    public string? ReversalReason { get; private set; }

    public Guid? ReversedById { get; private set; }

    public string? ReversedByName { get; private set; }

    public IReadOnlyList<PaymentAllocation> Allocations => _allocations;

    /// <summary>What the payment pays now: its allocations not undone.</summary>
    public decimal Allocated => _allocations.Where(a => a.UndoneAt is null).Sum(a => a.Amount);

    /// <summary>What is left of it for later lines (预收); nothing once reversed.</summary>
    public decimal Credit => Status == PaymentStatus.Received ? Amount - Allocated : 0m;

    public static Payment Take(
        UnitCopy unit, PaymentMethod method, decimal amount, string payerName, string? idempotencyKey, Actor cashier, DateTimeOffset now)
    {
        if (AmountProblem(amount) is { } problem)
        {
            throw new DomainRuleException(problem);
        }
        if (string.IsNullOrWhiteSpace(payerName))
        {
            throw new DomainRuleException("Name the payer: the receipt shows who paid.");
        }
        return new Payment
        {
            Id = Guid.CreateVersion7(now),
            PropertyId = unit.PropertyId,
            UnitId = unit.Id,
            BuildingName = unit.BuildingName,
            UnitNumber = unit.Number,
            Method = method,
            Amount = amount,
            PayerName = payerName.Trim(),
            IdempotencyKey = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim(),
            ReceivedAt = Stored(now),
            CashierId = cashier.PersonId,
            CashierName = cashier.Name,
            Status = PaymentStatus.Received,
        };
    }

    public static string? AmountProblem(decimal amount)
    {
        if (amount <= 0)
        {
            return "A payment is an amount above zero.";
        }
        if (amount > MaxAmount)
        {
            return $"A payment cannot exceed {MaxAmount}.";
        }
        return Money.RoundToFen(amount) != amount ? "A payment is exact to the fen (at most two decimals)." : null;
    }

    /// <summary>
    /// Pays the unit's open lines from what is left of this payment, oldest first (<see cref="BillLine.OldestFirst"/>),
    /// each as far as it goes: a line is paid in full before the next gets anything, and the last one reached may stay
    /// partly open. Returns the allocations made.
    /// </summary>
    public IReadOnlyList<PaymentAllocation> AllocateOldestFirst(IEnumerable<BillLine> lines, DateTimeOffset now)
    {
        var made = new List<PaymentAllocation>();
        foreach (var line in BillLine.OldestFirst(lines.Where(l => l.UnitId == UnitId && l.AmountOpen > 0)))
        {
            var amount = Math.Min(Credit, line.AmountOpen);
            if (amount <= 0)
            {
                break;
            }
            line.Pay(amount);
            var allocation = new PaymentAllocation(Guid.CreateVersion7(now), Id, line.Id, line.Period, line.Item, amount, Stored(now));
            _allocations.Add(allocation);
            made.Add(allocation);
        }
        return made;
    }

    /// <summary>Announces the payment with its receipt's number, the lines it paid and the credit left.</summary>
    public void AnnounceReceived(string receiptNumber, DateTimeOffset now) =>
        Raise(new PaymentReceived(Guid.CreateVersion7(now), now, PropertyId, Id, UnitId, UnitNumber, Method, Amount, PayerName, CashierId,
            CashierName, receiptNumber,
            _allocations.Where(a => a.UndoneAt is null).Select(a => new PaymentAllocationV1(a.BillLineId, a.Period, a.Item, a.Amount)).ToList(),
            Credit));

    /// <summary>
    /// Reverses the payment (冲正): every allocation not undone yet is undone and its line reopened for that amount.
    /// <paramref name="lines"/> must hold the lines it paid. A reversed payment cannot be reversed again.
    /// </summary>
    public void Reverse(string reason, IReadOnlyDictionary<Guid, BillLine> lines, Actor by, DateTimeOffset now)
    {
        if (Status == PaymentStatus.Reversed)
        {
            throw new DomainRuleException("This payment is reversed already.");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Give the reason for the reversal.");
        }
        foreach (var allocation in _allocations.Where(a => a.UndoneAt is null))
        {
            lines[allocation.BillLineId].Unpay(allocation.Amount);
            allocation.Undo(Stored(now));
        }
        Status = PaymentStatus.Reversed;
        ReversedAt = Stored(now);
        ReversalReason = reason.Trim();
        ReversedById = by.PersonId;
        ReversedByName = by.Name;
        Raise(new PaymentReversed(Guid.CreateVersion7(now), now, PropertyId, Id, UnitId, Amount, ReversalReason, by.PersonId, by.Name));
    }

    private static DateTimeOffset Stored(DateTimeOffset time) => StoredTime.Of(time.ToUniversalTime());
}

/// <summary>How much of a payment went to one bill line, and — once its payment is reversed — when that was undone.</summary>
public sealed class PaymentAllocation
{
    public PaymentAllocation(Guid id, Guid paymentId, Guid billLineId, string period, FeeItem item, decimal amount, DateTimeOffset allocatedAt)
    {
        Id = id;
        PaymentId = paymentId;
        BillLineId = billLineId;
        Period = period;
        Item = item;
        Amount = amount;
        AllocatedAt = allocatedAt;
    }

    // For EF Core, which sets the properties itself.
    private PaymentAllocation()
    {
    }

    public Guid Id { get; private set; }

    public Guid PaymentId { get; private set; }

    public Guid BillLineId { get; private set; }

    public string Period { get; private set; } = "";

    public FeeItem Item { get; private set; }

    public decimal Amount { get; private set; }

    public DateTimeOffset AllocatedAt { get; private set; }

    public DateTimeOffset? UndoneAt { get; private set; }

    internal void Undo(DateTimeOffset at) => UndoneAt = at;
}

/// <summary>A unit's account: credit from earlier payments pays lines issued later.</summary>
public static class UnitAccount
{
    /// <summary>
    /// Applies the credit of <paramref name="payments"/> (oldest payment first) to the open <paramref name="lines"/>,
    /// oldest line first; returns the allocations made.
    /// </summary>
    public static IReadOnlyList<PaymentAllocation> ApplyCredit(IEnumerable<Payment> payments, IReadOnlyCollection<BillLine> lines, DateTimeOffset now) =>
        payments.Where(p => p.Credit > 0).OrderBy(p => p.ReceivedAt).ThenBy(p => p.Id)
            .SelectMany(p => p.AllocateOldestFirst(lines, now)).ToList();
}
