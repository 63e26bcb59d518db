using System.Net;

namespace PropertyPlatform.AppHost.Hosting;

/// <summary>
/// An ASP.NET Core service of this repository, run from its build output as one or more replicas.
/// Referencing it gives <c>services__&lt;name&gt;__http__&lt;i&gt;</c>, one per replica.
/// </summary>
public sealed class ServiceResource : IResourceReference
{
    private readonly List<IResourceReference> _references = [];
    private readonly List<IResourceReference> _waitFor = [];
    private readonly Dictionary<string, string?> _environment = [];
    private readonly Dictionary<string, string> _stateFolders = [];
    private readonly List<ServiceReplica> _replicas = [];
    private int _replicaCount = 1;
    private int? _externalPort;

    internal ServiceResource(string name, string projectDirectory)
    {
        Name = name;
        ProjectDirectory = projectDirectory;
    }

    public string Name { get; }

    /// <summary>The project's folder, relative to the repository, e.g. <c>services/WorkOrders</c>.</summary>
    public string ProjectDirectory { get; }

    /// <summary>The running processes; created when the platform is built.</summary>
    public IReadOnlyList<ServiceReplica> Replicas => _replicas;

    IEnumerable<Resource> IResourceReference.WaitFor => _replicas;

    internal IReadOnlyList<IResourceReference> References => _references;

    internal IReadOnlyList<IResourceReference> WaitsFor => _waitFor;

    internal IReadOnlyDictionary<string, string?> Environment => _environment;

    internal IReadOnlyDictionary<string, string> StateFolders => _stateFolders;

    /// <summary>
    /// The service needs <paramref name="reference"/>: it gets its address, and starts once it is running unless
    /// <paramref name="waitFor"/> is false (the service only calls it later, e.g. for Directory's keys).
    /// </summary>
    public ServiceResource WithReference(IResourceReference reference, bool waitFor = true)
    {
        _references.Add(reference);
        return waitFor ? WaitFor(reference) : this;
    }

    /// <summary>The service starts only once <paramref name="reference"/> is running (Aspire's <c>WaitFor</c>).</summary>
    public ServiceResource WaitFor(IResourceReference reference)
    {
        _waitFor.Add(reference);
        return this;
    }

    /// <summary>Runs <paramref name="count"/> processes (overridden by <c>--replicas</c>).</summary>
    public ServiceResource WithReplicas(int count)
    {
        _replicaCount = count;
        return this;
    }

    /// <summary>Sets an environment variable of the service's processes.</summary>
    public ServiceResource WithEnvironment(string name, string? value)
    {
        _environment[name] = value;
        return this;
    }

    /// <summary>
    /// Gives the service a folder of its own under the state folder (kept between runs, wiped by <c>./platform reset</c>),
    /// passed as the environment variable <paramref name="name"/>.
    /// </summary>
    public ServiceResource WithStateFolder(string name, string folder)
    {
        _stateFolders[name] = folder;
        return this;
    }

    /// <summary>Listens on this fixed port (0: any free port) rather than one picked at start: the address clients use.</summary>
    public ServiceResource WithExternalHttpPort(int port)
    {
        _externalPort = port;
        return this;
    }

    void IResourceReference.AddEnvironment(IDictionary<string, string?> environment)
    {
        for (var i = 0; i < _replicas.Count; i++)
        {
            environment[$"services__{Name}__http__{i}"] = _replicas[i].Url;
        }
    }

    /// <summary>Checks the build output and picks the ports; one replica is named like the service, several get -1, -2, ….</summary>
    internal IReadOnlyList<ServiceReplica> CreateReplicas(PlatformContext context)
    {
        var count = context.Options.Replicas.TryGetValue(Name, out var fromOptions) ? fromOptions : _replicaCount;
        if (_externalPort is not null && count > 1)
        {
            throw new PlatformStartupException($"{Name} listens on one fixed port, so it cannot run {count} replicas.");
        }

        var projectFolder = Path.Combine(context.RepositoryRoot, ProjectDirectory);
        var project = Directory.Exists(projectFolder) ? Directory.GetFiles(projectFolder, "*.csproj").FirstOrDefault() : null;
        if (project is null)
        {
            throw new PlatformStartupException($"{Name}: no project in {projectFolder}");
        }

        var assembly = Path.Combine(projectFolder, "bin", context.Configuration, "net10.0", Path.GetFileNameWithoutExtension(project) + ".dll");
        if (!File.Exists(assembly))
        {
            throw new PlatformStartupException(
                $"{Name} is not built (no {Path.GetRelativePath(context.RepositoryRoot, assembly)}): run `dotnet build PropertyPlatform.sln -c {context.Configuration}`");
        }

        _replicas.Clear();
        for (var i = 1; i <= count; i++)
        {
            var name = count == 1 ? Name : $"{Name}-{i}";
            _replicas.Add(new ServiceReplica(name, this, assembly, projectFolder, PickPort(context)));
        }

        return _replicas;
    }

    private int PickPort(PlatformContext context)
    {
        if (_externalPort is null or 0)
        {
            return Ports.Free();
        }

        return Ports.TryReserve(_externalPort.Value)
            ? _externalPort.Value
            : throw new PlatformStartupException(
                $"Port {_externalPort} for {Name} is in use (is the platform already running?): pass --port N or set GATEWAY_PORT");
    }
}

/// <summary>One process of a service: <c>dotnet &lt;service&gt;.dll</c>, ready when GET /health answers 200.</summary>
public sealed class ServiceReplica : Resource
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);
    private readonly ServiceResource _service;
    private readonly string _assembly;
    private readonly string _projectFolder;

    internal ServiceReplica(string name, ServiceResource service, string assembly, string projectFolder, int port)
        : base(name)
    {
        _service = service;
        _assembly = assembly;
        _projectFolder = projectFolder;
        Url = $"http://127.0.0.1:{port}";
    }

    public string Url { get; }

    public override string Address => Url;

    protected override async Task<RunningInstance> LaunchAsync(CancellationToken cancellationToken)
    {
        // The project folder as working directory, as `dotnet run` does: the content root with appsettings.json and wwwroot.
        var command = new ProcessCommand(PlatformPaths.DotnetHost(), [_assembly])
        {
            WorkingDirectory = _projectFolder,
            Environment = BuildEnvironment(),
        };
        var process = ChildProcess.Start(command, line => Context.Log.Write(Name, line));
        try
        {
            await WaitUntilHealthyAsync(process, cancellationToken);
        }
        catch
        {
            await process.StopAsync(TimeSpan.FromSeconds(5));
            await process.DisposeAsync();
            throw;
        }

        return new RunningInstance(process.Exited, async () =>
        {
            await process.StopAsync(StopGrace);
            await process.DisposeAsync();
        });
    }

    protected override async Task<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        using var response = await Context.Http.GetAsync($"{Url}/health", cancellationToken);
        return response.StatusCode == HttpStatusCode.OK;
    }

    private Dictionary<string, string?> BuildEnvironment()
    {
        var environment = new Dictionary<string, string?>();
        // Nothing of these conventions leaks in from the AppHost's own environment: the service gets ours only.
        foreach (var name in System.Environment.GetEnvironmentVariables().Keys.Cast<string>())
        {
            if (name.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase) || name.StartsWith("services__", StringComparison.OrdinalIgnoreCase))
            {
                environment[name] = null;
            }
        }

        environment["ASPNETCORE_URLS"] = Url;
        environment["ASPNETCORE_HTTP_PORTS"] = null;
        environment["ASPNETCORE_HTTPS_PORTS"] = null;
        environment["ASPNETCORE_ENVIRONMENT"] = Context.Options.EnvironmentName;
        environment["OTEL_SERVICE_NAME"] = _service.Name;
        environment["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={Name}";
        // Idle thread-pool spinning steals the 2 shared cores from PostgreSQL and RabbitMQ (≈40% less CPU measured).
        environment["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0";
        // One line per log entry reads well behind the "name | " prefix (a service may override it with WithEnvironment).
        environment["Logging__Console__FormatterName"] = "simple";
        environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        foreach (var reference in _service.References)
        {
            reference.AddEnvironment(environment);
        }

        foreach (var (name, value) in _service.Environment)
        {
            environment[name] = value;
        }

        foreach (var (name, folder) in _service.StateFolders)
        {
            environment[name] = Directory.CreateDirectory(Path.Combine(Context.StateDirectory, folder)).FullName;
        }

        return environment;
    }

    private async Task WaitUntilHealthyAsync(ChildProcess process, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + ReadyTimeout;
        var interval = TimeSpan.FromMilliseconds(200);
        var lastProblem = "no answer yet";
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"exited with code {process.Exited.Result} before it was healthy");
            }

            try
            {
                using var response = await Context.Http.GetAsync($"{Url}/health", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                lastProblem = $"{(int)response.StatusCode} {response.ReasonPhrase}";
            }
            catch (HttpRequestException ex)
            {
                lastProblem = ex.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                lastProblem = "GET /health timed out";
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"did not answer GET {Url}/health with 200 within {ReadyTimeout.TotalSeconds:0}s (last: {lastProblem})");
            }

            await Task.Delay(interval, cancellationToken);
            interval = TimeSpan.FromMilliseconds(Math.Min(1000, interval.TotalMilliseconds * 1.5));
        }
    }
}
