using System.Collections.Concurrent;
using System.Diagnostics;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.ServiceDefaults.Tests.Messaging;

/// <summary>An operator following one request sees its events published and consumed in the same trace.</summary>
public sealed class TraceContextTests(TestInfrastructure infrastructure)
{
    [Fact]
    public async Task The_trace_of_a_request_continues_through_the_outbox_and_RabbitMQ_to_the_consumer()
    {
        var stopped = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "MassTransit" or PlatformDiagnostics.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Add,
        };
        ActivitySource.AddActivityListener(listener);
        await using var service = await ParcelsService.StartAsync(
            await infrastructure.CreateDatabaseAsync("parcels"), await infrastructure.CreateRabbitMqVirtualHostAsync());
        var property = Guid.NewGuid();

        using (var request = new Activity("POST /parcels").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            await service.LogParcelsAsync(property, [1]);
            var traceId = request.TraceId;
            request.Stop();

            await Eventually.ReturnsAsync(() => service.DeliveredAsync(property), d => d.Count == 1, TimeSpan.FromSeconds(60));
            var inTrace = await Eventually.ReturnsAsync(
                () => Task.FromResult(stopped.Where(a => a.TraceId == traceId).ToList()),
                activities => activities.Any(a => a.Kind == ActivityKind.Consumer),
                TimeSpan.FromSeconds(30));

            inTrace.ShouldContain(a => a.Source.Name == PlatformDiagnostics.SourceName, "the relay's publish joins the request's trace");
            inTrace.ShouldContain(a => a.Kind == ActivityKind.Producer, "MassTransit's send is part of it");
        }
    }
}
