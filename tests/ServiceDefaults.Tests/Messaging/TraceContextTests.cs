using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.TestHost;
using OpenTelemetry.Trace;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.Messaging;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.ServiceDefaults.Tests.Messaging;

/// <summary>
/// An operator following one request sees it as ONE trace: the request, its database write, the outbox relay's
/// publish, RabbitMQ, and another service's consumer with its own database work. Two services with the real
/// ServiceDefaults run in this process; their spans are read from OpenTelemetry's in-memory exporter.
/// </summary>
public sealed class TraceContextTests(TestInfrastructure infrastructure)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_request_its_event_and_the_consumers_work_are_one_trace()
    {
        var spans = new SpanList();
        var broker = await infrastructure.CreateRabbitMqVirtualHostAsync("traces");
        await using var consumer = await StartServiceAsync("notices", await infrastructure.CreateDatabaseAsync("notices"), broker, spans, consumes: true);
        await using var publisher = await StartServiceAsync("frontdesk", await infrastructure.CreateDatabaseAsync("frontdesk"), broker, spans, consumes: false);
        var property = Guid.NewGuid();
        publisher.MapPost("/parcels", async (ParcelsDbContext db, TimeProvider time) =>
        {
            db.Parcels.Add(Parcel.Log(property, 1, time.GetUtcNow()));
            await db.SaveChangesAsync();
            return TypedResults.NoContent();
        });
        // Stands in for token validation: the caller is signed in as front-desk staff of the property.
        publisher.Use((context, next) =>
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity(
                [new(PlatformClaims.Subject, Guid.NewGuid().ToString()), new(PlatformClaims.Name, "王小明"),
                 new(PlatformClaims.Role, Roles.FrontDesk), new(PlatformClaims.Property, property.ToString())],
                authenticationType: "test"));
            return next(context);
        });
        await publisher.StartAsync(TestContext.Current.CancellationToken);
        using var client = publisher.GetTestClient();

        (await client.GetAsync("/health", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        (await client.GetAsync("/alive", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        (await client.PostAsync("/parcels", null, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        var request = await Eventually.ReturnsAsync(
            () => Task.FromResult(spans.Snapshot().SingleOrDefault(s => s.Kind == ActivityKind.Server && s.GetTagItem("http.route") is "/parcels")),
            span => span is not null,
            Patience);
        // A span is recorded when it ends, and the consumer's receive span ends after its database work: wait for both.
        var trace = await Eventually.ReturnsAsync(
            () => Task.FromResult(spans.Snapshot().Where(s => s.TraceId == request!.TraceId).ToList()),
            inTrace => inTrace.Any(IsConsumerDatabaseWork)
                && inTrace.Any(s => s.Source.Name == Telemetry.MassTransitSource && s.GetTagItem("messaging.operation") is "receive"),
            Patience);

        // The request span: route, status, the caller's role and property, and nothing personal.
        request!.GetTagItem("http.response.status_code").ShouldBe(204);
        request.GetTagItem(Telemetry.RoleTag).ShouldBe(Roles.FrontDesk);
        request.GetTagItem(Telemetry.PropertyTag).ShouldBe(property.ToString());
        request.TagObjects.ShouldNotContain(tag => Convert.ToString(tag.Value, CultureInfo.InvariantCulture)!.Contains("王小明"));

        // request → its INSERT; request → relay publish → MassTransit send → the consumer's receive → process → its database work.
        trace.ShouldContain(s => s.Source.Name == "Npgsql" && s.ParentSpanId == request.SpanId, "the request's database write");
        var relay = trace.Single(s => s.Source.Name == PlatformDiagnostics.SourceName);
        relay.ParentSpanId.ShouldBe(request.SpanId, "the relay continues the request that stored the event");
        var send = trace.Single(s => s.Source.Name == Telemetry.MassTransitSource && s.Kind == ActivityKind.Producer);
        send.ParentSpanId.ShouldBe(relay.SpanId, "MassTransit's send is a child of the relay's publish");
        var receive = trace.Single(s => s.Source.Name == Telemetry.MassTransitSource && s.GetTagItem("messaging.operation") is "receive");
        receive.ParentSpanId.ShouldBe(send.SpanId, "the consumer continues the send");
        var consumerDatabaseWork = trace.Where(IsConsumerDatabaseWork);
        consumerDatabaseWork.ShouldAllBe(s => DescendsFrom(s, receive, trace));

        // Health probes leave no trace.
        spans.Snapshot().ShouldNotContain(s => IsProbe(s));
    }

    private static bool IsConsumerDatabaseWork(Activity span) =>
        span.Source.Name == "Npgsql" && span.GetTagItem("db.namespace") is string database && database.StartsWith("notices", StringComparison.Ordinal);

    private static bool IsProbe(Activity span) => span.GetTagItem("url.path") is "/health" or "/alive";

    private static bool DescendsFrom(Activity span, Activity ancestor, List<Activity> trace)
    {
        for (var current = span; current is not null; current = trace.FirstOrDefault(s => s.SpanId == current.ParentSpanId))
        {
            if (current.ParentSpanId == ancestor.SpanId)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A service made the way every platform service is: ServiceDefaults, its database with the outbox, messaging.</summary>
    private static async Task<WebApplication> StartServiceAsync(string name, string database, string broker, SpanList spans, bool consumes)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{name}db"] = database,
            ["ConnectionStrings:rabbitmq"] = broker,
            ["OTEL_SERVICE_NAME"] = name,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddServiceDefaults();
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
        builder.AddServiceDatabase<ParcelsDbContext>($"{name}db");
        builder.AddMessaging<ParcelsDbContext>(bus =>
        {
            if (consumes)
            {
                bus.AddConsumer<ParcelLoggedConsumer>();
            }
        });
        // The publisher sends right after start: the consumer's queue must be bound by then.
        builder.Services.Configure<MassTransit.MassTransitHostOptions>(options => options.WaitUntilStarted = true);

        var app = builder.Build();
        app.UseServiceDefaults();
        app.MapDefaultEndpoints();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // The test service has no migrations: its schema comes straight from the model.
            await scope.ServiceProvider.GetRequiredService<ParcelsDbContext>().Database.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        }
        if (consumes)
        {
            await app.StartAsync(TestContext.Current.CancellationToken);
        }
        return app;
    }

    /// <summary>
    /// The exporters add from whichever thread ends a span; the test reads copies. Both services' providers see every
    /// span of this process, so each span arrives twice.
    /// </summary>
    private sealed class SpanList : Collection<Activity>
    {
        private readonly Lock _lock = new();

        protected override void InsertItem(int index, Activity item)
        {
            lock (_lock)
            {
                base.InsertItem(index, item);
            }
        }

        public List<Activity> Snapshot()
        {
            lock (_lock)
            {
                return Items.Distinct().ToList();
            }
        }
    }
}
