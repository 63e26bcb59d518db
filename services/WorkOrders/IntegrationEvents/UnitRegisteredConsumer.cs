using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Messaging;
using PropertyPlatform.WorkOrders.Domain;
using PropertyPlatform.WorkOrders.Infrastructure;

namespace PropertyPlatform.WorkOrders.IntegrationEvents;

/// <summary>Keeps the local copy of units that work orders are taken against.</summary>
public sealed class UnitRegisteredConsumer(WorkOrdersDbContext db, TimeProvider time)
    : IdempotentConsumer<UnitRegistered, WorkOrdersDbContext>(db, time)
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
