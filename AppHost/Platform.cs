using PropertyPlatform.AppHost.Hosting;

namespace PropertyPlatform.AppHost;

/// <summary>
/// The platform: every resource and what it references. Program.cs runs it from the command line;
/// end-to-end tests host the very same declaration with <see cref="Build"/>.
/// </summary>
public static class Platform
{
    public static void Declare(PlatformBuilder builder)
    {
        var postgres = builder.AddPostgres("postgres");
        var rabbitmq = builder.AddRabbitMQ("rabbitmq");

        // Directory signs every access token; the others fetch its public keys (services__directory__http__0).
        var directory = builder.AddService("directory", "services/Directory")
            .WithReference(postgres.AddDatabase("directorydb"))
            .WithReference(rabbitmq)
            // The keys that encrypt the token-signing keys stay outside the database they protect.
            .WithStateFolder("Directory__DataProtection__KeysPath", "directory-keys")
            // `--demo`: a demo property and one account per role (password Demo@12345) on an empty database.
            .WithEnvironment("Directory__Demo__Enabled", builder.Options.Demo ? "true" : "false");

        // Directory's keys are fetched on the first request, so the others need its address but need not wait for it.
        ServiceResource AddService(string name, string projectDirectory) =>
            builder.AddService(name, projectDirectory)
                .WithReference(postgres.AddDatabase($"{name}db"))
                .WithReference(rabbitmq)
                .WithReference(directory, waitFor: false);

        var reception = AddService("reception", "services/Reception");
        var workOrders = AddService("workorders", "services/WorkOrders");
        var complaints = AddService("complaints", "services/Complaints");
        var billing = AddService("billing", "services/Billing");
        var notifications = AddService("notifications", "services/Notifications");

        builder.AddService("gateway", "gateway")
            .WithReference(directory)
            .WithReference(reception)
            .WithReference(workOrders)
            .WithReference(complaints)
            .WithReference(billing)
            .WithReference(notifications)
            .WithExternalHttpPort(builder.Options.GatewayPort);
    }

    /// <summary>The declared platform, ready to start: <c>await using var app = Platform.Build(options); await app.StartAsync();</c></summary>
    public static PlatformApp Build(PlatformOptions options)
    {
        var builder = new PlatformBuilder(options);
        Declare(builder);
        return builder.Build();
    }
}
