using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace PropertyPlatform.AppHost.Hosting;

/// <summary>A RabbitMQ node run from the installed Debian package, configured only through its environment.</summary>
public sealed class LocalRabbitMQResource(string name, string workingDirectory)
    : ExecutableResource(name, "/usr/lib/rabbitmq/bin/rabbitmq-server", workingDirectory), IResourceWithConnectionString
{
    internal const string EndpointName = "amqp";
    internal const string ManagementEndpointName = "management";

    public EndpointReference Endpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"amqp://guest:guest@127.0.0.1:{Endpoint.Property(EndpointProperty.Port)}");
}

public static class LocalRabbitMQExtensions
{
    /// <summary>
    /// RabbitMQ for the platform: the broker named by <c>ConnectionStrings:{name}</c> when one is configured (and
    /// always when publishing), else a local node with its own epmd, its data in the state folder, and the
    /// management UI. Everything listens on loopback only.
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddLocalRabbitMQ(this IDistributedApplicationBuilder builder, string name)
    {
        if (!builder.ExecutionContext.IsRunMode || !string.IsNullOrEmpty(builder.Configuration.GetConnectionString(name)))
        {
            return builder.AddConnectionString(name);
        }

        var directory = Path.Combine(LocalServers.StateDirectory(builder), name);
        var server = new LocalRabbitMQResource(name, directory);
        if (!File.Exists(server.Command))
        {
            throw new DistributedApplicationException(
                "RabbitMQ is not installed: run `sudo apt-get install -y rabbitmq-server`, or set ConnectionStrings__rabbitmq to use a broker of yours.");
        }

        var (amqpPort, managementPort, epmdPort, distributionPort) =
            (LocalServers.FreePort(), LocalServers.FreePort(), LocalServers.FreePort(), LocalServers.FreePort());
        var management = builder.Configuration.GetValue("Platform:RabbitMQManagement", true);
        WriteConfiguration(directory, amqpPort, management ? managementPort : null);

        // A foreground epmd of the node's own: otherwise Erlang starts a daemon that outlives everything.
        var epmd = builder.AddExecutable($"{name}-epmd", "epmd", directory, "-address", "127.0.0.1")
            .WithEnvironment("ERL_EPMD_PORT", epmdPort.ToString())
            .ExcludeFromManifest();

        var healthCheck = $"{name}-accepts-connections";
        builder.Services.AddHealthChecks().AddAsyncCheck(healthCheck, async cancellationToken =>
        {
            // The AMQP listener opens at the end of the boot, so a handshake means the broker is fully up.
            try
            {
                var factory = new ConnectionFactory { Uri = new Uri(await server.ConnectionStringExpression.GetValueAsync(cancellationToken) ?? "") };
                await using var connection = await factory.CreateConnectionAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex) when (ex is BrokerUnreachableException or System.Net.Sockets.SocketException or OperationInterruptedException)
            {
                return HealthCheckResult.Unhealthy(ex.Message);
            }
        });

        var rabbitmq = builder.AddResource(server)
            .WithEnvironment("HOME", Path.Combine(directory, "home")) // the Erlang cookie lives here
            // Data is kept under the node name: a stable one per state folder keeps durable queues across runs.
            .WithEnvironment("RABBITMQ_NODENAME", $"pp-{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(directory)))[..8].ToLowerInvariant()}@localhost")
            .WithEnvironment("RABBITMQ_MNESIA_BASE", Path.Combine(directory, "mnesia"))
            .WithEnvironment("RABBITMQ_LOG_BASE", Path.Combine(directory, "log"))
            .WithEnvironment("RABBITMQ_CONFIG_FILE", Path.Combine(directory, "rabbitmq.conf"))
            .WithEnvironment("RABBITMQ_ADVANCED_CONFIG_FILE", Path.Combine(directory, "advanced.config"))
            .WithEnvironment("RABBITMQ_CONF_ENV_FILE", Path.Combine(directory, "rabbitmq-env.conf"))
            .WithEnvironment("RABBITMQ_ENABLED_PLUGINS_FILE", Path.Combine(directory, "enabled_plugins"))
            .WithEnvironment("RABBITMQ_PID_FILE", Path.Combine(directory, "rabbitmq.pid"))
            .WithEnvironment("RABBITMQ_DIST_PORT", distributionPort.ToString())
            .WithEnvironment("ERL_EPMD_PORT", epmdPort.ToString())
            .WithEnvironment("ERL_EPMD_ADDRESS", "127.0.0.1")
            .WithEnvironment("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1}")
            .WithEndpoint(port: amqpPort, targetPort: amqpPort, scheme: "tcp", name: LocalRabbitMQResource.EndpointName, isProxied: false)
            .WithHealthCheck(healthCheck)
            .WaitFor(epmd)
            .ExcludeFromManifest();
        if (management)
        {
            rabbitmq.WithHttpEndpoint(port: managementPort, targetPort: managementPort, name: LocalRabbitMQResource.ManagementEndpointName, isProxied: false);
        }

        return rabbitmq;
    }

    private static void WriteConfiguration(string directory, int amqpPort, int? managementPort)
    {
        Directory.CreateDirectory(Path.Combine(directory, "home"));
        List<string> config =
        [
            $"listeners.tcp.1 = 127.0.0.1:{amqpPort}",
            // Warnings and errors on the console (the dashboard shows them); everything in the log folder.
            "log.console = true",
            "log.console.level = warning",
            "log.file.level = info",
        ];
        if (managementPort is { } port)
        {
            config.Add("management.tcp.ip = 127.0.0.1");
            config.Add($"management.tcp.port = {port}");
        }

        File.WriteAllLines(Path.Combine(directory, "rabbitmq.conf"), config);
        File.WriteAllText(Path.Combine(directory, "enabled_plugins"), managementPort is null ? "[].\n" : "[rabbitmq_management].\n");
        // Empty files of our own, so /etc/rabbitmq cannot change this node.
        File.WriteAllText(Path.Combine(directory, "rabbitmq-env.conf"), "");
        File.WriteAllText(Path.Combine(directory, "advanced.config"), "[].\n");
    }
}
