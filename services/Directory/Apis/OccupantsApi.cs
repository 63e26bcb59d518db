using System.Linq.Expressions;
using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Directory.Domain;
using PropertyPlatform.Directory.Infrastructure;
using PropertyPlatform.Directory.Infrastructure.Auditing;
using PropertyPlatform.Directory.Infrastructure.DataProtection;
using PropertyPlatform.ServiceDefaults.Apis;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Directory.Apis;

public static class OccupantsApi
{
    public static IEndpointRouteBuilder MapOccupantsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/occupants").WithTags("Occupants");

        api.MapGet("/", ListOccupants).WithName("ListOccupants").RequireRoles(Access.Anyone);
        api.MapGet("/{id:guid}", GetOccupant).WithName("GetOccupant").RequireRoles(Access.Anyone);
        api.MapPost("/", RegisterOccupant).WithName("RegisterOccupant").Validate<RegisterOccupantRequest>().RequireRoles(Access.PeopleDesk);
        api.MapPut("/{id:guid}/contacts", ChangeContacts).WithName("ChangeOccupantContacts").Validate<ChangeContactsRequest>()
            .RequireRoles(Access.PeopleDesk);
        api.MapPut("/{id:guid}/id-document", SetIdDocument).WithName("SetOccupantIdDocument").Validate<IdDocumentRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict).RequireRoles(Access.PeopleDesk);
        api.MapPut("/{id:guid}/company", ChangeCompany).WithName("ChangeOccupantCompany").Validate<CompanyLinkRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict).RequireRoles(Access.PeopleDesk);
        api.MapGet("/{id:guid}/signers", ListSigners).WithName("ListAuthorisedSigners").RequireRoles(Access.Anyone);
        api.MapPost("/{id:guid}/signers", AuthoriseSigner).WithName("AuthoriseSigner").Validate<AuthoriseSignerRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict).RequireRoles(Access.PeopleDesk);
        api.MapPost("/{id:guid}/signers/{signerId:guid}/withdraw", WithdrawSigner).WithName("WithdrawSigner")
            .ProducesProblem(StatusCodes.Status409Conflict).RequireRoles(Access.PeopleDesk);
        api.MapGet("/{id:guid}/audit", GetAuditTrail).WithName("GetOccupantAuditTrail").RequireRoles(Access.AuditReaders);
        return app;
    }

    public static async Task<Results<Ok<Page<OccupantSummary>>, ValidationProblem>> ListOccupants(
        [AsParameters] OccupantQuery query, [AsParameters] PageRequest page, Caller caller, DirectoryDbContext db, CancellationToken cancellationToken)
    {
        if (!QueryEnum.TryParse<OccupantKind>(query.Kind, out var kind))
        {
            return ProblemResults.Invalid("kind", $"Unknown occupant kind; use one of: {QueryEnum.AllowedValues<OccupantKind>()}.");
        }

        var occupants = db.Occupants.AsNoTracking().VisibleTo(caller, db);
        if (query.PropertyId is { } propertyId)
        {
            occupants = occupants.Where(o => o.PropertyId == propertyId);
        }
        if (query.UnitId is { } unitId)
        {
            // Who holds the unit now; its history is at /occupancies?unitId=.
            occupants = occupants.Where(o => db.Occupancies.Any(c => c.OccupantId == o.Id && c.UnitId == unitId && c.EndDate == null));
        }
        if (kind is { } wantedKind)
        {
            occupants = occupants.Where(o => o.Kind == wantedKind);
        }
        if (query.CompanyId is { } companyId)
        {
            occupants = occupants.Where(o => o.CompanyId == companyId);
        }
        if (!string.IsNullOrWhiteSpace(query.Name))
        {
            var pattern = Like.Containing(query.Name.Trim());
            occupants = occupants.Where(o => EF.Functions.ILike(o.Name, pattern));
        }

        var ordered = occupants.OrderBy(o => o.Name).ThenBy(o => o.Id);
        return TypedResults.Ok(await ordered.ToPageAsync(page, OccupantSummary.From, cancellationToken));
    }

    public static async Task<Results<Ok<OccupantView>, ProblemHttpResult>> GetOccupant(
        Guid id, Caller caller, DirectoryDbContext db, IdNumberProtector protector, CancellationToken cancellationToken)
    {
        var occupant = await db.Occupants.AsNoTracking().VisibleTo(caller, db).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (occupant is null)
        {
            return ProblemResults.NotFound("occupant", id);
        }
        return TypedResults.Ok(await OccupantView.LoadAsync(occupant, caller, db, protector, cancellationToken));
    }

    public static async Task<Results<Created<OccupantView>, ValidationProblem>> RegisterOccupant(
        RegisterOccupantRequest request, Caller caller, DirectoryDbContext db, IdNumberProtector protector, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var property = await db.Properties.FindAsync([request.PropertyId], cancellationToken);
        if (property is null || !caller.MayManage(property.Id))
        {
            return ProblemResults.Invalid("propertyId", "No property with this id is registered.");
        }
        Occupant? company = null;
        if (request.CompanyId is { } companyId)
        {
            company = await db.Occupants.SingleOrDefaultAsync(o => o.Id == companyId, cancellationToken);
            if (company is null || company.Kind != OccupantKind.Company || company.PropertyId != property.Id)
            {
                return ProblemResults.Invalid("companyId", "No company of this property has this id.");
            }
        }

        var idNumber = request.IdType is { } idType ? protector.Protect(IdentityDocument.Create(idType, request.IdNumber)) : null;
        var occupant = Occupant.Register(
            property, request.Kind!.Value, request.Name!, request.Phone, request.Email, idNumber, company, time.GetUtcNow());
        db.Occupants.Add(occupant);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/occupants/{occupant.Id}", await OccupantView.LoadAsync(occupant, caller, db, protector, cancellationToken));
    }

    public static async Task<Results<Ok<OccupantView>, ProblemHttpResult>> ChangeContacts(
        Guid id, ChangeContactsRequest request, Caller caller, DirectoryDbContext db, IdNumberProtector protector, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var occupant = await db.Occupants.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (occupant is null || !caller.MayManage(occupant.PropertyId))
        {
            return ProblemResults.NotFound("occupant", id);
        }

        occupant.ChangeContacts(request.Phone, request.Email, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await OccupantView.LoadAsync(occupant, caller, db, protector, cancellationToken));
    }

    public static async Task<Results<Ok<OccupantView>, ValidationProblem, ProblemHttpResult>> SetIdDocument(
        Guid id, IdDocumentRequest request, Caller caller, DirectoryDbContext db, IdNumberProtector protector, CancellationToken cancellationToken)
    {
        var occupant = await db.Occupants.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (occupant is null || !caller.MayManage(occupant.PropertyId))
        {
            return ProblemResults.NotFound("occupant", id);
        }
        if (occupant.Kind != OccupantKind.Person)
        {
            return ProblemResults.Invalid("idType", "A company is registered without an identity document.");
        }

        occupant.SetIdNumber(protector.Protect(IdentityDocument.Create(request.IdType!.Value, request.IdNumber)));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await OccupantView.LoadAsync(occupant, caller, db, protector, cancellationToken));
    }

    /// <summary>Links a person to the company they work for, or (with no <c>companyId</c>) unlinks them.</summary>
    public static async Task<Results<Ok<OccupantView>, ValidationProblem, ProblemHttpResult>> ChangeCompany(
        Guid id, CompanyLinkRequest request, Caller caller, DirectoryDbContext db, IdNumberProtector protector, CancellationToken cancellationToken)
    {
        var person = await db.Occupants.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (person is null || !caller.MayManage(person.PropertyId))
        {
            return ProblemResults.NotFound("occupant", id);
        }

        if (request.CompanyId is { } companyId)
        {
            var company = await db.Occupants.SingleOrDefaultAsync(o => o.Id == companyId, cancellationToken);
            if (company is null || company.Kind != OccupantKind.Company || company.PropertyId != person.PropertyId)
            {
                return ProblemResults.Invalid("companyId", "No company of this property has this id.");
            }
            if (person.CompanyId is { } currentCompanyId && currentCompanyId != companyId)
            {
                person.LeaveCompany(await db.Occupants.Include(o => o.Signers).SingleAsync(o => o.Id == currentCompanyId, cancellationToken));
            }
            person.JoinCompany(company);
        }
        else if (person.CompanyId is { } currentCompanyId)
        {
            person.LeaveCompany(await db.Occupants.Include(o => o.Signers).SingleAsync(o => o.Id == currentCompanyId, cancellationToken));
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await OccupantView.LoadAsync(person, caller, db, protector, cancellationToken));
    }

    /// <summary>The company's signers, current first, then withdrawn ones, most recent first.</summary>
    public static async Task<Results<Ok<IReadOnlyList<SignerView>>, ProblemHttpResult>> ListSigners(
        Guid id, Caller caller, DirectoryDbContext db, CancellationToken cancellationToken)
    {
        var company = await db.Occupants.AsNoTracking().VisibleTo(caller, db)
            .SingleOrDefaultAsync(o => o.Id == id && o.Kind == OccupantKind.Company, cancellationToken);
        if (company is null)
        {
            return ProblemResults.NotFound("company", id);
        }

        var rows = await (from s in db.AuthorisedSigners.AsNoTracking()
                          join p in db.Occupants on s.PersonId equals p.Id
                          where s.CompanyId == id
                          orderby s.WithdrawnAt != null, s.AuthorisedAt descending, s.Id
                          select new { Signer = s, Person = p }).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<SignerView>>(rows.Select(r => SignerView.From(r.Signer, r.Person, maskPhone: true)).ToList());
    }

    public static async Task<Results<Created<SignerView>, ValidationProblem, ProblemHttpResult>> AuthoriseSigner(
        Guid id, AuthoriseSignerRequest request, Caller caller, DirectoryDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var company = await db.Occupants.Include(o => o.Signers).SingleOrDefaultAsync(o => o.Id == id && o.Kind == OccupantKind.Company, cancellationToken);
        if (company is null || !caller.MayManage(company.PropertyId))
        {
            return ProblemResults.NotFound("company", id);
        }
        var person = await db.Occupants.SingleOrDefaultAsync(o => o.Id == request.PersonId, cancellationToken);
        if (person is null || person.PropertyId != company.PropertyId)
        {
            return ProblemResults.Invalid("personId", "No occupant of this property has this id.");
        }

        var signer = company.AuthoriseSigner(person, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/occupants/{company.Id}/signers", SignerView.From(signer, person, maskPhone: false));
    }

    public static async Task<Results<Ok<SignerView>, ProblemHttpResult>> WithdrawSigner(
        Guid id, Guid signerId, Caller caller, DirectoryDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var company = await db.Occupants.Include(o => o.Signers).SingleOrDefaultAsync(o => o.Id == id && o.Kind == OccupantKind.Company, cancellationToken);
        if (company is null || !caller.MayManage(company.PropertyId) || !company.Signers.Any(s => s.Id == signerId))
        {
            return ProblemResults.NotFound("authorised signer", signerId);
        }

        var signer = company.WithdrawSigner(signerId, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        var person = await db.Occupants.AsNoTracking().SingleAsync(o => o.Id == signer.PersonId, cancellationToken);
        return TypedResults.Ok(SignerView.From(signer, person, maskPhone: false));
    }

    public static async Task<Results<Ok<Page<AuditEntryView>>, ProblemHttpResult>> GetAuditTrail(
        Guid id, [AsParameters] PageRequest page, Caller caller, DirectoryDbContext db, CancellationToken cancellationToken)
    {
        var propertyId = await db.Occupants.Where(o => o.Id == id).Select(o => (Guid?)o.PropertyId).SingleOrDefaultAsync(cancellationToken);
        if (propertyId is null || !caller.MayManage(propertyId.Value))
        {
            return ProblemResults.NotFound("occupant", id);
        }
        return TypedResults.Ok(await AuditEntryView.PageAsync(db, "occupant", id, page, cancellationToken));
    }
}

/// <summary><c>kind</c> is text so it can be read as the API writes it (<c>company</c>); <c>name</c> matches a part of the name.</summary>
public sealed record OccupantQuery(Guid? PropertyId, Guid? UnitId, string? Kind, string? Name, Guid? CompanyId);

/// <summary>
/// A person or company. Give a phone or an email (or both). A person may give an ID document (type and number
/// together) and the company they work for.
/// </summary>
public sealed record RegisterOccupantRequest(
    Guid PropertyId,
    OccupantKind? Kind,
    string? Name,
    string? Phone,
    string? Email,
    IdDocumentType? IdType,
    string? IdNumber,
    Guid? CompanyId);

public sealed class RegisterOccupantRequestValidator : AbstractValidator<RegisterOccupantRequest>
{
    public RegisterOccupantRequestValidator()
    {
        RuleFor(r => r.PropertyId).NotEmpty();
        RuleFor(r => r.Kind).NotNull().IsInEnum();
        RuleFor(r => r.Name).NotEmpty().MaximumLength(Occupant.NameMaxLength);
        this.ContactRules(r => r.Phone, r => r.Email);
        RuleFor(r => r.IdType).Null().When(r => r.Kind == OccupantKind.Company)
            .WithMessage("A company is registered without an identity document.");
        RuleFor(r => r.IdType).NotNull().When(r => !string.IsNullOrWhiteSpace(r.IdNumber))
            .WithMessage("Give the type of the identity document with its number.");
        RuleFor(r => r.IdNumber).NotEmpty().When(r => r.IdType is not null)
            .WithMessage("Give the identity document's number with its type.");
        RuleFor(r => r.IdType).IsInEnum();
        this.IdNumberRule(r => r.IdType, r => r.IdNumber);
        RuleFor(r => r.CompanyId).Null().When(r => r.Kind == OccupantKind.Company)
            .WithMessage("Only a person works for a company.");
    }
}

public sealed record ChangeContactsRequest(string? Phone, string? Email);

public sealed class ChangeContactsRequestValidator : AbstractValidator<ChangeContactsRequest>
{
    public ChangeContactsRequestValidator() => this.ContactRules(r => r.Phone, r => r.Email);
}

internal static class OccupantRules
{
    /// <summary>Phone and email of an occupant: at least one, each well formed.</summary>
    public static void ContactRules<T>(this AbstractValidator<T> validator, Expression<Func<T, string?>> phone, Expression<Func<T, string?>> email)
    {
        var readPhone = phone.Compile();
        var readEmail = email.Compile();
        validator.RuleFor(phone).NotEmpty().When(r => string.IsNullOrWhiteSpace(readEmail(r)))
            .WithMessage("Give a phone number or an email address.");
        validator.RuleFor(phone).MaximumLength(PhoneNumber.TypedMaxLength);
        validator.RuleFor(email).MaximumLength(EmailAddress.MaxLength);
        validator.RuleFor(phone).Must(p => PhoneNumber.Problem(p) is null).When(r => !string.IsNullOrWhiteSpace(readPhone(r)))
            .WithMessage(PhoneNumber.Rule);
        validator.RuleFor(email).Must(e => EmailAddress.Problem(e) is null).When(r => !string.IsNullOrWhiteSpace(readEmail(r)))
            .WithMessage(EmailAddress.Rule);
    }

    /// <summary>An identity document's number fits its type (resident ID card: shape, birth date, check character).</summary>
    public static void IdNumberRule<T>(this AbstractValidator<T> validator, Func<T, IdDocumentType?> type, Expression<Func<T, string?>> number) =>
        validator.RuleFor(number).MaximumLength(IdentityDocument.TypedMaxLength).Custom((value, context) =>
        {
            if (type(context.InstanceToValidate) is { } known && Enum.IsDefined(known) && !string.IsNullOrWhiteSpace(value)
                && IdentityDocument.Problem(known, value) is { } problem)
            {
                context.AddFailure(problem);
            }
        });
}

public sealed record IdDocumentRequest(IdDocumentType? IdType, string? IdNumber);

public sealed class IdDocumentRequestValidator : AbstractValidator<IdDocumentRequest>
{
    public IdDocumentRequestValidator()
    {
        RuleFor(r => r.IdType).NotNull().IsInEnum();
        RuleFor(r => r.IdNumber).NotEmpty();
        this.IdNumberRule(r => r.IdType, r => r.IdNumber);
    }
}

/// <summary>The company the person works for; none (null) to unlink them.</summary>
public sealed record CompanyLinkRequest(Guid? CompanyId);

public sealed class CompanyLinkRequestValidator : AbstractValidator<CompanyLinkRequest>
{
    public CompanyLinkRequestValidator() => RuleFor(r => r.CompanyId).NotEqual(Guid.Empty);
}

public sealed record AuthoriseSignerRequest(Guid PersonId);

public sealed class AuthoriseSignerRequestValidator : AbstractValidator<AuthoriseSignerRequest>
{
    public AuthoriseSignerRequestValidator() => RuleFor(r => r.PersonId).NotEmpty();
}

/// <summary>An occupant in a list: phone and ID number masked.</summary>
public sealed record OccupantSummary(
    Guid Id,
    Guid PropertyId,
    OccupantKind Kind,
    string Name,
    string? Phone,
    string? Email,
    IdDocumentType? IdType,
    string? IdNumber,
    Guid? CompanyId,
    DateTimeOffset RegisteredAt)
{
    public static OccupantSummary From(Occupant o) => new(
        o.Id, o.PropertyId, o.Kind, o.Name, o.Phone is null ? null : PhoneNumber.Mask(o.Phone), o.Email, o.IdType, o.IdNumberMasked,
        o.CompanyId, o.RegisteredAt);
}

/// <summary>
/// An occupant's record: contacts in full, the ID number masked unless the caller may see it
/// (<see cref="PersonalData.MayRevealIdNumbers"/>; then <c>idNumberRevealed</c>), the company a person works for,
/// and the units they hold now.
/// </summary>
public sealed record OccupantView(
    Guid Id,
    Guid PropertyId,
    OccupantKind Kind,
    string Name,
    string? Phone,
    string? Email,
    IdDocumentType? IdType,
    string? IdNumber,
    bool IdNumberRevealed,
    Guid? CompanyId,
    string? CompanyName,
    IReadOnlyList<HeldUnitView> Units,
    DateTimeOffset RegisteredAt)
{
    public static async Task<OccupantView> LoadAsync(
        Occupant o, Caller caller, DirectoryDbContext db, IdNumberProtector protector, CancellationToken cancellationToken)
    {
        var companyName = o.CompanyId is { } companyId
            ? await db.Occupants.Where(c => c.Id == companyId).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        // Only the units the caller may see: an occupant reading a co-holder's record learns nothing of elsewhere.
        var units = await (from c in db.Occupancies.AsNoTracking().VisibleTo(caller)
                           join u in db.Units on c.UnitId equals u.Id
                           join b in db.Buildings on u.BuildingId equals b.Id
                           where c.OccupantId == o.Id && c.EndDate == null
                           orderby b.Name, u.Number, c.Role
                           select new HeldUnitView(c.Id, u.Id, b.Name, u.Number, c.Role, c.StartDate)).ToListAsync(cancellationToken);
        var reveal = PersonalData.MayRevealIdNumbers(caller) && o.IdNumberCiphertext is not null;
        return new OccupantView(
            o.Id, o.PropertyId, o.Kind, o.Name, o.Phone, o.Email, o.IdType,
            reveal ? protector.Reveal(o.IdNumberCiphertext!) : o.IdNumberMasked, reveal,
            o.CompanyId, companyName, units, o.RegisteredAt);
    }
}

public sealed record HeldUnitView(Guid OccupancyId, Guid UnitId, string BuildingName, string UnitNumber, OccupancyRole Role, DateOnly StartDate);

public sealed record SignerView(
    Guid Id,
    Guid CompanyId,
    Guid PersonId,
    string PersonName,
    string? PersonPhone,
    DateTimeOffset AuthorisedAt,
    DateTimeOffset? WithdrawnAt,
    bool Current)
{
    public static SignerView From(AuthorisedSigner s, Occupant person, bool maskPhone) => new(
        s.Id, s.CompanyId, s.PersonId, person.Name,
        person.Phone is null ? null : maskPhone ? PhoneNumber.Mask(person.Phone) : person.Phone,
        s.AuthorisedAt, s.WithdrawnAt, s.IsCurrent);
}

/// <summary>
/// One change to a person's record: who (<see cref="ActorId"/>, the person id of the signed-in caller; null for the
/// system), when, what (each field before and after; ID numbers masked).
/// </summary>
public sealed record AuditEntryView(
    Guid Id, string Action, string EntityType, Guid EntityId, Guid? ActorId, string Actor, DateTimeOffset At, IReadOnlyList<FieldChange> Changes)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The subject's trail with that of their account (a person id is a staff member's or an occupant's), newest first.</summary>
    public static Task<Page<AuditEntryView>> PageAsync(
        DirectoryDbContext db, string subjectType, Guid subjectId, PageRequest page, CancellationToken cancellationToken) =>
        db.AuditEntries.AsNoTracking()
            .Where(e => (e.SubjectType == subjectType || e.SubjectType == "account") && e.SubjectId == subjectId)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .ToPageAsync(page, e => new AuditEntryView(
                e.Id, e.Action, e.EntityType, e.EntityId, e.ActorId, e.Actor, e.At,
                JsonSerializer.Deserialize<List<FieldChange>>(e.Changes, Json) ?? []), cancellationToken);
}

/// <summary>Patterns for ILIKE: what the user typed matches literally, wherever it occurs.</summary>
internal static class Like
{
    public static string Containing(string text) =>
        "%" + text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
}
