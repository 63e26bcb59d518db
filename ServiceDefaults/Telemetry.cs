using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PropertyPlatform.ServiceDefaults.Auth;

namespace PropertyPlatform.ServiceDefaults;

/// <summary>
/// OpenTelemetry traces, metrics and logs, exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set
/// (the Aspire dashboard, or any collector in production). Traces are recorded even without an exporter: an active
/// listener is what makes MassTransit carry the trace context through RabbitMQ.
/// </summary>
internal static class Telemetry
{
    /// <summary>MassTransit's activity source and meter.</summary>
    public const string MassTransitSource = "MassTransit";

    /// <summary>The caller's roles on a request span, comma-separated (no names or contacts: spans are not for personal data).</summary>
    public const string RoleTag = "platform.caller.roles";

    /// <summary>The properties the caller may act in, comma-separated; <c>*</c> for every property.</summary>
    public const string PropertyTag = "platform.caller.property_ids";

    public static void AddTelemetry(this IHostApplicationBuilder builder)
    {
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] ?? builder.Environment.ApplicationName;

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource
                .AddService(serviceName, serviceInstanceId: $"{Environment.MachineName}-{Environment.ProcessId}")
                .AddAttributes([new("deployment.environment.name", builder.Environment.EnvironmentName)]))
            .WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(new NoLoneClientSpans()))
                .AddAspNetCoreInstrumentation(aspNetCore =>
                {
                    aspNetCore.Filter = context => !IsProbe(context.Request.Path);
                    aspNetCore.EnrichWithHttpResponse = EnrichWithCaller;
                })
                .AddHttpClientInstrumentation(http =>
                    http.FilterHttpRequestMessage = request => request.RequestUri is not { } uri || !IsProbe(uri.AbsolutePath))
                .AddNpgsql()
                .AddSource(MassTransitSource, PlatformDiagnostics.SourceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(MassTransitSource, PlatformDiagnostics.SourceName));

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }
    }

    /// <summary>Health probes arrive every few seconds from the orchestrator and the gateway: not worth a trace each.</summary>
    private static bool IsProbe(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments("/alive");

    private static void EnrichWithCaller(Activity activity, HttpResponse response)
    {
        var user = response.HttpContext.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return;
        }
        activity.SetTag(RoleTag, string.Join(',', user.FindAll(PlatformClaims.Role).Select(c => c.Value)));
        activity.SetTag(PropertyTag, string.Join(',', user.FindAll(PlatformClaims.Property).Select(c => c.Value)));
    }

    /// <summary>
    /// Database commands and outgoing calls are traced only as part of a request's or a message's trace: the outbox
    /// relay and the sweepers poll every few seconds, and a root span per poll would bury the traces operators look for.
    /// </summary>
    private sealed class NoLoneClientSpans : Sampler
    {
        public override SamplingResult ShouldSample(in SamplingParameters parameters) =>
            new(parameters.Kind == ActivityKind.Client ? SamplingDecision.Drop : SamplingDecision.RecordAndSample);
    }
}
