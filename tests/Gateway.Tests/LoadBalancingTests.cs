using System.Net;
using static PropertyPlatform.Gateway.Tests.TestHelpers;

namespace PropertyPlatform.Gateway.Tests;

public sealed class LoadBalancingTests
{
    [Fact]
    public async Task Requests_are_spread_over_the_replicas()
    {
        await using var first = await EchoBackend.StartAsync("replica-0");
        await using var second = await EchoBackend.StartAsync("replica-1");
        await using var gateway = new GatewayHost(new()
        {
            ["services:workorders:http:0"] = first.Address,
            ["services:workorders:http:1"] = second.Address,
        });

        var servedBy = new HashSet<string>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await gateway.Client.GetAsync("/api/workorders/work-orders", Cancel);
            servedBy.Add((await response.ReadEchoAsync())!.Backend);
        }

        servedBy.ShouldBe(["replica-0", "replica-1"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_replica_that_is_down_stops_receiving_requests()
    {
        await using var healthy = await EchoBackend.StartAsync("healthy");
        await using var gateway = new GatewayHost(new()
        {
            ["services:workorders:http:0"] = healthy.Address,
            ["services:workorders:http:1"] = GatewayHost.DeadAddress(),
            ["Gateway:HealthCheck:Interval"] = "00:00:00.500",
        });

        // Before the probes notice, some requests may fail; afterwards every request must succeed.
        var recovered = await EventuallyAsync(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                using var response = await gateway.Client.GetAsync("/api/workorders/work-orders", Cancel);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    return false;
                }
            }
            return true;
        }, TimeSpan.FromSeconds(30));

        recovered.ShouldBeTrue("ten requests in a row should succeed once the down replica is skipped");
    }
}
