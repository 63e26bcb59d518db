namespace PropertyPlatform.AppHost.Hosting;

public enum ResourceState
{
    /// <summary>Waiting for what it references to be running.</summary>
    Waiting,
    Starting,
    /// <summary>Started and healthy.</summary>
    Running,
    /// <summary>Still running, but failing its health check.</summary>
    Unhealthy,
    /// <summary>Exited or failed to start; starting again after a back-off.</summary>
    Restarting,
    Exited,
    /// <summary>Cannot start at all (see <see cref="Resource.LastError"/>); not retried.</summary>
    Failed,
    Stopping,
    Stopped,
}

/// <summary>A started resource: how to tell it exited and how to stop it.</summary>
public sealed class RunningInstance(Task<int> exited, Func<Task> stopAsync)
{
    /// <summary>An instance that only ends when stopped, e.g. an external server we merely connect to.</summary>
    public static RunningInstance Endless() => new(new TaskCompletionSource<int>().Task, () => Task.CompletedTask);

    public Task<int> Exited { get; } = exited;

    public Task StopAsync() => stopAsync();
}

/// <summary>
/// One thing the AppHost runs and watches. The base class is the supervisor: it waits for the
/// resources this one depends on, starts it, watches its health and restarts it with exponential
/// back-off (1 s, 2 s, 4 s … 30 s) when it exits or fails to become ready.
/// </summary>
public abstract class Resource
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    // A run this long counts as a success: the next failure starts the back-off again from 1 s.
    private static readonly TimeSpan StableRun = TimeSpan.FromSeconds(60);

    private readonly List<Resource> _dependsOn = [];
    private readonly Lock _lock = new();
    private CancellationTokenSource? _stopping;
    private Task? _supervision;
    private TaskCompletionSource _running = NewSignal();
    private DateTime _stateSince = DateTime.UtcNow;

    protected Resource(string name) => Name = name;

    public string Name { get; }

    public ResourceState State { get; private set; } = ResourceState.Waiting;

    /// <summary>The one-line reason of the last failure, if any.</summary>
    public string? LastError { get; private set; }

    /// <summary>Where to reach it, for the resource table.</summary>
    public abstract string Address { get; }

    /// <summary>Raised on every state change, with the old state and how long it lasted.</summary>
    public event Action<Resource, ResourceState, TimeSpan>? StateChanged;

    internal IReadOnlyList<Resource> DependsOn => _dependsOn;

    internal PlatformContext Context { get; private set; } = null!;

    /// <summary>How often a running resource's health is checked.</summary>
    protected virtual TimeSpan ProbeInterval => TimeSpan.FromSeconds(5);

    /// <summary>Starts the resource (if it is not already started) and waits until it is running.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            // Not yet started, stopped, or failed for good last time: (re)start supervising.
            if (_supervision is null || _supervision.IsCompleted)
            {
                _stopping = new CancellationTokenSource();
                _running = NewSignal();
                _supervision = Task.Run(() => SuperviseAsync(_stopping.Token), CancellationToken.None);
            }
        }

        await WaitUntilRunningAsync(cancellationToken);
    }

    /// <summary>Waits until the resource is running; throws at once if it cannot start at all.</summary>
    public Task WaitUntilRunningAsync(CancellationToken cancellationToken = default) => _running.Task.WaitAsync(cancellationToken);

    /// <summary>Stops the resource gracefully; it is not restarted until <see cref="StartAsync"/> is called again.</summary>
    public async Task StopAsync()
    {
        Task? supervision;
        lock (_lock)
        {
            supervision = _supervision;
            _stopping?.Cancel();
        }

        if (supervision is not null)
        {
            await supervision;
        }

        lock (_lock)
        {
            _supervision = null;
            _stopping?.Dispose();
            _stopping = null;
        }
    }

    internal void AddDependency(Resource resource)
    {
        if (resource != this && !_dependsOn.Contains(resource))
        {
            _dependsOn.Add(resource);
        }
    }

    internal void Attach(PlatformContext context) => Context = context;

    /// <summary>Checks what can be checked before anything starts (binaries, build output, ports); throws <see cref="PlatformStartupException"/>.</summary>
    internal virtual void Prepare()
    {
    }

    /// <summary>Ends what this resource started at once, without waiting: for a host process that is exiting.</summary>
    internal virtual void KillNow()
    {
    }

    /// <summary>Starts the resource and returns once it is ready. Throws if it exits or does not become ready.</summary>
    protected abstract Task<RunningInstance> LaunchAsync(CancellationToken cancellationToken);

    /// <summary>Whether the running resource is healthy.</summary>
    protected virtual Task<bool> ProbeAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    private async Task SuperviseAsync(CancellationToken stopping)
    {
        var restarts = 0;
        try
        {
            SetState(ResourceState.Waiting);
            await WaitForDependenciesAsync(stopping);
            while (!stopping.IsCancellationRequested)
            {
                SetState(ResourceState.Starting);
                var startedAt = DateTime.UtcNow;
                string failure;
                try
                {
                    var instance = await LaunchAsync(stopping);
                    LastError = null;
                    SetState(ResourceState.Running);
                    _running.TrySetResult();
                    var exitCode = await WatchAsync(instance, stopping);
                    if (exitCode is null || stopping.IsCancellationRequested)
                    {
                        SetState(ResourceState.Stopping);
                        await instance.StopAsync();
                        break;
                    }

                    failure = $"exited with code {exitCode}";
                    LastError = failure;
                    SetState(ResourceState.Exited);
                    await instance.StopAsync(); // releases what is left: process handles, RabbitMQ's epmd
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    break;
                }
                catch (PlatformStartupException ex)
                {
                    Fail(ex);
                    return;
                }
                catch (Exception ex)
                {
                    failure = ex.Message;
                    LastError = failure;
                }

                restarts = DateTime.UtcNow - startedAt > StableRun ? 1 : restarts + 1;
                var delay = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, restarts - 1)));
                Context.Log.Info($"{Name} {failure}, restarting in {delay.TotalSeconds:0}s (attempt {restarts + 1})");
                SetState(ResourceState.Restarting);
                await Task.Delay(delay, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopped while waiting or backing off.
        }
        catch (Exception ex)
        {
            Fail(ex);
            return;
        }

        SetState(ResourceState.Stopped);
        _running.TrySetCanceled(CancellationToken.None);
    }

    private async Task WaitForDependenciesAsync(CancellationToken stopping)
    {
        foreach (var dependency in _dependsOn)
        {
            try
            {
                await dependency.WaitUntilRunningAsync(stopping);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stopping.IsCancellationRequested)
            {
                throw new PlatformStartupException($"{dependency.Name}, which {Name} needs, did not start: {dependency.LastError ?? ex.Message}");
            }
        }
    }

    /// <summary>Watches a running instance until it exits (returns its exit code) or we are stopping (returns null).</summary>
    private async Task<int?> WatchAsync(RunningInstance instance, CancellationToken stopping)
    {
        while (true)
        {
            await Task.WhenAny(instance.Exited, Task.Delay(ProbeInterval, stopping));
            if (instance.Exited.IsCompleted)
            {
                return await instance.Exited;
            }

            if (stopping.IsCancellationRequested)
            {
                return null;
            }

            var healthy = await ProbeSafelyAsync(stopping);
            if (!healthy && State == ResourceState.Running)
            {
                SetState(ResourceState.Unhealthy);
            }
            else if (healthy && State == ResourceState.Unhealthy)
            {
                SetState(ResourceState.Running);
            }
        }
    }

    private async Task<bool> ProbeSafelyAsync(CancellationToken stopping)
    {
        try
        {
            return await ProbeAsync(stopping);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            return false;
        }
        catch (OperationCanceledException)
        {
            return true; // stopping: the next loop turn notices
        }
    }

    private void Fail(Exception ex)
    {
        LastError = ex.Message;
        SetState(ResourceState.Failed);
        Context.Log.Info($"{Name} cannot start: {ex.Message}");
        _running.TrySetException(ex is PlatformStartupException ? ex : new PlatformStartupException($"{Name}: {ex.Message}", ex));
    }

    private void SetState(ResourceState state)
    {
        var old = State;
        if (old == state)
        {
            return;
        }

        var now = DateTime.UtcNow;
        var lasted = now - _stateSince;
        State = state;
        _stateSince = now;
        StateChanged?.Invoke(this, old, lasted);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
