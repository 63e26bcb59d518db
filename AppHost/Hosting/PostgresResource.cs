using PropertyPlatform.AppHost.Hosting.Servers;

namespace PropertyPlatform.AppHost.Hosting;

/// <summary>
/// The PostgreSQL server: our own child process with data in the state folder, or an external server
/// when <c>ConnectionStrings__&lt;name&gt;</c> is given. It is running once every declared database exists.
/// </summary>
public sealed class PostgresResource : Resource
{
    private const int StandardPort = 5432;
    private readonly List<PostgresDatabase> _databases = [];
    private PostgresServer? _server;
    private string? _external;

    internal PostgresResource(string name)
        : base(name)
    {
    }

    public override string Address => _external is not null
        ? $"{Endpoint.Host}:{Endpoint.Port} (external)"
        : _server?.ServerConnectionString ?? "";

    private (string Host, int Port) Endpoint => _external is not null ? PostgresDatabases.Endpoint(_external) : ("127.0.0.1", _server!.Port);

    /// <summary>Declares a database on this server; it is created when missing.</summary>
    public PostgresDatabase AddDatabase(string name)
    {
        var database = new PostgresDatabase(name, this);
        _databases.Add(database);
        return database;
    }

    internal string ConnectionString(string database) =>
        _external is not null ? PostgresDatabases.WithDatabase(_external, database) : _server!.ConnectionString(database);

    internal override void Prepare()
    {
        var context = Context;
        _external = context.ExternalConnectionString(Name);
        if (_external is not null)
        {
            return;
        }

        if (PostgresServer.FindBinDirectory() is null)
        {
            throw new PlatformStartupException(
                $"PostgreSQL is not installed: run `sudo apt-get install -y postgresql` or set ConnectionStrings__{Name}");
        }

        var directory = Path.Combine(context.StateDirectory, Name);
        PostgresServer.StopLeftover(directory, line => context.Log.Write(Name, line));
        _server = new PostgresServer(new PostgresServerOptions
        {
            Directory = directory,
            Port = context.Options.PreferStandardPorts ? Ports.PreferredOrFree(StandardPort) : Ports.Free(),
            Durable = context.Options.DurableStorage,
            Output = line => context.Log.Write(Name, line),
        });
    }

    protected override async Task<RunningInstance> LaunchAsync(CancellationToken cancellationToken)
    {
        if (_external is not null)
        {
            await Ports.WaitUntilListeningAsync(Endpoint.Host, Endpoint.Port, TimeSpan.FromSeconds(30), cancellationToken);
            await CreateDatabasesAsync(_external, cancellationToken);
            return RunningInstance.Endless();
        }

        var server = _server!;
        await server.StartAsync(cancellationToken);
        try
        {
            await CreateDatabasesAsync(server.ServerConnectionString, cancellationToken);
        }
        catch
        {
            await server.StopAsync();
            throw;
        }

        return new RunningInstance(server.Exited, server.StopAsync);
    }

    protected override Task<bool> ProbeAsync(CancellationToken cancellationToken) =>
        Ports.IsListeningAsync(Endpoint.Host, Endpoint.Port, cancellationToken);

    private async Task CreateDatabasesAsync(string serverConnectionString, CancellationToken cancellationToken)
    {
        foreach (var database in _databases.Where(database => Context.ExternalConnectionString(database.Name) is null))
        {
            await PostgresDatabases.EnsureExistsAsync(serverConnectionString, database.Name, cancellationToken);
        }
    }
}

/// <summary>A service's own database: <c>ConnectionStrings__&lt;name&gt;</c> for the service that references it.</summary>
public sealed class PostgresDatabase : IResourceReference
{
    internal PostgresDatabase(string name, PostgresResource server)
    {
        Name = name;
        Server = server;
    }

    public string Name { get; }

    public PostgresResource Server { get; }

    public IEnumerable<Resource> WaitFor => Server.Context.ExternalConnectionString(Name) is null ? [Server] : [];

    public void AddEnvironment(IDictionary<string, string?> environment) =>
        environment[$"ConnectionStrings__{Name}"] = Server.Context.ExternalConnectionString(Name) ?? Server.ConnectionString(Name);
}
