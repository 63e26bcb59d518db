using PropertyPlatform.Complaints.Domain;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Messaging;

namespace PropertyPlatform.Complaints.Infrastructure;

/// <summary>Keeps the copy of occupancies a move-in (入伙) adds to.</summary>
public sealed class OccupancyStartedConsumer(ComplaintsDbContext db, TimeProvider time) : IdempotentConsumer<OccupancyStarted, ComplaintsDbContext>(db, time)
{
    protected override async Task HandleAsync(OccupancyStarted message, CancellationToken cancellationToken)
    {
        if (await Db.Occupancies.FindAsync([message.OccupancyId], cancellationToken) is null)
        {
            Db.Occupancies.Add(Occupancy.From(message));
        }
    }
}

/// <summary>Ends an occupancy of the copy at a move-out (迁出).</summary>
public sealed class OccupancyEndedConsumer(ComplaintsDbContext db, TimeProvider time) : IdempotentConsumer<OccupancyEnded, ComplaintsDbContext>(db, time)
{
    protected override async Task HandleAsync(OccupancyEnded message, CancellationToken cancellationToken)
    {
        if (await Db.Occupancies.FindAsync([message.OccupancyId], cancellationToken) is { } occupancy)
        {
            occupancy.End(message.EndDate);
        }
        else
        {
            Db.Occupancies.Add(Occupancy.From(message));
        }
    }
}
