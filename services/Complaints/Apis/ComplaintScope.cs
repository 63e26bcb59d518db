using PropertyPlatform.Complaints.Domain;
using PropertyPlatform.ServiceDefaults.Auth;

namespace PropertyPlatform.Complaints.Apis;

/// <summary>
/// Who sees which complaint: staff those of their properties; an occupant those of their units and those they submitted
/// themselves (an anonymous one has no unit, so only its complainant sees it). Anything else answers as if it did not exist.
/// </summary>
public static class ComplaintScope
{
    public static bool CanSee(this Caller caller, Complaint complaint) =>
        caller.CanSee(complaint.PropertyId, complaint.UnitId)
        || (caller.IsInRole(Roles.Occupant) && complaint.ComplainantId is { } complainant && complainant == caller.PersonId);

    /// <summary>The same rule in SQL, for lists.</summary>
    public static IQueryable<Complaint> VisibleTo(this IQueryable<Complaint> complaints, Caller caller)
    {
        var isOccupant = caller.IsInRole(Roles.Occupant);
        if (caller.IsStaff && (caller.AllProperties || !isOccupant))
        {
            return complaints.InPropertiesOf(caller, c => c.PropertyId);
        }
        if (!isOccupant)
        {
            return complaints.Where(_ => false);
        }
        // An occupant by their units and their own complaints; someone who is staff and occupant at once sees both.
        var properties = caller.IsStaff ? caller.PropertyIds.ToList() : [];
        var units = caller.UnitIds.Select(id => (Guid?)id).ToList();
        var me = caller.PersonId;
        return complaints.Where(c => properties.Contains(c.PropertyId) || units.Contains(c.UnitId) || c.ComplainantId == me);
    }

    /// <summary>
    /// Whether the caller may know who complained: always for a named complaint; for an anonymous one only its owner,
    /// managers and the complainant themselves.
    /// </summary>
    public static bool MayKnowComplainant(this Caller caller, Complaint complaint) =>
        !complaint.Anonymous
        || caller.IsInRole(Roles.Manager)
        || (complaint.OwnerId is { } owner && owner == caller.PersonId)
        || (complaint.ComplainantId is { } complainant && complainant == caller.PersonId);
}
