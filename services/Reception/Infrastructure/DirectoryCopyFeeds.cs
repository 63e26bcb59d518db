using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Reception.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;

namespace PropertyPlatform.Reception.Infrastructure;

/// <summary>
/// Reception's copy of authorised signers as filled from Directory's <c>/feeds/signers</c> at start: the signers
/// Directory announced before Reception's queues existed (the demo data's, for one) are otherwise never known here.
/// The copy keeps no versions, so the whole feed is read each start; it is small.
/// </summary>
public sealed class SignerCopyFeed(ReceptionDbContext db) : ILocalCopy<SignerRecord>
{
    public string Feed => "signers";

    public async Task<LocalCopyState> ReadStateAsync(CancellationToken cancellationToken) =>
        new(await db.AuthorisedSigners.CountAsync(cancellationToken), Latest: null, HasUnversioned: false);

    public async Task ApplyAsync(IReadOnlyList<SignerRecord> records, CancellationToken cancellationToken)
    {
        var ids = records.Select(r => r.SignerId).ToList();
        var known = await db.AuthorisedSigners.Where(s => ids.Contains(s.SignerId)).ToDictionaryAsync(s => s.SignerId, cancellationToken);
        foreach (var record in records)
        {
            if (known.TryGetValue(record.SignerId, out var signer))
            {
                signer.Apply(record);
            }
            else
            {
                db.AuthorisedSigners.Add(AuthorisedSigner.From(record));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Reception's copy of occupancies as filled from Directory's <c>/feeds/occupancies</c> at start (whose signers count for a unit).</summary>
public sealed class OccupancyCopyFeed(ReceptionDbContext db) : ILocalCopy<OccupancyRecord>
{
    public string Feed => "occupancies";

    public async Task<LocalCopyState> ReadStateAsync(CancellationToken cancellationToken) =>
        new(await db.Occupancies.CountAsync(cancellationToken), Latest: null, HasUnversioned: false);

    public async Task ApplyAsync(IReadOnlyList<OccupancyRecord> records, CancellationToken cancellationToken)
    {
        var ids = records.Select(r => r.OccupancyId).ToList();
        var known = await db.Occupancies.Where(o => ids.Contains(o.OccupancyId)).ToDictionaryAsync(o => o.OccupancyId, cancellationToken);
        foreach (var record in records)
        {
            if (!known.TryGetValue(record.OccupancyId, out var occupancy))
            {
                db.Occupancies.Add(Occupancy.From(record));
            }
            else if (record.EndDate is { } endDate && occupancy.EndDate is null)
            {
                // An end is final; an end that came as an event is kept.
                occupancy.End(endDate);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
