using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.Messaging;

namespace PropertyPlatform.ServiceDefaults.LocalCopies;

/// <summary>Keeps a service's local copy of units: a new unit is added, a known one updated.</summary>
public sealed class UnitRegisteredConsumer<TDbContext>(TDbContext db, TimeProvider time)
    : IdempotentConsumer<UnitRegistered, TDbContext>(db, time)
    where TDbContext : ServiceDbContext, IHasUnitCopies
{
    protected override async Task HandleAsync(UnitRegistered message, CancellationToken cancellationToken)
    {
        var unit = await Db.Units.FindAsync([message.UnitId], cancellationToken);
        if (unit is null)
        {
            Db.Units.Add(UnitCopy.From(message));
        }
        else
        {
            unit.Apply(message);
        }
    }
}
