using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Messaging;
using PropertyPlatform.WorkOrders.Domain;

namespace PropertyPlatform.WorkOrders.Infrastructure;

/// <summary>Keeps the copy of staff the front desk dispatches to; an event older than the copy's state changes nothing.</summary>
public sealed class StaffChangedConsumer(WorkOrdersDbContext db, TimeProvider time) : IdempotentConsumer<StaffChanged, WorkOrdersDbContext>(db, time)
{
    protected override async Task HandleAsync(StaffChanged message, CancellationToken cancellationToken)
    {
        var engineer = await Db.Engineers.FindAsync([message.StaffId, message.PropertyId], cancellationToken);
        if (engineer is null)
        {
            Db.Engineers.Add(Engineer.From(message));
        }
        else
        {
            engineer.Apply(message);
        }
    }
}
