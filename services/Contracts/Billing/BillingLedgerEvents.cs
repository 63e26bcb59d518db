namespace PropertyPlatform.Contracts.Billing;

// Billing's integration contracts, version 1 (README "Integration events"). For accounting and payment integrations and
// for notifications. A published event's shape never changes: a new shape is a new type named with its version
// (e.g. BillIssuedV2) and is published beside the old one until every consumer has moved. Amounts are CNY, exact to
// the fen; periods are months written yyyy-MM.

/// <summary>How a payment was made.</summary>
public enum PaymentMethod
{
    /// <summary>现金</summary>
    Cash,
    /// <summary>银行转账</summary>
    BankTransfer,
    /// <summary>刷卡</summary>
    Card,
    /// <summary>线上支付, posted by a payment integration.</summary>
    Online,
}

/// <summary>
/// A bill line was issued (by a bill run, or for a paid service): <paramref name="UnitId"/> owes <paramref name="Amount"/>
/// for <paramref name="Item"/> in <paramref name="Period"/>, due on <paramref name="DueDate"/>. <paramref name="PayerId"/>
/// is the occupant who pays, when Billing knows them.
/// </summary>
public sealed record BillIssued(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid BillLineId,
    Guid UnitId,
    string UnitNumber,
    Guid? PayerId,
    string Period,
    FeeItem Item,
    string Description,
    decimal Amount,
    DateOnly DueDate) : IIntegrationEvent;

/// <summary>One bill line a payment (or credit from it) paid, and how much of it.</summary>
public sealed record PaymentAllocationV1(Guid BillLineId, string Period, FeeItem Item, decimal Amount);

/// <summary>
/// A payment was taken for a unit, its receipt numbered <paramref name="ReceiptNumber"/>. What the allocations do not
/// cover stays with the unit as credit (<paramref name="Credit"/>) for later bills.
/// </summary>
public sealed record PaymentReceived(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid PaymentId,
    Guid UnitId,
    string UnitNumber,
    PaymentMethod Method,
    decimal Amount,
    string PayerName,
    Guid CashierId,
    string CashierName,
    string ReceiptNumber,
    IReadOnlyList<PaymentAllocationV1> Allocations,
    decimal Credit) : IIntegrationEvent;

/// <summary>A payment was reversed (冲正) with a reason: the lines it paid are open again for what it had paid.</summary>
public sealed record PaymentReversed(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid PaymentId,
    Guid UnitId,
    decimal Amount,
    string Reason,
    Guid ActorId,
    string ActorName) : IIntegrationEvent;

/// <summary>A receipt was voided (作废): its number stays taken, marked void with the reason.</summary>
public sealed record ReceiptVoided(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid ReceiptId,
    string ReceiptNumber,
    Guid PaymentId,
    string Reason,
    Guid ActorId,
    string ActorName) : IIntegrationEvent;

/// <summary>What a deposit (押金) secures.</summary>
public enum DepositKind
{
    /// <summary>出入证押金: an access card for a contractor or renovation worker, refunded when the card is returned.</summary>
    AccessCard,
    /// <summary>装修押金: a renovation, refunded (less any damage) after acceptance.</summary>
    Renovation,
    /// <summary>Any other deposit the property takes.</summary>
    Other,
}

/// <summary>A deposit was taken for a unit (by <paramref name="Method"/>); it is held until refunded or forfeited.</summary>
public sealed record DepositTaken(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid DepositId,
    Guid UnitId,
    string UnitNumber,
    Guid? OccupantId,
    string PayerName,
    DepositKind Kind,
    decimal Amount,
    PaymentMethod Method,
    Guid CashierId,
    string CashierName) : IIntegrationEvent;

/// <summary>Part or all of a deposit was paid back; <paramref name="Balance"/> is what is still held after it.</summary>
public sealed record DepositRefunded(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid DepositId,
    Guid UnitId,
    Guid? OccupantId,
    DepositKind Kind,
    decimal Amount,
    PaymentMethod Method,
    decimal Balance,
    string? Reason,
    Guid ActorId,
    string ActorName) : IIntegrationEvent;

/// <summary>Part or all of a deposit was kept by the property (扣除) for <paramref name="Reason"/>; <paramref name="Balance"/> is still held.</summary>
public sealed record DepositForfeited(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid DepositId,
    Guid UnitId,
    Guid? OccupantId,
    DepositKind Kind,
    decimal Amount,
    decimal Balance,
    string Reason,
    Guid ActorId,
    string ActorName) : IIntegrationEvent;

/// <summary>
/// A cashier's day was closed (日清日缴): <paramref name="Expected"/> is the cash the day's valid cash receipts and cash
/// deposits add up to, <paramref name="Counted"/> the cash handed in on the remittance slip (现金缴款单). When they differ
/// (<paramref name="Balanced"/> false) a supervisor's note explains it.
/// </summary>
public sealed record CashDayClosed(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid CashDayId,
    Guid CashierId,
    string CashierName,
    DateOnly Day,
    int Receipts,
    decimal Expected,
    decimal Counted,
    bool Balanced,
    string? SupervisorNote,
    Guid ClosedById,
    string ClosedByName) : IIntegrationEvent;

/// <summary>
/// A unit is in arrears (欠费) and its payer is to be reminded (催缴): <paramref name="Amount"/> of its lines is past due,
/// the oldest since <paramref name="OldestDueDate"/> (<paramref name="DaysOverdue"/> days on <paramref name="AsOf"/>).
/// <paramref name="PayerId"/> is the occupant billed, null when Billing knew none (then the unit's occupants are meant).
/// At most one per unit, payer and day.
/// </summary>
public sealed record ArrearsReminderDue(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid UnitId,
    string BuildingName,
    string UnitNumber,
    Guid? PayerId,
    decimal Amount,
    int Lines,
    DateOnly OldestDueDate,
    int DaysOverdue,
    DateOnly AsOf) : IIntegrationEvent;
