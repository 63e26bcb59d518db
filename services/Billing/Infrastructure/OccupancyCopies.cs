using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Billing.Domain;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Messaging;

namespace PropertyPlatform.Billing.Infrastructure;

/// <summary>A move-in (入伙) adds to Billing's copy of occupancies; a copy already known is the same or newer.</summary>
public sealed class OccupancyStartedConsumer(BillingDbContext db, TimeProvider time) : IdempotentConsumer<OccupancyStarted, BillingDbContext>(db, time)
{
    protected override async Task HandleAsync(OccupancyStarted message, CancellationToken cancellationToken)
    {
        if (await Db.Occupancies.FindAsync([message.OccupancyId], cancellationToken) is null)
        {
            Db.Occupancies.Add(OccupancyCopy.From(message));
        }
    }
}

/// <summary>A move-out (迁出) ends an occupancy of the copy: from the day after, its occupant is billed no more.</summary>
public sealed class OccupancyEndedConsumer(BillingDbContext db, TimeProvider time) : IdempotentConsumer<OccupancyEnded, BillingDbContext>(db, time)
{
    protected override async Task HandleAsync(OccupancyEnded message, CancellationToken cancellationToken)
    {
        if (await Db.Occupancies.FindAsync([message.OccupancyId], cancellationToken) is { } occupancy)
        {
            occupancy.Apply(message);
        }
        else
        {
            Db.Occupancies.Add(OccupancyCopy.From(message));
        }
    }
}

/// <summary>Billing's occupancy copy as filled from Directory's <c>/feeds/occupancies</c> when it is empty or behind.</summary>
public sealed class OccupancyCopyFeed(BillingDbContext db) : ILocalCopy<OccupancyRecord>
{
    public string Feed => "occupancies";

    public async Task<LocalCopyState> ReadStateAsync(CancellationToken cancellationToken) => new(
        await db.Occupancies.CountAsync(cancellationToken),
        await db.Occupancies.MaxAsync(o => (DateTimeOffset?)o.Version, cancellationToken),
        HasUnversioned: false);

    public async Task ApplyAsync(IReadOnlyList<OccupancyRecord> records, CancellationToken cancellationToken)
    {
        var ids = records.Select(r => r.OccupancyId).ToList();
        var known = await db.Occupancies.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        foreach (var record in records)
        {
            if (known.TryGetValue(record.OccupancyId, out var occupancy))
            {
                occupancy.Apply(record);
            }
            else
            {
                db.Occupancies.Add(OccupancyCopy.From(record));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
