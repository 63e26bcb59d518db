using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace PropertyPlatform.AppHost.Hosting;

/// <summary>A PostgreSQL server run from the installed binaries (there is no container engine here).</summary>
public sealed class LocalPostgresResource(string name, string command, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    internal const string EndpointName = "tcp";

    public ParameterResource Password { get; } = password;

    public EndpointReference Endpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"Host=127.0.0.1;Port={Endpoint.Property(EndpointProperty.Port)};Username=postgres;Password={Password}");
}

/// <summary>One service's database on a server. The service creates it on first start and migrates it.</summary>
public sealed class PostgresDatabaseResource(string name, IResourceWithConnectionString server)
    : Resource(name), IResourceWithParent<IResourceWithConnectionString>, IResourceWithConnectionString
{
    public IResourceWithConnectionString Parent { get; } = server;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Database={Name}");
}

public static class LocalPostgresExtensions
{
    private const string OsUser = "postgres";

    /// <summary>
    /// PostgreSQL for the platform: the server named by <c>ConnectionStrings:{name}</c> when one is configured (and
    /// always when publishing, where the deployment provides it), else a local server with its data in the state folder.
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddLocalPostgres(this IDistributedApplicationBuilder builder, string name)
    {
        if (!builder.ExecutionContext.IsRunMode || !string.IsNullOrEmpty(builder.Configuration.GetConnectionString(name)))
        {
            return builder.AddConnectionString(name);
        }

        var bin = FindBinDirectory() ?? throw new DistributedApplicationException(
            "PostgreSQL is not installed: run `sudo apt-get install -y postgresql`, or set ConnectionStrings__postgres to use a server of yours.");
        var state = LocalServers.StateDirectory(builder);
        var directory = Path.Combine(state, name);
        var data = Path.Combine(directory, "data");
        LocalServers.GiveTo(OsUser, directory);
        var password = builder.AddParameter($"{name}-password", LocalServers.StoredSecret(Path.Combine(state, "secrets", $"{name}-password")), secret: true);
        // Test platforms keep throw-away data: no fsync makes them start and write much faster.
        var durable = builder.Configuration.GetValue("Platform:DurableStorage", true);

        // initdb once, as a one-shot resource the server waits for; later runs find the data and do nothing.
        var (initCommand, initArguments) = LocalServers.AsUser(OsUser, "/bin/sh", "-c", $"""
            [ -f "$PGDATA/PG_VERSION" ] && exit 0
            umask 077
            printf '%s' "$POSTGRES_PASSWORD" > "$PGDATA.pw"
            "{bin}/initdb" -D "$PGDATA" -U postgres --pwfile "$PGDATA.pw" --auth scram-sha-256 --encoding UTF8 --locale C.UTF-8 --no-instructions {(durable ? "" : "--no-sync")}
            status=$?
            rm -f "$PGDATA.pw"
            [ $status -eq 0 ] || rm -rf "$PGDATA"
            exit $status
            """);
        var init = builder.AddExecutable($"{name}-init", initCommand, directory, initArguments)
            .WithEnvironment("PGDATA", data)
            .WithEnvironment("POSTGRES_PASSWORD", password)
            .ExcludeFromManifest();

        var port = LocalServers.FreePort();
        List<string> settings =
        [
            "-D", data,
            "-c", "listen_addresses=127.0.0.1",
            "-c", $"port={port}",
            "-c", $"unix_socket_directories={directory}",
            // Six services, each with a connection pool, and their replicas.
            "-c", "max_connections=300",
        ];
        if (!durable)
        {
            settings.AddRange(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        }

        var (command, arguments) = LocalServers.AsUser(OsUser, Path.Combine(bin, "postgres"), [.. settings]);
        var server = new LocalPostgresResource(name, command, directory, password.Resource);
        var healthCheck = $"{name}-accepts-connections";
        builder.Services.AddHealthChecks().AddAsyncCheck(healthCheck, async cancellationToken =>
        {
            try
            {
                await using var connection = new NpgsqlConnection(await server.ConnectionStringExpression.GetValueAsync(cancellationToken));
                await connection.OpenAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy(ex.Message);
            }
        });

        return builder.AddResource(server)
            .WithArgs(arguments)
            .WithEndpoint(port: port, targetPort: port, scheme: "tcp", name: LocalPostgresResource.EndpointName, isProxied: false)
            .WithHealthCheck(healthCheck)
            .WaitForCompletion(init)
            .ExcludeFromManifest();
    }

    /// <summary>A database of its own for one service; ready as soon as its server is.</summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(this IResourceBuilder<IResourceWithConnectionString> server, string name)
    {
        var database = server.ApplicationBuilder.AddResource(new PostgresDatabaseResource(name, server.Resource))
            .WithInitialState(new CustomResourceSnapshot { ResourceType = "PostgresDatabase", State = KnownResourceStates.Waiting, Properties = [] })
            .WithParentRelationship(server.Resource);

        async Task MarkRunning(IServiceProvider services) =>
            await services.GetRequiredService<ResourceNotificationService>()
                .PublishUpdateAsync(database.Resource, snapshot => snapshot with { State = KnownResourceStates.Running });

        if (server.Resource is LocalPostgresResource local)
        {
            server.ApplicationBuilder.Eventing.Subscribe<ResourceReadyEvent>(local, (ready, _) => MarkRunning(ready.Services));
        }
        else
        {
            database.OnInitializeResource((_, initialize, _) => MarkRunning(initialize.Services));
        }

        return database;
    }

    /// <summary>The newest installed server's binaries: Debian's layout, else the folder of initdb on PATH.</summary>
    private static string? FindBinDirectory()
    {
        const string debianRoot = "/usr/lib/postgresql";
        var debian = Directory.Exists(debianRoot)
            ? Directory.GetDirectories(debianRoot)
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "postgres")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var version) ? version : 0)
                .FirstOrDefault()
            : null;
        return debian ?? (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(folder => File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "postgres")));
    }
}
