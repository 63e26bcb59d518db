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

/// <summary>Goods exit passes (出门条): the tenant applies, the desk checks the signer, the gate releases or refuses.</summary>
public static class ExitPassesApi
{
    private static readonly string[] Readers = [Roles.Occupant, Roles.FrontDesk, Roles.Security, Roles.Supervisor, Roles.Manager, Roles.Admin];
    private static readonly string[] Desk = [Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Admin];
    private static readonly string[] Gate = [Roles.Security, Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Admin];

    public static IEndpointRouteBuilder MapExitPassesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/exit-passes").WithTags("Exit passes");

        // Who may call what (README "Who may do what"); the scope (properties, an occupant's units) is checked in each handler.
        api.MapGet("/", ListExitPasses).WithName("ListExitPasses").RequireRoles(Readers);
        api.MapGet("/{id:guid}", GetExitPass).WithName("GetExitPass").RequireRoles(Readers);
        api.MapGet("/signers", ListSigners).WithName("ListExitPassSigners").RequireRoles(Readers);
        api.MapPost("/", ApplyForExitPass).WithName("ApplyForExitPass").Validate<ApplyExitPassRequest>()
            .RequireRoles(Roles.Occupant, Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Admin);
        api.MapPost("/{id:guid}/verify", VerifyExitPass).WithName("VerifyExitPass")
            .ProducesProblem(StatusCodes.Status409Conflict).RequireRoles(Desk);
        api.MapPost("/{id:guid}/reject", RejectExitPass).WithName("RejectExitPass").Validate<ExitPassReasonRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict).RequireRoles(Desk);
        api.MapPost("/{id:guid}/release", ReleaseExitPass).WithName("ReleaseExitPass").Validate<ReleaseExitPassRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict).RequireRoles(Gate);
        api.MapPost("/{id:guid}/refuse", RefuseExitPass).WithName("RefuseExitPass").Validate<ExitPassReasonRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict).RequireRoles(Gate);
        return app;
    }

    /// <summary>The archive: newest first; <c>q</c> searches the items, the carrier and the signer.</summary>
    public static async Task<Results<Ok<Page<ExitPassView>>, ValidationProblem>> ListExitPasses(
        [AsParameters] ExitPassQuery query, [AsParameters] PageRequest page, Caller caller, ReceptionDbContext db,
        CancellationToken cancellationToken)
    {
        var passes = db.ExitPasses.AsNoTracking().Include(p => p.Items).VisibleTo(caller, p => p.PropertyId, p => p.UnitId);
        if (query.PropertyId is { } propertyId)
        {
            passes = passes.Where(p => p.PropertyId == propertyId);
        }
        if (query.UnitId is { } unitId)
        {
            passes = passes.Where(p => p.UnitId == unitId);
        }
        if (!QueryEnum.TryParse<ExitPassStatus>(query.Status, out var status))
        {
            return ProblemResults.Invalid("status", $"Unknown status; use one of: {QueryEnum.AllowedValues<ExitPassStatus>()}.");
        }
        if (status is { } wanted)
        {
            passes = passes.Where(p => p.Status == wanted);
        }
        if (query.Date is { } date)
        {
            passes = passes.Where(p => p.ExitDate == date);
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var pattern = $"%{query.Q.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
            passes = passes.Where(p => EF.Functions.ILike(p.CarrierName, pattern) || EF.Functions.ILike(p.SignerName, pattern)
                || p.Items.Any(i => EF.Functions.ILike(i.Name, pattern)));
        }

        var rows = from p in passes
                   join u in db.Units on p.UnitId equals u.Id
                   orderby p.AppliedAt descending, p.Id descending
                   select new { Pass = p, Unit = u };
        return TypedResults.Ok(await rows.ToPageAsync(page, r => ExitPassView.From(r.Pass, r.Unit), cancellationToken));
    }

    public static async Task<Results<Ok<ExitPassView>, ProblemHttpResult>> GetExitPass(
        Guid id, Caller caller, ReceptionDbContext db, CancellationToken cancellationToken)
    {
        var row = await (from p in db.ExitPasses.AsNoTracking().Include(p => p.Items).VisibleTo(caller, p => p.PropertyId, p => p.UnitId)
                         join u in db.Units on p.UnitId equals u.Id
                         where p.Id == id
                         select new { Pass = p, Unit = u }).SingleOrDefaultAsync(cancellationToken);
        return row is null ? ProblemResults.NotFound("exit pass", id) : TypedResults.Ok(ExitPassView.From(row.Pass, row.Unit));
    }

    /// <summary>The authorised signers of the companies occupying a unit now: whom the tenant may ask to sign.</summary>
    public static async Task<Results<Ok<List<SignerView>>, ValidationProblem>> ListSigners(
        Guid? unitId, Caller caller, ReceptionDbContext db, TimeProvider time, PropertyCalendar calendar, CancellationToken cancellationToken)
    {
        var unit = unitId is { } id ? await db.Units.FindAsync([id], cancellationToken) : null;
        if (unit is null || !caller.CanSee(unit.PropertyId, unit.Id))
        {
            return ProblemResults.Invalid("unitId", "No unit with this id is registered.");
        }
        var now = time.GetUtcNow();
        var signers = await SignersOfAsync(db, unit.Id, calendar.DayOf(now), cancellationToken);
        return TypedResults.Ok(signers.Where(s => s.IsCurrentAt(now)).Select(s => new SignerView(s.PersonId, s.PersonName, s.CompanyId)).ToList());
    }

    public static async Task<Results<Created<ExitPassView>, ValidationProblem>> ApplyForExitPass(
        ApplyExitPassRequest request, Caller caller, ReceptionDbContext db, TimeProvider time, PropertyCalendar calendar,
        CancellationToken cancellationToken)
    {
        var unit = await db.Units.FindAsync([request.UnitId], cancellationToken);
        if (unit is null || !caller.CanSee(unit.PropertyId, unit.Id))
        {
            return ProblemResults.Invalid("unitId", "No unit with this id is registered.");
        }
        var now = time.GetUtcNow();
        var pass = ExitPass.Apply(unit, caller.AsActor(), request.CarrierName, request.ExitDate!.Value, request.SignerPersonId,
            request.SignerName, request.ItemList(), calendar.DayOf(now), now);
        db.ExitPasses.Add(pass);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/exit-passes/{pass.Id}", ExitPassView.From(pass, unit));
    }

    /// <summary>The desk's check: the signer must be an authorised signer of a company occupying the unit; otherwise 409.</summary>
    public static Task<Results<Ok<ExitPassView>, ProblemHttpResult>> VerifyExitPass(
        Guid id, Caller caller, ReceptionDbContext db, TimeProvider time, PropertyCalendar calendar, CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, async pass =>
        {
            var now = time.GetUtcNow();
            var signers = await SignersOfAsync(db, pass.UnitId, calendar.DayOf(now), cancellationToken);
            // A current authorisation first; a withdrawn one still lets the entity say why it is refused.
            var signer = signers.Where(pass.SignedBy).OrderByDescending(s => s.IsCurrentAt(now)).FirstOrDefault();
            pass.Verify(signer, caller.AsActor(), now);
        }, cancellationToken);

    public static Task<Results<Ok<ExitPassView>, ProblemHttpResult>> RejectExitPass(
        Guid id, ExitPassReasonRequest request, Caller caller, ReceptionDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, pass =>
        {
            pass.Reject(request.Reason, caller.AsActor(), time.GetUtcNow());
            return Task.CompletedTask;
        }, cancellationToken);

    public static Task<Results<Ok<ExitPassView>, ProblemHttpResult>> ReleaseExitPass(
        Guid id, ReleaseExitPassRequest request, Caller caller, ReceptionDbContext db, TimeProvider time, PropertyCalendar calendar,
        CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, pass =>
        {
            var now = time.GetUtcNow();
            var released = request.Items.GroupBy(i => i.Sequence).ToDictionary(g => g.Key, g => g.Sum(i => i.Quantity));
            pass.Release(released, request.Note, caller.AsActor(), calendar.DayOf(now), now);
            return Task.CompletedTask;
        }, cancellationToken);

    public static Task<Results<Ok<ExitPassView>, ProblemHttpResult>> RefuseExitPass(
        Guid id, ExitPassReasonRequest request, Caller caller, ReceptionDbContext db, TimeProvider time, PropertyCalendar calendar,
        CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, pass =>
        {
            var now = time.GetUtcNow();
            pass.Refuse(request.Reason, caller.AsActor(), calendar.DayOf(now), now);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>The signers (current or withdrawn) of the companies that occupy the unit on <paramref name="today"/>.</summary>
    private static Task<List<AuthorisedSigner>> SignersOfAsync(ReceptionDbContext db, Guid unitId, DateOnly today, CancellationToken cancellationToken) =>
        (from s in db.AuthorisedSigners
         join o in db.Occupancies on s.CompanyId equals o.OccupantId
         where o.UnitId == unitId && o.StartDate <= today && (o.EndDate == null || o.EndDate >= today)
         orderby s.PersonName, s.SignerId
         select s).Distinct().ToListAsync(cancellationToken);

    /// <summary>Staff act on the passes of their properties; anything else answers 404 like an unknown pass.</summary>
    private static async Task<Results<Ok<ExitPassView>, ProblemHttpResult>> ChangeAsync(
        Guid id, Caller caller, ReceptionDbContext db, Func<ExitPass, Task> change, CancellationToken cancellationToken)
    {
        var pass = await db.ExitPasses.Include(p => p.Items).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (pass is null || !caller.CanSeeProperty(pass.PropertyId))
        {
            return ProblemResults.NotFound("exit pass", id);
        }
        await change(pass);
        await db.SaveChangesAsync(cancellationToken);
        var unit = await db.Units.SingleAsync(u => u.Id == pass.UnitId, cancellationToken);
        return TypedResults.Ok(ExitPassView.From(pass, unit));
    }
}

public sealed record ExitPassQuery(Guid? PropertyId, Guid? UnitId, string? Status, DateOnly? Date, string? Q);

public sealed record ExitPassItemRequest(string Name, int Quantity);

/// <summary>A class of its own (not ChildRules) so the OpenAPI document carries the item's limits too.</summary>
public sealed class ExitPassItemRequestValidator : AbstractValidator<ExitPassItemRequest>
{
    public ExitPassItemRequestValidator()
    {
        RuleFor(i => i.Name).MaximumLength(ExitPass.ItemNameMaxLength);
    }
}

public sealed record ApplyExitPassRequest(
    Guid UnitId,
    string CarrierName,
    DateOnly? ExitDate,
    Guid? SignerPersonId,
    string SignerName,
    IReadOnlyList<ExitPassItemRequest>? Items)
{
    public IReadOnlyList<(string Name, int Quantity)> ItemList() => (Items ?? []).Select(i => (i.Name ?? "", i.Quantity)).ToList();
}

public sealed class ApplyExitPassRequestValidator : AbstractValidator<ApplyExitPassRequest>
{
    public ApplyExitPassRequestValidator(TimeProvider time, PropertyCalendar calendar)
    {
        RuleFor(r => r.UnitId).NotEmpty();
        RuleFor(r => r.CarrierName).NotEmpty().MaximumLength(ExitPass.NameMaxLength);
        RuleFor(r => r.SignerName).NotEmpty().MaximumLength(ExitPass.NameMaxLength);
        RuleFor(r => r.ExitDate).NotNull();
        RuleFor(r => r.ExitDate).Must(date => ExitPass.ExitDateProblem(date!.Value, calendar.DayOf(time.GetUtcNow())) is null)
            .When(r => r.ExitDate is not null).WithMessage("The goods cannot leave on a day that has passed.");
        RuleFor(r => r.Items).MaximumCount(ExitPass.MaxItems);
        RuleFor(r => r.Items).Must(items => ExitPass.ItemsProblem((items ?? []).Select(i => (i.Name ?? "", i.Quantity)).ToList()) is null)
            .WithMessage(r => ExitPass.ItemsProblem(r.ItemList()));
        RuleForEach(r => r.Items).SetValidator(new ExitPassItemRequestValidator());
    }
}

public sealed record ExitPassReasonRequest(string Reason);

public sealed class ExitPassReasonRequestValidator : AbstractValidator<ExitPassReasonRequest>
{
    public ExitPassReasonRequestValidator()
    {
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(ExitPass.ReasonMaxLength);
    }
}

public sealed record ReleasedItemRequest(int Sequence, int Quantity);

public sealed class ReleasedItemRequestValidator : AbstractValidator<ReleasedItemRequest>
{
    public ReleasedItemRequestValidator()
    {
        RuleFor(i => i.Quantity).InclusiveBetween(0, ExitPass.MaxQuantity);
    }
}

/// <summary>What the gate lets out, per line of the pass; a partial release needs a note.</summary>
public sealed record ReleaseExitPassRequest(
    IReadOnlyList<ReleasedItemRequest> Items,
    string? Note);

public sealed class ReleaseExitPassRequestValidator : AbstractValidator<ReleaseExitPassRequest>
{
    public ReleaseExitPassRequestValidator()
    {
        RuleFor(r => r.Items).NotEmpty().MaximumCount(ExitPass.MaxItems);
        RuleForEach(r => r.Items).SetValidator(new ReleasedItemRequestValidator());
        RuleFor(r => r.Note).MaximumLength(ExitPass.ReasonMaxLength);
    }
}

public sealed record SignerView(Guid PersonId, string PersonName, Guid CompanyId);

public sealed record ExitPassItemView(int Sequence, string Name, int Quantity, int? ReleasedQuantity);

public sealed record ExitPassView(
    Guid Id,
    Guid PropertyId,
    Guid UnitId,
    string UnitNumber,
    string BuildingName,
    string AppliedByName,
    string CarrierName,
    DateOnly ExitDate,
    Guid? SignerPersonId,
    string SignerName,
    ExitPassStatus Status,
    DateTimeOffset AppliedAt,
    DateTimeOffset? VerifiedAt,
    string? VerifiedByName,
    DateTimeOffset? CheckedAt,
    string? CheckedByName,
    string? GateNote,
    int PhotoCount,
    IReadOnlyList<ExitPassItemView> Items)
{
    public static ExitPassView From(ExitPass p, UnitCopy u) => new(
        p.Id, p.PropertyId, p.UnitId, u.Number, u.BuildingName, p.AppliedByName, p.CarrierName, p.ExitDate, p.SignerPersonId,
        p.SignerName, p.Status, p.AppliedAt, p.VerifiedAt, p.VerifiedByName, p.CheckedAt, p.CheckedByName, p.GateNote, p.PhotoCount,
        p.Items.Select(i => new ExitPassItemView(i.Sequence, i.Name, i.Quantity, i.ReleasedQuantity)).ToList());
}
