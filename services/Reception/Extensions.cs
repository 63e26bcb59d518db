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
        builder.AddMessaging<ReceptionDbContext>(bus => bus.AddUnitCopies<ReceptionDbContext>());
        builder.Services.AddValidatorsFrom(typeof(Extensions).Assembly);
    }
}
