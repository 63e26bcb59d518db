using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;

namespace PropertyPlatform.Notifications.Routing;

/// <summary>
/// Finds the people an event names, by the fields the platform's events use: the occupant (<c>RequesterId</c>,
/// <c>ComplainantId</c>, <c>PayerId</c>, <c>OccupantId</c>, <c>PersonId</c>), the assignee (<c>AssigneeId</c>) and the
/// owner (<c>OwnerId</c>, or <c>ToPersonId</c> of a hand-over). An event about a unit that names no occupant field at
/// all (a visitor, a bill without a payer) is for the occupants of the unit, as the copy of contacts knows them.
/// A company among them is told too, and its current authorised signers with it (<see cref="SignersOfAsync"/>).
/// </summary>
public static class EventPeople
{
    private static readonly string[] OccupantFields = ["RequesterId", "ComplainantId", "PayerId", "OccupantId", "PersonId"];

    /// <summary>Fields that name the person who asked, when known: unknown means nobody, not the whole unit.</summary>
    private static readonly string[] AskerFields = ["RequesterId", "ComplainantId"];

    private static readonly string[] AssigneeFields = ["AssigneeId"];
    private static readonly string[] OwnerFields = ["OwnerId", "ToPersonId"];

    /// <summary>The audience a person recipient of <paramref name="message"/> belongs to, if the event names them.</summary>
    public static Audience? AudienceOf(object message, Guid personId)
    {
        if (Named(message, OccupantFields).Contains(personId))
        {
            return Audience.Occupant;
        }
        if (Named(message, AssigneeFields).Contains(personId))
        {
            return Audience.Assignee;
        }
        return Named(message, OwnerFields).Contains(personId) ? Audience.Owner : null;
    }

    /// <summary>The persons of a person audience for <paramref name="message"/>.</summary>
    public static async Task<IReadOnlyList<Guid>> PersonsAsync(
        NotificationsDbContext db, object message, Guid propertyId, Audience audience, CancellationToken cancellationToken)
    {
        switch (audience)
        {
            case Audience.Assignee:
                return Named(message, AssigneeFields);
            case Audience.Owner:
                return Named(message, OwnerFields);
            case Audience.Occupant:
                var named = Named(message, OccupantFields);
                if (named.Count > 0 || AskerFields.Any(f => message.GetType().GetProperty(f) is not null))
                {
                    return named;
                }
                if (message.GetType().GetProperty("UnitId")?.GetValue(message) is not Guid unitId || unitId == Guid.Empty)
                {
                    return [];
                }
                return await db.Contacts.AsNoTracking()
                    .Where(c => !c.IsStaff && c.Units.Any(u => !u.Ended && u.UnitId == unitId && u.PropertyId == propertyId))
                    .Select(c => c.PersonId)
                    .ToListAsync(cancellationToken);
            default:
                return [];
        }
    }

    /// <summary>
    /// The current authorised signers of those of <paramref name="occupantIds"/> that are companies, by company: a company
    /// does not sign in, so its signers hear what it is told (the payer of a company-rented unit is the company).
    /// </summary>
    public static async Task<ILookup<Guid, Guid>> SignersOfAsync(
        NotificationsDbContext db, IReadOnlyCollection<Guid> occupantIds, CancellationToken cancellationToken) =>
        (await db.CompanySigners.AsNoTracking()
            .Where(s => s.WithdrawnAt == null && occupantIds.Contains(s.CompanyId))
            .Select(s => new { s.CompanyId, s.PersonId })
            .ToListAsync(cancellationToken))
        .ToLookup(s => s.CompanyId, s => s.PersonId);

    /// <summary>The staff role a role audience is addressed to; person audiences have none.</summary>
    public static RecipientRole? RoleOf(Audience audience) => audience switch
    {
        Audience.Frontdesk => RecipientRole.Frontdesk,
        Audience.Supervisor => RecipientRole.Supervisor,
        Audience.Manager => RecipientRole.Manager,
        Audience.Engineer => RecipientRole.Engineer,
        Audience.Security => RecipientRole.Security,
        Audience.Finance => RecipientRole.Finance,
        Audience.Admin => RecipientRole.Admin,
        _ => null,
    };

    /// <summary>The audience of a role recipient.</summary>
    public static Audience? AudienceOf(RecipientRole role) => role switch
    {
        RecipientRole.Frontdesk => Audience.Frontdesk,
        RecipientRole.Supervisor => Audience.Supervisor,
        RecipientRole.Manager => Audience.Manager,
        RecipientRole.Engineer => Audience.Engineer,
        RecipientRole.Security => Audience.Security,
        RecipientRole.Finance => Audience.Finance,
        RecipientRole.Admin => Audience.Admin,
        _ => null,
    };

    private static List<Guid> Named(object message, string[] fields) =>
        [.. fields.Select(f => message.GetType().GetProperty(f)?.GetValue(message)).OfType<Guid>().Where(id => id != Guid.Empty).Distinct()];
}
