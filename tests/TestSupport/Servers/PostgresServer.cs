namespace PropertyPlatform.TestSupport.Servers;

/// <summary>How to run one local PostgreSQL server.</summary>
public sealed class PostgresServerOptions
{
    /// <summary>Folder of its own: the data directory and the socket go inside.</summary>
    public required string Directory { get; init; }

    public required int Port { get; init; }

    public string Username { get; init; } = "postgres";

    public string Password { get; init; } = "postgres";

    /// <summary>False for tests: no fsync, so faster, and data may be lost if the machine crashes.</summary>
    public bool Durable { get; init; } = true;

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Receives the server's log lines; null discards them (the last ones still go into error messages).</summary>
    public Action<string>? Output { get; init; }
}

/// <summary>
/// A PostgreSQL server run as our child process from the installed binaries, with its data in a folder
/// of ours. As root it runs as the <c>postgres</c> user, because PostgreSQL refuses to run as root.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string OsUser = "postgres";
    private readonly PostgresServerOptions _options;
    private ChildProcess? _process;

    public PostgresServer(PostgresServerOptions options) => _options = options;

    public int Port => _options.Port;

    /// <summary>Npgsql connection string to the server (no database chosen).</summary>
    public string ServerConnectionString =>
        $"Host=127.0.0.1;Port={Port};Username={_options.Username};Password={_options.Password}";

    /// <summary>Completes with the exit code when the server process exits.</summary>
    public Task<int> Exited => _process?.Exited ?? Task.FromResult(0);

    private string DataDirectory => Path.Combine(_options.Directory, "data");

    /// <summary>The folder of the newest installed PostgreSQL server binaries, or null when none is installed.</summary>
    public static string? FindBinDirectory()
    {
        const string debianRoot = "/usr/lib/postgresql";
        if (System.IO.Directory.Exists(debianRoot))
        {
            var newest = System.IO.Directory.GetDirectories(debianRoot)
                .Select(versionDirectory => Path.Combine(versionDirectory, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "postgres")) && File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var version) ? version : 0)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        // Other distributions put the server on PATH.
        var initdb = Executables.FindOnPath("initdb");
        return initdb is not null && File.Exists(Path.Combine(Path.GetDirectoryName(initdb)!, "postgres"))
            ? Path.GetDirectoryName(initdb)
            : null;
    }

    /// <summary>
    /// Stops a server that an earlier run left running on <paramref name="directory"/> (its AppHost was killed).
    /// Call it before picking ports: the leftover still holds them.
    /// </summary>
    public static void StopLeftover(string directory, Action<string> log) =>
        Posix.StopLeftover(Path.Combine(directory, "data", "postmaster.pid"), "postgres", Posix.SigInt, log);

    /// <summary>Npgsql connection string to <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username={_options.Username};Password={_options.Password}";

    /// <summary>Creates the data directory on first use, starts the server and waits until it accepts connections.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var bin = FindBinDirectory() ?? throw new PlatformStartupException(
            "PostgreSQL is not installed: run `sudo apt-get install -y postgresql` or set ConnectionStrings__postgres");
        await PrepareDirectoryAsync();
        StopLeftover(_options.Directory, Log);
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            await InitializeDataDirectoryAsync(bin, cancellationToken);
        }

        _process = ChildProcess.Start(new ProcessCommand(Path.Combine(bin, "postgres"), ServerArguments()) { UserName = OsUser }, _options.Output);
        try
        {
            await WaitUntilReadyAsync(bin, cancellationToken);
        }
        catch
        {
            await StopAsync();
            throw;
        }
    }

    /// <summary>Fast shutdown: open transactions are rolled back, everything committed is kept.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        // SIGINT is PostgreSQL's "fast" shutdown, what `pg_ctl stop -m fast` sends.
        await _process.StopAsync(TimeSpan.FromSeconds(30), Posix.SigInt);
        await _process.DisposeAsync();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private List<string> ServerArguments()
    {
        var arguments = new List<string>
        {
            "-D", DataDirectory,
            "-c", "listen_addresses=127.0.0.1",
            "-c", $"port={Port}",
            "-c", $"unix_socket_directories={SocketDirectory()}",
            // Six services, each with a connection pool and background workers.
            "-c", "max_connections=300",
        };
        if (!_options.Durable)
        {
            arguments.AddRange(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        }

        return arguments;
    }

    private string SocketDirectory()
    {
        // A Unix socket path must fit in 107 bytes; in a deep folder we go without one (TCP is what we use).
        var socketPath = Path.Combine(_options.Directory, $".s.PGSQL.{Port}");
        return socketPath.Length < 100 ? _options.Directory : "";
    }

    private async Task PrepareDirectoryAsync()
    {
        System.IO.Directory.CreateDirectory(_options.Directory);
        if (!Environment.IsPrivilegedProcess)
        {
            return;
        }

        // As root the server runs as the postgres user, who must own its folder and be able to reach it.
        FileSystem.MakeTraversable(_options.Directory, Log);
        await FileSystem.ChangeOwnerAsync(_options.Directory, OsUser);
    }

    private async Task InitializeDataDirectoryAsync(string bin, CancellationToken cancellationToken)
    {
        var passwordFile = Path.Combine(_options.Directory, "initdb.pw");
        await File.WriteAllTextAsync(passwordFile, _options.Password, cancellationToken);
        try
        {
            if (Environment.IsPrivilegedProcess)
            {
                await FileSystem.ChangeOwnerAsync(passwordFile, OsUser);
            }

            List<string> arguments =
            [
                "-D", DataDirectory, "-U", _options.Username, "--pwfile", passwordFile,
                "--auth", "scram-sha-256", "--encoding", "UTF8", "--locale", "C.UTF-8", "--no-instructions",
            ];
            if (!_options.Durable)
            {
                arguments.Add("--no-sync");
            }

            var (exitCode, output) = await ChildProcess.RunAsync(
                new ProcessCommand(Path.Combine(bin, "initdb"), arguments) { UserName = OsUser }, TimeSpan.FromMinutes(2), cancellationToken);
            if (exitCode != 0)
            {
                // Leave no half-made data directory behind: the next run would take it for a finished one.
                System.IO.Directory.Delete(DataDirectory, recursive: true);
                throw new PlatformStartupException($"initdb failed with exit code {exitCode} for {DataDirectory}: {output.ReplaceLineEndings(" ")}");
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    private async Task WaitUntilReadyAsync(string bin, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + _options.StartTimeout;
        var isReady = new ProcessCommand(Path.Combine(bin, "pg_isready"), ["-q", "-h", "127.0.0.1", "-p", Port.ToString(), "-t", "2"]);
        while (true)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException(
                    $"PostgreSQL exited with code {_process.Exited.Result} while starting: {LastLine(_process.RecentOutput)}");
            }

            var (exitCode, _) = await ChildProcess.RunAsync(isReady, TimeSpan.FromSeconds(5), cancellationToken);
            if (exitCode == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"PostgreSQL did not accept connections on 127.0.0.1:{Port} within {_options.StartTimeout.TotalSeconds:0}s: {LastLine(_process.RecentOutput)}");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    private void Log(string message) => _options.Output?.Invoke(message);

    private static string LastLine(string output) => output.Split('\n').LastOrDefault(line => line.Length > 0) ?? "(no output)";
}
