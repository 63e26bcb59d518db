using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Billing.Domain;
using PropertyPlatform.Billing.Infrastructure;
using PropertyPlatform.Contracts.Billing;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Billing.Apis;

public static class DepositsApi
{
    public static IEndpointRouteBuilder MapDepositsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/deposits").WithTags("Deposits");

        // Who may call what (README "Who may call what"): the cashier is finance; occupants read their own units' deposits.
        api.MapPost("/", TakeDeposit).WithName("TakeDeposit").Validate<TakeDepositRequest>().ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRoles(Roles.Finance, Roles.Admin);
        api.MapGet("/", ListDeposits).WithName("ListDeposits")
            .RequireRoles(Roles.Occupant, Roles.Finance, Roles.Manager, Roles.Admin);
        api.MapGet("/balances", DepositBalances).WithName("DepositBalances")
            .RequireRoles(Roles.Finance, Roles.Manager, Roles.Admin);
        api.MapGet("/{id:guid}", GetDeposit).WithName("GetDeposit")
            .RequireRoles(Roles.Occupant, Roles.Finance, Roles.Manager, Roles.Admin);
        api.MapPost("/{id:guid}/take", TakeOwedDeposit).WithName("TakeOwedDeposit").Validate<TakeOwedDepositRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRoles(Roles.Finance, Roles.Admin);
        api.MapPost("/{id:guid}/refund", RefundDeposit).WithName("RefundDeposit").Validate<RefundDepositRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRoles(Roles.Finance, Roles.Admin);
        api.MapPost("/{id:guid}/forfeit", ForfeitDeposit).WithName("ForfeitDeposit").Validate<ForfeitDepositRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRoles(Roles.Finance, Roles.Admin);
        return app;
    }

    /// <summary>Takes a deposit (押金) for a unit, recorded as its first step, with <see cref="DepositTaken"/> in the same transaction.</summary>
    public static async Task<Results<Created<DepositView>, ValidationProblem, ProblemHttpResult>> TakeDeposit(
        TakeDepositRequest request, Caller caller, BillingDbContext db, CashDays cashDays, TimeProvider time, CancellationToken cancellationToken)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.UnitId, cancellationToken);
        if (unit is null || !caller.CanSeeProperty(unit.PropertyId))
        {
            return ProblemResults.Invalid("unitId", "No unit with this id is known.");
        }
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (request.Method == PaymentMethod.Cash && await cashDays.ClosedProblemAsync(unit.PropertyId, caller.PersonId, now, cancellationToken) is { } closed)
        {
            return closed;
        }
        var deposit = Deposit.Take(unit, request.OccupantId, request.PayerName!, request.Kind!.Value, request.Amount!.Value, request.Method!.Value,
            caller.AsActor(), now);
        db.Deposits.Add(deposit);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/deposits/{deposit.Id}", DepositView.From(deposit));
    }

    /// <summary>A property's deposits (or one unit's, or one occupant's), newest first; occupants see their own units' only.</summary>
    public static async Task<Results<Ok<IReadOnlyList<DepositView>>, ValidationProblem>> ListDeposits(
        Guid? propertyId, Guid? unitId, Guid? occupantId, string? status, Caller caller, BillingDbContext db, CancellationToken cancellationToken)
    {
        if (propertyId is null && unitId is null)
        {
            return ProblemResults.Invalid("propertyId", "Say which property's (or unit's) deposits to list.");
        }
        if (!ServiceDefaults.Apis.QueryEnum.TryParse<DepositStatus>(status, out var parsedStatus))
        {
            return ProblemResults.Invalid("status", $"Status is one of: {ServiceDefaults.Apis.QueryEnum.AllowedValues<DepositStatus>()}.");
        }
        var query = db.Deposits.AsNoTracking().Include(d => d.Steps).VisibleTo(caller, d => d.PropertyId, d => d.UnitId);
        if (propertyId is not null)
        {
            query = query.Where(d => d.PropertyId == propertyId);
        }
        if (unitId is not null)
        {
            query = query.Where(d => d.UnitId == unitId);
        }
        if (occupantId is not null)
        {
            query = query.Where(d => d.OccupantId == occupantId);
        }
        if (parsedStatus is { } s)
        {
            query = query.Where(d => d.Status == s);
        }
        var deposits = await query.OrderByDescending(d => d.TakenAt).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<DepositView>>(deposits.Select(DepositView.From).ToList());
    }

    /// <summary>What each occupant (or payer, when no occupant was named) has on deposit in a property now.</summary>
    public static async Task<Results<Ok<IReadOnlyList<DepositBalanceView>>, ValidationProblem>> DepositBalances(
        Guid? propertyId, Caller caller, BillingDbContext db, CancellationToken cancellationToken)
    {
        if (propertyId is null)
        {
            return ProblemResults.Invalid("propertyId", "Say which property's deposits to sum.");
        }
        var deposits = await db.Deposits.AsNoTracking().Include(d => d.Steps).InPropertiesOf(caller, d => d.PropertyId)
            .Where(d => d.PropertyId == propertyId && (d.Status == DepositStatus.Held || d.Status == DepositStatus.RefundDue)).ToListAsync(cancellationToken);
        var balances = deposits.GroupBy(d => (d.OccupantId, Payer: d.OccupantId is null ? d.PayerName : ""))
            .Select(g => new DepositBalanceView(g.Key.OccupantId, g.First().PayerName, g.Count(), g.Sum(d => d.Balance),
                g.Select(d => d.UnitId).Distinct().ToList()))
            .OrderBy(b => b.PayerName, StringComparer.Ordinal).ToList();
        return TypedResults.Ok<IReadOnlyList<DepositBalanceView>>(balances);
    }

    public static async Task<Results<Ok<DepositView>, ProblemHttpResult>> GetDeposit(
        Guid id, Caller caller, BillingDbContext db, CancellationToken cancellationToken)
    {
        var deposit = await db.Deposits.AsNoTracking().Include(d => d.Steps).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        return deposit is not null && caller.CanSee(deposit.PropertyId, deposit.UnitId)
            ? TypedResults.Ok(DepositView.From(deposit))
            : ProblemResults.NotFound("deposit", id);
    }

    /// <summary>
    /// Takes the money of a deposit owed (an access card's, issued at the front desk), with <see cref="DepositTaken"/>;
    /// a deposit not owed answers 409, and so does cash on the cashier's closed day.
    /// </summary>
    public static async Task<Results<Ok<DepositView>, ProblemHttpResult>> TakeOwedDeposit(
        Guid id, TakeOwedDepositRequest request, Caller caller, BillingDbContext db, CashDays cashDays, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var deposit = await LockedAsync(db, caller, id, cancellationToken);
        if (deposit is null)
        {
            return ProblemResults.NotFound("deposit", id);
        }
        if (request.Method == PaymentMethod.Cash && await cashDays.ClosedProblemAsync(deposit.PropertyId, caller.PersonId, now, cancellationToken) is { } closed)
        {
            return closed;
        }
        deposit.TakeOwed(request.Method!.Value, caller.AsActor(), now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(DepositView.From(deposit));
    }

    /// <summary>Pays back part or all of what a deposit holds, with <see cref="DepositRefunded"/>; more than is held answers 409.</summary>
    public static async Task<Results<Ok<DepositView>, ProblemHttpResult>> RefundDeposit(
        Guid id, RefundDepositRequest request, Caller caller, BillingDbContext db, CashDays cashDays, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var deposit = await LockedAsync(db, caller, id, cancellationToken);
        if (deposit is null)
        {
            return ProblemResults.NotFound("deposit", id);
        }
        if (request.Method == PaymentMethod.Cash && await cashDays.ClosedProblemAsync(deposit.PropertyId, caller.PersonId, now, cancellationToken) is { } closed)
        {
            return closed;
        }
        deposit.Refund(request.Amount!.Value, request.Method!.Value, request.Reason, caller.AsActor(), now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(DepositView.From(deposit));
    }

    /// <summary>Keeps part or all of what a deposit holds (扣除), with the reason; more than is held answers 409.</summary>
    public static async Task<Results<Ok<DepositView>, ProblemHttpResult>> ForfeitDeposit(
        Guid id, ForfeitDepositRequest request, Caller caller, BillingDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var deposit = await LockedAsync(db, caller, id, cancellationToken);
        if (deposit is null)
        {
            return ProblemResults.NotFound("deposit", id);
        }
        deposit.Forfeit(request.Amount!.Value, request.Reason!, caller.AsActor(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(DepositView.From(deposit));
    }

    /// <summary>The deposit, its row locked until the transaction ends: two refunds at once never pay back more than is held.</summary>
    private static async Task<Deposit?> LockedAsync(BillingDbContext db, Caller caller, Guid id, CancellationToken cancellationToken)
    {
        var locked = await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM deposits WHERE id = {id} FOR UPDATE").ToListAsync(cancellationToken);
        if (locked.Count == 0)
        {
            return null;
        }
        var deposit = await db.Deposits.Include(d => d.Steps).SingleAsync(d => d.Id == id, cancellationToken);
        return caller.CanSeeProperty(deposit.PropertyId) ? deposit : null;
    }
}

public sealed record TakeDepositRequest(Guid UnitId, Guid? OccupantId, string? PayerName, DepositKind? Kind, decimal? Amount, PaymentMethod? Method);

public sealed class TakeDepositRequestValidator : AbstractValidator<TakeDepositRequest>
{
    public TakeDepositRequestValidator()
    {
        RuleFor(r => r.UnitId).NotEmpty();
        RuleFor(r => r.PayerName).NotEmpty().MaximumLength(Deposit.NameMaxLength);
        RuleFor(r => r.Kind).NotNull().IsInEnum();
        RuleFor(r => r.Method).NotNull().IsInEnum();
        RuleFor(r => r.Amount).NotNull();
        RuleFor(r => r.Amount).Must(a => Deposit.AmountProblem(a!.Value) is null).When(r => r.Amount is not null)
            .WithMessage(r => Deposit.AmountProblem(r.Amount!.Value));
    }
}

public sealed record TakeOwedDepositRequest(PaymentMethod? Method);

public sealed class TakeOwedDepositRequestValidator : AbstractValidator<TakeOwedDepositRequest>
{
    public TakeOwedDepositRequestValidator() => RuleFor(r => r.Method).NotNull().IsInEnum();
}

public sealed record RefundDepositRequest(decimal? Amount, PaymentMethod? Method, string? Reason);

public sealed class RefundDepositRequestValidator : AbstractValidator<RefundDepositRequest>
{
    public RefundDepositRequestValidator()
    {
        RuleFor(r => r.Method).NotNull().IsInEnum();
        RuleFor(r => r.Reason).MaximumLength(Deposit.ReasonMaxLength);
        RuleFor(r => r.Amount).NotNull();
        RuleFor(r => r.Amount).Must(a => Deposit.AmountProblem(a!.Value) is null).When(r => r.Amount is not null)
            .WithMessage(r => Deposit.AmountProblem(r.Amount!.Value));
    }
}

public sealed record ForfeitDepositRequest(decimal? Amount, string? Reason);

public sealed class ForfeitDepositRequestValidator : AbstractValidator<ForfeitDepositRequest>
{
    public ForfeitDepositRequestValidator()
    {
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(Deposit.ReasonMaxLength);
        RuleFor(r => r.Amount).NotNull();
        RuleFor(r => r.Amount).Must(a => Deposit.AmountProblem(a!.Value) is null).When(r => r.Amount is not null)
            .WithMessage(r => Deposit.AmountProblem(r.Amount!.Value));
    }
}

/// <summary>A deposit with what is held (<c>balance</c>) and every step: taken, refunded, forfeited.</summary>
public sealed record DepositView(
    Guid Id, Guid PropertyId, Guid UnitId, string BuildingName, string UnitNumber, Guid? OccupantId, string PayerName, DepositKind Kind,
    decimal Amount, decimal Refunded, decimal Forfeited, decimal Balance, DepositStatus Status, DateTimeOffset TakenAt,
    IReadOnlyList<DepositStepView> Steps, Guid? AccessCardId, string? CardNumber, bool CardLost)
{
    public static DepositView From(Deposit d) => new(
        d.Id, d.PropertyId, d.UnitId, d.BuildingName, d.UnitNumber, d.OccupantId, d.PayerName, d.Kind, d.Amount, d.Refunded, d.Forfeited,
        d.Balance, d.Status, d.TakenAt,
        d.Steps.OrderBy(s => s.At).ThenBy(s => s.Kind).Select(s => new DepositStepView(s.Kind, s.Amount, s.Method, s.Reason, s.At, new Actor(s.ActorId, s.ActorName))).ToList(),
        d.AccessCardId, d.CardNumber, d.CardLost);
}

public sealed record DepositStepView(DepositStepKind Kind, decimal Amount, PaymentMethod? Method, string? Reason, DateTimeOffset At, Actor By);

/// <summary>What one occupant (or a payer without an occupant id) holds on deposit in a property.</summary>
public sealed record DepositBalanceView(Guid? OccupantId, string PayerName, int Deposits, decimal Balance, IReadOnlyList<Guid> UnitIds);
