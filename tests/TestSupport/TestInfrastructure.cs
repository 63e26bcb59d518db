using PropertyPlatform.TestSupport.Servers;

namespace PropertyPlatform.TestSupport;

/// <summary>
/// One PostgreSQL server and one RabbitMQ node for a whole test assembly, from the installed binaries,
/// on free ports, with their data in a fresh temporary folder (never the platform's .state). Each
/// starts on first use and both stop, with their epmd, when the assembly's tests are done.
/// Register it once per test project: <c>[assembly: AssemblyFixture(typeof(TestInfrastructure))]</c>,
/// then take it in a test class's constructor.
/// </summary>
public sealed class TestInfrastructure : IAsyncDisposable
{
    private static readonly TimeSpan OutagePatience = TimeSpan.FromMinutes(5);

    private readonly string _directory;
    private readonly Lazy<Task<PostgresServer>> _postgres;
    private readonly Lazy<Task<RabbitMqServer>> _rabbitMq;
    private readonly SemaphoreSlim _rabbitMqSwitch = new(1, 1);
    // Completed while RabbitMQ is up; replaced by a pending one during an outage a test asked for.
    private TaskCompletionSource _rabbitMqUp = CompletedSignal();
    private int _disposed;

    public TestInfrastructure()
    {
        _directory = Directory.CreateTempSubdirectory("propertyplatform-tests-").FullName;
        _postgres = new Lazy<Task<PostgresServer>>(StartPostgresAsync);
        _rabbitMq = new Lazy<Task<RabbitMqServer>>(StartRabbitMqServerAsync);
        // A test host that ends without disposing us (a crash, a cancelled run) must not leave servers behind.
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
    }

    /// <summary>Creates a new, empty database named <c>&lt;prefix&gt;_&lt;random&gt;</c> and returns its Npgsql connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string namePrefix)
    {
        var postgres = await _postgres.Value;
        var name = $"{SafeName(namePrefix, 30)}_{Guid.NewGuid():N}"; // PostgreSQL names: at most 63 bytes
        await PostgresDatabases.EnsureExistsAsync(postgres.ServerConnectionString, name, CancellationToken.None);
        return postgres.ConnectionString(name);
    }

    /// <summary>AMQP URI of RabbitMQ's default virtual host (shared by every test of the assembly).</summary>
    public async Task<string> GetRabbitMqConnectionStringAsync() => (await _rabbitMq.Value).ConnectionString;

    /// <summary>
    /// Creates a virtual host of its own and returns its AMQP URI: exchanges and queues there are
    /// invisible to other tests, so parallel tests never consume each other's messages.
    /// </summary>
    public async Task<string> CreateRabbitMqVirtualHostAsync(string namePrefix = "test")
    {
        var rabbitMq = await _rabbitMq.Value;
        var name = $"{SafeName(namePrefix, 30)}-{Guid.NewGuid():N}";
        while (true)
        {
            await _rabbitMqUp.Task.WaitAsync(OutagePatience);
            // Under the switch, so an outage another test starts cannot begin halfway through rabbitmqctl.
            await _rabbitMqSwitch.WaitAsync();
            try
            {
                if (_rabbitMqUp.Task.IsCompleted)
                {
                    await rabbitMq.AddVirtualHostAsync(name, CancellationToken.None);
                    return $"{rabbitMq.ConnectionString}/{name}";
                }
            }
            finally
            {
                _rabbitMqSwitch.Release();
            }
        }
    }

    /// <summary>Stops RabbitMQ gracefully, for outage tests: connections drop, durable queues and persistent messages are kept.</summary>
    public async Task StopRabbitMqAsync()
    {
        var rabbitMq = await _rabbitMq.Value;
        await _rabbitMqSwitch.WaitAsync();
        try
        {
            if (_rabbitMqUp.Task.IsCompleted)
            {
                _rabbitMqUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                await rabbitMq.StopAsync();
            }
        }
        finally
        {
            _rabbitMqSwitch.Release();
        }
    }

    /// <summary>Starts RabbitMQ again after <see cref="StopRabbitMqAsync"/>: same port, same data, so clients reconnect to what they left.</summary>
    public async Task StartRabbitMqAsync()
    {
        var rabbitMq = await _rabbitMq.Value;
        await _rabbitMqSwitch.WaitAsync();
        try
        {
            if (!_rabbitMqUp.Task.IsCompleted)
            {
                await rabbitMq.StartAsync(CancellationToken.None);
                _rabbitMqUp.TrySetResult();
            }
        }
        finally
        {
            _rabbitMqSwitch.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        await Task.WhenAll(StopAsync(_postgres), StopAsync(_rabbitMq));
        _rabbitMqSwitch.Dispose();
        DeleteDirectory();
    }

    private async Task<PostgresServer> StartPostgresAsync()
    {
        var server = new PostgresServer(new PostgresServerOptions
        {
            Directory = Path.Combine(_directory, "postgres"),
            Port = Ports.Free(),
            Durable = false, // test data is thrown away: no fsync
        });
        await server.StartAsync(CancellationToken.None);
        return server;
    }

    private async Task<RabbitMqServer> StartRabbitMqServerAsync()
    {
        var server = new RabbitMqServer(new RabbitMqServerOptions
        {
            Directory = Path.Combine(_directory, "rabbitmq"),
            // Unique node name and epmd port: never meets a running platform or another test assembly.
            NodeName = $"pptest-{Guid.NewGuid().ToString("N")[..8]}@localhost",
            Port = Ports.Free(),
            EpmdPort = Ports.Free(),
            ManagementPort = 0, // the management plugin adds seconds to every start and stop
        });
        await server.StartAsync(CancellationToken.None);
        return server;
    }

    private static async Task StopAsync<T>(Lazy<Task<T>> server)
        where T : IAsyncDisposable
    {
        if (!server.IsValueCreated)
        {
            return;
        }

        try
        {
            await (await server.Value).DisposeAsync();
        }
        catch (Exception) when (!server.Value.IsCompletedSuccessfully)
        {
            // It never started; its start already cleaned up.
        }
    }

    private void KillOnExit(object? sender, EventArgs e)
    {
        if (_rabbitMq.IsValueCreated && _rabbitMq.Value.IsCompletedSuccessfully)
        {
            _rabbitMq.Value.Result.Kill();
        }

        ChildProcess.KillAll();
        DeleteDirectory();
    }

    private void DeleteDirectory()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: it is in the temporary folder anyway.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string SafeName(string prefix, int maxLength)
    {
        var name = new string(prefix.ToLowerInvariant().Where(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_').ToArray());
        name = name.Length == 0 || char.IsDigit(name[0]) ? $"t{name}" : name;
        return name[..Math.Min(maxLength, name.Length)];
    }

    private static TaskCompletionSource CompletedSignal()
    {
        var signal = new TaskCompletionSource();
        signal.SetResult();
        return signal;
    }
}
