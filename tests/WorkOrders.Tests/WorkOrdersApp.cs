using MassTransit;
using Microsoft.AspNetCore.Mvc.Testing;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.WorkOrders.Tests;

/// <summary>The WorkOrders service on its own fresh database and broker virtual host.</summary>
public sealed class WorkOrdersApp(string database, string broker) : WebApplicationFactory<Program>
{
    public static async Task<WorkOrdersApp> StartAsync(TestInfrastructure infrastructure)
    {
        var app = new WorkOrdersApp(
            await infrastructure.CreateDatabaseAsync("workorders"), await infrastructure.CreateRabbitMqVirtualHostAsync());
        app.StartServer();
        return app;
    }

    public string DatabaseConnectionString => database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:workordersdb", database);
        builder.UseSetting("ConnectionStrings:rabbitmq", broker);
        builder.UseSetting("OTEL_SERVICE_NAME", "workorders");
        builder.ConfigureServices(services => services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true));
    }

    /// <summary>Registers a unit the way Directory does: by publishing <see cref="UnitRegistered"/>.</summary>
    public async Task<UnitRegistered> RegisterUnitAsync(string number = "1201", Guid? propertyId = null)
    {
        var registered = new UnitRegistered(Guid.NewGuid(), DateTimeOffset.UtcNow, propertyId ?? Guid.NewGuid(), Guid.NewGuid(),
            Guid.NewGuid(), "A座", number, 12, UnitType.Office, 120.50m);
        await Services.GetRequiredService<IBus>().Publish(registered, c => c.MessageId = registered.EventId);
        return registered;
    }
}
