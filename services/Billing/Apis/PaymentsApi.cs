using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Billing.Domain;
using PropertyPlatform.Billing.Infrastructure;
using PropertyPlatform.Contracts.Billing;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Billing.Apis;

public static class PaymentsApi
{
    public static IEndpointRouteBuilder MapPaymentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/payments").WithTags("Payments");

        // Who may call what (README "Who may call what"): the cashier is finance; always within the caller's properties.
        api.MapPost("/", TakePayment).WithName("TakePayment").Validate<TakePaymentRequest>().ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRoles(Roles.Finance, Roles.Admin);
        api.MapGet("/{id:guid}", GetPayment).WithName("GetPayment")
            .RequireRoles(Roles.Finance, Roles.Manager, Roles.Admin);
        api.MapPost("/{id:guid}/reverse", ReversePayment).WithName("ReversePayment").Validate<ReasonRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRoles(Roles.Finance, Roles.Admin);
        return app;
    }

    /// <summary>
    /// Takes a payment for a unit: allocated to its oldest open lines first, the rest kept as credit, a receipt numbered
    /// in the property's series for the year, and <see cref="PaymentReceived"/> — all in one transaction. The cashier is
    /// the caller. A repeated <c>idempotencyKey</c> answers the payment it first made (200) and takes nothing.
    /// </summary>
    public static async Task<Results<Created<PaymentView>, Ok<PaymentView>, ValidationProblem, ProblemHttpResult>> TakePayment(
        TakePaymentRequest request, Caller caller, BillingDbContext db, UnitAccounts accounts, CashDays cashDays, PropertyCalendar calendar,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.UnitId, cancellationToken);
        if (unit is null || !caller.CanSeeProperty(unit.PropertyId))
        {
            return ProblemResults.Invalid("unitId", "No unit with this id is known.");
        }
        var key = string.IsNullOrWhiteSpace(request.IdempotencyKey) ? null : request.IdempotencyKey.Trim();
        if (key is not null && await ByKeyAsync(db, unit.PropertyId, key, cancellationToken) is { } earlier)
        {
            return TypedResults.Ok(earlier);
        }

        var now = time.GetUtcNow();
        Payment payment;
        Receipt receipt;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // A cashier's closed day takes no more cash (日清日缴).
            if (request.Method == PaymentMethod.Cash && await cashDays.ClosedProblemAsync(unit.PropertyId, caller.PersonId, now, cancellationToken) is { } closed)
            {
                return closed;
            }
            await accounts.LockAsync(unit.Id, cancellationToken);
            var open = await accounts.OpenLinesAsync(unit.Id, cancellationToken);
            payment = Payment.Take(unit, request.Method!.Value, request.Amount!.Value, request.PayerName!, key, caller.AsActor(), now);
            payment.AllocateOldestFirst(open, now);

            var year = calendar.DayOf(now).Year;
            var sequence = await accounts.NextReceiptSequenceAsync(unit.PropertyId, ReceiptNumber.SeriesOf(year), cancellationToken);
            receipt = Receipt.Issue(payment, open.ToDictionary(l => l.Id), year, sequence, now);
            payment.AnnounceReceived(receipt.Number, now);
            db.Payments.Add(payment);
            db.Receipts.Add(receipt);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation() && key is not null)
        {
            // The same key at the same moment: the other request made the payment; this one answers it.
            db.ChangeTracker.Clear();
            return await ByKeyAsync(db, unit.PropertyId, key, cancellationToken) is { } first
                ? TypedResults.Ok(first)
                : ProblemResults.Conflict("A payment with this idempotency key is being taken at this moment; ask again.");
        }
        return TypedResults.Created($"/payments/{payment.Id}", PaymentView.From(payment, receipt));
    }

    public static async Task<Results<Ok<PaymentView>, ProblemHttpResult>> GetPayment(
        Guid id, Caller caller, BillingDbContext db, CancellationToken cancellationToken)
    {
        var payment = await db.Payments.AsNoTracking().Include(p => p.Allocations).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (payment is null || !caller.CanSeeProperty(payment.PropertyId))
        {
            return ProblemResults.NotFound("payment", id);
        }
        var receipt = await db.Receipts.AsNoTracking().SingleAsync(r => r.PaymentId == id, cancellationToken);
        return TypedResults.Ok(PaymentView.From(payment, receipt));
    }

    /// <summary>
    /// Reverses a payment (冲正) with a reason: its allocations are undone, the lines it paid open again (and are paid from
    /// any credit the unit still holds), and its receipt is voided — its number stays, marked 作废. Nothing is deleted.
    /// </summary>
    public static async Task<Results<Ok<PaymentView>, ProblemHttpResult>> ReversePayment(
        Guid id, ReasonRequest request, Caller caller, BillingDbContext db, UnitAccounts accounts, CashDays cashDays, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var found = await db.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (found is null || !caller.CanSeeProperty(found.PropertyId))
        {
            return ProblemResults.NotFound("payment", id);
        }
        var undone = await UndoAsync(db, accounts, cashDays, found, request.Reason!, caller.AsActor(), time.GetUtcNow(), cancellationToken);
        if (undone.Problem is { } problem)
        {
            return problem;
        }
        return TypedResults.Ok(PaymentView.From(undone.Payment!, undone.Receipt!));
    }

    /// <summary>
    /// Reverses the payment and voids its receipt under the unit's lock, then lets the unit's remaining credit pay what
    /// reopened. Both doors — reversing the payment, voiding the receipt — come here: a receipt without its money, or
    /// money without its receipt, would not balance the cash. Cash of a closed day answers 409: the check and the reversal
    /// are one transaction under the cashier's day lock (taken before the unit's, as a payment takes them), so a close
    /// committing in between cannot leave a closed day with a reversed receipt.
    /// </summary>
    internal static async Task<(Payment? Payment, Receipt? Receipt, ProblemHttpResult? Problem)> UndoAsync(
        BillingDbContext db, UnitAccounts accounts, CashDays cashDays, Payment found, string reason, Actor by, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var (unitId, paymentId) = (found.UnitId, found.Id);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (found.Status == PaymentStatus.Received
            && await cashDays.ClosedCashProblemAsync(found.PropertyId, found.CashierId, found.Method, found.ReceivedAt, cancellationToken) is { } closed)
        {
            return (null, null, closed);
        }
        await accounts.LockAsync(unitId, cancellationToken);
        var payment = await db.Payments.Include(p => p.Allocations).SingleAsync(p => p.Id == paymentId, cancellationToken);
        var receipt = await db.Receipts.Include(r => r.Lines).SingleAsync(r => r.PaymentId == paymentId, cancellationToken);
        var lineIds = payment.Allocations.Select(a => a.BillLineId).ToList();
        var lines = await db.BillLines.Where(l => lineIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellationToken);

        payment.Reverse(reason, lines, by, now);
        if (!receipt.Voided)
        {
            receipt.Void(reason, by, now);
        }
        await db.SaveChangesAsync(cancellationToken);
        await accounts.ApplyCreditsAsync([unitId], now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (payment, receipt, null);
    }

    private static async Task<PaymentView?> ByKeyAsync(BillingDbContext db, Guid propertyId, string key, CancellationToken cancellationToken)
    {
        var payment = await db.Payments.AsNoTracking().Include(p => p.Allocations)
            .SingleOrDefaultAsync(p => p.PropertyId == propertyId && p.IdempotencyKey == key, cancellationToken);
        if (payment is null)
        {
            return null;
        }
        var receipt = await db.Receipts.AsNoTracking().SingleAsync(r => r.PaymentId == payment.Id, cancellationToken);
        return PaymentView.From(payment, receipt);
    }
}

public sealed record TakePaymentRequest(Guid UnitId, PaymentMethod? Method, decimal? Amount, string? PayerName, string? IdempotencyKey);

public sealed class TakePaymentRequestValidator : AbstractValidator<TakePaymentRequest>
{
    public TakePaymentRequestValidator()
    {
        RuleFor(r => r.UnitId).NotEmpty();
        RuleFor(r => r.Method).NotNull().IsInEnum();
        RuleFor(r => r.Amount).NotNull();
        RuleFor(r => r.Amount).Must(a => Payment.AmountProblem(a!.Value) is null).When(r => r.Amount is not null)
            .WithMessage(r => Payment.AmountProblem(r.Amount!.Value));
        RuleFor(r => r.PayerName).NotEmpty().MaximumLength(Payment.PayerNameMaxLength);
        RuleFor(r => r.IdempotencyKey).MaximumLength(Payment.IdempotencyKeyMaxLength);
    }
}

/// <summary>Why a payment is reversed or a receipt voided.</summary>
public sealed record ReasonRequest(string? Reason);

public sealed class ReasonRequestValidator : AbstractValidator<ReasonRequest>
{
    public ReasonRequestValidator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(Payment.ReasonMaxLength);
}

public sealed record PaymentView(
    Guid Id,
    Guid PropertyId,
    Guid UnitId,
    string BuildingName,
    string UnitNumber,
    PaymentMethod Method,
    decimal Amount,
    string PayerName,
    string? IdempotencyKey,
    DateTimeOffset ReceivedAt,
    Actor Cashier,
    PaymentStatus Status,
    decimal Allocated,
    decimal Credit,
    IReadOnlyList<AllocationView> Allocations,
    Guid ReceiptId,
    string ReceiptNumber,
    DateTimeOffset? ReversedAt,
    string? ReversalReason,
    Actor? ReversedBy)
{
    // Oldest period first, as they were paid: allocations of one payment share a time, and ids are not ordered.
    public static PaymentView From(Payment p, Receipt r) => new(
        p.Id, p.PropertyId, p.UnitId, p.BuildingName, p.UnitNumber, p.Method, p.Amount, p.PayerName, p.IdempotencyKey, p.ReceivedAt,
        new Actor(p.CashierId, p.CashierName), p.Status, p.Allocated, p.Credit,
        p.Allocations.OrderBy(a => a.AllocatedAt).ThenBy(a => a.Period, StringComparer.Ordinal).ThenBy(a => a.Item).ThenBy(a => a.Id).Select(AllocationView.From).ToList(), r.Id, r.Number,
        p.ReversedAt, p.ReversalReason, p.ReversedById is { } by ? new Actor(by, p.ReversedByName ?? "") : null);
}

public sealed record AllocationView(Guid BillLineId, string Period, FeeItem Item, decimal Amount, DateTimeOffset AllocatedAt, DateTimeOffset? UndoneAt)
{
    public static AllocationView From(PaymentAllocation a) => new(a.BillLineId, a.Period, a.Item, a.Amount, a.AllocatedAt, a.UndoneAt);
}
