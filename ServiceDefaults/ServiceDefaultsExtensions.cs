using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.OpenApi;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.ServiceDefaults;

/// <summary>
/// What every service and the gateway share: telemetry, health, problem details, JSON conventions and
/// outgoing HTTP defaults, as in .NET Aspire's ServiceDefaults.
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Health checks with this tag answer <c>/alive</c>; every check answers <c>/health</c>.</summary>
    public const string LiveTag = "live";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddTelemetry();

        // Per-command SQL and per-request logs belong in traces; at Information they drown what matters, and each
        // line costs CPU three times over (written, collected by the orchestrator, shipped to the dashboard): ASP.NET
        // Core's result executors alone wrote four lines per request. Polly logs every attempt, even a first that
        // succeeds; retries still show as warnings. appsettings or Logging__LogLevel__* can turn them back on.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(builder.Configuration[PropertyCalendar.ConfigurationKey] is { Length: > 0 } zone
            ? new PropertyCalendar(TimeZoneInfo.FindSystemTimeZoneById(zone))
            : PropertyCalendar.ChinaStandardTime);
        builder.Services.AddProblemDetailsDefaults();
        builder.Services.ConfigureHttpJsonOptions(options => ConfigureJson(options.SerializerOptions));
        builder.Services.AddOpenApiDefaults();

        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);

        // Service-to-service HTTP: addresses like https+http://directory resolve from services:directory:http:0 (Aspire's
        // convention). Configuration only, without AddServiceDiscovery's DNS pass-through: a service nobody configured
        // then has no address (the gateway answers 503) instead of a guessed host name that fails later.
        // Retries only for methods that are safe to repeat: a retried POST could act twice.
        builder.Services.AddServiceDiscoveryCore().AddConfigurationServiceEndpointProvider();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler(resilience => resilience.Retry.DisableForUnsafeHttpMethods());
            http.AddServiceDiscovery();
        });
        return builder;
    }

    /// <summary>The platform's JSON conventions: camelCase, enums as snake_case strings, ISO-8601 dates with offset.</summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
    }

    /// <summary>Error handling that turns every failure into an RFC 9457 problem response, then authentication when registered.</summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        // After the error handlers, so their problems cover authentication too; only where AddPlatformAuthentication ran.
        if (app.Services.GetService<IAuthenticationSchemeProvider>() is not null)
        {
            app.UseAuthentication();
            app.UseAuthorization();
        }
        return app;
    }

    /// <summary>Maps <c>/health</c> (ready: every check, e.g. database and broker) and <c>/alive</c> (the process answers).</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // Anonymous: probes carry no token, also once every other endpoint needs one.
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync })
            .DisableHttpMetrics()
            .AllowAnonymous();
        app.MapHealthChecks("/alive", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(LiveTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).DisableHttpMetrics().AllowAnonymous();
        return app;
    }
}

/// <summary>Writes a health report as JSON that names every check, so an operator sees what is down.</summary>
internal static class HealthReportWriter
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var body = new
        {
            status = report.Status.ToString(),
            totalDurationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            entries = report.Entries.ToDictionary(
                e => e.Key,
                e => new
                {
                    status = e.Value.Status.ToString(),
                    description = e.Value.Description ?? e.Value.Exception?.Message,
                    durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
                }),
        };
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Options));
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        ServiceDefaultsExtensions.ConfigureJson(options);
        return options;
    }
}
