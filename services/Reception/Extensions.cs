using PropertyPlatform.Reception.Infrastructure;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Messaging;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Reception;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ReceptionDbContext>("receptiondb");
        builder.AddMessaging<ReceptionDbContext>(bus =>
        {
            bus.AddUnitCopies<ReceptionDbContext>();
            // Directory's signers and occupancies: whose signature makes an exit pass valid for a unit.
            bus.AddConsumer<AuthorisedSignerAddedConsumer>();
            bus.AddConsumer<AuthorisedSignerWithdrawnConsumer>();
            bus.AddConsumer<OccupancyStartedConsumer>();
            bus.AddConsumer<OccupancyEndedConsumer>();
        });
        builder.Services.AddValidatorsFrom(typeof(Extensions).Assembly);
    }
}
