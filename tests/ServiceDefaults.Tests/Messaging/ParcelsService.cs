using MassTransit;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.Messaging;

namespace PropertyPlatform.ServiceDefaults.Tests.Messaging;

/// <summary>One running replica of the parcels test service: real PostgreSQL, real RabbitMQ, the real relay.</summary>
public sealed class ParcelsService : IAsyncDisposable
{
    private readonly IHost _host;

    private ParcelsService(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public static async Task<ParcelsService> StartAsync(
        string databaseConnectionString, string brokerConnectionString, TimeProvider? time = null, Action<OutboxOptions>? outbox = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:parcelsdb"] = databaseConnectionString,
            ["ConnectionStrings:rabbitmq"] = brokerConnectionString,
            ["OTEL_SERVICE_NAME"] = "parcels",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Services.AddSingleton(time ?? TimeProvider.System);
        builder.AddServiceDatabase<ParcelsDbContext>("parcelsdb");
        // One message at a time, so a test knows that everything published before a marker has been handled.
        builder.AddMessaging<ParcelsDbContext>(bus => bus.AddConsumer<ParcelLoggedConsumer>((_, consumer) => consumer.ConcurrentMessageLimit = 1));
        builder.Services.Configure<OutboxOptions>(options => outbox?.Invoke(options));
        // Tests publish right after start: wait until the queues are bound, or the first events would find no queue.
        builder.Services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = true);

        var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            // The test service has no migrations: its schema comes straight from the model.
            await scope.ServiceProvider.GetRequiredService<ParcelsDbContext>().Database.EnsureCreatedAsync();
        }
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new ParcelsService(host);
    }

    /// <summary>Logs parcels, each in its own transaction, as separate front-desk requests would.</summary>
    public async Task LogParcelsAsync(Guid propertyId, IEnumerable<int> sequences)
    {
        foreach (var sequence in sequences)
        {
            await using var scope = _host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ParcelsDbContext>();
            db.Parcels.Add(Parcel.Log(propertyId, sequence, TimeProvider.System.GetUtcNow()));
            await db.SaveChangesAsync();
        }
    }

    public async Task<T> QueryAsync<T>(Func<ParcelsDbContext, Task<T>> query)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ParcelsDbContext>());
    }

    public Task<List<DeliveredParcel>> DeliveredAsync(Guid propertyId) =>
        QueryAsync(db => db.Delivered.AsNoTracking().Where(d => d.PropertyId == propertyId).OrderBy(d => d.Id).ToListAsync());

    public Task<List<OutboxMessage>> OutboxAsync() =>
        QueryAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }
}
