using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.Directory.Tests;

/// <summary>The Directory service in-process, on a fresh database and a RabbitMQ virtual host of its own.</summary>
public sealed class DirectoryApp : WebApplicationFactory<Program>
{
    private DirectoryApp(string database, string broker)
    {
        DatabaseConnectionString = database;
        BrokerConnectionString = broker;
    }

    public string DatabaseConnectionString { get; }

    /// <summary>AMQP URI of the app's virtual host; a test bus on it sees what the app publishes.</summary>
    public string BrokerConnectionString { get; }

    public static async Task<DirectoryApp> StartAsync(TestInfrastructure infrastructure)
    {
        var app = new DirectoryApp(await infrastructure.CreateDatabaseAsync("directory"), await infrastructure.CreateRabbitMqVirtualHostAsync("directory"));
        app.StartServer();
        return app;
    }

    /// <summary>Another instance on an existing database and virtual host, as after a restart or for a second replica.</summary>
    public static DirectoryApp StartOn(string database, string broker)
    {
        var app = new DirectoryApp(database, broker);
        app.StartServer();
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:directorydb", DatabaseConnectionString);
        builder.UseSetting("ConnectionStrings:rabbitmq", BrokerConnectionString);
        builder.UseSetting("OTEL_SERVICE_NAME", "directory");
        builder.ConfigureServices(services => services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true));
    }

    public async Task<JsonElement> RegisterPropertyAsync(string name = "国贸中心", string type = "office_tower") =>
        await CreatedAsync("/properties", new { name, type, address = "北京市朝阳区" });

    public async Task<JsonElement> RegisterBuildingAsync(Guid propertyId, string name = "A座") =>
        await CreatedAsync("/buildings", new { propertyId, name });

    public async Task<JsonElement> RegisterUnitAsync(
        Guid buildingId, string number = "1201", int floor = 12, string type = "office", decimal chargeableArea = 120.50m) =>
        await CreatedAsync("/units", new { buildingId, number, floor, type, chargeableArea });

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(DatabaseConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    private async Task<JsonElement> CreatedAsync(string path, object body)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }
}
