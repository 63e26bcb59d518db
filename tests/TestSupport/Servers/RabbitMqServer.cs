namespace PropertyPlatform.TestSupport.Servers;

/// <summary>How to run one local RabbitMQ node.</summary>
public sealed class RabbitMqServerOptions
{
    /// <summary>Folder of its own: data (mnesia), logs, configuration and the Erlang cookie.</summary>
    public required string Directory { get; init; }

    /// <summary>
    /// Erlang node name, e.g. <c>pp-1a2b3c4d@localhost</c>. The data folder is keyed by it, so it must stay
    /// the same from run to run for durable queues and messages to survive a restart.
    /// </summary>
    public required string NodeName { get; init; }

    /// <summary>AMQP port.</summary>
    public required int Port { get; init; }

    /// <summary>Management UI and HTTP API port; 0 leaves the plugin off (starts and stops seconds faster).</summary>
    public int ManagementPort { get; init; }

    /// <summary>
    /// Port of the Erlang port mapper (epmd) this node registers with. A private one, so we never
    /// collide with (or kill) another node's epmd on the default 4369.
    /// </summary>
    public required int EpmdPort { get; init; }

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Receives the node's console lines; null discards them (the last ones still go into error messages).</summary>
    public Action<string>? Output { get; init; }
}

/// <summary>
/// A RabbitMQ node run as our child process from the installed Debian package, configured entirely
/// through its environment variables so it never touches /etc/rabbitmq or /var/lib/rabbitmq.
/// </summary>
public sealed class RabbitMqServer : IAsyncDisposable
{
    public const string BinDirectory = "/usr/lib/rabbitmq/bin";
    private readonly RabbitMqServerOptions _options;
    private ChildProcess? _process;
    private int _distributionPort;

    public RabbitMqServer(RabbitMqServerOptions options) => _options = options;

    public int Port => _options.Port;

    public string NodeName => _options.NodeName;

    public int EpmdPort => _options.EpmdPort;

    /// <summary>AMQP URI of the default virtual host, as MassTransit and RabbitMQ.Client take it.</summary>
    public string ConnectionString => $"amqp://guest:guest@127.0.0.1:{Port}";

    /// <summary>The management UI, or null when the plugin is off.</summary>
    public string? ManagementUrl => _options.ManagementPort > 0 ? $"http://127.0.0.1:{_options.ManagementPort}" : null;

    /// <summary>Completes with the exit code when the node exits.</summary>
    public Task<int> Exited => _process?.Exited ?? Task.FromResult(0);

    public static bool IsInstalled => File.Exists(Path.Combine(BinDirectory, "rabbitmq-server"));

    /// <summary>Starts the node and waits until RabbitMQ is fully booted.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!IsInstalled)
        {
            throw new PlatformStartupException(
                "RabbitMQ is not installed: run `sudo apt-get install -y rabbitmq-server` or set ConnectionStrings__rabbitmq");
        }

        _distributionPort = Ports.Free();
        WriteConfiguration();
        StopLeftover(_options.Directory, Log);
        // Remembered so a later run can clean up this epmd if we are killed before we stop it.
        await File.WriteAllTextAsync(EpmdPortFile, EpmdPort.ToString(), cancellationToken);

        _process = ChildProcess.Start(new ProcessCommand(Path.Combine(BinDirectory, "rabbitmq-server"), []) { Environment = NodeEnvironment() }, _options.Output);
        try
        {
            await WaitUntilRunningAsync(cancellationToken);
        }
        catch
        {
            await StopAsync();
            throw;
        }
    }

    /// <summary>Stops the node gracefully (durable queues and persistent messages are kept), then its epmd.</summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            // The rabbitmq-server script turns SIGTERM into a clean shutdown, as `rabbitmqctl stop` does.
            await _process.StopAsync(TimeSpan.FromSeconds(60), Posix.SigTerm);
            await _process.DisposeAsync();
            _process = null;
        }

        // epmd outlives the node (it is a daemon); it is ours alone, on our private port.
        await StopEpmdAsync(EpmdPort);
    }

    /// <summary>Kills the node and its epmd at once, for when there is no time to stop gracefully (a dying test host).</summary>
    public void Kill()
    {
        _process?.Kill();
        StopEpmdAsync(EpmdPort).Wait(TimeSpan.FromSeconds(5));
    }

    /// <summary>
    /// Stops a node, and its epmd, that an earlier run left running on <paramref name="directory"/> (its AppHost
    /// was killed). Call it before picking ports: the leftovers still hold them.
    /// </summary>
    public static void StopLeftover(string directory, Action<string> log)
    {
        Posix.StopLeftover(Path.Combine(directory, "rabbitmq.pid"), "beam.smp", Posix.SigTerm, log);
        var epmdPortFile = Path.Combine(directory, "epmd.port");
        if (File.Exists(epmdPortFile) && int.TryParse(File.ReadAllText(epmdPortFile), out var port))
        {
            StopEpmdAsync(port).Wait(TimeSpan.FromSeconds(15));
        }
    }

    /// <summary>Creates a virtual host the guest user may use: a cheap way to keep tests' queues apart.</summary>
    public async Task AddVirtualHostAsync(string name, CancellationToken cancellationToken)
    {
        await RunControlAsync(cancellationToken, "add_vhost", name);
        await RunControlAsync(cancellationToken, "set_permissions", "-p", name, "guest", ".*", ".*", ".*");
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private string PidFile => Path.Combine(_options.Directory, "rabbitmq.pid");

    private string EpmdPortFile => Path.Combine(_options.Directory, "epmd.port");

    private Dictionary<string, string?> NodeEnvironment() => new()
    {
        ["HOME"] = Path.Combine(_options.Directory, "home"), // where the Erlang cookie lives, shared by server and CLI tools
        ["RABBITMQ_NODENAME"] = _options.NodeName,
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(_options.Directory, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(_options.Directory, "log"),
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(_options.Directory, "rabbitmq.conf"),
        ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(_options.Directory, "advanced.config"),
        ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(_options.Directory, "rabbitmq-env.conf"),
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(_options.Directory, "enabled_plugins"),
        ["RABBITMQ_PID_FILE"] = PidFile,
        ["ERL_EPMD_PORT"] = EpmdPort.ToString(),
        ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
        // The inter-node listener on loopback too, like everything we start.
        ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
        // Inter-node port, otherwise AMQP port + 20000, which may be taken.
        ["RABBITMQ_DIST_PORT"] = _distributionPort.ToString(),
    };

    private void WriteConfiguration()
    {
        System.IO.Directory.CreateDirectory(Path.Combine(_options.Directory, "home"));
        var config = new List<string>
        {
            $"listeners.tcp.1 = 127.0.0.1:{Port}",
            // Warnings and errors on the console; everything in the log folder.
            "log.console = true",
            "log.console.level = warning",
            "log.file.level = info",
        };
        if (_options.ManagementPort > 0)
        {
            config.Add("management.tcp.ip = 127.0.0.1");
            config.Add($"management.tcp.port = {_options.ManagementPort}");
        }

        File.WriteAllLines(Path.Combine(_options.Directory, "rabbitmq.conf"), config);
        File.WriteAllText(Path.Combine(_options.Directory, "enabled_plugins"), _options.ManagementPort > 0 ? "[rabbitmq_management].\n" : "[].\n");
        // An empty env file of our own, so /etc/rabbitmq/rabbitmq-env.conf cannot change our node.
        File.WriteAllText(Path.Combine(_options.Directory, "rabbitmq-env.conf"), "");
    }

    private async Task WaitUntilRunningAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + _options.StartTimeout;
        while (true)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException(
                    $"RabbitMQ exited with code {_process.Exited.Result} while starting (log: {Path.Combine(_options.Directory, "log")}): {LastLines(_process.RecentOutput)}");
            }

            // The AMQP listener opens at the end of the boot; only then ask the (slow to start) CLI whether
            // the broker is fully running. `ping` would answer as soon as the Erlang node is up.
            if (await Ports.IsListeningAsync("127.0.0.1", Port, cancellationToken)
                && (await RunControlToolAsync("rabbitmq-diagnostics", cancellationToken, "-q", "check_running")).ExitCode == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"RabbitMQ was not running on 127.0.0.1:{Port} within {_options.StartTimeout.TotalSeconds:0}s (log: {Path.Combine(_options.Directory, "log")})");
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    private async Task RunControlAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var (exitCode, output) = await RunControlToolAsync("rabbitmqctl", cancellationToken, ["-q", .. arguments]);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} failed with exit code {exitCode}: {output.ReplaceLineEndings(" ")}");
        }
    }

    private Task<(int ExitCode, string Output)> RunControlToolAsync(string tool, CancellationToken cancellationToken, params string[] arguments) =>
        ChildProcess.RunAsync(
            new ProcessCommand(Path.Combine(BinDirectory, tool), arguments) { Environment = NodeEnvironment() },
            TimeSpan.FromSeconds(60),
            cancellationToken);

    private static async Task StopEpmdAsync(int port)
    {
        var epmd = Executables.FindOnPath("epmd");
        if (epmd is null)
        {
            return;
        }

        // `epmd -kill` refuses while a node is registered, so it only ends an idle epmd on this port. A node
        // that has just exited can take a moment to be forgotten: retry briefly.
        var kill = new ProcessCommand(epmd, ["-kill"]) { Environment = new Dictionary<string, string?> { ["ERL_EPMD_PORT"] = port.ToString() } };
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var (_, output) = await ChildProcess.RunAsync(kill, TimeSpan.FromSeconds(10));
            if (output.Contains("Killed", StringComparison.Ordinal) || output.Contains("Cannot connect", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(250);
        }
    }

    private void Log(string message) => _options.Output?.Invoke(message);

    private static string LastLines(string output) =>
        string.Join(" ", output.Split('\n').Where(line => line.Trim().Length > 0).TakeLast(5).Select(line => line.Trim()));
}
