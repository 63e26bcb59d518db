using System.Net.Http.Headers;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PropertyPlatform.Contracts;
using PropertyPlatform.ServiceDefaults.Auth;
using Xunit;

namespace PropertyPlatform.TestSupport;

/// <summary>
/// A service in-process, on a fresh database and a RabbitMQ virtual host of its own, with a clock tests
/// can move and a record of the messages its consumers finished. Start it with <see cref="StartAsync"/>;
/// give it a name in the test project, e.g. <c>global using ReceptionApp = PropertyPlatform.TestSupport.ServiceApp&lt;Program&gt;;</c>.
/// </summary>
public sealed class ServiceApp<TProgram> : WebApplicationFactory<TProgram>
    where TProgram : class
{
    /// <summary>How long a test waits for something asynchronous: a message consumed, an event relayed.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Action<IServiceCollection, TestIdentity>? _configureServices;

    private ServiceApp(
        string serviceName, string databaseConnectionString, string brokerConnectionString, TestIdentity identity, Action<IServiceCollection, TestIdentity>? configureServices,
        bool onKestrel = false)
    {
        if (onKestrel)
        {
            UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        }
        ServiceName = serviceName;
        DatabaseConnectionString = databaseConnectionString;
        BrokerConnectionString = brokerConnectionString;
        Identity = identity;
        _configureServices = configureServices;
    }

    /// <summary>
    /// Starts the service. <paramref name="serviceName"/> is its <c>OTEL_SERVICE_NAME</c> and names its connection string
    /// (<c>&lt;service&gt;db</c>); by default the program's assembly name without <c>PropertyPlatform.</c>, in lower case
    /// (<c>reception</c>), as ServiceDefaults and the AppHost name it. Test replacements go in
    /// <paramref name="configureServices"/>, applied after the service's own registrations. <paramref name="onKestrel"/>
    /// serves on a real loopback port (<see cref="Address"/>), e.g. behind a gateway or for WebSockets.
    /// </summary>
    public static async Task<ServiceApp<TProgram>> StartAsync(
        TestInfrastructure infrastructure, string? serviceName = null, Action<IServiceCollection, TestIdentity>? configureServices = null, bool onKestrel = false)
    {
        serviceName ??= typeof(TProgram).Assembly.GetName().Name!.Replace("PropertyPlatform.", "", StringComparison.Ordinal).ToLowerInvariant();
        var app = new ServiceApp<TProgram>(
            serviceName,
            await infrastructure.CreateDatabaseAsync(serviceName),
            await infrastructure.CreateRabbitMqVirtualHostAsync(serviceName),
            await TestIdentity.StartAsync(),
            configureServices,
            onKestrel);
        app.StartServer();
        app.Services.GetRequiredService<IBus>().ConnectConsumeObserver(app.Consumed);
        return app;
    }

    public string ServiceName { get; }

    /// <summary>The loopback address the service listens on when started <c>onKestrel</c>.</summary>
    public string Address => Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
        .Features.GetRequiredFeature<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>().Addresses.Single();

    public string DatabaseConnectionString { get; }

    /// <summary>AMQP URI of the service's virtual host.</summary>
    public string BrokerConnectionString { get; }

    public AdjustableTimeProvider Time { get; } = new();

    /// <summary>Plays Directory's sign-in for this service: its key set is what the service checks tokens against.</summary>
    public TestIdentity Identity { get; }

    /// <summary>A client signed in as staff with <paramref name="role"/> in <paramref name="propertyIds"/>.</summary>
    public HttpClient ClientAs(string role, params Guid[] propertyIds) =>
        ClientAs(new AccessTokenContent(Guid.NewGuid(), $"测试{role}", [role], false, propertyIds, []));

    /// <summary>A client signed in as an administrator of every property.</summary>
    public HttpClient ClientAsAdmin() =>
        ClientAs(new AccessTokenContent(Guid.NewGuid(), "测试管理员", [Roles.Admin], true, [], []));

    /// <summary>A client signed in as the occupant <paramref name="personId"/> of <paramref name="unitIds"/> in <paramref name="propertyId"/>.</summary>
    public HttpClient ClientAsOccupant(Guid personId, Guid propertyId, params Guid[] unitIds) =>
        ClientAs(new AccessTokenContent(personId, "测试住户", [Roles.Occupant], false, [propertyId], unitIds));

    /// <summary>A client that sends an access token with exactly <paramref name="content"/>.</summary>
    public HttpClient ClientAs(AccessTokenContent content)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Identity.TokenFor(content, Time.GetUtcNow()));
        return client;
    }

    /// <summary>Every message the service's consumers have finished with (applied or skipped as a duplicate).</summary>
    public ConsumedMessages Consumed { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting($"ConnectionStrings:{ServiceName}db", DatabaseConnectionString);
        builder.UseSetting("ConnectionStrings:rabbitmq", BrokerConnectionString);
        builder.UseSetting("OTEL_SERVICE_NAME", ServiceName);
        builder.UseSetting("services:directory:http:0", Identity.Address);
        builder.ConfigureTestServices(services =>
        {
            // Tests publish right after start: wait until the queues are bound, or the first messages would find none.
            services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
            services.AddSingleton<TimeProvider>(Time);
            _configureServices?.Invoke(services, Identity);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Identity.DisposeAsync();
    }

    /// <summary>Publishes an event the way a service's outbox relay does: through RabbitMQ, with its event id as message id.</summary>
    public Task PublishAsync<TEvent>(TEvent integrationEvent)
        where TEvent : class, IIntegrationEvent =>
        PublishAsync(integrationEvent, integrationEvent.EventId);

    /// <summary>Publishes a message with a message id of the test's choosing (e.g. a redelivery, or a replay under a new id).</summary>
    public Task PublishAsync<TMessage>(TMessage message, Guid messageId)
        where TMessage : class =>
        Services.GetRequiredService<IBus>().Publish(message, c => c.MessageId = messageId, TestContext.Current.CancellationToken);

    /// <summary>The first column of the first row of <paramref name="sql"/> on the service's database.</summary>
    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(DatabaseConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
