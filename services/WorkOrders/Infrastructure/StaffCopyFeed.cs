using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.WorkOrders.Domain;

namespace PropertyPlatform.WorkOrders.Infrastructure;

/// <summary>
/// The copy of staff (<see cref="Engineer"/>, one row per person and property) as filled from Directory's
/// <c>/feeds/staff</c>: a row for each property the person works in, and the rows of properties they left marked so.
/// </summary>
internal sealed class StaffCopyFeed(WorkOrdersDbContext db) : ILocalCopy<StaffRecord>
{
    public string Feed => "staff";

    /// <summary>Counted by person: Directory counts staff records, each of which has a row here per property.</summary>
    public async Task<LocalCopyState> ReadStateAsync(CancellationToken cancellationToken) => new(
        await db.Engineers.Select(e => e.PersonId).Distinct().CountAsync(cancellationToken),
        await db.Engineers.MaxAsync(e => e.Version, cancellationToken),
        await db.Engineers.AnyAsync(e => e.Version == null, cancellationToken));

    public async Task ApplyAsync(IReadOnlyList<StaffRecord> records, CancellationToken cancellationToken)
    {
        var ids = records.Select(r => r.StaffId).ToList();
        var rows = await db.Engineers.Where(e => ids.Contains(e.PersonId)).ToListAsync(cancellationToken);
        foreach (var record in records)
        {
            var known = rows.Where(e => e.PersonId == record.StaffId).ToList();
            foreach (var row in known)
            {
                row.Apply(record);
            }
            foreach (var propertyId in record.PropertyIds.Where(p => known.All(e => e.PropertyId != p)))
            {
                db.Engineers.Add(Engineer.From(record, propertyId));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
