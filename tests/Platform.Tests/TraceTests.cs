using System.Diagnostics;
using System.Net;
using System.Text.Json;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.Platform.Tests;

/// <summary>
/// What an operator sees in the dashboard: one repair intake is ONE trace, from the gateway through WorkOrders,
/// its database, the outbox relay and RabbitMQ to Notifications' consumer and its database. Read back from the
/// dashboard's own telemetry API, as stored from the OTLP the services sent it.
/// </summary>
public sealed class TraceTests(PlatformFixture platform)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_repair_intake_is_one_trace_across_gateway_workorders_postgres_rabbitmq_and_notifications()
    {
        using var desk = await platform.SignInAsync("frontdesk");
        using var occupant = await platform.SignInAsync("occupant");
        var unitId = (await occupant.GetFromJsonAsync<JsonElement>("/api/directory/me", Cancellation)).GetProperty("unitIds")[0].GetGuid();

        // The client starts the trace, as a browser with tracing would: every hop must continue this trace id.
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var response = await Eventually.ReturnsAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/workorders/work-orders")
            {
                Content = JsonContent.Create(new { unitId, category = "plumbing", priority = "normal", channel = "phone", description = "茶水间水龙头滴水" }),
            };
            request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
            return await desk.SendAsync(request, Cancellation);
        }, r => r.StatusCode != HttpStatusCode.BadRequest, TimeSpan.FromSeconds(60));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancellation));

        // Each process exports its telemetry in batches of its own, at its own moment: wait until every hop's spans are in.
        var spans = await Eventually.ReturnsAsync(
            () => TraceAsync(traceId),
            trace => trace.Any(s => s.Service == "gateway" && s.Kind == SpanKind.Server)
                && trace.Any(s => s.Service == "workorders" && s.Kind == SpanKind.Server)
                && trace.Any(s => s.Service == "workorders" && s.Kind == SpanKind.Producer)
                && trace.Any(s => s.Service == "notifications" && s.Kind == SpanKind.Consumer)
                && trace.Any(s => s.Service == "notifications" && s.Name.StartsWith("postgresql", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(90));

        var services = spans.Select(s => s.Service).ToHashSet();
        // Directory may be in it too: the request that finds WorkOrders without Directory's keys fetches them first.
        new[] { "gateway", "workorders", "notifications" }.ShouldBeSubsetOf(services);
        spans.ShouldContain(s => s.Service == "gateway" && s.Kind == SpanKind.Server, Describe(spans));
        spans.ShouldContain(s => s.Service == "workorders" && s.Kind == SpanKind.Server && s.Name.Contains("work-orders", StringComparison.Ordinal), Describe(spans));
        spans.ShouldContain(s => s.Service == "workorders" && s.Kind == SpanKind.Client && s.Name.StartsWith("postgresql", StringComparison.Ordinal));
        spans.ShouldContain(s => s.Service == "workorders" && s.Kind == SpanKind.Producer);
        spans.ShouldContain(s => s.Service == "notifications" && s.Kind == SpanKind.Consumer);
        // One tree: every span's parent is a span of the same trace, except the root, whose parent is the client's.
        var ids = spans.Select(s => s.SpanId).ToHashSet();
        spans.Count(s => !ids.Contains(s.ParentSpanId)).ShouldBe(1, Describe(spans));
    }

    private static string Describe(List<Span> spans) => string.Join("\n", spans);

    private async Task<List<Span>> TraceAsync(string traceId)
    {
        var response = await platform.Dashboard.GetAsync($"/api/telemetry/traces/{traceId}", Cancellation);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }

        response.EnsureSuccessStatusCode();
        var otlp = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        return
        [
            .. from resourceSpans in otlp.GetProperty("data").GetProperty("resourceSpans").EnumerateArray()
               let service = Attribute(resourceSpans.GetProperty("resource"), "service.name")
               from scopeSpans in resourceSpans.GetProperty("scopeSpans").EnumerateArray()
               from span in scopeSpans.GetProperty("spans").EnumerateArray()
               select new Span(
                   service ?? "",
                   span.GetProperty("name").GetString()!,
                   (SpanKind)span.GetProperty("kind").GetInt32(),
                   span.GetProperty("spanId").GetString()!,
                   span.TryGetProperty("parentSpanId", out var parent) ? parent.GetString() ?? "" : "",
                   Attribute(span, "http.route")),
        ];
    }

    private static string? Attribute(JsonElement element, string key) =>
        element.TryGetProperty("attributes", out var attributes)
            ? attributes.EnumerateArray().Where(a => a.GetProperty("key").GetString() == key)
                .Select(a => a.GetProperty("value").GetProperty("stringValue").GetString()).FirstOrDefault()
            : null;

    /// <summary>OTLP's span kinds.</summary>
    private enum SpanKind { Unspecified, Internal, Server, Client, Producer, Consumer }

    private sealed record Span(string Service, string Name, SpanKind Kind, string SpanId, string ParentSpanId, string? Route);
}
