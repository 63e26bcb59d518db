namespace PropertyPlatform.AppHost.Hosting;

/// <summary>Declares the platform's resources and what references what, .NET Aspire style; <see cref="Build"/> makes it runnable.</summary>
public sealed class PlatformBuilder
{
    private readonly List<Resource> _servers = [];
    private readonly List<ServiceResource> _services = [];

    public PlatformBuilder(PlatformOptions options) => Options = options;

    public PlatformOptions Options { get; }

    /// <summary>A builder for a run from the command line; prints the usage and exits on bad arguments.</summary>
    public static PlatformBuilder Create(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(PlatformOptions.Usage);
            Environment.Exit(0);
        }

        try
        {
            return new PlatformBuilder(PlatformOptions.FromCommandLine(args));
        }
        catch (PlatformStartupException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Environment.Exit(2);
            throw; // unreachable
        }
    }

    /// <summary>Builds and runs the platform until Ctrl+C or SIGTERM. A startup problem prints one line; the exit code is then 1.</summary>
    public async Task<int> RunAsync()
    {
        PlatformApp app;
        try
        {
            app = Build();
        }
        catch (PlatformStartupException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return 1;
        }

        return await app.RunAsync();
    }

    public PostgresResource AddPostgres(string name) => AddServer(new PostgresResource(name));

    public RabbitMqResource AddRabbitMQ(string name) => AddServer(new RabbitMqResource(name));

    /// <summary>A service of this repository, by name and project folder relative to the repository.</summary>
    public ServiceResource AddService(string name, string projectDirectory)
    {
        var service = new ServiceResource(name, projectDirectory);
        _services.Add(service);
        return service;
    }

    /// <summary>Checks everything that can be checked before starting (throws <see cref="PlatformStartupException"/>) and picks the ports.</summary>
    public PlatformApp Build()
    {
        var unknown = Options.Replicas.Keys.Where(name => _services.All(service => !service.Name.Equals(name, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
        {
            throw new PlatformStartupException($"--replicas names unknown service(s) {string.Join(", ", unknown)}; services: {string.Join(", ", _services.Select(s => s.Name))}");
        }

        var repositoryRoot = Options.RepositoryRoot ?? PlatformPaths.FindRepositoryRoot();
        var stateDirectory = Path.GetFullPath(Options.StateDirectory ?? Path.Combine(repositoryRoot, ".state"));
        var log = new ConsoleLog(Options.Output ?? Console.Out, colour: Options.Output is null && ConsoleLog.ConsoleSupportsColour);
        var context = new PlatformContext(Options, log, repositoryRoot, stateDirectory, Options.Configuration ?? PlatformPaths.CurrentConfiguration());

        var stateLock = PlatformApp.LockStateDirectory(stateDirectory);
        var resources = new List<Resource>();
        try
        {
            foreach (var server in _servers)
            {
                server.Attach(context);
                if (IsNeeded(server, context))
                {
                    server.Prepare();
                    resources.Add(server);
                }
            }

            foreach (var service in _services)
            {
                foreach (var replica in service.CreateReplicas(context))
                {
                    replica.Attach(context);
                    resources.Add(replica);
                }
            }
        }
        catch
        {
            stateLock.Dispose();
            context.Dispose();
            throw;
        }

        // Dependencies last: a service's replicas exist only now.
        foreach (var service in _services)
        {
            foreach (var dependency in service.WaitsFor.SelectMany(reference => reference.WaitFor))
            {
                foreach (var replica in service.Replicas)
                {
                    replica.AddDependency(dependency);
                }
            }
        }

        foreach (var resource in resources)
        {
            log.Register(resource.Name);
        }

        return new PlatformApp(context, stateLock, resources, _services);
    }

    private T AddServer<T>(T server)
        where T : Resource
    {
        _servers.Add(server);
        return server;
    }

    /// <summary>A server nobody references is not started, nor is PostgreSQL when every database has its own connection string.</summary>
    private bool IsNeeded(Resource server, PlatformContext context) => server switch
    {
        PostgresResource postgres => _services.SelectMany(service => service.References).OfType<PostgresDatabase>()
            .Any(database => database.Server == postgres && context.ExternalConnectionString(database.Name) is null),
        RabbitMqResource rabbitMq => _services.Any(s => s.References.Contains(rabbitMq)),
        _ => true,
    };
}
