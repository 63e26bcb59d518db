using PropertyPlatform.Contracts.Billing;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Billing.Domain;

public enum DepositStatus
{
    /// <summary>Something of it is still held.</summary>
    Held,
    /// <summary>Nothing is held any more: all refunded or forfeited.</summary>
    Closed,
    /// <summary>Owed, not paid yet: an access card was issued at the front desk and the cashier is still to take its deposit.</summary>
    Owed,
    /// <summary>Owed and never paid, and no longer owed: the card came back before its deposit was taken.</summary>
    Cancelled,
    /// <summary>
    /// Held, and to be paid back: the card came back while the desk's cash day was already closed, so the cash waits for
    /// a cashier to pay it out (<c>POST /deposits/{id}/refund</c>).
    /// </summary>
    RefundDue,
}

public enum DepositStepKind
{
    Taken,
    Refunded,
    /// <summary>Kept by the property (扣除), e.g. for damage; with a reason.</summary>
    Forfeited,
}

/// <summary>One recorded step of a deposit: taken, refunded (part or all) or forfeited (part or all).</summary>
public sealed class DepositStep
{
    private DepositStep()
    {
    }

    public Guid Id { get; private set; }

    public Guid DepositId { get; private set; }

    public DepositStepKind Kind { get; private set; }

    public decimal Amount { get; private set; }

    /// <summary>How the money moved; null for a forfeiture (no money moves).</summary>
    public PaymentMethod? Method { get; private set; }

    public string? Reason { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid ActorId { get; private set; }

    public string ActorName { get; private set; } = "";

    internal static DepositStep Of(Guid depositId, DepositStepKind kind, decimal amount, PaymentMethod? method, string? reason, Actor by, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now), DepositId = depositId, Kind = kind, Amount = amount, Method = method, Reason = reason, At = now,
            ActorId = by.PersonId, ActorName = Deposit.Shorten(by.Name, Actor.NameMaxLength),
        };
}

/// <summary>
/// A deposit (押金) an occupant paid for a unit — an access card's (出入证押金), a renovation's (装修押金) — held until it is
/// refunded or forfeited, in part or whole, each step recorded and never deleted. What is held is what was taken less
/// what was refunded and forfeited; it never goes below zero.
/// </summary>
public sealed class Deposit : AggregateRoot
{
    public const int NameMaxLength = 100;
    public const int ReasonMaxLength = 500;

    private readonly List<DepositStep> _steps = [];

    private Deposit()
    {
    }

    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    public Guid UnitId { get; private set; }

    public string BuildingName { get; private set; } = "";

    public string UnitNumber { get; private set; } = "";

    /// <summary>The occupant who paid it, when known; refunds go back to them.</summary>
    public Guid? OccupantId { get; private set; }

    public string PayerName { get; private set; } = "";

    public DepositKind Kind { get; private set; }

    public decimal Amount { get; private set; }

    public DateTimeOffset TakenAt { get; private set; }

    public DepositStatus Status { get; private set; }

    /// <summary>The access card (出入证) the deposit is for, when it came from the front desk; one deposit per card.</summary>
    public Guid? AccessCardId { get; private set; }

    public string? CardNumber { get; private set; }

    /// <summary>The card was reported lost while its deposit was still owed: taking it keeps it at once.</summary>
    public bool CardLost { get; private set; }

    public IReadOnlyList<DepositStep> Steps => _steps;

    /// <summary>What was paid in; nothing while the deposit is owed.</summary>
    public decimal Taken => _steps.Where(s => s.Kind == DepositStepKind.Taken).Sum(s => s.Amount);

    public decimal Refunded => _steps.Where(s => s.Kind == DepositStepKind.Refunded).Sum(s => s.Amount);

    public decimal Forfeited => _steps.Where(s => s.Kind == DepositStepKind.Forfeited).Sum(s => s.Amount);

    /// <summary>What is still held (余额).</summary>
    public decimal Balance => Taken - Refunded - Forfeited;

    internal static string Shorten(string text, int maxLength) => text.Length > maxLength ? text[..maxLength] : text;

    public static string? AmountProblem(decimal amount) =>
        amount <= 0 ? "The amount must be above zero."
        : Money.RoundToFen(amount) != amount ? "The amount is exact to the fen (two decimals)."
        : amount > Payment.MaxAmount ? $"The amount cannot exceed {Payment.MaxAmount}."
        : null;

    /// <summary>Takes a deposit and raises <see cref="DepositTaken"/>.</summary>
    public static Deposit Take(
        UnitCopy unit, Guid? occupantId, string payerName, DepositKind kind, decimal amount, PaymentMethod method, Actor cashier, DateTimeOffset now)
    {
        now = StoredTime.Of(now);
        if (AmountProblem(amount) is { } problem)
        {
            throw new DomainRuleException(problem);
        }
        var deposit = new Deposit
        {
            Id = Guid.CreateVersion7(now), PropertyId = unit.PropertyId, UnitId = unit.Id, BuildingName = unit.BuildingName, UnitNumber = unit.Number,
            OccupantId = occupantId, PayerName = Deposit.Shorten(payerName.Trim(), NameMaxLength), Kind = kind, Amount = amount, TakenAt = now,
            Status = DepositStatus.Held,
        };
        deposit._steps.Add(DepositStep.Of(deposit.Id, DepositStepKind.Taken, amount, method, null, cashier, now));
        deposit.Raise(new DepositTaken(Guid.CreateVersion7(now), now, deposit.PropertyId, deposit.Id, unit.Id, unit.Number, occupantId,
            deposit.PayerName, kind, amount, method, cashier.PersonId, cashier.Name));
        return deposit;
    }

    /// <summary>
    /// An access card's deposit owed by the unit: the front desk issued the card (<c>AccessCardIssued</c>), the cashier is
    /// to take the money (<see cref="TakeOwed"/>). Nothing is held yet, so nothing is announced until it is paid.
    /// </summary>
    public static Deposit Owe(UnitCopy unit, Guid? occupantId, string payerName, decimal amount, Guid accessCardId, string cardNumber, DateTimeOffset now)
    {
        now = StoredTime.Of(now);
        if (AmountProblem(amount) is { } problem)
        {
            throw new DomainRuleException(problem);
        }
        return new Deposit
        {
            Id = Guid.CreateVersion7(now), PropertyId = unit.PropertyId, UnitId = unit.Id, BuildingName = unit.BuildingName, UnitNumber = unit.Number,
            OccupantId = occupantId, PayerName = Shorten(payerName.Trim(), NameMaxLength), Kind = DepositKind.AccessCard, Amount = amount,
            TakenAt = now, Status = DepositStatus.Owed, AccessCardId = accessCardId, CardNumber = Shorten(cardNumber, CardNumberMaxLength),
        };
    }

    public const int CardNumberMaxLength = 32;

    /// <summary>
    /// The cashier takes an owed deposit: recorded as its first step, with <see cref="DepositTaken"/>. A card reported lost
    /// meanwhile keeps the deposit at once (as a lost card's deposit is kept).
    /// </summary>
    public void TakeOwed(PaymentMethod method, Actor cashier, DateTimeOffset now)
    {
        if (Status != DepositStatus.Owed)
        {
            throw new DomainRuleException(Status == DepositStatus.Cancelled
                ? "This deposit is no longer owed: the card came back before it was paid."
                : "This deposit is paid already.");
        }
        now = StoredTime.Of(now);
        _steps.Add(DepositStep.Of(Id, DepositStepKind.Taken, Amount, method, null, cashier, now));
        TakenAt = now;
        Status = DepositStatus.Held;
        Raise(new DepositTaken(Guid.CreateVersion7(now), now, PropertyId, Id, UnitId, UnitNumber, OccupantId, PayerName, Kind, Amount, method,
            cashier.PersonId, cashier.Name));
        if (CardLost)
        {
            Forfeit(Amount, $"出入证 {CardNumber} 遗失", cashier, now);
        }
    }

    /// <summary>How the deposit was paid in: a refund goes back the same way.</summary>
    public PaymentMethod PaidWith => _steps.FirstOrDefault(s => s.Kind == DepositStepKind.Taken)?.Method ?? PaymentMethod.Cash;

    /// <summary>
    /// The access card came back to the front desk: what is held is paid back the way it was paid in, by whoever took the
    /// card back; a deposit still owed is owed no more. Cash when the desk's cash day is closed already (it takes no more
    /// cash) is not paid out: the deposit becomes <see cref="DepositStatus.RefundDue"/> for a cashier to refund later. A
    /// card already settled changes nothing (the event came again).
    /// </summary>
    public void CardReturned(Actor by, DateTimeOffset now, bool cashDayClosed = false)
    {
        switch (Status)
        {
            case DepositStatus.Owed:
                Status = DepositStatus.Cancelled;
                break;
            case DepositStatus.Held when PaidWith == PaymentMethod.Cash && cashDayClosed:
                Status = DepositStatus.RefundDue;
                break;
            case DepositStatus.Held:
                Refund(Balance, PaidWith, $"出入证 {CardNumber} 退还", by, now);
                break;
        }
    }

    /// <summary>
    /// The access card was reported lost: what is held is kept (扣除); a deposit still owed stays owed and is kept as soon
    /// as it is paid. A deposit already settled changes nothing.
    /// </summary>
    public void CardReportedLost(string? note, Actor by, DateTimeOffset now)
    {
        var reason = string.IsNullOrWhiteSpace(note) ? $"出入证 {CardNumber} 遗失" : $"出入证 {CardNumber} 遗失: {note.Trim()}";
        switch (Status)
        {
            case DepositStatus.Owed:
                CardLost = true;
                break;
            case DepositStatus.Held:
                Forfeit(Balance, reason, by, now);
                break;
        }
    }

    /// <summary>Pays back part or all of what is held and raises <see cref="DepositRefunded"/>.</summary>
    public DepositStep Refund(decimal amount, PaymentMethod method, string? reason, Actor by, DateTimeOffset now)
    {
        var step = Release(DepositStepKind.Refunded, amount, method, reason, by, now);
        Raise(new DepositRefunded(Guid.CreateVersion7(now), step.At, PropertyId, Id, UnitId, OccupantId, Kind, amount, method, Balance,
            step.Reason, by.PersonId, by.Name));
        return step;
    }

    /// <summary>Keeps part or all of what is held (扣除), with the reason, and raises <see cref="DepositForfeited"/>.</summary>
    public DepositStep Forfeit(decimal amount, string reason, Actor by, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Say why the deposit is kept.");
        }
        var step = Release(DepositStepKind.Forfeited, amount, null, reason, by, now);
        Raise(new DepositForfeited(Guid.CreateVersion7(now), step.At, PropertyId, Id, UnitId, OccupantId, Kind, amount, Balance,
            step.Reason!, by.PersonId, by.Name));
        return step;
    }

    private DepositStep Release(DepositStepKind kind, decimal amount, PaymentMethod? method, string? reason, Actor by, DateTimeOffset now)
    {
        now = StoredTime.Of(now);
        if (AmountProblem(amount) is { } problem)
        {
            throw new DomainRuleException(problem);
        }
        if (Status is DepositStatus.Owed or DepositStatus.Cancelled)
        {
            throw new DomainRuleException("Nothing of this deposit was paid yet: there is nothing to refund or keep.");
        }
        if (amount > Balance)
        {
            throw new DomainRuleException(Balance == 0
                ? "Nothing of this deposit is held any more."
                : $"Only {Balance:0.00} of this deposit is held: no more can be refunded or kept.");
        }
        var step = DepositStep.Of(Id, kind, amount, method, string.IsNullOrWhiteSpace(reason) ? null : Deposit.Shorten(reason.Trim(), ReasonMaxLength), by, now);
        _steps.Add(step);
        // A refund due stays due until all of it is paid out or kept.
        Status = Balance == 0 ? DepositStatus.Closed : Status == DepositStatus.RefundDue ? DepositStatus.RefundDue : DepositStatus.Held;
        return step;
    }
}
