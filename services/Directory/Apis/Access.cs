using PropertyPlatform.Directory.Domain;
using PropertyPlatform.Directory.Infrastructure;
using PropertyPlatform.ServiceDefaults.Auth;

namespace PropertyPlatform.Directory.Apis;

/// <summary>
/// Who may call Directory's endpoints (the table in the README), and what each caller may see. Roles decide the
/// action (403 otherwise); scope decides the data: staff see their properties, an occupant their units and the
/// occupants of those units. Anything outside the scope answers exactly as an unknown id does (404, or the
/// "unknown" field error), so nobody learns it exists.
/// </summary>
internal static class Access
{
    /// <summary>Every staff role.</summary>
    public static readonly string[] Staff =
        [Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Engineer, Roles.Security, Roles.Finance, Roles.Admin];

    /// <summary>Every signed-in role: staff by property, occupants by unit.</summary>
    public static readonly string[] Anyone = [Roles.Occupant, .. Staff];

    /// <summary>The customer-service desk registers occupants, move-ins and move-outs, and authorised signers.</summary>
    public static readonly string[] PeopleDesk = [Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Admin];

    /// <summary>Who reads the audit trail of people's records: those who answer for them.</summary>
    public static readonly string[] AuditReaders = [Roles.Supervisor, Roles.Manager, Roles.Admin];

    /// <summary>Staff records are read by managers and kept by administrators.</summary>
    public static readonly string[] StaffReaders = [Roles.Manager, Roles.Admin];

    /// <summary>
    /// Who creates accounts: administrators for anyone; the desk for the occupants of their properties, who come to
    /// them to be registered anyway.
    /// </summary>
    public static readonly string[] AccountCreators = PeopleDesk;

    /// <summary>Whether the caller, as staff, may change records of <paramref name="propertyId"/>.</summary>
    public static bool MayManage(this Caller caller, Guid propertyId) => caller.IsStaff && caller.CanSeeProperty(propertyId);

    /// <summary>Properties: staff see theirs, an occupant the property of their units.</summary>
    public static IQueryable<Property> VisibleTo(this IQueryable<Property> properties, Caller caller, DirectoryDbContext db)
    {
        var (staff, all, visible, units) = Scope(caller);
        return properties.Where(p => (staff && (all || visible.Contains(p.Id))) || db.Units.Any(u => u.PropertyId == p.Id && units.Contains(u.Id)));
    }

    /// <summary>Buildings: staff see their properties' buildings, an occupant the buildings of their units.</summary>
    public static IQueryable<Building> VisibleTo(this IQueryable<Building> buildings, Caller caller, DirectoryDbContext db)
    {
        var (staff, all, properties, units) = Scope(caller);
        return buildings.Where(b => (staff && (all || properties.Contains(b.PropertyId)))
            || db.Units.Any(u => u.BuildingId == b.Id && units.Contains(u.Id)));
    }

    /// <summary>Units: staff by property, an occupant their own units (the token's <c>unit</c> claims).</summary>
    public static IQueryable<Unit> VisibleTo(this IQueryable<Unit> units, Caller caller) =>
        units.VisibleTo(caller, u => u.PropertyId, u => u.Id);

    /// <summary>Occupancies: staff by property, an occupant those of their units.</summary>
    public static IQueryable<Occupancy> VisibleTo(this IQueryable<Occupancy> occupancies, Caller caller) =>
        occupancies.VisibleTo(caller, o => o.PropertyId, o => o.UnitId);

    /// <summary>
    /// Occupants: staff by property; an occupant sees their own record and those of the occupants who hold their
    /// units now (e.g. the company they work for).
    /// </summary>
    public static IQueryable<Occupant> VisibleTo(this IQueryable<Occupant> occupants, Caller caller, DirectoryDbContext db)
    {
        var (staff, all, properties, units) = Scope(caller);
        var self = caller.IsInRole(Roles.Occupant) ? caller.PersonId : Guid.Empty;
        return occupants.Where(o => (staff && (all || properties.Contains(o.PropertyId)))
            || o.Id == self
            || db.Occupancies.Any(c => c.OccupantId == o.Id && c.EndDate == null && units.Contains(c.UnitId)));
    }

    /// <summary>Staff records: those who work in at least one of the caller's properties.</summary>
    public static IQueryable<StaffMember> VisibleTo(this IQueryable<StaffMember> staff, Caller caller)
    {
        var (isStaff, all, properties, _) = Scope(caller);
        return staff.Where(s => isStaff && (all || s.PropertyIds.Any(p => properties.Contains(p))));
    }

    /// <summary>
    /// Accounts: those of the staff who work in at least one of the caller's properties and of the occupants of them.
    /// An account of neither (the bootstrap administrator) only an administrator of every property sees.
    /// </summary>
    public static IQueryable<Account> VisibleTo(this IQueryable<Account> accounts, Caller caller, DirectoryDbContext db)
    {
        var (staff, all, properties, _) = Scope(caller);
        return accounts.Where(a => staff && (all
            || db.Staff.Any(s => s.Id == a.PersonId && s.PropertyIds.Any(p => properties.Contains(p)))
            || db.Occupants.Any(o => o.Id == a.PersonId && properties.Contains(o.PropertyId))));
    }

    private static (bool Staff, bool AllProperties, List<Guid> Properties, List<Guid> Units) Scope(Caller caller) =>
        (caller.IsStaff, caller.IsStaff && caller.AllProperties, caller.PropertyIds.ToList(), caller.IsInRole(Roles.Occupant) ? caller.UnitIds.ToList() : []);
}
