using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.ServiceDefaults.LocalCopies;

namespace PropertyPlatform.Notifications.Contacts;

/// <summary>
/// Occupants' names and contacts as filled from Directory's <c>/feeds/occupants</c> on start when the copy is empty or
/// behind. A person known only by their units (an occupancy event came first) counts as missing until their contacts arrive.
/// </summary>
internal sealed class OccupantContactsFeed(NotificationsDbContext db, ContactProtector protector) : ILocalCopy<OccupantRecord>
{
    public string Feed => "occupants";

    public async Task<LocalCopyState> ReadStateAsync(CancellationToken cancellationToken)
    {
        var occupants = db.Contacts.Where(c => !c.IsStaff && c.Version > DateTimeOffset.MinValue);
        return new(
            await occupants.CountAsync(cancellationToken),
            await occupants.AnyAsync(cancellationToken) ? await occupants.MaxAsync(c => c.Version, cancellationToken) : null,
            false);
    }

    public async Task ApplyAsync(IReadOnlyList<OccupantRecord> records, CancellationToken cancellationToken)
    {
        var ids = records.Select(r => r.OccupantId).ToList();
        var known = await db.Contacts.Where(c => ids.Contains(c.PersonId)).ToDictionaryAsync(c => c.PersonId, cancellationToken);
        foreach (var record in records)
        {
            if (!known.TryGetValue(record.OccupantId, out var contact))
            {
                contact = Contact.For(record.OccupantId);
                db.Contacts.Add(contact);
            }
            // Older than what an event already brought: left alone.
            contact.Apply(record.Name, protector.ProtectEmail(record.Email), protector.ProtectPhone(record.Phone), record.Version);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>
/// Occupants' units as filled from Directory's <c>/feeds/occupancies</c> (current and ended ones, as the copy keeps
/// them), so "the occupants of the unit" are known from the start. Units copied before versions read the whole feed once.
/// </summary>
internal sealed class OccupancyContactsFeed(NotificationsDbContext db) : ILocalCopy<OccupancyRecord>
{
    public string Feed => "occupancies";

    public async Task<LocalCopyState> ReadStateAsync(CancellationToken cancellationToken)
    {
        var units = db.Contacts.SelectMany(c => c.Units);
        return new(
            await units.CountAsync(cancellationToken),
            await units.AnyAsync(cancellationToken) ? await units.MaxAsync(u => u.Version, cancellationToken) : null,
            await units.AnyAsync(u => u.Version == DateTimeOffset.MinValue, cancellationToken));
    }

    public async Task ApplyAsync(IReadOnlyList<OccupancyRecord> records, CancellationToken cancellationToken)
    {
        var ids = records.Select(r => r.OccupantId).Distinct().ToList();
        var known = await db.Contacts.Where(c => ids.Contains(c.PersonId)).ToDictionaryAsync(c => c.PersonId, cancellationToken);
        foreach (var record in records)
        {
            if (!known.TryGetValue(record.OccupantId, out var contact))
            {
                contact = Contact.For(record.OccupantId);
                db.Contacts.Add(contact);
                known[record.OccupantId] = contact;
            }
            contact.Occupy(record.OccupancyId, record.PropertyId, record.UnitId, record.EndDate is not null, record.Version);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
