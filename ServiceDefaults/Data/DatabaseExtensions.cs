using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? (EF.IsDesignTime ? "Host=design-time" : null)
            ?? throw new InvalidOperationException($"Connection string '{connectionName}' is missing: set ConnectionStrings__{connectionName}.");

        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<DailyNumbering>();
        builder.Services.AddSingleton<OutboxCommitInterceptor>();
        builder.Services.AddDbContext<TDbContext>((services, options) => options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .AddInterceptors(services.GetRequiredService<OutboxCommitInterceptor>()));

        builder.Services.AddHealthChecks().AddDbContextCheck<TDbContext>("database");
        builder.Services.AddHostedService<DatabaseMigrator<TDbContext>>();
        return builder;
    }
}
