using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using PropertyPlatform.ServiceDefaults.Messaging;

namespace PropertyPlatform.ServiceDefaults.Data;

public static class DatabaseExtensions
{
    /// <summary>
    /// The service's own PostgreSQL database from <c>ConnectionStrings__{connectionName}</c>, migrated at
    /// start-up under a lock, checked by <c>/health</c>, and wired to the outbox.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TDbContext>(this IHostApplicationBuilder builder, string connectionName)
        where TDbContext : ServiceDbContext
    {
        // `dotnet ef migrations add` builds the host only to read the model and never connects.
        var connectionString = new NpgsqlConnectionStringBuilder(builder.Configuration.GetConnectionString(connectionName)
            ?? (EF.IsDesignTime ? "Host=design-time" : null)
            ?? throw new InvalidOperationException($"Connection string '{connectionName}' is missing: set ConnectionStrings__{connectionName}."))
        {
            // The migrator opens its own connections from the DbContext's connection string, which a configured
            // data source would otherwise hand out without the password.
            PersistSecurityInfo = true,
        }.ConnectionString;

        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<DailyNumbering>();
        builder.Services.AddSingleton<OutboxCommitInterceptor>();
        builder.Services.AddDbContext<TDbContext>((services, options) => options
            .UseNpgsql(connectionString, npgsql => npgsql
                .MigrationsHistoryTable("__ef_migrations_history")
                .ConfigureDataSource(TraceOnlyWithinATrace))
            .AddInterceptors(services.GetRequiredService<OutboxCommitInterceptor>()));

        builder.Services.AddHealthChecks().AddDbContextCheck<TDbContext>("database");
        builder.Services.AddHostedService<DatabaseMigrator<TDbContext>>();
        return builder;
    }

    /// <summary>
    /// Database spans only as part of a request's or a message's trace: the outbox relay and the sweepers poll every
    /// few seconds, and a root span per poll would bury the traces an operator looks for.
    /// </summary>
    private static void TraceOnlyWithinATrace(NpgsqlDataSourceBuilder dataSource) =>
        dataSource.ConfigureTracing(tracing => tracing
            .ConfigureCommandFilter(_ => Activity.Current is not null)
            .ConfigureBatchFilter(_ => Activity.Current is not null));
}
