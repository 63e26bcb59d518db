using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace PropertyPlatform.ServiceDefaults.Auth;

/// <summary>
/// Who is calling, read from the validated access token. An endpoint takes it as a parameter
/// (<c>(Caller caller, …) =&gt;</c>) to filter by scope: data outside the caller's scope answers 404 (no existence
/// leak), an action the caller's roles do not allow answers 403. Without a valid token it is
/// <see cref="Anonymous"/>, which may see nothing.
/// </summary>
public sealed class Caller
{
    public static readonly Caller Anonymous = new(Guid.Empty, "", new HashSet<string>(), false, new HashSet<Guid>(), new HashSet<Guid>());

    private Caller(Guid personId, string name, IReadOnlySet<string> roles, bool allProperties, IReadOnlySet<Guid> propertyIds, IReadOnlySet<Guid> unitIds)
    {
        PersonId = personId;
        Name = name;
        Roles = roles;
        AllProperties = allProperties;
        PropertyIds = propertyIds;
        UnitIds = unitIds;
    }

    public bool IsAuthenticated => PersonId != Guid.Empty;

    /// <summary>The person id other services use (the token's <c>sub</c>).</summary>
    public Guid PersonId { get; }

    public string Name { get; }

    public IReadOnlySet<string> Roles { get; }

    /// <summary>True for callers scoped to every property (administrators).</summary>
    public bool AllProperties { get; }

    /// <summary>The properties the caller may see; empty when <see cref="AllProperties"/>.</summary>
    public IReadOnlySet<Guid> PropertyIds { get; }

    /// <summary>An occupant's units (their own, or their company's).</summary>
    public IReadOnlySet<Guid> UnitIds { get; }

    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsInAnyRole(params string[] roles) => roles.Any(Roles.Contains);

    public bool CanSeeProperty(Guid propertyId) => AllProperties || PropertyIds.Contains(propertyId);

    public bool CanSeeUnit(Guid unitId) => UnitIds.Contains(unitId);

    public static Caller From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true || !Guid.TryParse(user.FindFirstValue(PlatformClaims.Subject), out var personId))
        {
            return Anonymous;
        }

        var properties = user.FindAll(PlatformClaims.Property).Select(c => c.Value).ToList();
        return new Caller(
            personId,
            user.FindFirstValue(PlatformClaims.Name) ?? "",
            user.FindAll(PlatformClaims.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
            properties.Contains(PlatformClaims.AllProperties),
            Ids(properties),
            Ids(user.FindAll(PlatformClaims.Unit).Select(c => c.Value)));
    }

    /// <summary>Lets minimal API handlers take a <see cref="Caller"/> parameter.</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext context) => ValueTask.FromResult<Caller?>(From(context.User));

    private static HashSet<Guid> Ids(IEnumerable<string> values) =>
        values.Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToHashSet();
}

public static class CallerQueryExtensions
{
    /// <summary>
    /// Keeps only the rows of properties the caller may see, e.g.
    /// <c>db.WorkOrders.InPropertiesOf(caller, w =&gt; w.PropertyId)</c>; translated to SQL.
    /// </summary>
    public static IQueryable<T> InPropertiesOf<T>(this IQueryable<T> source, Caller caller, Expression<Func<T, Guid>> propertyId)
    {
        if (caller.AllProperties)
        {
            return source;
        }

        // Captured through a closure so EF sends the ids as one parameter and keeps a single cached query plan.
        var visible = caller.PropertyIds.ToList();
        Expression<Func<List<Guid>>> captured = () => visible;
        var contains = Expression.Call(
            typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)], captured.Body, propertyId.Body);
        return source.Where(Expression.Lambda<Func<T, bool>>(contains, propertyId.Parameters));
    }
}
