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

        // `--demo` asks each service to seed demonstration data (configuration key Seed:Demo).
        ServiceResource AddService(string name, string projectDirectory) =>
            builder.AddService(name, projectDirectory).WithEnvironment("Seed__Demo", builder.Options.Demo ? "true" : "false");

        var directory = AddService("directory", "services/Directory")
            .WithReference(postgres.AddDatabase("directorydb"))
            .WithReference(rabbitmq);

        var reception = AddService("reception", "services/Reception")
            .WithReference(postgres.AddDatabase("receptiondb"))
            .WithReference(rabbitmq);

        var workOrders = AddService("workorders", "services/WorkOrders")
            .WithReference(postgres.AddDatabase("workordersdb"))
            .WithReference(rabbitmq);

        var complaints = AddService("complaints", "services/Complaints")
            .WithReference(postgres.AddDatabase("complaintsdb"))
            .WithReference(rabbitmq);

        var billing = AddService("billing", "services/Billing")
            .WithReference(postgres.AddDatabase("billingdb"))
            .WithReference(rabbitmq);

        var notifications = AddService("notifications", "services/Notifications")
            .WithReference(postgres.AddDatabase("notificationsdb"))
            .WithReference(rabbitmq);

        AddService("gateway", "gateway")
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
