using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Reception.Domain;
using PropertyPlatform.Reception.Infrastructure;
using PropertyPlatform.ServiceDefaults.Messaging;

namespace PropertyPlatform.Reception.IntegrationEvents;

/// <summary>Keeps the local copy of units that visits are registered to.</summary>
public sealed class UnitRegisteredConsumer(ReceptionDbContext db, TimeProvider time)
    : IdempotentConsumer<UnitRegistered, ReceptionDbContext>(db, time)
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
