using PropertyPlatform.Directory.Demo;
using PropertyPlatform.Directory.Infrastructure;
using PropertyPlatform.Directory.SignIn;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.Messaging;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Directory;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<DirectoryDbContext>("directorydb");
        // Directory consumes nothing yet; messaging is here for the outbox relay that publishes its events.
        builder.AddMessaging<DirectoryDbContext>();
        builder.Services.AddValidatorsFrom(typeof(Extensions).Assembly);
        builder.AddSignIn();
        builder.AddPeopleServices();
        builder.AddDemoData();
    }
}
