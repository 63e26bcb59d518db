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

public static class PropertiesApi
{
    public static IEndpointRouteBuilder MapPropertiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/properties").WithTags("Properties");

        api.MapGet("/", ListProperties).WithName("ListProperties").RequireRoles(Access.Anyone);
        api.MapGet("/{id:guid}", GetProperty).WithName("GetProperty").RequireRoles(Access.Anyone);
        api.MapPost("/", RegisterProperty).WithName("RegisterProperty").Validate<RegisterPropertyRequest>().RequireRoles(Roles.Admin);
        return app;
    }

    public static async Task<Ok<Page<PropertyView>>> ListProperties(
        [AsParameters] PageRequest page, Caller caller, DirectoryDbContext db, CancellationToken cancellationToken)
    {
        var properties = db.Properties.AsNoTracking().VisibleTo(caller).OrderBy(p => p.Name).ThenBy(p => p.Id);
        return TypedResults.Ok(await properties.ToPageAsync(page, PropertyView.From, cancellationToken));
    }

    public static async Task<Results<Ok<PropertyView>, ProblemHttpResult>> GetProperty(
        Guid id, Caller caller, DirectoryDbContext db, CancellationToken cancellationToken)
    {
        var property = await db.Properties.AsNoTracking().VisibleTo(caller).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return property is null ? ProblemResults.NotFound("property", id) : TypedResults.Ok(PropertyView.From(property));
    }

    public static async Task<Created<PropertyView>> RegisterProperty(
        RegisterPropertyRequest request, DirectoryDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var property = Property.Register(request.Name!, request.Type!.Value, request.Address, time.GetUtcNow());
        db.Properties.Add(property);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/properties/{property.Id}", PropertyView.From(property));
    }
}

/// <summary>Fields are nullable so that a missing one is reported as missing, not taken as a default.</summary>
public sealed record RegisterPropertyRequest(string? Name, PropertyType? Type, string? Address);

public sealed class RegisterPropertyRequestValidator : AbstractValidator<RegisterPropertyRequest>
{
    public RegisterPropertyRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(Property.NameMaxLength);
        RuleFor(r => r.Type).NotNull().IsInEnum();
        RuleFor(r => r.Address).MaximumLength(Property.AddressMaxLength);
    }
}

public sealed record PropertyView(Guid Id, string Name, PropertyType Type, string? Address, DateTimeOffset RegisteredAt)
{
    public static PropertyView From(Property p) => new(p.Id, p.Name, p.Type, p.Address, p.RegisteredAt);
}
