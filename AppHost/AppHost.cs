// The platform, as operators see it in the dashboard: PostgreSQL and RabbitMQ, six services that each own a
// database, and the gateway that is the one address clients use. `./platform up` runs this file.
using Microsoft.Extensions.Logging;
using PropertyPlatform.AppHost.Hosting;

var builder = DistributedApplication.CreateBuilder(args);
var settings = builder.Configuration.GetSection("Platform");
var state = LocalServers.StateDirectory(builder);
builder.Services.AddHostedService<CrashRestarts>();

var postgres = builder.AddLocalPostgres("postgres");
var rabbitmq = builder.AddLocalRabbitMQ("rabbitmq");
// Services prove this secret to Directory for a service token, to fill their copies of its records.
var serviceSecret = builder.ExecutionContext.IsRunMode
    ? builder.AddParameter("service-secret", LocalServers.StoredSecret(Path.Combine(state, "secrets", "service-secret")), secret: true)
    : builder.AddParameter("service-secret", secret: true);

// Every service: its own database, the broker, `--replicas name=N`, and ready when its /health says so.
IResourceBuilder<ProjectResource> AddService<TProject>(string name) where TProject : IProjectMetadata, new()
{
    var replicas = settings.GetValue($"Replicas:{name}", 1);
    // One replica is reached directly: the orchestrator's proxy in front of it cost every call through the gateway one
    // more hop. Several replicas share one address, which only the proxy can give them.
    var direct = builder.ExecutionContext.IsRunMode && replicas == 1;
    return builder.AddProject<TProject>(name)
        .WithHttpEndpoint(port: direct ? LocalServers.FreePort() : null, isProxied: !direct)
        .WithServer(postgres.AddDatabase($"{name}db"))
        .WithServer(rabbitmq)
        .WithReplicas(replicas)
        .WithHttpHealthCheck("/health")
        .WithEnvironment("ServiceAuth__Secret", serviceSecret)
        // On two shared cores, idle thread-pool spinning steals time from PostgreSQL and RabbitMQ.
        .WithEnvironment("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit", "0");
}

// Directory signs every access token; the others fetch its public keys and fill their copies of its records from
// it, so no service needs to start before another: events published before a queue existed are not lost.
var directory = AddService<Projects.PropertyPlatform_Directory>("directory")
    // The keys that encrypt the token-signing keys stay outside the database they protect.
    .WithEnvironment("Directory__DataProtection__KeysPath", Path.Combine(state, "directory-keys"))
    // `--demo`: a demo property and one account per role (password Demo@12345) on an empty database.
    .WithEnvironment("Directory__Demo__Enabled", settings.GetValue("Demo", false) ? "true" : "false");

IResourceBuilder<ProjectResource> AddDirectoryClient<TProject>(string name) where TProject : IProjectMetadata, new() =>
    AddService<TProject>(name).WithReference(directory);

var reception = AddDirectoryClient<Projects.PropertyPlatform_Reception>("reception");
var workOrders = AddDirectoryClient<Projects.PropertyPlatform_WorkOrders>("workorders");
var complaints = AddDirectoryClient<Projects.PropertyPlatform_Complaints>("complaints");
var billing = AddDirectoryClient<Projects.PropertyPlatform_Billing>("billing");
// A local mail catcher (the .NET tool smtp4dev, pinned in .config/dotnet-tools.json): Notifications' email lands on
// its web page, linked in the dashboard, and nothing leaves the machine. Its mail is kept in memory only.
var (mailSmtpPort, mailWebPort) = (LocalServers.FreePort(), LocalServers.FreePort());
builder.AddExecutable(
        "mail", "dotnet", Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..")),
        "tool", "run", "smtp4dev", "--", "--db=", "--nousersettings", "--bindaddress=127.0.0.1", "--imapport=0", "--pop3port=0",
        $"--smtpport={mailSmtpPort}", $"--urls=http://127.0.0.1:{mailWebPort}")
    .WithHttpEndpoint(port: mailWebPort, targetPort: mailWebPort, isProxied: false)
    .WithEndpoint("smtp", endpoint => (endpoint.Port, endpoint.TargetPort, endpoint.UriScheme, endpoint.IsProxied) = (mailSmtpPort, mailSmtpPort, "smtp", false))
    .WithUrlForEndpoint("http", url => url.DisplayText = "Mail catcher (smtp4dev)")
    .WithHttpHealthCheck("/api/messages");
var notifications = AddDirectoryClient<Projects.PropertyPlatform_Notifications>("notifications")
    .WithEnvironment("Smtp__Host", "127.0.0.1")
    // Not WaitFor(mail): without the catcher (tool not restored) the platform still runs; email then fails and is retried.
    .WithEnvironment("Smtp__Port", mailSmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));

var gatewayPort = settings.GetValue("GatewayPort", 8080);
builder.AddProject<Projects.PropertyPlatform_Gateway>("gateway")
    // Not proxied: clients reach the gateway itself, without one more hop in front of it.
    .WithHttpEndpoint(port: gatewayPort == 0 ? LocalServers.FreePort() : gatewayPort, isProxied: false)
    .WithExternalHttpEndpoints()
    .WithReference(directory)
    .WithReference(reception)
    .WithReference(workOrders)
    .WithReference(complaints)
    .WithReference(billing)
    .WithReference(notifications)
    .WithHttpHealthCheck("/health")
    .WithEnvironment("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit", "0")
    .OnResourceReady((gateway, ready, _) =>
    {
        ready.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PropertyPlatform")
            .LogInformation("PropertyPlatform is ready: the web console and the API at {GatewayUrl}", gateway.GetEndpoint("http").Url);
        return Task.CompletedTask;
    });

builder.Build().Run();
