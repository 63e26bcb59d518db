using MassTransit;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Notifications.Channels;
using PropertyPlatform.Notifications.Contacts;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.Notifications.IntegrationEvents;
using PropertyPlatform.Notifications.Push;
using PropertyPlatform.Notifications.Routing;
using PropertyPlatform.Notifications.Webhooks;
using PropertyPlatform.ServiceDefaults;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Messaging;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Notifications;

internal static class Extensions
{
    /// <summary>The live inbox; <c>/api/notifications/hub</c> through the gateway.</summary>
    public const string InboxHubPath = "/hub";

    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<NotificationsDbContext>("notificationsdb");
        // Browsers' WebSockets carry the access token in the query, as SignalR clients send it.
        builder.AcceptAccessTokenInQuery(InboxHubPath);
        builder.Services.AddSignalR().AddJsonProtocol(json => ServiceDefaultsExtensions.ConfigureJson(json.PayloadSerializerOptions));
        builder.Services.AddSingleton<InboxPush>();
        builder.AddContactProtection();
        builder.Services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName);
        builder.Services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.SectionName);
        builder.Services.AddSingleton<EmailSender>();
        builder.Services.AddSingleton<DevelopmentSmsProvider>();
        builder.Services.AddSingleton<ISmsProvider>(provider => provider.GetRequiredService<DevelopmentSmsProvider>());
        builder.Services.AddSingleton<DeliverySignal>();
        builder.Services.AddSingleton<DeliverySender>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<DeliverySender>());
        builder.Services.AddValidatorsFrom(typeof(Extensions).Assembly);
        builder.Services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName);
        builder.Services.AddSingleton<WebhookSecrets>();
        builder.Services.AddSingleton<WebhookSignal>();
        builder.Services.AddHostedService<WebhookSender>();
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
            bus.AddConsumer<ComplaintReceivedConsumer>();
            bus.AddConsumer<ComplaintEscalatedConsumer>();
            bus.AddConsumer<ComplaintRespondedConsumer>();
            bus.AddConsumer<ComplaintDeadlineApproachingConsumer>();
            bus.AddConsumer<ComplaintDeadlineBreachedConsumer>();
            bus.AddConsumer<ComplaintHandedOverConsumer>();
            bus.AddConsumer<ComplaintReopenedConsumer>();
            bus.AddConsumer<ComplaintsProposedAsHotConsumer>();
            bus.AddConsumer<FollowUpVisitsDueConsumer>();
            // Who is who: the copy of people's contacts and units.
            bus.AddConsumer<OccupantRegisteredConsumer>();
            bus.AddConsumer<OccupantContactChangedConsumer>();
            bus.AddConsumer<OccupancyStartedConsumer>();
            bus.AddConsumer<OccupancyEndedConsumer>();
            bus.AddConsumer<StaffChangedConsumer>();
            bus.AddConsumer<AuthorisedSignerAddedConsumer>();
            bus.AddConsumer<AuthorisedSignerWithdrawnConsumer>();
            bus.AddLocalCopyFill<StaffContactsFeed, StaffRecord>();
            bus.AddLocalCopyFill<OccupantContactsFeed, OccupantRecord>();
            bus.AddLocalCopyFill<OccupancyContactsFeed, OccupancyRecord>();
            bus.AddLocalCopyFill<SignersFeed, SignerRecord>();
            // Every other event the services publish: told by its route and template, and to its webhooks.
            bus.AddConsumers([.. EventCatalog.TemplateOnly.Select(type => typeof(RoutedConsumer<>).MakeGenericType(type))]);
        });
    }
}

internal static class PushEndpoints
{
    /// <summary>The live inbox, for the roles that have an inbox; see <see cref="InboxHub"/>.</summary>
    public static IEndpointRouteBuilder MapInboxHub(this IEndpointRouteBuilder app)
    {
        app.MapHub<InboxHub>(Extensions.InboxHubPath, options => options.CloseOnAuthenticationExpiration = true)
            .RequireRoles(Roles.Occupant, Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Engineer, Roles.Admin);
        return app;
    }
}
