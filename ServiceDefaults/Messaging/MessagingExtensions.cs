using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PropertyPlatform.ServiceDefaults.Data;

namespace PropertyPlatform.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    /// <summary>Connection string name of the broker, as an Aspire AppHost would name it.</summary>
    public const string ConnectionName = "rabbitmq";

    /// <summary>
    /// MassTransit over RabbitMQ with the transactional outbox and inbox on <typeparamref name="TDbContext"/>.
    /// Queues are named after the service (e.g. <c>workorders-unit-registered</c>) so each service gets its own
    /// copy of an event while replicas of one service share the work.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging<TDbContext>(
        this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator>? configureConsumers = null)
        where TDbContext : ServiceDbContext
    {
        // `dotnet ef migrations add` builds the host only to read the model and never connects.
        var brokerAddress = new Uri(builder.Configuration.GetConnectionString(ConnectionName)
            ?? (EF.IsDesignTime ? "amqp://design-time" : null)
            ?? throw new InvalidOperationException($"Connection string '{ConnectionName}' is missing: set ConnectionStrings__{ConnectionName} (e.g. amqp://guest:guest@127.0.0.1:5672)."));
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] ?? builder.Environment.ApplicationName;

        builder.Services.AddOptions<OutboxOptions>().BindConfiguration("Outbox");
        builder.Services.AddHostedService<OutboxRelay<TDbContext>>();

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new ServiceEndpointNameFormatter(ServiceQueuePrefix(serviceName)));
            configureConsumers?.Invoke(bus);

            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(brokerAddress, host =>
                {
                    var credentials = brokerAddress.UserInfo.Split(':', 2);
                    if (credentials is [{ Length: > 0 } user, var password])
                    {
                        host.Username(Uri.UnescapeDataString(user));
                        host.Password(Uri.UnescapeDataString(password));
                    }
                    host.PublisherConfirmation = true;
                });

                // Transient failures (a deadlock, a dropped connection) are retried with backoff; a message that
                // still fails ends in the consumer's <queue>_error queue for inspection and replay.
                rabbit.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200)));
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    /// <summary>The service name as a queue prefix, e.g. <c>workorders</c> from <c>PropertyPlatform.WorkOrders</c>.</summary>
    private static string ServiceQueuePrefix(string serviceName)
    {
        var name = serviceName.StartsWith("PropertyPlatform.", StringComparison.Ordinal) ? serviceName["PropertyPlatform.".Length..] : serviceName;
        return name.ToLowerInvariant().Replace('.', '-');
    }
}
