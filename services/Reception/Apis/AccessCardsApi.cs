using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Reception.Domain;
using PropertyPlatform.Reception.Infrastructure;
using PropertyPlatform.ServiceDefaults.Apis;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Reception.Apis;

/// <summary>Access cards (出入证) for contractors' workers: issued against a deposit, returned for a refund, reported lost.</summary>
public static class AccessCardsApi
{
    private static readonly string[] Desk = [Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Admin];

    public static IEndpointRouteBuilder MapAccessCardsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/access-cards").WithTags("Access cards");

        // Who may call what (README "Who may do what"); the property scope is checked in each handler.
        api.MapGet("/", ListAccessCards).WithName("ListAccessCards").RequireRoles([.. Desk, Roles.Security]);
        api.MapGet("/{id:guid}", GetAccessCard).WithName("GetAccessCard").RequireRoles([.. Desk, Roles.Security]);
        api.MapPost("/", IssueAccessCard).WithName("IssueAccessCard").Validate<IssueAccessCardRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict).RequireRoles(Desk);
        api.MapPost("/{id:guid}/return", ReturnAccessCard).WithName("ReturnAccessCard")
            .ProducesProblem(StatusCodes.Status409Conflict).RequireRoles(Desk);
        api.MapPost("/{id:guid}/report-lost", ReportAccessCardLost).WithName("ReportAccessCardLost").Validate<ReportAccessCardLostRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict).RequireRoles(Desk);
        return app;
    }

    public static async Task<Results<Ok<Page<AccessCardView>>, ValidationProblem>> ListAccessCards(
        [AsParameters] AccessCardQuery query, [AsParameters] PageRequest page, Caller caller, ReceptionDbContext db, PropertyCalendar calendar,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var today = calendar.DayOf(time.GetUtcNow());
        var cards = db.AccessCards.AsNoTracking().InPropertiesOf(caller, c => c.PropertyId);
        if (query.PropertyId is { } propertyId)
        {
            cards = cards.Where(c => c.PropertyId == propertyId);
        }
        if (query.UnitId is { } unitId)
        {
            cards = cards.Where(c => c.UnitId == unitId);
        }
        if (!QueryEnum.TryParse<AccessCardStatus>(query.Status, out var status))
        {
            return ProblemResults.Invalid("status", $"Unknown status; use one of: {QueryEnum.AllowedValues<AccessCardStatus>()}.");
        }
        if (status is { } wanted)
        {
            cards = cards.Where(c => c.Status == wanted);
        }
        if (query.Expired == true)
        {
            cards = cards.Where(c => c.Status == AccessCardStatus.Issued && c.ValidUntil < today);
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var pattern = $"%{query.Q.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%";
            cards = cards.Where(c => EF.Functions.ILike(c.CardNumber, pattern) || EF.Functions.ILike(c.HolderName, pattern)
                || EF.Functions.ILike(c.Company, pattern));
        }

        var rows = from c in cards
                   join u in db.Units on c.UnitId equals u.Id
                   orderby c.IssuedAt descending, c.Id descending
                   select new { Card = c, Unit = u };
        return TypedResults.Ok(await rows.ToPageAsync(page, r => AccessCardView.From(r.Card, r.Unit, today), cancellationToken));
    }

    public static async Task<Results<Ok<AccessCardView>, ProblemHttpResult>> GetAccessCard(
        Guid id, Caller caller, ReceptionDbContext db, PropertyCalendar calendar, TimeProvider time, HttpContext http,
        CancellationToken cancellationToken)
    {
        var card = await FindVisibleAsync(id, caller, db, cancellationToken);
        return card is null
            ? ProblemResults.NotFound("access card", id)
            : TypedResults.Ok(await ViewAsync(card, db, calendar.DayOf(time.GetUtcNow()), http, cancellationToken));
    }

    public static async Task<Results<Created<AccessCardView>, ValidationProblem, ProblemHttpResult>> IssueAccessCard(
        IssueAccessCardRequest request, Caller caller, ReceptionDbContext db, PropertyCalendar calendar, TimeProvider time, HttpContext http,
        CancellationToken cancellationToken)
    {
        var unit = await db.Units.FindAsync([request.UnitId], cancellationToken);
        if (unit is null || !caller.CanSeeProperty(unit.PropertyId))
        {
            return ProblemResults.Invalid("unitId", "No unit with this id is registered.");
        }
        var cardNumber = request.CardNumber.Trim().ToUpperInvariant();
        if (await db.AccessCards.AnyAsync(c => c.PropertyId == unit.PropertyId && c.CardNumber == cardNumber && c.Status == AccessCardStatus.Issued,
            cancellationToken))
        {
            return ProblemResults.Conflict($"Card {cardNumber} is already out; take it back or report it lost before issuing it again.");
        }

        var now = time.GetUtcNow();
        var today = calendar.DayOf(now);
        var card = AccessCard.Issue(unit, request.ToIssue(), caller.AsActor(), now, today);
        db.AccessCards.Add(card);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/access-cards/{card.Id}", await ViewAsync(card, db, today, http, cancellationToken));
    }

    public static Task<Results<Ok<AccessCardView>, ProblemHttpResult>> ReturnAccessCard(
        Guid id, Caller caller, ReceptionDbContext db, PropertyCalendar calendar, TimeProvider time, HttpContext http,
        CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, calendar, time, http, (card, now) => card.Return(caller.AsActor(), now), cancellationToken);

    public static Task<Results<Ok<AccessCardView>, ProblemHttpResult>> ReportAccessCardLost(
        Guid id, ReportAccessCardLostRequest request, Caller caller, ReceptionDbContext db, PropertyCalendar calendar, TimeProvider time,
        HttpContext http, CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, calendar, time, http, (card, now) => card.ReportLost(request.Note, caller.AsActor(), now), cancellationToken);

    /// <summary>Loads a card of the caller's properties, checks <c>If-Match</c>, applies the change and saves it with its event.</summary>
    private static async Task<Results<Ok<AccessCardView>, ProblemHttpResult>> ChangeAsync(
        Guid id, Caller caller, ReceptionDbContext db, PropertyCalendar calendar, TimeProvider time, HttpContext http,
        Action<AccessCard, DateTimeOffset> change, CancellationToken cancellationToken)
    {
        var card = await FindVisibleAsync(id, caller, db, cancellationToken);
        if (card is null)
        {
            return ProblemResults.NotFound("access card", id);
        }
        if (RowVersions.StaleProblem(http, db, card, "access card") is { } stale)
        {
            return stale;
        }

        var now = time.GetUtcNow();
        change(card, now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await ViewAsync(card, db, calendar.DayOf(now), http, cancellationToken));
    }

    private static async Task<AccessCard?> FindVisibleAsync(Guid id, Caller caller, ReceptionDbContext db, CancellationToken cancellationToken)
    {
        var card = await db.AccessCards.FindAsync([id], cancellationToken);
        return card is not null && caller.CanSeeProperty(card.PropertyId) ? card : null;
    }

    private static async Task<AccessCardView> ViewAsync(AccessCard card, ReceptionDbContext db, DateOnly today, HttpContext http, CancellationToken cancellationToken)
    {
        RowVersions.SetETag(http, db, card);
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == card.UnitId, cancellationToken);
        return AccessCardView.From(card, unit, today);
    }
}

public sealed record AccessCardQuery(Guid? PropertyId, Guid? UnitId, string? Status, bool? Expired, string? Q);

public sealed record IssueAccessCardRequest(
    Guid UnitId, string CardNumber, string HolderName, string? HolderPhone, string Company, decimal Deposit, DateOnly? ValidUntil)
{
    public AccessCardIssue ToIssue() => new(CardNumber, HolderName, HolderPhone, Company, Deposit, ValidUntil!.Value);
}

public sealed class IssueAccessCardRequestValidator : AbstractValidator<IssueAccessCardRequest>
{
    public IssueAccessCardRequestValidator(TimeProvider time, PropertyCalendar calendar)
    {
        RuleFor(r => r.UnitId).NotEmpty();
        RuleFor(r => r.CardNumber).NotEmpty().MaximumLength(AccessCard.CardNumberMaxLength);
        RuleFor(r => r.HolderName).NotEmpty().MaximumLength(AccessCard.NameMaxLength);
        RuleFor(r => r.HolderPhone).MaximumLength(AccessCard.PhoneMaxLength);
        RuleFor(r => r.Company).NotEmpty().MaximumLength(AccessCard.CompanyMaxLength);
        RuleFor(r => r.Deposit).Must(d => AccessCard.DepositProblem(d) is null).WithMessage(r => AccessCard.DepositProblem(r.Deposit))
            .InclusiveBetween(0m, AccessCard.MaxDeposit).PrecisionScale(12, 2, true);
        RuleFor(r => r.ValidUntil).NotNull();
        RuleFor(r => r.ValidUntil).Must(until => AccessCard.ValidUntilProblem(until!.Value, calendar.DayOf(time.GetUtcNow())) is null)
            .When(r => r.ValidUntil is not null)
            .WithMessage(r => AccessCard.ValidUntilProblem(r.ValidUntil!.Value, calendar.DayOf(time.GetUtcNow())));
    }
}

public sealed record ReportAccessCardLostRequest(string? Note);

public sealed class ReportAccessCardLostRequestValidator : AbstractValidator<ReportAccessCardLostRequest>
{
    public ReportAccessCardLostRequestValidator()
    {
        RuleFor(r => r.Note).MaximumLength(AccessCard.NoteMaxLength);
    }
}

/// <summary>A card as the desk's register shows it; <c>expired</c>: still out after its last valid day.</summary>
public sealed record AccessCardView(
    Guid Id,
    Guid PropertyId,
    Guid UnitId,
    string UnitNumber,
    string BuildingName,
    string CardNumber,
    string HolderName,
    string? HolderPhone,
    string Company,
    decimal Deposit,
    DateOnly ValidUntil,
    AccessCardStatus Status,
    bool Expired,
    DateTimeOffset IssuedAt,
    string IssuedByName,
    DateTimeOffset? ReturnedAt,
    DateTimeOffset? LostAt,
    string? ClosedByName,
    string? LostNote)
{
    public static AccessCardView From(AccessCard c, UnitCopy u, DateOnly today) => new(
        c.Id, c.PropertyId, c.UnitId, u.Number, u.BuildingName, c.CardNumber, c.HolderName, c.HolderPhone, c.Company, c.Deposit, c.ValidUntil,
        c.Status, c.IsExpired(today), c.IssuedAt, c.IssuedByName, c.ReturnedAt, c.LostAt, c.ClosedByName, c.LostNote);
}
