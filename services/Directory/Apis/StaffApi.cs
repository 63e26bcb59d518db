using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Directory.Domain;
using PropertyPlatform.Directory.Infrastructure;
using PropertyPlatform.ServiceDefaults.Apis;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Directory.Apis;

public static class StaffApi
{
    public static IEndpointRouteBuilder MapStaffApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/staff").WithTags("Staff");

        api.MapGet("/", ListStaff).WithName("ListStaff").RequireRoles(Access.StaffReaders);
        api.MapGet("/{id:guid}", GetStaffMember).WithName("GetStaffMember").RequireRoles(Access.StaffReaders);
        api.MapPost("/", RegisterStaffMember).WithName("RegisterStaffMember").Validate<StaffRequest>().RequireRoles(Roles.Admin);
        api.MapPut("/{id:guid}", ChangeStaffMember).WithName("ChangeStaffMember").Validate<StaffRequest>().RequireRoles(Roles.Admin);
        api.MapGet("/{id:guid}/audit", GetAuditTrail).WithName("GetStaffAuditTrail").RequireRoles(Access.StaffReaders);
        return app;
    }

    public static async Task<Results<Ok<Page<StaffSummary>>, ValidationProblem>> ListStaff(
        [AsParameters] StaffQuery query, [AsParameters] PageRequest page, Caller caller, DirectoryDbContext db, CancellationToken cancellationToken)
    {
        if (!QueryEnum.TryParse<StaffRole>(query.Role, out var role))
        {
            return ProblemResults.Invalid("role", $"Unknown role; use one of: {QueryEnum.AllowedValues<StaffRole>()}.");
        }
        if (!QueryEnum.TryParse<Department>(query.Department, out var department))
        {
            return ProblemResults.Invalid("department", $"Unknown department; use one of: {QueryEnum.AllowedValues<Department>()}.");
        }

        var staff = db.Staff.AsNoTracking().VisibleTo(caller);
        if (role is { } wantedRole)
        {
            staff = staff.Where(s => s.Roles.Contains(wantedRole));
        }
        if (department is { } wantedDepartment)
        {
            staff = staff.Where(s => s.Department == wantedDepartment);
        }
        if (query.PropertyId is { } propertyId)
        {
            staff = staff.Where(s => s.PropertyIds.Contains(propertyId));
        }
        if (!string.IsNullOrWhiteSpace(query.Name))
        {
            var pattern = Like.Containing(query.Name.Trim());
            staff = staff.Where(s => EF.Functions.ILike(s.Name, pattern));
        }

        var ordered = staff.OrderBy(s => s.Name).ThenBy(s => s.Id);
        return TypedResults.Ok(await ordered.ToPageAsync(page, StaffSummary.From, cancellationToken));
    }

    public static async Task<Results<Ok<StaffView>, ProblemHttpResult>> GetStaffMember(
        Guid id, Caller caller, DirectoryDbContext db, CancellationToken cancellationToken)
    {
        var staff = await db.Staff.AsNoTracking().VisibleTo(caller).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return staff is null ? ProblemResults.NotFound("staff member", id) : TypedResults.Ok(StaffView.From(staff));
    }

    public static async Task<Results<Created<StaffView>, ValidationProblem>> RegisterStaffMember(
        StaffRequest request, Caller caller, DirectoryDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await UnknownPropertiesAsync(request, caller, db, cancellationToken) is { } unknown)
        {
            return unknown;
        }

        var staff = StaffMember.Register(
            request.Name!, request.Phone!, request.Department!.Value, request.Roles!, request.PropertyIds!, time.GetUtcNow(), request.Email);
        db.Staff.Add(staff);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/staff/{staff.Id}", StaffView.From(staff));
    }

    /// <summary>Replaces name, phone, email, department, roles and properties.</summary>
    public static async Task<Results<Ok<StaffView>, ValidationProblem, ProblemHttpResult>> ChangeStaffMember(
        Guid id, StaffRequest request, Caller caller, DirectoryDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var staff = await db.Staff.VisibleTo(caller).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (staff is null)
        {
            return ProblemResults.NotFound("staff member", id);
        }
        if (await UnknownPropertiesAsync(request, caller, db, cancellationToken) is { } unknown)
        {
            return unknown;
        }

        // An administrator of some properties cannot take anyone off a property they do not administer.
        var keptElsewhere = staff.PropertyIds.Where(p => !caller.CanSeeProperty(p));
        staff.Change(request.Name!, request.Phone!, request.Department!.Value, request.Roles!, request.PropertyIds!.Concat(keptElsewhere), time.GetUtcNow(), request.Email);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(StaffView.From(staff));
    }

    public static async Task<Results<Ok<Page<AuditEntryView>>, ProblemHttpResult>> GetAuditTrail(
        Guid id, [AsParameters] PageRequest page, Caller caller, DirectoryDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Staff.VisibleTo(caller).AnyAsync(s => s.Id == id, cancellationToken))
        {
            return ProblemResults.NotFound("staff member", id);
        }
        return TypedResults.Ok(await AuditEntryView.PageAsync(db, "staff", id, page, cancellationToken));
    }

    /// <summary>Properties that do not exist or that the caller does not administer are unknown alike.</summary>
    private static async Task<ValidationProblem?> UnknownPropertiesAsync(
        StaffRequest request, Caller caller, DirectoryDbContext db, CancellationToken cancellationToken)
    {
        var wanted = request.PropertyIds!.Distinct().ToList();
        var known = await db.Properties.VisibleTo(caller, db).Where(p => wanted.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        var unknown = wanted.Except(known).ToList();
        return unknown.Count == 0 ? null : ProblemResults.Invalid("propertyIds", $"No property is registered with id {string.Join(", ", unknown)}.");
    }
}

/// <summary><c>role</c> and <c>department</c> are text so they read as the API writes them (<c>hr_admin</c>).</summary>
public sealed record StaffQuery(string? Role, string? Department, Guid? PropertyId, string? Name);

/// <summary><c>Email</c> is optional: without it the staff member gets no email from Notifications.</summary>
public sealed record StaffRequest(
    string? Name, string? Phone, Department? Department, IReadOnlyList<StaffRole>? Roles, IReadOnlyList<Guid>? PropertyIds, string? Email = null);

public sealed class StaffRequestValidator : AbstractValidator<StaffRequest>
{
    public const int MaxPropertiesPerStaffMember = 200;

    public StaffRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(StaffMember.NameMaxLength);
        RuleFor(r => r.Phone).NotEmpty().MaximumLength(PhoneNumber.TypedMaxLength);
        RuleFor(r => r.Phone).Must(p => PhoneNumber.Problem(p) is null).When(r => !string.IsNullOrWhiteSpace(r.Phone))
            .WithMessage(PhoneNumber.Rule);
        RuleFor(r => r.Email).MaximumLength(EmailAddress.MaxLength);
        RuleFor(r => r.Email).Must(e => EmailAddress.Problem(e) is null).When(r => !string.IsNullOrWhiteSpace(r.Email))
            .WithMessage(EmailAddress.Rule);
        RuleFor(r => r.Department).NotNull().IsInEnum();
        RuleFor(r => r.Roles).NotEmpty().WithMessage("Give at least one role.");
        RuleFor(r => r.Roles).MaximumCount(Enum.GetValues<StaffRole>().Length);
        RuleForEach(r => r.Roles).IsInEnum();
        RuleFor(r => r.PropertyIds).NotEmpty().WithMessage("Give at least one property the staff member works in.");
        // A bound on input size, far above what a centre assigns one person.
        RuleFor(r => r.PropertyIds).MaximumCount(MaxPropertiesPerStaffMember);
        RuleForEach(r => r.PropertyIds).NotEmpty();
    }
}

/// <summary>A staff member in a list: phone masked; email as the occupants' list shows it.</summary>
public sealed record StaffSummary(
    Guid Id, string Name, string Phone, Department Department, IReadOnlyList<StaffRole> Roles, IReadOnlyList<Guid> PropertyIds, string? Email)
{
    public static StaffSummary From(StaffMember s) => new(s.Id, s.Name, PhoneNumber.Mask(s.Phone), s.Department, s.Roles, s.PropertyIds, s.Email);
}

public sealed record StaffView(
    Guid Id,
    string Name,
    string Phone,
    Department Department,
    IReadOnlyList<StaffRole> Roles,
    IReadOnlyList<Guid> PropertyIds,
    DateTimeOffset RegisteredAt,
    string? Email)
{
    public static StaffView From(StaffMember s) => new(s.Id, s.Name, s.Phone, s.Department, s.Roles, s.PropertyIds, s.RegisteredAt, s.Email);
}
