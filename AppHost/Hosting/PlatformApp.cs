using System.Runtime.InteropServices;
using System.Text;

namespace PropertyPlatform.AppHost.Hosting;

/// <summary>
/// A built platform: starts every resource (each waits for what it references), shows their state,
/// and stops them in reverse order (services first, then the broker and the database).
/// </summary>
public sealed class PlatformApp : IAsyncDisposable
{
    private readonly PlatformContext _context;
    private readonly List<Resource> _resources;
    private readonly IReadOnlyList<ServiceResource> _services;
    private readonly Lock _tableLock = new();
    private FileStream? _stateLock;
    private bool _allRunning;
    private bool _stopped;

    internal PlatformApp(PlatformContext context, FileStream stateLock, List<Resource> resources, IReadOnlyList<ServiceResource> services)
    {
        _context = context;
        _stateLock = stateLock;
        _resources = resources;
        _services = services;
        foreach (var resource in resources)
        {
            resource.StateChanged += OnStateChanged;
        }

        // A host that exits without stopping us (a test host that crashed or was cancelled) must not leave servers behind.
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
    }

    public IReadOnlyList<Resource> Resources => _resources;

    public string StateDirectory => _context.StateDirectory;

    /// <summary>Address of the first replica of the gateway service.</summary>
    public string GatewayUrl => ServiceUrl("gateway");

    /// <summary>A resource by name: "postgres", "rabbitmq", a service with one replica ("directory") or a replica ("workorders-2").</summary>
    public Resource Resource(string name) =>
        _resources.FirstOrDefault(resource => resource.Name == name)
        ?? throw new KeyNotFoundException($"No resource '{name}'; resources: {string.Join(", ", _resources.Select(r => r.Name))}");

    /// <summary>A service and its replicas, by name.</summary>
    public ServiceResource Service(string name) =>
        _services.FirstOrDefault(service => service.Name == name) ?? throw new KeyNotFoundException($"No service '{name}'");

    /// <summary>Address of a service's first replica.</summary>
    public string ServiceUrl(string service) => Service(service).Replicas[0].Url;

    /// <summary>Starts every resource and waits until all are running. Throws when one cannot start or after the start timeout.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        _context.Log.Info($"starting {_resources.Count} resources (state in {_context.StateDirectory}, {_context.Configuration} build)");
        var allRunning = Task.WhenAll(_resources.Select(resource => resource.StartAsync(cancellationToken)));
        try
        {
            await allRunning.WaitAsync(_context.Options.StartTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            var waiting = _resources.Where(resource => resource.State != ResourceState.Running)
                .Select(resource => $"{resource.Name} is {resource.State}{(resource.LastError is { } error ? $" ({error})" : "")}");
            throw new TimeoutException($"Not everything was running after {_context.Options.StartTimeout.TotalSeconds:0}s: {string.Join("; ", waiting)}");
        }
    }

    /// <summary>Stops everything: each resource after all that depend on it. Safe to call more than once.</summary>
    public async Task StopAsync()
    {
        lock (_tableLock)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
        }

        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        var stopTasks = new Dictionary<Resource, Task>();
        await Task.WhenAll(_resources.Select(resource => StopAfterDependents(resource, stopTasks)));
        _stateLock?.Dispose();
        _stateLock = null;
        _context.Log.Info("stopped");
    }

    /// <summary>
    /// The command-line run: start, show the table, stream logs until Ctrl+C or SIGTERM, stop.
    /// Returns the process exit code: 0, or 1 when something cannot start.
    /// </summary>
    internal async Task<int> RunAsync()
    {
        using var shutdown = new CancellationTokenSource();
        var firstSignalAt = DateTime.MinValue;
        void OnSignal(PosixSignalContext signal)
        {
            signal.Cancel = true; // we end ourselves, after stopping everything in order
            if (firstSignalAt == DateTime.MinValue)
            {
                firstSignalAt = DateTime.UtcNow;
                _context.Log.Info($"{signal.Signal}: stopping (press Ctrl+C again to kill everything at once)");
                shutdown.Cancel();
            }
            else if (DateTime.UtcNow - firstSignalAt > TimeSpan.FromSeconds(1))
            {
                // (A signal within a second is the same one delivered twice, e.g. to us and to our process group.)
                _context.Log.Info("killing every process now");
                ChildProcess.KillAll();
            }
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSignal);

        var exitCode = 0;
        try
        {
            try
            {
                await StartAsync(shutdown.Token);
            }
            catch (TimeoutException ex)
            {
                // Keep going: the failing resources keep retrying and their logs show why.
                _context.Log.Info(ex.Message);
                _context.Log.Block(Table());
            }

            await Task.Delay(Timeout.Infinite, shutdown.Token);
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            // Ctrl+C or SIGTERM.
        }
        catch (PlatformStartupException ex)
        {
            _context.Log.Info($"error: {ex.Message}");
            exitCode = 1;
        }

        await DisposeAsync();
        return exitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _context.Dispose();
    }

    private void KillOnExit(object? sender, EventArgs e)
    {
        foreach (var resource in _resources)
        {
            resource.KillNow();
        }

        ChildProcess.KillAll();
    }

    private Task StopAfterDependents(Resource resource, Dictionary<Resource, Task> stopTasks)
    {
        if (!stopTasks.TryGetValue(resource, out var task))
        {
            var dependents = _resources.Where(other => other.DependsOn.Contains(resource))
                .Select(dependent => StopAfterDependents(dependent, stopTasks))
                .ToList();
            task = StopAsync(resource, dependents);
            stopTasks[resource] = task;
        }

        return task;

        static async Task StopAsync(Resource resource, List<Task> dependents)
        {
            await Task.WhenAll(dependents);
            await resource.StopAsync();
        }
    }

    /// <summary>
    /// One platform per state folder: a second one would fight the first over the same data, and would
    /// take its servers for leftovers of a killed run. Held from <see cref="PlatformBuilder.Build"/> until stopped.
    /// </summary>
    internal static FileStream LockStateDirectory(string stateDirectory)
    {
        Directory.CreateDirectory(stateDirectory);
        try
        {
            // FileShare.None takes an exclusive flock(2), which the `platform reset` script tests with flock(1).
            return new FileStream(Path.Combine(stateDirectory, "apphost.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new PlatformStartupException($"The platform is already running with its state in {stateDirectory}: stop it first.");
        }
    }

    private void OnStateChanged(Resource resource, ResourceState oldState, TimeSpan lasted)
    {
        // Exits and restarts get their own line from the supervisor ("… exited with code 134, restarting in 2s").
        if (resource.State is not (ResourceState.Waiting or ResourceState.Exited or ResourceState.Restarting))
        {
            var detail = (oldState, resource.State) switch
            {
                (ResourceState.Starting, ResourceState.Running) => $" in {lasted.TotalSeconds:0.0}s  {resource.Address}",
                (ResourceState.Stopping, ResourceState.Stopped) => $" in {lasted.TotalSeconds:0.0}s",
                _ => "",
            };
            _context.Log.Info($"{resource.Name}: {oldState} → {resource.State}{detail}");
        }

        lock (_tableLock)
        {
            var allRunning = _resources.All(r => r.State == ResourceState.Running);
            if (allRunning && !_allRunning)
            {
                _context.Log.Block(Table());
            }

            _allRunning = allRunning;
        }
    }

    private string Table()
    {
        var nameWidth = Math.Max("RESOURCE".Length, _resources.Max(resource => resource.Name.Length));
        var stateWidth = Enum.GetNames<ResourceState>().Max(name => name.Length);
        var table = new StringBuilder();
        table.AppendLine();
        table.AppendLine($"  {"RESOURCE".PadRight(nameWidth)}  {"STATE".PadRight(stateWidth)}  ADDRESS");
        foreach (var resource in _resources)
        {
            table.AppendLine($"  {resource.Name.PadRight(nameWidth)}  {resource.State.ToString().PadRight(stateWidth)}  {resource.Address}");
        }

        table.AppendLine();
        return table.ToString();
    }
}
