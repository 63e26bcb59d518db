using System.Text.Json;

namespace PropertyPlatform.AppHost.Hosting;

/// <summary>Everything that varies between `./platform up`, a developer's own run and an end-to-end test.</summary>
public sealed class PlatformOptions
{
    /// <summary>The repository (folder with PropertyPlatform.sln); found by walking up from the AppHost when null.</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>Where PostgreSQL and RabbitMQ keep their data; <c>&lt;repo&gt;/.state</c> when null.</summary>
    public string? StateDirectory { get; init; }

    /// <summary>Build configuration whose outputs the services run from; the AppHost's own when null.</summary>
    public string? Configuration { get; init; }

    /// <summary>The one port clients use (the gateway's); 0 picks a free one.</summary>
    public int GatewayPort { get; init; } = 8080;

    /// <summary>Processes per service, e.g. workorders = 2; services not named run once.</summary>
    public IReadOnlyDictionary<string, int> Replicas { get; init; } = new Dictionary<string, int>();

    /// <summary>Load the demo property and one account per role (Directory:Demo:Enabled).</summary>
    public bool Demo { get; init; }

    /// <summary>ASPNETCORE_ENVIRONMENT of every service.</summary>
    public string EnvironmentName { get; init; } = "Production";

    /// <summary>
    /// Connection strings of servers we do not start, by resource or database name (e.g. "postgres",
    /// "directorydb", "rabbitmq"). A resource named here is used as it is instead of being started.
    /// </summary>
    public IReadOnlyDictionary<string, string> ConnectionStrings { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Prefer the usual ports (PostgreSQL 5432, RabbitMQ 5672/15672) when free, so tools keep working across runs; else any free port.</summary>
    public bool PreferStandardPorts { get; init; }

    /// <summary>Run RabbitMQ's management UI (it adds seconds to every start and stop).</summary>
    public bool RabbitMqManagement { get; init; } = true;

    /// <summary>False runs PostgreSQL without fsync: faster, for throw-away test data.</summary>
    public bool DurableStorage { get; init; } = true;

    /// <summary>How long <see cref="PlatformApp.StartAsync"/> waits for every resource to be running.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Where resource output and the AppHost's messages go; the console when null.</summary>
    public TextWriter? Output { get; init; }

    public const string Usage = """
        Usage: platform up [--port N] [--replicas service=N[,service=N]] [--demo]
          --port N          gateway port (default 8080, or GATEWAY_PORT)
          --replicas s=N    run N processes of service s behind the gateway; repeatable
          --demo            load a demo property and one account per role (password Demo@12345)
        External servers: set ConnectionStrings__postgres, ConnectionStrings__<name>db or ConnectionStrings__rabbitmq
        (environment or AppHost/appsettings.json) and that server is used instead of being started.
        """;

    /// <summary>Options for a run from the command line: arguments, then environment, then AppHost/appsettings.json.</summary>
    public static PlatformOptions FromCommandLine(string[] args)
    {
        var gatewayPort = int.TryParse(Environment.GetEnvironmentVariable("GATEWAY_PORT"), out var fromEnvironment) ? fromEnvironment : 8080;
        var replicas = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var demo = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--port" when i + 1 < args.Length && int.TryParse(args[i + 1], out var port) && port is > 0 and < 65536:
                    gatewayPort = port;
                    i++;
                    break;
                case "--replicas" when i + 1 < args.Length:
                    AddReplicas(args[++i], replicas);
                    break;
                case "--demo":
                    demo = true;
                    break;
                case "-h" or "--help":
                    throw new PlatformStartupException(Usage);
                default:
                    throw new PlatformStartupException($"Unknown or incomplete argument '{args[i]}'.\n{Usage}");
            }
        }

        var repositoryRoot = PlatformPaths.FindRepositoryRoot();
        return new PlatformOptions
        {
            RepositoryRoot = repositoryRoot,
            GatewayPort = gatewayPort,
            Replicas = replicas,
            Demo = demo,
            EnvironmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is { Length: > 0 } environment ? environment : "Production",
            ConnectionStrings = ReadConnectionStrings(Path.Combine(repositoryRoot, "AppHost", "appsettings.json")),
            PreferStandardPorts = true,
        };
    }

    private static void AddReplicas(string value, Dictionary<string, int> replicas)
    {
        foreach (var pair in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=');
            if (parts.Length != 2 || !int.TryParse(parts[1], out var count) || count is < 1 or > 16)
            {
                throw new PlatformStartupException($"--replicas takes service=N with N from 1 to 16, e.g. --replicas workorders=2 (got '{pair}').");
            }

            replicas[parts[0]] = count;
        }
    }

    /// <summary>ConnectionStrings from AppHost/appsettings.json, overridden by ConnectionStrings__* environment variables.</summary>
    private static Dictionary<string, string> ReadConnectionStrings(string appSettingsPath)
    {
        var connectionStrings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (File.Exists(appSettingsPath))
        {
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(appSettingsPath), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
                if (document.RootElement.TryGetProperty("ConnectionStrings", out var section) && section.ValueKind == JsonValueKind.Object)
                {
                    foreach (var entry in section.EnumerateObject().Where(entry => entry.Value.ValueKind == JsonValueKind.String && entry.Value.GetString()!.Length > 0))
                    {
                        connectionStrings[entry.Name] = entry.Value.GetString()!;
                    }
                }
            }
            catch (JsonException ex)
            {
                throw new PlatformStartupException($"{appSettingsPath} is not valid JSON: {ex.Message}", ex);
            }
        }

        const string prefix = "ConnectionStrings__";
        foreach (var (key, value) in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>().Select(entry => ((string)entry.Key, entry.Value as string)))
        {
            if (key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(value))
            {
                connectionStrings[key[prefix.Length..]] = value;
            }
        }

        return connectionStrings;
    }
}
