using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.Notifications.IntegrationEvents;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.Messaging;

namespace PropertyPlatform.Notifications;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<NotificationsDbContext>("notificationsdb");
        builder.AddMessaging<NotificationsDbContext>(bus =>
        {
            bus.AddConsumer<WorkOrderSubmittedConsumer>();
            bus.AddConsumer<WorkOrderDispatchedConsumer>();
            bus.AddConsumer<WorkOrderCompletedConsumer>();
            bus.AddConsumer<WorkOrderReopenedConsumer>();
            bus.AddConsumer<WorkOrderDeadlineApproachingConsumer>();
            bus.AddConsumer<WorkOrderDeadlineBreachedConsumer>();
            bus.AddConsumer<WorkOrderPutOnHoldConsumer>();
            bus.AddConsumer<WorkOrderCancelledConsumer>();
        });
    }
}
