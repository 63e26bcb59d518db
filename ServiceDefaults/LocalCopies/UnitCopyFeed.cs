using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Data;

namespace PropertyPlatform.ServiceDefaults.LocalCopies;

/// <summary>The unit copy of <typeparamref name="TDbContext"/> as filled from Directory's <c>/feeds/units</c>.</summary>
internal sealed class UnitCopyFeed<TDbContext>(TDbContext db) : ILocalCopy<UnitRecord>
    where TDbContext : ServiceDbContext, IHasUnitCopies
{
    public string Feed => "units";

    public async Task<LocalCopyState> ReadStateAsync(CancellationToken cancellationToken) => new(
        await db.Units.CountAsync(cancellationToken),
        await db.Units.MaxAsync(u => u.Version, cancellationToken),
        await db.Units.AnyAsync(u => u.Version == null, cancellationToken));

    public async Task ApplyAsync(IReadOnlyList<UnitRecord> records, CancellationToken cancellationToken)
    {
        var ids = records.Select(r => r.UnitId).ToList();
        var known = await db.Units.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
        foreach (var record in records)
        {
            if (known.TryGetValue(record.UnitId, out var unit))
            {
                unit.Apply(record);
            }
            else
            {
                db.Units.Add(UnitCopy.From(record));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
