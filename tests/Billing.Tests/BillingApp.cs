using System.Collections.Concurrent;
using MassTransit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Npgsql;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.Billing.Tests;

/// <summary>The Billing service on its own fresh database and broker virtual host, with a clock tests can move.</summary>
public sealed class BillingApp(string database, string broker) : WebApplicationFactory<Program>
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static async Task<BillingApp> StartAsync(TestInfrastructure infrastructure)
    {
        var app = new BillingApp(
            await infrastructure.CreateDatabaseAsync("billing"), await infrastructure.CreateRabbitMqVirtualHostAsync());
        app.StartServer();
        app.Services.GetRequiredService<IBus>().ConnectConsumeObserver(app.Consumed);
        return app;
    }

    public AdjustableTimeProvider Time { get; } = new();

    /// <summary>Every message the service's consumers have finished with (applied or skipped as a duplicate).</summary>
    public ConsumedMessages Consumed { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:billingdb", database);
        builder.UseSetting("ConnectionStrings:rabbitmq", broker);
        builder.UseSetting("OTEL_SERVICE_NAME", "billing");
        builder.ConfigureTestServices(services =>
        {
            services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
            services.AddSingleton<TimeProvider>(Time);
        });
    }

    /// <summary>Registers a unit the way Directory does: by publishing <see cref="UnitRegistered"/> with its event id as message id.</summary>
    public async Task<UnitRegistered> RegisterUnitAsync(
        string number = "1201", Guid? propertyId = null, UnitType type = UnitType.Office, decimal chargeableArea = 120.55m)
    {
        var registered = new UnitRegistered(Guid.NewGuid(), DateTimeOffset.UtcNow, propertyId ?? Guid.NewGuid(), Guid.NewGuid(),
            Guid.NewGuid(), "A座", number, 12, type, chargeableArea);
        await PublishAsync(registered);
        return registered;
    }

    public Task PublishAsync(UnitRegistered registered) =>
        Services.GetRequiredService<IBus>().Publish(registered, c => c.MessageId = registered.EventId, TestContext.Current.CancellationToken);

    /// <summary>Units arrive by event; fees are only worked out once Billing has its copy.</summary>
    public Task WaitForUnitAsync(Guid unitId) =>
        Eventually.ReturnsAsync(() => ScalarAsync<long>($"SELECT count(*) FROM units WHERE id = '{unitId}'"), c => c == 1, Patience);

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}

/// <summary>Counts finished consumptions per message id, so a test knows a redelivery has been dealt with.</summary>
public sealed class ConsumedMessages : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> _counts = new();

    public int Count(Guid messageId) => _counts.GetValueOrDefault(messageId);

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.MessageId is { } id)
        {
            _counts.AddOrUpdate(id, 1, (_, count) => count + 1);
        }
        return Task.CompletedTask;
    }

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
