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

/// <summary>
/// The property's blocklist (黑名单): people refused entry. Security keeps it with the supervisors and managers; the
/// front desk neither reads it nor learns the reasons (a listed visitor's check-in tells it to call security).
/// </summary>
public static class BlocklistApi
{
    private static readonly string[] Keepers = [Roles.Security, Roles.Supervisor, Roles.Manager, Roles.Admin];

    public static IEndpointRouteBuilder MapBlocklistApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/blocklist").WithTags("Blocklist");

        api.MapGet("/", ListBlocklist).WithName("ListBlocklist").RequireRoles(Keepers);
        api.MapPost("/", AddToBlocklist).WithName("AddToBlocklist").Validate<AddToBlocklistRequest>().RequireRoles(Keepers);
        api.MapPost("/{id:guid}/lift", LiftBlocklistEntry).WithName("LiftBlocklistEntry")
            .ProducesProblem(StatusCodes.Status409Conflict).RequireRoles(Keepers);
        return app;
    }

    public static async Task<Ok<Page<BlocklistEntryView>>> ListBlocklist(
        [AsParameters] BlocklistQuery query, [AsParameters] PageRequest page, Caller caller, ReceptionDbContext db, CancellationToken cancellationToken)
    {
        var entries = db.Blocklist.AsNoTracking().InPropertiesOf(caller, b => b.PropertyId);
        if (query.PropertyId is { } propertyId)
        {
            entries = entries.Where(b => b.PropertyId == propertyId);
        }
        if (query.Active is { } active)
        {
            entries = active ? entries.Where(b => b.LiftedAt == null) : entries.Where(b => b.LiftedAt != null);
        }
        return TypedResults.Ok(await entries.OrderByDescending(b => b.AddedAt).ThenByDescending(b => b.Id)
            .ToPageAsync(page, BlocklistEntryView.From, cancellationToken));
    }

    public static async Task<Results<Created<BlocklistEntryView>, ValidationProblem>> AddToBlocklist(
        AddToBlocklistRequest request, Caller caller, ReceptionDbContext db, IdNumberProtector protector, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!caller.CanSeeProperty(request.PropertyId))
        {
            return ProblemResults.Invalid("propertyId", "No property with this id is yours.");
        }
        var idNumber = request.IdType is { } type && !string.IsNullOrWhiteSpace(request.IdNumber)
            ? protector.Protect(IdentityDocument.Create(type, request.IdNumber))
            : null;
        var entry = BlocklistEntry.Add(request.PropertyId, request.PersonName, idNumber, request.Phone, request.Reason, caller.AsActor(),
            time.GetUtcNow());
        db.Blocklist.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/blocklist/{entry.Id}", BlocklistEntryView.From(entry));
    }

    public static async Task<Results<Ok<BlocklistEntryView>, ProblemHttpResult>> LiftBlocklistEntry(
        Guid id, Caller caller, ReceptionDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var entry = await db.Blocklist.FindAsync([id], cancellationToken);
        if (entry is null || !caller.CanSeeProperty(entry.PropertyId))
        {
            return ProblemResults.NotFound("blocklist entry", id);
        }
        entry.Lift(caller.AsActor(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(BlocklistEntryView.From(entry));
    }
}

public sealed record BlocklistQuery(Guid? PropertyId, bool? Active);

/// <summary>A person to refuse: the name, and the ID number or the phone number (or both), and why.</summary>
public sealed record AddToBlocklistRequest(Guid PropertyId, string PersonName, IdDocumentType? IdType, string? IdNumber, string? Phone, string Reason);

public sealed class AddToBlocklistRequestValidator : AbstractValidator<AddToBlocklistRequest>
{
    public AddToBlocklistRequestValidator()
    {
        RuleFor(r => r.PropertyId).NotEmpty();
        RuleFor(r => r.PersonName).NotEmpty().MaximumLength(BlocklistEntry.NameMaxLength);
        RuleFor(r => r.IdType).IsInEnum();
        RuleFor(r => r.IdType).NotNull().When(r => !string.IsNullOrWhiteSpace(r.IdNumber)).WithMessage("Say which document the number is of.");
        RuleFor(r => r.IdNumber).MaximumLength(IdentityDocument.TypedMaxLength).Custom((number, context) =>
        {
            if (context.InstanceToValidate.IdType is { } type && Enum.IsDefined(type) && !string.IsNullOrWhiteSpace(number)
                && IdentityDocument.Problem(type, number) is { } problem)
            {
                context.AddFailure(problem);
            }
        });
        RuleFor(r => r.Phone).MaximumLength(BlocklistEntry.PhoneMaxLength);
        RuleFor(r => r.Phone).NotEmpty().When(r => string.IsNullOrWhiteSpace(r.IdNumber))
            .WithMessage("Give the person's ID number or phone number: a name alone would refuse namesakes.");
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(BlocklistEntry.ReasonMaxLength);
    }
}

/// <summary>An entry as its keepers see it: the ID number masked.</summary>
public sealed record BlocklistEntryView(
    Guid Id,
    Guid PropertyId,
    string PersonName,
    IdDocumentType? IdType,
    string? IdNumberMasked,
    string? Phone,
    string Reason,
    DateTimeOffset AddedAt,
    string AddedByName,
    bool Active,
    DateTimeOffset? LiftedAt,
    string? LiftedByName)
{
    public static BlocklistEntryView From(BlocklistEntry b) => new(
        b.Id, b.PropertyId, b.PersonName, b.IdType, b.IdNumberMasked, b.Phone, b.Reason, b.AddedAt, b.AddedByName, b.IsActive, b.LiftedAt,
        b.LiftedByName);
}
