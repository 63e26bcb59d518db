using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace PropertyPlatform.ServiceDefaults;

/// <summary>
/// OpenTelemetry traces, metrics and logs. The hosting and instrumentation packages are not available
/// here, so the providers subscribe to the sources the frameworks already emit and live as singletons
/// that the host disposes (which flushes them) at shutdown.
/// </summary>
internal static class Telemetry
{
    /// <summary>Activity sources and meters emitted by ASP.NET Core, HttpClient, Npgsql, MassTransit and the platform.</summary>
    private static readonly string[] Sources = ["Microsoft.AspNetCore", "System.Net.Http", "Npgsql", "MassTransit", PlatformDiagnostics.SourceName];

    private static readonly string[] Meters =
    [
        "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting", "System.Net.Http", "System.Runtime", "Npgsql", "MassTransit",
        PlatformDiagnostics.SourceName,
    ];

    public static void AddTelemetry(this IHostApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var serviceName = config["OTEL_SERVICE_NAME"] ?? builder.Environment.ApplicationName;
        var otlpEndpoint = config["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var exportOtlp = !string.IsNullOrWhiteSpace(otlpEndpoint);

        var resource = ResourceBuilder.CreateDefault()
            .AddService(serviceName, serviceInstanceId: $"{Environment.MachineName}-{Environment.ProcessId}")
            .AddAttributes([new("deployment.environment.name", builder.Environment.EnvironmentName)]);

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.SetResourceBuilder(resource);
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
            if (exportOtlp)
            {
                logging.AddOtlpExporter();
            }
        });

        // Traces are always recorded, even without an exporter: an active listener is what makes ASP.NET Core,
        // HttpClient and MassTransit create activities and carry W3C trace context across HTTP and RabbitMQ.
        builder.Services.AddSingleton(_ =>
        {
            var tracing = Sdk.CreateTracerProviderBuilder()
                .SetResourceBuilder(resource)
                .AddSource(Sources)
                .SetSampler(new ParentBasedSampler(new AlwaysOnSampler()));
            if (exportOtlp)
            {
                tracing.AddOtlpExporter();
            }
            return tracing.Build();
        });

        builder.Services.AddSingleton(_ =>
        {
            var metrics = Sdk.CreateMeterProviderBuilder()
                .SetResourceBuilder(resource)
                .AddMeter(Meters);
            if (exportOtlp)
            {
                metrics.AddOtlpExporter();
            }
            return metrics.Build();
        });

        // Singletons are created lazily; this hosted service makes sure both providers exist from the start.
        builder.Services.AddHostedService<TelemetryStarter>();
    }

    private sealed class TelemetryStarter(TracerProvider tracing, MeterProvider metrics) : IHostedService
    {
        // The constructor parameters are the point: resolving them builds the providers.
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken)
        {
            tracing.ForceFlush(2000);
            metrics.ForceFlush(2000);
            return Task.CompletedTask;
        }
    }
}
