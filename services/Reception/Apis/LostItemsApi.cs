using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Reception.Domain;
using PropertyPlatform.Reception.Infrastructure;
using PropertyPlatform.ServiceDefaults.Apis;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Reception.Apis;

/// <summary>Lost and found (拾遗): the front desk's register of found items, claims, and a manager's disposal.</summary>
public static class LostItemsApi
{
    private static readonly string[] Desk = [Roles.FrontDesk, Roles.Security, Roles.Supervisor, Roles.Manager, Roles.Admin];

    public static IEndpointRouteBuilder MapLostItemsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/lost-items").WithTags("Lost and found");

        // Who may call what (README "Who may do what"); the property scope is checked in each handler.
        api.MapGet("/", ListLostItems).WithName("ListLostItems").RequireRoles(Desk);
        api.MapGet("/{id:guid}", GetLostItem).WithName("GetLostItem").RequireRoles(Desk);
        api.MapGet("/notice", ListLostItemNotice).WithName("ListLostItemNotice").RequireRoles([Roles.Occupant, .. Desk]);
        api.MapGet("/my-claims", ListMyLostItemClaims).WithName("ListMyLostItemClaims").RequireRoles(Roles.Occupant);
        api.MapPost("/{id:guid}/claim-requests", RequestLostItemClaim).WithName("RequestLostItemClaim").Validate<RequestLostItemClaimRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict).RequireRoles(Roles.Occupant);
        api.MapPost("/", RegisterLostItem).WithName("RegisterLostItem").Validate<RegisterLostItemRequest>().RequireRoles(Desk);
        api.MapPost("/{id:guid}/claim", ClaimLostItem).WithName("ClaimLostItem").Validate<ClaimLostItemRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRoles(Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Admin);
        api.MapPost("/{id:guid}/dispose", DisposeLostItem).WithName("DisposeLostItem").Validate<DisposeLostItemRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRoles(Roles.Manager, Roles.Admin);
        return app;
    }

    public static async Task<Results<Ok<Page<LostItemView>>, ValidationProblem>> ListLostItems(
        [AsParameters] LostItemQuery query, [AsParameters] PageRequest page, Caller caller, ReceptionDbContext db, PropertyCalendar calendar,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var items = db.LostItems.AsNoTracking().InPropertiesOf(caller, i => i.PropertyId);
        if (query.PropertyId is { } propertyId)
        {
            items = items.Where(i => i.PropertyId == propertyId);
        }
        if (!QueryEnum.TryParse<LostItemStatus>(query.Status, out var status))
        {
            return ProblemResults.Invalid("status", $"Unknown status; use one of: {QueryEnum.AllowedValues<LostItemStatus>()}.");
        }
        if (status is { } wanted)
        {
            items = items.Where(i => i.Status == wanted);
        }
        if (query.Date is { } date)
        {
            if (date.Year is <= 1 or >= 9999)
            {
                return ProblemResults.Invalid("date", "The date is out of range.");
            }
            // Items found on the property's local day.
            var (start, end) = calendar.DayBounds(date);
            items = items.Where(i => i.FoundAt >= start && i.FoundAt < end);
        }
        if (query.DueForDisposal == true)
        {
            // The manager's list: still held, and kept as long as the rules ask.
            var now = time.GetUtcNow();
            items = items.Where(i => i.Status == LostItemStatus.Held && i.RetainUntil <= now);
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var pattern = $"%{EscapeLike(query.Q.Trim())}%";
            items = items.Where(i => EF.Functions.ILike(i.Item, pattern, "\\") || EF.Functions.ILike(i.Features, pattern, "\\")
                || EF.Functions.ILike(i.Place, pattern, "\\"));
        }

        var ordered = items.Include(i => i.CustodyLog).Include(i => i.ClaimRequests).OrderByDescending(i => i.FoundAt).ThenByDescending(i => i.Id);
        var at = time.GetUtcNow();
        return TypedResults.Ok(await ordered.ToPageAsync(page, i => LostItemView.From(i, at), cancellationToken));
    }

    public static async Task<Results<Ok<LostItemView>, ProblemHttpResult>> GetLostItem(
        Guid id, Caller caller, ReceptionDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        // Tracked: the ETag is the row version, a shadow property only tracked entities carry.
        var item = await FindVisibleAsync(id, caller, db, cancellationToken);
        if (item is null)
        {
            return ProblemResults.NotFound("lost item", id);
        }
        RowVersions.SetETag(http, db, item);
        return TypedResults.Ok(LostItemView.From(item, time.GetUtcNow()));
    }

    public static async Task<Results<Created<LostItemView>, ValidationProblem>> RegisterLostItem(
        RegisterLostItemRequest request, Caller caller, ReceptionDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        if (!caller.CanSeeProperty(request.PropertyId))
        {
            // Another property's register answers as an unknown property.
            return ProblemResults.Invalid("propertyId", "No property with this id is known.");
        }

        var now = time.GetUtcNow();
        var item = LostItem.Register(request.PropertyId, request.ToFoundItem(), caller.AsActor(), now);
        db.LostItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        RowVersions.SetETag(http, db, item);
        return TypedResults.Created($"/lost-items/{item.Id}", LostItemView.From(item, now));
    }

    public static Task<Results<Ok<LostItemView>, ProblemHttpResult>> ClaimLostItem(
        Guid id, ClaimLostItemRequest request, Caller caller, ReceptionDbContext db, IdNumberProtector protector, TimeProvider time, HttpContext http,
        CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, time, http, (item, now) => item.Claim(request.ToClaim(protector), caller.AsActor(), now), cancellationToken);

    public static Task<Results<Ok<LostItemView>, ProblemHttpResult>> DisposeLostItem(
        Guid id, DisposeLostItemRequest request, Caller caller, ReceptionDbContext db, TimeProvider time, HttpContext http,
        CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, time, http, (item, now) => item.DisposeOf(request.Decision!.Value, request.Note, caller.AsActor(), now),
            cancellationToken);

    private static async Task<Results<Ok<LostItemView>, ProblemHttpResult>> ChangeAsync(
        Guid id, Caller caller, ReceptionDbContext db, TimeProvider time, HttpContext http, Action<LostItem, DateTimeOffset> change,
        CancellationToken cancellationToken)
    {
        var item = await FindVisibleAsync(id, caller, db, cancellationToken);
        if (item is null)
        {
            return ProblemResults.NotFound("lost item", id);
        }
        if (RowVersions.StaleProblem(http, db, item, "lost item") is { } stale)
        {
            return stale;
        }

        var now = time.GetUtcNow();
        change(item, now);
        await db.SaveChangesAsync(cancellationToken);
        RowVersions.SetETag(http, db, item);
        return TypedResults.Ok(LostItemView.From(item, now));
    }

    /// <summary>An item of the caller's properties; any other answers as an unknown one.</summary>
    private static async Task<LostItem?> FindVisibleAsync(
        Guid id, Caller caller, ReceptionDbContext db, CancellationToken cancellationToken)
    {
        var item = await db.LostItems.Include(i => i.CustodyLog).Include(i => i.ClaimRequests).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        return item is not null && caller.CanSeeProperty(item.PropertyId) ? item : null;
    }

    /// <summary>
    /// The public notice (招领启事): items still held in the caller's properties (an occupant's: those of their units), newest
    /// first, without the features and without what would identify a valuable.
    /// </summary>
    public static async Task<Ok<Page<LostItemNoticeView>>> ListLostItemNotice(
        Guid? propertyId, [AsParameters] PageRequest page, Caller caller, ReceptionDbContext db, PropertyCalendar calendar,
        CancellationToken cancellationToken)
    {
        var items = db.LostItems.AsNoTracking().Where(i => i.Status == LostItemStatus.Held);
        if (caller.IsStaff)
        {
            items = items.InPropertiesOf(caller, i => i.PropertyId);
        }
        else
        {
            var units = caller.UnitIds.ToList();
            var properties = db.Units.Where(u => units.Contains(u.Id)).Select(u => u.PropertyId);
            items = items.Where(i => properties.Contains(i.PropertyId));
        }
        if (propertyId is { } wanted)
        {
            items = items.Where(i => i.PropertyId == wanted);
        }
        var ordered = items.OrderByDescending(i => i.FoundAt).ThenByDescending(i => i.Id);
        return TypedResults.Ok(await ordered.ToPageAsync(page, i => LostItemNoticeView.From(i, calendar), cancellationToken));
    }

    /// <summary>An occupant asks for an item on the notice; the desk hands it over when they come with their ID.</summary>
    public static async Task<Results<Created<MyLostItemClaimView>, ProblemHttpResult>> RequestLostItemClaim(
        Guid id, RequestLostItemClaimRequest request, Caller caller, ReceptionDbContext db, TimeProvider time, PropertyCalendar calendar,
        CancellationToken cancellationToken)
    {
        var item = await db.LostItems.Include(i => i.ClaimRequests).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        var units = caller.UnitIds.ToList();
        if (item is null || !await db.Units.AnyAsync(u => units.Contains(u.Id) && u.PropertyId == item.PropertyId, cancellationToken))
        {
            return ProblemResults.NotFound("lost item", id);
        }
        var claim = item.RequestClaim(caller.AsActor(), request.Phone, request.Description, request.PlaceLost, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/lost-items/{id}", MyLostItemClaimView.From(item, claim, calendar));
    }

    /// <summary>The caller's requests for found items, newest first, with what became of each.</summary>
    public static async Task<Ok<List<MyLostItemClaimView>>> ListMyLostItemClaims(
        Caller caller, ReceptionDbContext db, PropertyCalendar calendar, CancellationToken cancellationToken)
    {
        var rows = await (from r in db.Set<LostItemClaimRequest>().AsNoTracking()
                          join i in db.LostItems.AsNoTracking() on r.LostItemId equals i.Id
                          where r.PersonId == caller.PersonId
                          orderby r.RequestedAt descending
                          select new { Request = r, Item = i }).Take(100).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(r => MyLostItemClaimView.From(r.Item, r.Request, calendar)).ToList());
    }

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}

public sealed record LostItemQuery(Guid? PropertyId, string? Status, DateOnly? Date, string? Q, bool? DueForDisposal);

public sealed record RegisterLostItemRequest(
    Guid PropertyId,
    DateTimeOffset? FoundAt,
    string Item,
    LostItemCategory? Category,
    string Features,
    string Place,
    string FinderName,
    string? FinderPhone,
    decimal? EstimatedValue)
{
    public FoundItem ToFoundItem() => new(FoundAt!.Value, Item, Category ?? LostItemCategory.General, Features, Place, FinderName, FinderPhone,
        EstimatedValue);
}

public sealed class RegisterLostItemRequestValidator : AbstractValidator<RegisterLostItemRequest>
{
    public RegisterLostItemRequestValidator(TimeProvider time)
    {
        RuleFor(r => r.PropertyId).NotEmpty();
        RuleFor(r => r.FoundAt).NotNull();
        RuleFor(r => r.FoundAt).Must(at => LostItem.FoundAtProblem(at!.Value, time.GetUtcNow()) is null)
            .When(r => r.FoundAt is not null)
            .WithMessage(r => LostItem.FoundAtProblem(r.FoundAt!.Value, time.GetUtcNow()));
        RuleFor(r => r.Item).NotEmpty().MaximumLength(LostItem.ItemMaxLength);
        RuleFor(r => r.Category).IsInEnum();
        RuleFor(r => r.Features).NotEmpty().MaximumLength(LostItem.FeaturesMaxLength);
        RuleFor(r => r.Place).NotEmpty().MaximumLength(LostItem.PlaceMaxLength);
        RuleFor(r => r.FinderName).NotEmpty().MaximumLength(LostItem.PersonNameMaxLength);
        RuleFor(r => r.FinderPhone).MaximumLength(LostItem.PhoneMaxLength);
        RuleFor(r => r.EstimatedValue).Must(v => LostItem.EstimatedValueProblem(v) is null)
            .WithMessage(r => LostItem.EstimatedValueProblem(r.EstimatedValue))
            .LessThan(100_000_000m).PrecisionScale(12, 2, true);
    }
}

public sealed record ClaimLostItemRequest(
    string ClaimantName,
    string? ClaimantPhone,
    IdDocumentType? IdType,
    string IdNumber,
    bool FeaturesVerified,
    bool PlaceVerified,
    Guid? ClaimRequestId = null)
{
    public LostItemClaim ToClaim(IdNumberProtector protector) =>
        new(ClaimantName, ClaimantPhone, protector.Protect(IdentityDocument.Create(IdType!.Value, IdNumber)), FeaturesVerified, PlaceVerified,
            ClaimRequestId);
}

public sealed class ClaimLostItemRequestValidator : AbstractValidator<ClaimLostItemRequest>
{
    public ClaimLostItemRequestValidator()
    {
        RuleFor(r => r.ClaimantName).NotEmpty().MaximumLength(LostItem.PersonNameMaxLength);
        RuleFor(r => r.ClaimantPhone).MaximumLength(LostItem.PhoneMaxLength);
        // The claimant shows ID (出示证件): no ID, no hand-over.
        RuleFor(r => r.IdType).NotNull().IsInEnum();
        RuleFor(r => r.IdNumber).NotEmpty().MaximumLength(IdentityDocument.TypedMaxLength).Custom((number, context) =>
        {
            if (context.InstanceToValidate.IdType is { } type && Enum.IsDefined(type) && !string.IsNullOrWhiteSpace(number)
                && IdentityDocument.Problem(type, number) is { } problem)
            {
                context.AddFailure(problem);
            }
        });
    }
}

/// <summary>An occupant's "this is mine": how they describe the item and where they lost it.</summary>
public sealed record RequestLostItemClaimRequest(string Description, string PlaceLost, string? Phone);

public sealed class RequestLostItemClaimRequestValidator : AbstractValidator<RequestLostItemClaimRequest>
{
    public RequestLostItemClaimRequestValidator()
    {
        RuleFor(r => r.Description).NotEmpty().MaximumLength(LostItemClaimRequest.DescriptionMaxLength);
        RuleFor(r => r.PlaceLost).NotEmpty().MaximumLength(LostItem.PlaceMaxLength);
        RuleFor(r => r.Phone).MaximumLength(LostItem.PhoneMaxLength);
    }
}

/// <summary>A found item on the public notice: <c>item</c> is null for a valuable (only its category shows); no features.</summary>
public sealed record LostItemNoticeView(
    Guid Id, Guid PropertyId, DateOnly FoundOn, string? Item, LostItemCategory Category, bool IsValuable, string Place, DateTimeOffset RetainUntil)
{
    public static LostItemNoticeView From(LostItem i, PropertyCalendar calendar) =>
        new(i.Id, i.PropertyId, calendar.DayOf(i.FoundAt), i.PublicItemName, i.Category, i.IsValuable, i.Place, i.RetainUntil);
}

/// <summary>An occupant's own request for an item, as the notice names the item.</summary>
public sealed record MyLostItemClaimView(
    Guid Id, Guid LostItemId, string? Item, LostItemCategory Category, bool IsValuable, DateOnly FoundOn, string Place,
    string Description, string PlaceLost, DateTimeOffset RequestedAt, ClaimRequestStatus Status)
{
    public static MyLostItemClaimView From(LostItem i, LostItemClaimRequest r, PropertyCalendar calendar) =>
        new(r.Id, i.Id, i.PublicItemName, i.Category, i.IsValuable, calendar.DayOf(i.FoundAt), i.Place, r.Description, r.PlaceLost,
            r.RequestedAt, r.Status);
}

/// <summary>An occupant's request as the desk sees it on the item.</summary>
public sealed record ClaimRequestView(
    Guid Id, string PersonName, string? Phone, string Description, string PlaceLost, DateTimeOffset RequestedAt, ClaimRequestStatus Status);

public sealed record DisposeLostItemRequest(LostItemDisposal? Decision, string? Note);

public sealed class DisposeLostItemRequestValidator : AbstractValidator<DisposeLostItemRequest>
{
    public DisposeLostItemRequestValidator()
    {
        RuleFor(r => r.Decision).NotNull().IsInEnum();
        RuleFor(r => r.Note).MaximumLength(LostItem.NoteMaxLength);
    }
}

public sealed record CustodyLogEntryView(int Sequence, DateTimeOffset At, LostItemCustodian Custodian, string ActorName, string Note);

/// <summary>A found item as the desk sees it; the claimant's ID number is masked.</summary>
public sealed record LostItemView(
    Guid Id,
    Guid PropertyId,
    DateTimeOffset FoundAt,
    string Item,
    LostItemCategory Category,
    string Features,
    string Place,
    decimal? EstimatedValue,
    string FinderName,
    string? FinderPhone,
    string RecordedByName,
    DateTimeOffset RegisteredAt,
    bool IsValuable,
    LostItemCustodian Custodian,
    DateTimeOffset RetainUntil,
    bool DueForDisposal,
    LostItemStatus Status,
    string? ClaimantName,
    string? ClaimantPhone,
    IdDocumentType? ClaimantIdType,
    string? ClaimantIdNumberMasked,
    DateTimeOffset? ClaimedAt,
    string? HandedOverByName,
    LostItemDisposal? Disposal,
    string? DisposalNote,
    DateTimeOffset? DisposedAt,
    string? DisposedByName,
    int PhotoCount,
    IReadOnlyList<ClaimRequestView> ClaimRequests,
    IReadOnlyList<CustodyLogEntryView> CustodyLog)
{
    public static LostItemView From(LostItem i, DateTimeOffset now) => new(
        i.Id, i.PropertyId, i.FoundAt, i.Item, i.Category, i.Features, i.Place, i.EstimatedValue, i.FinderName, i.FinderPhone,
        i.RecordedByName, i.RegisteredAt, i.IsValuable, i.Custodian, i.RetainUntil, i.IsDueForDisposal(now), i.Status, i.ClaimantName,
        i.ClaimantPhone, i.ClaimantIdType, i.ClaimantIdNumberMasked, i.ClaimedAt, i.HandedOverByName, i.Disposal, i.DisposalNote,
        i.DisposedAt, i.DisposedByName, i.PhotoCount,
        i.ClaimRequests.Select(r => new ClaimRequestView(r.Id, r.PersonName, r.Phone, r.Description, r.PlaceLost, r.RequestedAt, r.Status)).ToList(),
        i.CustodyLog.Select(e => new CustodyLogEntryView(e.Sequence, e.At, e.Custodian, e.ActorName, e.Note)).ToList());
}
