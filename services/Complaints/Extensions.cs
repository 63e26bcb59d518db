using PropertyPlatform.Complaints.Apis;
using PropertyPlatform.Complaints.Domain;
using PropertyPlatform.Complaints.Infrastructure;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Messaging;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Complaints;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ComplaintsDbContext>("complaintsdb");
        builder.AddMessaging<ComplaintsDbContext>(bus =>
        {
            bus.AddUnitCopies<ComplaintsDbContext>();
            bus.AddConsumer<OccupancyStartedConsumer>();
            bus.AddConsumer<OccupancyEndedConsumer>();
            // The outcome of the work orders complaints raised.
            bus.AddConsumer<WorkOrderSubmittedConsumer>();
            bus.AddConsumer<WorkOrderCompletedConsumer>();
            bus.AddConsumer<WorkOrderClosedConsumer>();
            bus.AddConsumer<WorkOrderCancelledConsumer>();
        });
        builder.Services.AddValidatorsFrom(typeof(Extensions).Assembly);
        builder.Services.AddScoped<ComplaintCommands>();
        builder.Services.AddSingleton(new HotComplaintRule(
            builder.Configuration.GetValue("Complaints:Hot:Count", HotComplaintRule.Default.Count),
            builder.Configuration.GetValue("Complaints:Hot:Window", HotComplaintRule.Default.Window)));
        builder.Services.AddSingleton<DeadlineSweeper>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DeadlineSweeper>());
    }
}
