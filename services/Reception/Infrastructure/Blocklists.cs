using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Reception.Domain;

namespace PropertyPlatform.Reception.Infrastructure;

internal static class Blocklists
{
    /// <summary>
    /// The property's active entry naming this visitor, or null. ID numbers are encrypted with a random IV, so they
    /// cannot be compared in SQL: the property's entries are read and decrypted here (a blocklist is short).
    /// </summary>
    public static async Task<BlocklistEntry?> FindMatchAsync(
        ReceptionDbContext db, IdNumberProtector protector, Guid propertyId, string idNumber, string? phone, CancellationToken cancellationToken)
    {
        var entries = await db.Blocklist.AsNoTracking()
            .Where(b => b.PropertyId == propertyId && b.LiftedAt == null)
            .ToListAsync(cancellationToken);
        return entries.FirstOrDefault(entry => entry.Matches(
            entry.IdNumberCiphertext is null ? null : protector.Reveal(entry.IdNumberCiphertext), idNumber, phone));
    }
}
