using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using PropertyPlatform.ServiceDefaults.Domain;

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

    /// <summary>
    /// Whether the caller sees everything of the property, as staff do. False for an occupant, whose token names
    /// their property too: an occupant sees only what concerns their units (<see cref="CanSee"/>).
    /// </summary>
    public bool CanSeeProperty(Guid propertyId) => IsStaff && (AllProperties || PropertyIds.Contains(propertyId));

    public bool CanSeeUnit(Guid unitId) => UnitIds.Contains(unitId);

    /// <summary>True when the caller has a role other than <see cref="Auth.Roles.Occupant"/>: staff see by property.</summary>
    public bool IsStaff => Roles.Any(role => role != Auth.Roles.Occupant);

    /// <summary>
    /// Whether the caller may see a record of <paramref name="propertyId"/> about <paramref name="unitId"/>:
    /// staff by their properties, occupants by their units (a record without a unit is not an occupant's).
    /// </summary>
    public bool CanSee(Guid propertyId, Guid? unitId) =>
        (IsStaff && CanSeeProperty(propertyId)) || (IsInRole(Auth.Roles.Occupant) && unitId is { } unit && CanSeeUnit(unit));

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

    /// <summary>The caller as the person records name as having done something.</summary>
    public Actor AsActor() => new(PersonId, Name.Length > Actor.NameMaxLength ? Name[..Actor.NameMaxLength] : Name);

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
        if (caller.IsStaff && caller.AllProperties)
        {
            return source;
        }

        // An occupant's token names their property too, but they see only what concerns their units (VisibleTo).
        var visible = caller.IsStaff ? caller.PropertyIds.ToList() : [];
        return source.Where(Expression.Lambda<Func<T, bool>>(Contains(visible, propertyId.Body), propertyId.Parameters));
    }

    /// <summary>
    /// Keeps only the rows the caller may see, as <see cref="Caller.CanSee"/> decides, in SQL, e.g.
    /// <c>db.WorkOrders.VisibleTo(caller, w =&gt; w.PropertyId, w =&gt; w.UnitId)</c>.
    /// </summary>
    public static IQueryable<T> VisibleTo<T>(
        this IQueryable<T> source, Caller caller, Expression<Func<T, Guid>> propertyId, Expression<Func<T, Guid?>> unitId)
    {
        var isOccupant = caller.IsInRole(Roles.Occupant);
        if (caller.IsStaff && (caller.AllProperties || !isOccupant))
        {
            return source.InPropertiesOf(caller, propertyId);
        }

        // Occupants by unit; someone who is staff and occupant at once sees both.
        var row = propertyId.Parameters[0];
        var unitBody = new ReplaceParameter(unitId.Parameters[0], row).Visit(unitId.Body);
        Expression visible = Contains(caller.UnitIds.Select(id => (Guid?)id).ToList(), unitBody);
        if (caller.IsStaff)
        {
            visible = Expression.OrElse(Contains(caller.PropertyIds.ToList(), propertyId.Body), visible);
        }
        return source.Where(Expression.Lambda<Func<T, bool>>(visible, row));
    }

    // The ids are captured through a closure so EF sends them as one parameter and keeps a single cached query plan.
    private static MethodCallExpression Contains<TId>(List<TId> ids, Expression value)
    {
        Expression<Func<List<TId>>> captured = () => ids;
        return Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(TId)], captured.Body, value);
    }

    private sealed class ReplaceParameter(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
