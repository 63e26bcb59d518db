using PropertyPlatform.Billing.Domain;
using PropertyPlatform.Billing.Infrastructure;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Messaging;

namespace PropertyPlatform.Billing.IntegrationEvents;

/// <summary>Keeps the local copy of units, with the type and chargeable area that fees are worked out from.</summary>
public sealed class UnitRegisteredConsumer(BillingDbContext db, TimeProvider time)
    : IdempotentConsumer<UnitRegistered, BillingDbContext>(db, time)
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
