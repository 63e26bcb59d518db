using System.Net.Http.Headers;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Npgsql;
using PropertyPlatform.Directory.SignIn;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.Directory.Tests;

/// <summary>
/// The Directory service in-process, on a fresh database and a RabbitMQ virtual host of its own. It checks
/// tokens against its own signing keys and also against <see cref="Identity"/>'s, so tests hand out signed-in
/// clients for any role and scope (<see cref="ClientAs(string, Guid[])"/>) without registering accounts; sign-in
/// itself is tested for real in <c>SignIn/</c> and with the demo accounts.
/// </summary>
public sealed class DirectoryApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    private DirectoryApp(string database, string broker, TestIdentity identity, Dictionary<string, string?>? settings)
    {
        DatabaseConnectionString = database;
        BrokerConnectionString = broker;
        Identity = identity;
        _settings = settings ?? [];
    }

    public string DatabaseConnectionString { get; }

    /// <summary>AMQP URI of the app's virtual host; a test bus on it sees what the app publishes.</summary>
    public string BrokerConnectionString { get; }

    /// <summary>Signs the test clients' tokens; Directory trusts its keys beside its own.</summary>
    public TestIdentity Identity { get; }

    public static async Task<DirectoryApp> StartAsync(TestInfrastructure infrastructure, Dictionary<string, string?>? settings = null) =>
        await StartOnAsync(await infrastructure.CreateDatabaseAsync("directory"), await infrastructure.CreateRabbitMqVirtualHostAsync("directory"), settings);

    /// <summary>An instance on an existing database and virtual host, as after a restart or for a second replica.</summary>
    public static async Task<DirectoryApp> StartOnAsync(string database, string broker, Dictionary<string, string?>? settings = null)
    {
        var app = new DirectoryApp(database, broker, await TestIdentity.StartAsync(), settings);
        app.StartServer();
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:directorydb", DatabaseConnectionString);
        builder.UseSetting("ConnectionStrings:rabbitmq", BrokerConnectionString);
        builder.UseSetting("OTEL_SERVICE_NAME", "directory");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
            services.AddSingleton<IConfigurationManager<OpenIdConnectConfiguration>>(provider => new OwnAndTestKeys(provider.GetRequiredService<SigningKeyRing>(), Identity));
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Identity.DisposeAsync();
    }

    /// <summary>A client signed in as staff with <paramref name="role"/> in <paramref name="propertyIds"/>.</summary>
    public HttpClient ClientAs(string role, params Guid[] propertyIds) => ClientAsStaff(role, $"测试{role}", propertyIds);

    /// <summary>A client signed in as the staff member <paramref name="name"/> with <paramref name="role"/> in <paramref name="propertyIds"/>.</summary>
    public HttpClient ClientAsStaff(string role, string name, params Guid[] propertyIds) =>
        ClientAs(new AccessTokenContent(Guid.NewGuid(), name, [role], false, propertyIds, []));

    /// <summary>A client signed in as an administrator of every property.</summary>
    public HttpClient ClientAsAdmin(string name = "测试管理员") =>
        ClientAs(new AccessTokenContent(Guid.NewGuid(), name, [Roles.Admin], true, [], []));

    /// <summary>A client signed in as the occupant <paramref name="personId"/> of <paramref name="unitIds"/> in <paramref name="propertyId"/>.</summary>
    public HttpClient ClientAsOccupant(Guid personId, Guid propertyId, params Guid[] unitIds) =>
        ClientAs(new AccessTokenContent(personId, "测试住户", [Roles.Occupant], false, [propertyId], unitIds));

    /// <summary>A client that sends an access token with exactly <paramref name="content"/>.</summary>
    public HttpClient ClientAs(AccessTokenContent content)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Identity.TokenFor(content));
        return client;
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

    /// <summary>Posts as an administrator and expects 201.</summary>
    public async Task<JsonElement> CreatedAsync(string path, object body)
    {
        using var client = ClientAsAdmin();
        var response = await client.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    /// <summary>Directory's own keys (what sign-in signs with) and the test identity's.</summary>
    private sealed class OwnAndTestKeys(SigningKeyRing ring, TestIdentity identity) : IConfigurationManager<OpenIdConnectConfiguration>
    {
        public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
        {
            var configuration = new OpenIdConnectConfiguration();
            foreach (var key in (await ring.GetAsync(cancel)).Published.Concat(await identity.GetKeysAsync(cancel)))
            {
                configuration.SigningKeys.Add(key);
            }
            return configuration;
        }

        public void RequestRefresh()
        {
        }
    }
}
