using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Reception.Infrastructure;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.DataProtection;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Messaging;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Reception;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ReceptionDbContext>("receptiondb");
        // ID numbers are encrypted at rest; the step after the migrations encrypts those stored before.
        builder.AddPersonalDataProtection<ReceptionDbContext>("Reception");
        builder.Services.AddSingleton<IdNumberProtector>();
        builder.Services.AddHostedService<IdNumberEncryption>();
        // Enquiries owed a later answer remind the desk when they fall due.
        builder.Services.AddSingleton<EnquiryReminderSweeper>();
        builder.Services.AddHostedService(services => services.GetRequiredService<EnquiryReminderSweeper>());
        builder.AddMessaging<ReceptionDbContext>(bus =>
        {
            bus.AddUnitCopies<ReceptionDbContext>();
            // Directory's signers and occupancies: whose signature makes an exit pass valid for a unit.
            bus.AddConsumer<AuthorisedSignerAddedConsumer>();
            bus.AddConsumer<AuthorisedSignerWithdrawnConsumer>();
            bus.AddConsumer<OccupancyStartedConsumer>();
            bus.AddConsumer<OccupancyEndedConsumer>();
            // Filled from Directory's feeds at start too: events from before Reception's queues existed never arrive.
            bus.AddLocalCopyFill<SignerCopyFeed, SignerRecord>();
            bus.AddLocalCopyFill<OccupancyCopyFeed, OccupancyRecord>();
        });
        builder.Services.AddValidatorsFrom(typeof(Extensions).Assembly);
    }
}
