using System.Collections.Concurrent;
using MassTransit;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.Notifications.Tests;

/// <summary>The Notifications service in-process, on a fresh database and a RabbitMQ virtual host of its own.</summary>
public sealed class NotificationsApp : WebApplicationFactory<Program>, IConsumeObserver
{
    private readonly string _database;
    private readonly string _broker;

    private NotificationsApp(string database, string broker)
    {
        _database = database;
        _broker = broker;
    }

    /// <summary>Message ids of every delivery the service's consumers finished, once per delivery (duplicates included).</summary>
    public ConcurrentQueue<Guid> Consumed { get; } = new();

    public ConcurrentQueue<Exception> Faults { get; } = new();

    public static async Task<NotificationsApp> StartAsync(TestInfrastructure infrastructure)
    {
        var app = new NotificationsApp(
            await infrastructure.CreateDatabaseAsync("notifications"), await infrastructure.CreateRabbitMqVirtualHostAsync("notifications"));
        app.StartServer();
        app.Services.GetRequiredService<IBus>().ConnectConsumeObserver(app);
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:notificationsdb", _database);
        builder.UseSetting("ConnectionStrings:rabbitmq", _broker);
        builder.UseSetting("OTEL_SERVICE_NAME", "notifications");
        builder.ConfigureServices(services => services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true));
    }

    /// <summary>Publishes the event the way WorkOrders' outbox relay does: through RabbitMQ, with a message id.</summary>
    public async Task PublishAsync(WorkOrderSubmitted submitted, Guid messageId) =>
        await Services.GetRequiredService<IBus>().Publish(submitted, c => c.MessageId = messageId, TestContext.Current.CancellationToken);

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    Task IConsumeObserver.PreConsume<T>(ConsumeContext<T> context) => Task.CompletedTask;

    Task IConsumeObserver.PostConsume<T>(ConsumeContext<T> context)
    {
        Consumed.Enqueue(context.MessageId ?? Guid.Empty);
        return Task.CompletedTask;
    }

    Task IConsumeObserver.ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
    {
        Faults.Enqueue(exception);
        return Task.CompletedTask;
    }
}
