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

/// <summary>Keys of vacant units (空置房钥匙): the register, sign-out for the day, return, and the overdue list.</summary>
public static class KeysApi
{
    private static readonly string[] Desk = [Roles.FrontDesk, Roles.Security, Roles.Supervisor, Roles.Manager, Roles.Admin];

    public static IEndpointRouteBuilder MapKeysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/keys").WithTags("Keys of vacant units");

        // Who may call what (README "Who may do what"); the property scope is checked in each handler.
        api.MapGet("/", ListKeys).WithName("ListKeys").RequireRoles(Desk);
        api.MapGet("/{id:guid}", GetKey).WithName("GetKey").RequireRoles(Desk);
        api.MapPost("/", RegisterKey).WithName("RegisterKey").Validate<RegisterKeyRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRoles(Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Admin);
        api.MapPost("/{id:guid}/sign-out", SignOutKey).WithName("SignOutKey").Validate<SignOutKeyRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict).RequireRoles(Desk);
        api.MapPost("/{id:guid}/return", ReturnKey).WithName("ReturnKey")
            .ProducesProblem(StatusCodes.Status409Conflict).RequireRoles(Desk);
        return app;
    }

    public static async Task<Results<Ok<Page<UnitKeyView>>, ValidationProblem>> ListKeys(
        [AsParameters] KeyQuery query, [AsParameters] PageRequest page, Caller caller, ReceptionDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var keys = db.UnitKeys.AsNoTracking().InPropertiesOf(caller, k => k.PropertyId);
        if (query.PropertyId is { } propertyId)
        {
            keys = keys.Where(k => k.PropertyId == propertyId);
        }
        if (query.UnitId is { } unitId)
        {
            keys = keys.Where(k => k.UnitId == unitId);
        }
        if (!QueryEnum.TryParse<UnitKeyStatus>(query.Status, out var status))
        {
            return ProblemResults.Invalid("status", $"Unknown status; use one of: {QueryEnum.AllowedValues<UnitKeyStatus>()}.");
        }
        if (status is { } wanted)
        {
            keys = keys.Where(k => k.Status == wanted);
        }
        var now = time.GetUtcNow();
        if (query.Overdue == true)
        {
            // Still out after the time it was due back.
            keys = keys.Where(k => k.Status == UnitKeyStatus.SignedOut && k.DueBy <= now);
        }

        var rows = from k in keys
                   join u in db.Units on k.UnitId equals u.Id
                   orderby u.BuildingName, u.Number, k.Label, k.Id
                   select new { Key = k, Unit = u };
        return TypedResults.Ok(await rows.ToPageAsync(page, r => UnitKeyView.From(r.Key, r.Unit, now, []), cancellationToken));
    }

    public static async Task<Results<Ok<UnitKeyView>, ProblemHttpResult>> GetKey(
        Guid id, Caller caller, ReceptionDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var key = await FindVisibleAsync(id, caller, db, cancellationToken);
        if (key is null)
        {
            return ProblemResults.NotFound("key", id);
        }
        return TypedResults.Ok(await ViewAsync(key, db, time.GetUtcNow(), http, cancellationToken));
    }

    public static async Task<Results<Created<UnitKeyView>, ValidationProblem, ProblemHttpResult>> RegisterKey(
        RegisterKeyRequest request, Caller caller, ReceptionDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var unit = await db.Units.FindAsync([request.UnitId], cancellationToken);
        if (unit is null || !caller.CanSeeProperty(unit.PropertyId))
        {
            return ProblemResults.Invalid("unitId", "No unit with this id is registered.");
        }
        var label = request.Label.Trim();
        if (await db.UnitKeys.AnyAsync(k => k.UnitId == unit.Id && k.Label == label, cancellationToken))
        {
            return ProblemResults.Conflict($"Unit {unit.Number} already has a key labelled '{label}'.");
        }

        var now = time.GetUtcNow();
        var key = UnitKey.Register(unit, label, now);
        db.UnitKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/keys/{key.Id}", await ViewAsync(key, db, now, http, cancellationToken));
    }

    public static Task<Results<Ok<UnitKeyView>, ProblemHttpResult>> SignOutKey(
        Guid id, SignOutKeyRequest request, Caller caller, ReceptionDbContext db, TimeProvider time, PropertyCalendar calendar,
        HttpContext http, CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, time, http, (key, now) => key.SignOut(
            request.HolderName, request.HolderPhone, request.Reason, request.ExpectedReturnAt!.Value, caller.AsActor(), now, calendar),
            cancellationToken);

    public static Task<Results<Ok<UnitKeyView>, ProblemHttpResult>> ReturnKey(
        Guid id, Caller caller, ReceptionDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, time, http, (key, now) => key.Return(caller.AsActor(), now), cancellationToken);

    private static async Task<Results<Ok<UnitKeyView>, ProblemHttpResult>> ChangeAsync(
        Guid id, Caller caller, ReceptionDbContext db, TimeProvider time, HttpContext http, Action<UnitKey, DateTimeOffset> change,
        CancellationToken cancellationToken)
    {
        var key = await FindVisibleAsync(id, caller, db, cancellationToken);
        if (key is null)
        {
            return ProblemResults.NotFound("key", id);
        }
        if (RowVersions.StaleProblem(http, db, key, "key") is { } stale)
        {
            return stale;
        }

        var now = time.GetUtcNow();
        change(key, now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await ViewAsync(key, db, now, http, cancellationToken));
    }

    private static async Task<UnitKey?> FindVisibleAsync(Guid id, Caller caller, ReceptionDbContext db, CancellationToken cancellationToken)
    {
        var key = await db.UnitKeys.Include(k => k.Loans).SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        return key is not null && caller.CanSeeProperty(key.PropertyId) ? key : null;
    }

    /// <summary>The key with its unit and its loans, newest first; the ETag is set on the response.</summary>
    private static async Task<UnitKeyView> ViewAsync(UnitKey key, ReceptionDbContext db, DateTimeOffset now, HttpContext http, CancellationToken cancellationToken)
    {
        RowVersions.SetETag(http, db, key);
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == key.UnitId, cancellationToken);
        return UnitKeyView.From(key, unit, now, key.Loans.OrderByDescending(l => l.Sequence).Select(KeyLoanView.From).ToList());
    }
}

public sealed record KeyQuery(Guid? PropertyId, Guid? UnitId, string? Status, bool? Overdue);

public sealed record RegisterKeyRequest(Guid UnitId, string Label);

public sealed class RegisterKeyRequestValidator : AbstractValidator<RegisterKeyRequest>
{
    public RegisterKeyRequestValidator()
    {
        RuleFor(r => r.UnitId).NotEmpty();
        RuleFor(r => r.Label).NotEmpty().MaximumLength(UnitKey.LabelMaxLength);
    }
}

public sealed record SignOutKeyRequest(string HolderName, string? HolderPhone, string Reason, DateTimeOffset? ExpectedReturnAt);

public sealed class SignOutKeyRequestValidator : AbstractValidator<SignOutKeyRequest>
{
    public SignOutKeyRequestValidator(TimeProvider time, PropertyCalendar calendar)
    {
        RuleFor(r => r.HolderName).NotEmpty().MaximumLength(UnitKey.NameMaxLength);
        RuleFor(r => r.HolderPhone).MaximumLength(UnitKey.PhoneMaxLength);
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(UnitKey.ReasonMaxLength);
        RuleFor(r => r.ExpectedReturnAt).NotNull();
        RuleFor(r => r.ExpectedReturnAt).Must(at => UnitKey.ExpectedReturnProblem(at!.Value, time.GetUtcNow(), calendar) is null)
            .When(r => r.ExpectedReturnAt is not null)
            .WithMessage(r => UnitKey.ExpectedReturnProblem(r.ExpectedReturnAt!.Value, time.GetUtcNow(), calendar));
    }
}

public sealed record KeyLoanView(
    int Sequence,
    string HolderName,
    string? HolderPhone,
    string Reason,
    DateTimeOffset SignedOutAt,
    DateTimeOffset ExpectedReturnAt,
    string SignedOutByName,
    DateTimeOffset? ReturnedAt,
    string? ReceivedByName,
    bool ReturnedLate)
{
    public static KeyLoanView From(KeyLoan l) => new(
        l.Sequence, l.HolderName, l.HolderPhone, l.Reason, l.SignedOutAt, l.ExpectedReturnAt, l.SignedOutByName, l.ReturnedAt, l.ReceivedByName,
        l.ReturnedLate);
}

/// <summary>A key as the register shows it; the list leaves the loans out (they are in the key's own view).</summary>
public sealed record UnitKeyView(
    Guid Id,
    Guid PropertyId,
    Guid UnitId,
    string UnitNumber,
    string BuildingName,
    string Label,
    UnitKeyStatus Status,
    DateTimeOffset RegisteredAt,
    string? HolderName,
    string? HolderPhone,
    string? Reason,
    DateTimeOffset? SignedOutAt,
    DateTimeOffset? ExpectedReturnAt,
    DateTimeOffset? DueBy,
    bool Overdue,
    IReadOnlyList<KeyLoanView> Loans)
{
    public static UnitKeyView From(UnitKey k, UnitCopy u, DateTimeOffset now, IReadOnlyList<KeyLoanView> loans) => new(
        k.Id, k.PropertyId, k.UnitId, u.Number, u.BuildingName, k.Label, k.Status, k.RegisteredAt, k.HolderName, k.HolderPhone, k.Reason,
        k.SignedOutAt, k.ExpectedReturnAt, k.DueBy, k.IsOverdue(now), loans);
}
