using System.Security.Cryptography;
using System.Text;
using PropertyPlatform.AppHost.Hosting.Servers;

namespace PropertyPlatform.AppHost.Hosting;

/// <summary>
/// The RabbitMQ broker: our own node with data in the state folder, or an external broker when
/// <c>ConnectionStrings__&lt;name&gt;</c> is given. Referencing services get <c>ConnectionStrings__&lt;name&gt;</c>.
/// </summary>
public sealed class RabbitMqResource : Resource, IResourceReference
{
    private const int StandardPort = 5672;
    private const int StandardManagementPort = 15672;
    // Not epmd's default 4369: that one may belong to another Erlang node on this machine.
    private const int PreferredEpmdPort = 14369;
    private RabbitMqServer? _server;
    private string? _external;

    internal RabbitMqResource(string name)
        : base(name)
    {
    }

    public override string Address => _external is not null
        ? $"{ExternalUri.Scheme}://{ExternalUri.Host}:{ExternalUri.Port} (external)"
        : $"{ConnectionString}{(_server!.ManagementUrl is { } management ? $"  management {management}" : "")}  (node {_server.NodeName}, ERL_EPMD_PORT={_server.EpmdPort})";

    public string ConnectionString => _external ?? _server!.ConnectionString;

    private Uri ExternalUri => new(_external!);

    IEnumerable<Resource> IResourceReference.WaitFor => [this];

    void IResourceReference.AddEnvironment(IDictionary<string, string?> environment) =>
        environment[$"ConnectionStrings__{Name}"] = ConnectionString;

    internal override void Prepare()
    {
        _external = Context.ExternalConnectionString(Name);
        if (_external is not null)
        {
            return;
        }

        if (!RabbitMqServer.IsInstalled)
        {
            throw new PlatformStartupException(
                $"RabbitMQ is not installed: run `sudo apt-get install -y rabbitmq-server` or set ConnectionStrings__{Name}");
        }

        var directory = Path.Combine(Context.StateDirectory, Name);
        RabbitMqServer.StopLeftover(directory, line => Context.Log.Write(Name, line));
        var preferStandard = Context.Options.PreferStandardPorts;
        _server = new RabbitMqServer(new RabbitMqServerOptions
        {
            Directory = directory,
            NodeName = NodeName(Context.StateDirectory),
            Port = preferStandard ? Ports.PreferredOrFree(StandardPort) : Ports.Free(),
            ManagementPort = !Context.Options.RabbitMqManagement ? 0
                : preferStandard ? Ports.PreferredOrFree(StandardManagementPort) : Ports.Free(),
            EpmdPort = preferStandard ? Ports.PreferredOrFree(PreferredEpmdPort) : Ports.Free(),
            Output = line => Context.Log.Write(Name, line),
        });
    }

    protected override async Task<RunningInstance> LaunchAsync(CancellationToken cancellationToken)
    {
        if (_external is not null)
        {
            await Ports.WaitUntilListeningAsync(ExternalUri.Host, ExternalUri.Port, TimeSpan.FromSeconds(30), cancellationToken);
            return RunningInstance.Endless();
        }

        await _server!.StartAsync(cancellationToken);
        return new RunningInstance(_server.Exited, _server.StopAsync);
    }

    // The node dies with the child processes; its epmd is a daemon and needs its own kill.
    internal override void KillNow() => _server?.Kill();

    protected override Task<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        var uri = new Uri(ConnectionString);
        return Ports.IsListeningAsync(uri.Host, uri.Port, cancellationToken);
    }

    /// <summary>
    /// One node name per state folder: stable from run to run (the data folder is keyed by it, so durable
    /// queues survive), and different for a test's own folder, so the two never meet.
    /// </summary>
    private static string NodeName(string stateDirectory)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(stateDirectory)));
        return $"pp-{Convert.ToHexStringLower(hash)[..8]}@localhost";
    }
}
