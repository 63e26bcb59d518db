using PropertyPlatform.Complaints.Domain;
using PropertyPlatform.Complaints.Infrastructure;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Messaging;

namespace PropertyPlatform.Complaints.IntegrationEvents;

/// <summary>Keeps the local copy of units that complaints can come from.</summary>
public sealed class UnitRegisteredConsumer(ComplaintsDbContext db, TimeProvider time)
    : IdempotentConsumer<UnitRegistered, ComplaintsDbContext>(db, time)
{
    protected override async Task HandleAsync(UnitRegistered message, CancellationToken cancellationToken)
    {
        var unit = await Db.Units.FindAsync([message.UnitId], cancellationToken);
        if (unit is null)
        {
            Db.Units.Add(Unit.From(message));
        }
        else
        {
            unit.Apply(message);
        }
    }
}
