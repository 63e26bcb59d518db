using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Messaging;
using PropertyPlatform.ServiceDefaults.Problems;
using PropertyPlatform.WorkOrders.Apis;
using PropertyPlatform.WorkOrders.Infrastructure;

namespace PropertyPlatform.WorkOrders;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<WorkOrdersDbContext>("workordersdb");
        builder.AddMessaging<WorkOrdersDbContext>(bus =>
        {
            bus.AddUnitCopies<WorkOrdersDbContext>();
            bus.AddConsumer<StaffChangedConsumer>();
            bus.AddLocalCopyFill<StaffCopyFeed, StaffRecord>();
            bus.AddConsumer<ComplaintWorkOrderRequestedConsumer>();
            bus.AddConsumer<InspectionWorkOrderRequestedConsumer>();
        });
        builder.Services.AddValidatorsFrom(typeof(Extensions).Assembly);
        builder.Services.AddScoped<WorkOrderCommands>();
        builder.Services.AddScoped<WorkOrderSubmission>();
        builder.Services.AddSingleton<IntakeBatches>();
        builder.Services.AddHostedService(services => services.GetRequiredService<IntakeBatches>());
        builder.Services.AddSingleton<DeadlineSweeper>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DeadlineSweeper>());
    }
}
