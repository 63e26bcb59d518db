using PropertyPlatform.Billing.Infrastructure;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Messaging;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Billing;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<BillingDbContext>("billingdb");
        builder.AddMessaging<BillingDbContext>(bus =>
        {
            bus.AddUnitCopies<BillingDbContext>();
            bus.AddConsumer<PaidServiceCompletedConsumer>();
            bus.AddConsumer<AccessCardIssuedConsumer>();
            bus.AddConsumer<AccessCardReturnedConsumer>();
            bus.AddConsumer<AccessCardLostConsumer>();
            bus.AddConsumer<OccupancyStartedConsumer>();
            bus.AddConsumer<OccupancyEndedConsumer>();
            bus.AddLocalCopyFill<OccupancyCopyFeed, PropertyPlatform.Contracts.Directory.OccupancyRecord>();
        });
        builder.Services.AddValidatorsFrom(typeof(Extensions).Assembly);
        builder.Services.AddScoped<UnitAccounts>();
        builder.Services.AddScoped<CashDays>();
        builder.Services.AddSingleton<ScheduledRunSweeper>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ScheduledRunSweeper>());
    }
}
