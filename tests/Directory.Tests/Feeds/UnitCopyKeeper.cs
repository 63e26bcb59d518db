using MassTransit;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Messaging;

namespace PropertyPlatform.Directory.Tests.Feeds;

/// <summary>
/// A service that keeps a copy of Directory's units the way Reception, WorkOrders, Complaints and Billing do
/// (ServiceDefaults' <c>AddUnitCopies</c>), started against a real <see cref="DirectoryApp"/>: its events through the
/// broker, its feed over HTTP (the test server's handler stands in for the network).
/// </summary>
public sealed class UnitCopyKeeper : IAsyncDisposable
{
    public const string Secret = "a-test-service-secret-of-forty-characters";

    private readonly IHost _host;

    private UnitCopyKeeper(IHost host) => _host = host;

    /// <summary>Starts on <paramref name="database"/> (kept between starts, like a service's own database) and <paramref name="broker"/>.</summary>
    public static async Task<UnitCopyKeeper> StartAsync(DirectoryApp directory, string database, string broker, string? secret = Secret)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:keeperdb"] = database,
            ["ConnectionStrings:rabbitmq"] = broker,
            ["OTEL_SERVICE_NAME"] = "keeper",
            // What Aspire gives a service: a URL, not a name (read as a service name, it would never resolve).
            ["services:directory:http:0"] = "http://localhost:5080",
            ["ServiceAuth:Secret"] = secret,
            ["LocalCopies:FirstRetryDelay"] = "00:00:00.200",
            ["LocalCopies:MaxRetryDelay"] = "00:00:01",
            // Small pages, so a fill of a few units crosses pages.
            ["LocalCopies:PageSize"] = "2",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddServiceDatabase<KeeperDbContext>("keeperdb");
        builder.AddMessaging<KeeperDbContext>(bus => bus.AddUnitCopies<KeeperDbContext>());
        // Resolved by service discovery as in the services; the in-memory Directory answers whatever host it names.
        builder.Services.AddServiceDiscoveryCore().AddConfigurationServiceEndpointProvider();
        builder.Services.AddHttpClient<DirectoryFeedClient>().AddServiceDiscovery()
            .ConfigurePrimaryHttpMessageHandler(() => directory.Server.CreateHandler());
        builder.Services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = true);

        var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            // No migrations in a test service: the schema comes straight from the model.
            await scope.ServiceProvider.GetRequiredService<KeeperDbContext>().Database.EnsureCreatedAsync();
        }
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new UnitCopyKeeper(host);
    }

    public async Task<List<UnitCopy>> UnitsAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KeeperDbContext>().Units.AsNoTracking().OrderBy(u => u.Number).ToListAsync();
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<KeeperDbContext>().Database.ExecuteSqlRawAsync(sql);
    }

    /// <summary>What <c>/health</c> would say of the copies.</summary>
    public async Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CopyHealthAsync() =>
        await _host.Services.GetRequiredService<LocalCopyHealth>().CheckHealthAsync(new());

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }
}

public sealed class KeeperDbContext(DbContextOptions<KeeperDbContext> options) : ServiceDbContext(options), IHasUnitCopies
{
    public DbSet<UnitCopy> Units => Set<UnitCopy>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyUnitCopies();
    }
}
