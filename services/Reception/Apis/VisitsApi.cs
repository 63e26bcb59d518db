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

public static class VisitsApi
{
    public static IEndpointRouteBuilder MapVisitsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/visits").WithTags("Visits");

        // Who may call what (README "Who may do what"); the scope (properties, an occupant's units) is checked in each handler.
        api.MapGet("/", ListVisits).WithName("ListVisits")
            .RequireRoles(Roles.Occupant, Roles.FrontDesk, Roles.Security, Roles.Supervisor, Roles.Manager, Roles.Admin);
        api.MapGet("/{id:guid}", GetVisit).WithName("GetVisit")
            .RequireRoles(Roles.Occupant, Roles.FrontDesk, Roles.Security, Roles.Supervisor, Roles.Manager, Roles.Admin);
        api.MapGet("/by-pass-code/{code}", FindVisitByPassCode).WithName("FindVisitByPassCode")
            .RequireRoles(Roles.FrontDesk, Roles.Security, Roles.Supervisor, Roles.Manager, Roles.Admin);
        api.MapPost("/", RegisterVisit).WithName("RegisterVisit").Validate<RegisterVisitRequest>()
            .RequireRoles(Roles.Occupant, Roles.FrontDesk, Roles.Security, Roles.Supervisor, Roles.Manager, Roles.Admin);
        api.MapPost("/walk-ins", RegisterWalkIn).WithName("RegisterWalkIn").Validate<RegisterWalkInRequest>()
            .RequireRoles(Roles.FrontDesk, Roles.Security, Roles.Supervisor, Roles.Manager, Roles.Admin);
        api.MapPost("/{id:guid}/confirm", ConfirmWalkIn).WithName("ConfirmWalkIn").ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRoles(Roles.Occupant, Roles.FrontDesk, Roles.Security, Roles.Supervisor, Roles.Manager, Roles.Admin);
        api.MapPost("/{id:guid}/decline", DeclineWalkIn).WithName("DeclineWalkIn").Validate<DeclineWalkInRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRoles(Roles.Occupant, Roles.FrontDesk, Roles.Security, Roles.Supervisor, Roles.Manager, Roles.Admin);
        api.MapPost("/{id:guid}/check-in", CheckIn).WithName("CheckInVisitor").ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRoles(Roles.FrontDesk, Roles.Security, Roles.Supervisor, Roles.Manager, Roles.Admin);
        api.MapPost("/{id:guid}/check-out", CheckOut).WithName("CheckOutVisitor").ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRoles(Roles.FrontDesk, Roles.Security, Roles.Supervisor, Roles.Manager, Roles.Admin);
        api.MapPost("/{id:guid}/cancel", CancelVisit).WithName("CancelVisit").Validate<CancelVisitRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRoles(Roles.Occupant, Roles.FrontDesk, Roles.Security, Roles.Supervisor, Roles.Manager, Roles.Admin);
        return app;
    }

    public static async Task<Results<Ok<Page<VisitView>>, ValidationProblem>> ListVisits(
        [AsParameters] VisitQuery query, [AsParameters] PageRequest page, Caller caller, ReceptionDbContext db, PropertyCalendar calendar,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var visits = db.Visits.AsNoTracking().VisibleTo(caller, v => v.PropertyId, v => v.UnitId);
        if (query.PropertyId is { } propertyId)
        {
            visits = visits.Where(v => v.PropertyId == propertyId);
        }
        if (query.UnitId is { } unitId)
        {
            visits = visits.Where(v => v.UnitId == unitId);
        }
        if (!QueryEnum.TryParse<VisitStatus>(query.Status, out var status))
        {
            return ProblemResults.Invalid("status", $"Unknown status; use one of: {QueryEnum.AllowedValues<VisitStatus>()}.");
        }
        // A walk-in's expiry is not stored: awaiting and expired are told apart by the deadline.
        visits = status switch
        {
            VisitStatus.AwaitingHost => visits.Where(v => v.Status == VisitStatus.AwaitingHost && v.ConfirmBy >= now),
            VisitStatus.Expired => visits.Where(v => v.Status == VisitStatus.AwaitingHost && v.ConfirmBy < now),
            { } wanted => visits.Where(v => v.Status == wanted),
            null => visits,
        };
        if (query.Overstaying == true)
        {
            visits = visits.Where(v => v.Status == VisitStatus.CheckedIn && v.ExpectedUntil < now);
        }
        if (query.Date is { } date)
        {
            if (date.Year is <= 1 or >= 9999)
            {
                return ProblemResults.Invalid("date", "The date is out of range.");
            }
            // Every visit whose window touches the property's local day, e.g. the gate's list for today.
            var (start, end) = calendar.DayBounds(date);
            visits = visits.Where(v => v.ExpectedFrom < end && v.ExpectedUntil > start);
        }

        var rows = from v in visits
                   join u in db.Units on v.UnitId equals u.Id
                   select new { Visit = v, Unit = u };
        // A day's list reads in order of arrival; otherwise the newest visits come first.
        rows = query.Date is null
            ? rows.OrderByDescending(r => r.Visit.ExpectedFrom).ThenByDescending(r => r.Visit.Id)
            : rows.OrderBy(r => r.Visit.ExpectedFrom).ThenBy(r => r.Visit.Id);
        return TypedResults.Ok(await rows.ToPageAsync(page, r => VisitView.From(r.Visit, r.Unit, now), cancellationToken));
    }

    public static async Task<Results<Ok<VisitView>, ProblemHttpResult>> GetVisit(
        Guid id, Caller caller, ReceptionDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        // A visit outside the caller's scope answers as an unknown one.
        var row = await (from v in db.Visits.AsNoTracking().VisibleTo(caller, v => v.PropertyId, v => v.UnitId)
                         join u in db.Units on v.UnitId equals u.Id
                         where v.Id == id
                         select new { Visit = v, Unit = u }).SingleOrDefaultAsync(cancellationToken);
        return row is null ? ProblemResults.NotFound("visit", id) : TypedResults.Ok(VisitView.From(row.Visit, row.Unit, time.GetUtcNow()));
    }

    /// <summary>The guard's look-up at the gate: the property's active (expected or checked-in) visit with this code.</summary>
    public static async Task<Results<Ok<VisitView>, ProblemHttpResult, ValidationProblem>> FindVisitByPassCode(
        string code, Guid? propertyId, Caller caller, ReceptionDbContext db, IdNumberProtector protector, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (propertyId is null)
        {
            return ProblemResults.Invalid("propertyId", "Say which property's gate is asking: pass codes are unique per property.");
        }
        if (!PassCode.IsWellFormed(code))
        {
            return ProblemResults.Invalid("code", $"A pass code has {PassCode.Length} digits.");
        }

        // Another property's gate learns nothing: its codes answer as unknown ones.
        var row = await (from v in db.Visits.AsNoTracking().InPropertiesOf(caller, v => v.PropertyId)
                         join u in db.Units on v.UnitId equals u.Id
                         where v.PropertyId == propertyId && v.PassCode == code
                             && (v.Status == VisitStatus.Expected || v.Status == VisitStatus.CheckedIn || v.Status == VisitStatus.AwaitingHost)
                         select new { Visit = v, Unit = u }).SingleOrDefaultAsync(cancellationToken);
        return row is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No active visit has this pass code.",
                detail: "The code is unknown, or its visit was cancelled or is over.")
            : TypedResults.Ok(VisitView.From(row.Visit, row.Unit, time.GetUtcNow()) with { IdNumber = FullIdNumberFor(caller, row.Visit, protector) });
    }

    /// <summary>Only security, checking the visitor's document at the gate, reads the full ID number.</summary>
    private static string? FullIdNumberFor(Caller caller, Visit visit, IdNumberProtector protector) =>
        caller.IsInRole(Roles.Security) ? protector.Reveal(visit.IdNumberCiphertext) : null;

    public static async Task<Results<Created<VisitView>, ValidationProblem>> RegisterVisit(
        RegisterVisitRequest request, Caller caller, ReceptionDbContext db, IdNumberProtector protector, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var unit = await db.Units.FindAsync([request.UnitId], cancellationToken);
        // Staff register visits at their properties, an occupant invites visitors to their own units; any other
        // unit answers as an unknown one.
        if (unit is null || !caller.CanSee(unit.PropertyId, unit.Id))
        {
            return ProblemResults.Invalid("unitId", "No unit with this id is registered.");
        }

        var now = time.GetUtcNow();
        var registration = request.ToRegistration(protector);
        return await AddWithPassCodeAsync(db, unit, code => Visit.Register(unit, registration, code, now), now, cancellationToken);
    }

    /// <summary>The front desk or the gate registers a visitor who arrived unannounced; the host is asked to confirm.</summary>
    public static async Task<Results<Created<VisitView>, ValidationProblem>> RegisterWalkIn(
        RegisterWalkInRequest request, Caller caller, ReceptionDbContext db, IdNumberProtector protector, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var unit = await db.Units.FindAsync([request.UnitId], cancellationToken);
        if (unit is null || !caller.CanSeeProperty(unit.PropertyId))
        {
            return ProblemResults.Invalid("unitId", "No unit with this id is registered.");
        }

        var now = time.GetUtcNow();
        var registration = request.ToRegistration(now, protector);
        return await AddWithPassCodeAsync(db, unit, code => Visit.RegisterWalkIn(unit, registration, code, now), now, cancellationToken);
    }

    private static async Task<Results<Created<VisitView>, ValidationProblem>> AddWithPassCodeAsync(
        ReceptionDbContext db, UnitCopy unit, Func<PassCode, Visit> create, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var visit = create(await PassCodes.DrawFreeAsync(db, unit.PropertyId, cancellationToken));
            db.Visits.Add(visit);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return TypedResults.Created($"/visits/{visit.Id}", VisitView.From(visit, unit, now));
            }
            catch (DbUpdateException exception) when (PassCodes.IsClash(exception) && attempt < 3)
            {
                // Another registration took the same code between the check and the insert: draw again.
                db.ChangeTracker.Clear();
            }
        }
    }

    public static Task<Results<Ok<VisitView>, ProblemHttpResult>> ConfirmWalkIn(
        Guid id, Caller caller, ReceptionDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, time, (visit, unit, now) => visit.ConfirmByHost(unit, caller.AsActor(), now), cancellationToken);

    public static Task<Results<Ok<VisitView>, ProblemHttpResult>> DeclineWalkIn(
        Guid id, DeclineWalkInRequest request, Caller caller, ReceptionDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, time, (visit, unit, now) => visit.DeclineByHost(unit, caller.AsActor(), request.Reason, now), cancellationToken);

    /// <summary>
    /// Security lets the visitor in, unless they are on the property's blocklist: then the check-in is refused (409);
    /// the blocklist's reason is told to security only, anyone else learns to call security.
    /// </summary>
    public static async Task<Results<Ok<VisitView>, ProblemHttpResult>> CheckIn(
        Guid id, Caller caller, ReceptionDbContext db, IdNumberProtector protector, TimeProvider time, CancellationToken cancellationToken)
    {
        var visit = await db.Visits.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (visit is not null && caller.CanSee(visit.PropertyId, visit.UnitId)
            && await Blocklists.FindMatchAsync(db, protector, visit.PropertyId, protector.Reveal(visit.IdNumberCiphertext), visit.VisitorPhone,
                cancellationToken) is { } blocked)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This visitor may not enter.",
                detail: caller.IsInRole(Roles.Security)
                    ? $"{blocked.PersonName} is on the property's blocklist: {blocked.Reason}"
                    : "This visitor is on the property's blocklist: refuse entry and call security.",
                extensions: new Dictionary<string, object?> { ["blocklisted"] = true });
        }
        return await ChangeAsync(id, caller, db, time, (visit, unit, now) => visit.CheckIn(unit, now), cancellationToken,
            visit => FullIdNumberFor(caller, visit, protector));
    }

    public static Task<Results<Ok<VisitView>, ProblemHttpResult>> CheckOut(
        Guid id, Caller caller, ReceptionDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, time, (visit, unit, now) => visit.CheckOut(unit, now), cancellationToken);

    public static Task<Results<Ok<VisitView>, ProblemHttpResult>> CancelVisit(
        Guid id, CancelVisitRequest request, Caller caller, ReceptionDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, time, (visit, _, now) => visit.Cancel(request.Reason, now), cancellationToken);

    /// <summary>
    /// Loads a visit the caller may see (any other answers 404, like an unknown one), lets the entity apply (or refuse
    /// with 409) the change, and saves it with its event.
    /// </summary>
    private static async Task<Results<Ok<VisitView>, ProblemHttpResult>> ChangeAsync(
        Guid id, Caller caller, ReceptionDbContext db, TimeProvider time, Action<Visit, UnitCopy, DateTimeOffset> change,
        CancellationToken cancellationToken, Func<Visit, string?>? fullIdNumber = null)
    {
        var visit = await db.Visits.FindAsync([id], cancellationToken);
        if (visit is null || !caller.CanSee(visit.PropertyId, visit.UnitId))
        {
            return ProblemResults.NotFound("visit", id);
        }
        var unit = await db.Units.SingleAsync(u => u.Id == visit.UnitId, cancellationToken);

        var now = time.GetUtcNow();
        change(visit, unit, now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(VisitView.From(visit, unit, now) with { IdNumber = fullIdNumber?.Invoke(visit) });
    }
}

/// <summary><c>overstaying=true</c>: visitors checked in and still on site after their window closed.</summary>
public sealed record VisitQuery(Guid? PropertyId, Guid? UnitId, string? Status, DateOnly? Date, bool? Overstaying);

public sealed record RegisterVisitRequest(
    Guid UnitId,
    string VisitorName,
    string VisitorPhone,
    IdDocumentType? IdType,
    string IdNumber,
    string? PlateNumber,
    string Purpose,
    int PartySize,
    DateTimeOffset? ExpectedFrom,
    DateTimeOffset? ExpectedUntil,
    VisitorCategory? Category = null)
{
    public VisitRegistration ToRegistration(IdNumberProtector protector) => new(
        VisitorName, VisitorPhone, protector.Protect(IdentityDocument.Create(IdType!.Value, IdNumber)), Purpose, PartySize,
        ExpectedFrom!.Value, ExpectedUntil!.Value, PlateNumber, Category ?? VisitorCategory.Ordinary);
}

public sealed class RegisterVisitRequestValidator : AbstractValidator<RegisterVisitRequest>
{
    public RegisterVisitRequestValidator(TimeProvider time)
    {
        RuleFor(r => r.UnitId).NotEmpty();
        RuleFor(r => r.VisitorName).NotEmpty().MaximumLength(Visit.VisitorNameMaxLength);
        RuleFor(r => r.VisitorPhone).NotEmpty().MaximumLength(32).Matches(@"^\+?[0-9][0-9 \-]{4,30}$")
            .WithMessage("Enter a phone number of digits, optionally with +, spaces or dashes.");
        RuleFor(r => r.IdType).NotNull().IsInEnum();
        RuleFor(r => r.IdNumber).NotEmpty().MaximumLength(IdentityDocument.TypedMaxLength).Custom((number, context) =>
        {
            if (context.InstanceToValidate.IdType is { } type && Enum.IsDefined(type) && !string.IsNullOrWhiteSpace(number)
                && IdentityDocument.Problem(type, number) is { } problem)
            {
                context.AddFailure(problem);
            }
        });
        RuleFor(r => r.PlateNumber).MaximumLength(Visit.PlateNumberMaxLength);
        RuleFor(r => r.Category).IsInEnum();
        RuleFor(r => r.Purpose).NotEmpty().MaximumLength(Visit.PurposeMaxLength);
        RuleFor(r => r.PartySize).Must(size => Visit.PartySizeProblem(size) is null)
            .WithMessage(r => Visit.PartySizeProblem(r.PartySize));
        RuleFor(r => r.ExpectedFrom).NotNull();
        RuleFor(r => r.ExpectedUntil).NotNull();
        RuleFor(r => r.ExpectedFrom).Must(from => Visit.WindowStartProblem(from!.Value, time.GetUtcNow()) is null)
            .When(r => r.ExpectedFrom is not null)
            .WithMessage(r => Visit.WindowStartProblem(r.ExpectedFrom!.Value, time.GetUtcNow()));
        RuleFor(r => r.ExpectedUntil).Must((r, until) => Visit.WindowOrderProblem(r.ExpectedFrom!.Value, until!.Value) is null)
            .When(r => r is { ExpectedFrom: not null, ExpectedUntil: not null })
            .WithMessage(r => Visit.WindowOrderProblem(r.ExpectedFrom!.Value, r.ExpectedUntil!.Value));
    }
}

/// <summary>A visitor at the desk without an invitation; the stay ends at <c>ExpectedUntil</c> (default four hours).</summary>
public sealed record RegisterWalkInRequest(
    Guid UnitId,
    string VisitorName,
    string VisitorPhone,
    IdDocumentType? IdType,
    string IdNumber,
    string? PlateNumber,
    string Purpose,
    int PartySize,
    DateTimeOffset? ExpectedUntil,
    VisitorCategory? Category = null)
{
    public VisitRegistration ToRegistration(DateTimeOffset now, IdNumberProtector protector) => new(
        VisitorName, VisitorPhone, protector.Protect(IdentityDocument.Create(IdType!.Value, IdNumber)), Purpose, PartySize,
        now, ExpectedUntil ?? now + Visit.WalkInStay, PlateNumber, Category ?? VisitorCategory.Ordinary);
}

public sealed class RegisterWalkInRequestValidator : AbstractValidator<RegisterWalkInRequest>
{
    public RegisterWalkInRequestValidator(TimeProvider time)
    {
        RuleFor(r => r.UnitId).NotEmpty();
        RuleFor(r => r.VisitorName).NotEmpty().MaximumLength(Visit.VisitorNameMaxLength);
        RuleFor(r => r.VisitorPhone).NotEmpty().MaximumLength(32).Matches(@"^\+?[0-9][0-9 \-]{4,30}$")
            .WithMessage("Enter a phone number of digits, optionally with +, spaces or dashes.");
        RuleFor(r => r.IdType).NotNull().IsInEnum();
        RuleFor(r => r.IdNumber).NotEmpty().MaximumLength(IdentityDocument.TypedMaxLength).Custom((number, context) =>
        {
            if (context.InstanceToValidate.IdType is { } type && Enum.IsDefined(type) && !string.IsNullOrWhiteSpace(number)
                && IdentityDocument.Problem(type, number) is { } problem)
            {
                context.AddFailure(problem);
            }
        });
        RuleFor(r => r.PlateNumber).MaximumLength(Visit.PlateNumberMaxLength);
        RuleFor(r => r.Category).IsInEnum();
        RuleFor(r => r.Purpose).NotEmpty().MaximumLength(Visit.PurposeMaxLength);
        RuleFor(r => r.PartySize).Must(size => Visit.PartySizeProblem(size) is null)
            .WithMessage(r => Visit.PartySizeProblem(r.PartySize));
        RuleFor(r => r.ExpectedUntil).Must(until => Visit.WindowOrderProblem(time.GetUtcNow(), until!.Value) is null)
            .When(r => r.ExpectedUntil is not null)
            .WithMessage("The visit must end after it starts.");
    }
}

public sealed record DeclineWalkInRequest(string? Reason);

public sealed class DeclineWalkInRequestValidator : AbstractValidator<DeclineWalkInRequest>
{
    public DeclineWalkInRequestValidator()
    {
        RuleFor(r => r.Reason).MaximumLength(Visit.ReasonMaxLength);
    }
}

public sealed record CancelVisitRequest(string Reason);

public sealed class CancelVisitRequestValidator : AbstractValidator<CancelVisitRequest>
{
    public CancelVisitRequestValidator()
    {
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(Visit.ReasonMaxLength);
    }
}

/// <summary>A visit as staff see it: the ID number is masked.</summary>
public sealed record VisitView(
    Guid Id,
    Guid PropertyId,
    Guid UnitId,
    string UnitNumber,
    string BuildingName,
    string VisitorName,
    string VisitorPhone,
    IdDocumentType IdType,
    string IdNumberMasked,
    string? PlateNumber,
    string Purpose,
    int PartySize,
    DateTimeOffset ExpectedFrom,
    DateTimeOffset ExpectedUntil,
    string PassCode,
    VisitStatus Status,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? CheckedInAt,
    DateTimeOffset? CheckedOutAt,
    DateTimeOffset? CancelledAt,
    string? CancelReason,
    bool IsWalkIn,
    DateTimeOffset? ConfirmBy,
    DateTimeOffset? HostAnsweredAt,
    string? HostAnsweredByName,
    string? DeclineReason,
    VisitorCategory Category,
    bool Overstaying)
{
    /// <summary>The full ID number: only for security, when looking the visitor up at the gate and checking them in.</summary>
    public string? IdNumber { get; init; }

    /// <summary>The status as of <paramref name="now"/>: a walk-in past its deadline reads <c>expired</c>.</summary>
    public static VisitView From(Visit v, UnitCopy u, DateTimeOffset now) => new(
        v.Id, v.PropertyId, v.UnitId, u.Number, u.BuildingName, v.VisitorName, v.VisitorPhone, v.IdType, v.IdNumberMasked,
        v.PlateNumber, v.Purpose, v.PartySize, v.ExpectedFrom, v.ExpectedUntil, v.PassCode, v.StatusAt(now), v.RegisteredAt,
        v.CheckedInAt, v.CheckedOutAt, v.CancelledAt, v.CancelReason, v.IsWalkIn, v.ConfirmBy, v.HostAnsweredAt,
        v.HostAnsweredByName, v.DeclineReason, v.Category, v.IsOverstayingAt(now));
}
