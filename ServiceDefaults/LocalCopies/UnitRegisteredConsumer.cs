using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.Messaging;

namespace PropertyPlatform.ServiceDefaults.LocalCopies;

/// <summary>
/// Keeps a service's local copy of units: a new unit is added. A unit already known was registered before (a
/// redelivery) or changed since (its <see cref="UnitChanged"/> overtook this event), so it is left as it is.
/// </summary>
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
    }
}

/// <summary>Keeps a service's local copy of units up to date with Directory's changes (floor, type, area, number).</summary>
public sealed class UnitChangedConsumer<TDbContext>(TDbContext db, TimeProvider time)
    : IdempotentConsumer<UnitChanged, TDbContext>(db, time)
    where TDbContext : ServiceDbContext, IHasUnitCopies
{
    protected override async Task HandleAsync(UnitChanged message, CancellationToken cancellationToken)
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
