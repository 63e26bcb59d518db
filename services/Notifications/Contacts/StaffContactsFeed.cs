using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.ServiceDefaults.LocalCopies;

namespace PropertyPlatform.Notifications.Contacts;

/// <summary>Staff contacts as filled from Directory's <c>/feeds/staff</c> on start when the copy is empty or behind.</summary>
internal sealed class StaffContactsFeed(NotificationsDbContext db, ContactProtector protector) : ILocalCopy<StaffRecord>
{
    public string Feed => "staff";

    public async Task<LocalCopyState> ReadStateAsync(CancellationToken cancellationToken)
    {
        var staff = db.Contacts.Where(c => c.IsStaff);
        return new(
            await staff.CountAsync(cancellationToken),
            await staff.AnyAsync(cancellationToken) ? await staff.MaxAsync(c => c.Version, cancellationToken) : null,
            false);
    }

    public async Task ApplyAsync(IReadOnlyList<StaffRecord> records, CancellationToken cancellationToken)
    {
        var ids = records.Select(r => r.StaffId).ToList();
        var known = await db.Contacts.Where(c => ids.Contains(c.PersonId)).ToDictionaryAsync(c => c.PersonId, cancellationToken);
        foreach (var record in records)
        {
            if (!known.TryGetValue(record.StaffId, out var contact))
            {
                contact = Domain.Contact.For(record.StaffId);
                db.Contacts.Add(contact);
            }
            contact.Apply(record.Name, protector.ProtectEmail(record.Email), protector.ProtectPhone(record.Phone), record.Version, isStaff: true);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
