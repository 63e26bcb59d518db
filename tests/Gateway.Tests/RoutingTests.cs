using System.Net;
using System.Text.Json;
using static PropertyPlatform.Gateway.Tests.TestHelpers;

namespace PropertyPlatform.Gateway.Tests;

public sealed class RoutingTests : IAsyncLifetime
{
    private EchoBackend _workOrders = null!;
    private GatewayHost _gateway = null!;

    public async ValueTask InitializeAsync()
    {
        _workOrders = await EchoBackend.StartAsync("workorders");
        _gateway = new GatewayHost(new()
        {
            ["services:workorders:http:0"] = _workOrders.Address,
            ["services:billing:http:0"] = GatewayHost.DeadAddress(),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _workOrders.DisposeAsync();
    }

    [Fact]
    public async Task Request_reaches_the_service_without_the_api_prefix()
    {
        using var response = await _gateway.Client.GetAsync("/api/workorders/work-orders/42?status=open", Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var echo = await response.ReadEchoAsync();
        echo!.Path.ShouldBe("/work-orders/42");
        echo.Query.ShouldBe("?status=open");
    }

    [Fact]
    public async Task Request_body_reaches_the_service()
    {
        using var response = await _gateway.Client.PostAsJsonAsync("/api/workorders/work-orders", new { description = "Leaking tap" }, Cancel);

        var echo = await response.ReadEchoAsync();
        echo!.Method.ShouldBe("POST");
        echo.BodyBytes.ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData("/work-orders/42")]
    [InlineData("{self}/work-orders/42")]
    public async Task Location_of_a_created_record_is_an_address_on_the_gateway(string locationFromService)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/workorders/work-orders");
        request.Headers.Add("X-Echo-Location", locationFromService);

        using var response = await _gateway.Client.SendAsync(request, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.Location!.OriginalString.ShouldBe("/api/workorders/work-orders/42");
    }

    [Fact]
    public async Task Trace_context_of_the_caller_is_continued_at_the_service()
    {
        var traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/workorders/work-orders");
        request.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");

        using var response = await _gateway.Client.SendAsync(request, Cancel);

        var echo = await response.ReadEchoAsync();
        echo!.Headers.ShouldContainKey("traceparent");
        echo.Headers["traceparent"].Split('-')[1].ShouldBe(traceId);
        response.Headers.GetValues("X-Correlation-Id").Single().ShouldBe(traceId);
    }

    [Fact]
    public async Task Without_caller_context_the_gateway_starts_a_trace_and_returns_its_id()
    {
        using var response = await _gateway.Client.GetAsync("/api/workorders/work-orders", Cancel);

        var echo = await response.ReadEchoAsync();
        var correlationId = response.Headers.GetValues("X-Correlation-Id").Single();
        correlationId.Length.ShouldBe(32);
        echo!.Headers["traceparent"].Split('-')[1].ShouldBe(correlationId);
        echo.Headers["X-Correlation-Id"].ShouldBe(correlationId);
    }

    [Fact]
    public async Task Caller_correlation_id_is_kept_and_forwarded()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/workorders/work-orders");
        request.Headers.Add("X-Correlation-Id", "desk-7f3a.42");

        using var response = await _gateway.Client.SendAsync(request, Cancel);

        response.Headers.GetValues("X-Correlation-Id").Single().ShouldBe("desk-7f3a.42");
        (await response.ReadEchoAsync())!.Headers["X-Correlation-Id"].ShouldBe("desk-7f3a.42");
    }

    [Fact]
    public async Task Malformed_correlation_id_is_replaced_by_the_trace_id()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/workorders/work-orders");
        request.Headers.TryAddWithoutValidation("X-Correlation-Id", "<script>alert(1)</script>");

        using var response = await _gateway.Client.SendAsync(request, Cancel);

        var returned = response.Headers.GetValues("X-Correlation-Id").Single();
        returned.ShouldNotContain("<");
        returned.Length.ShouldBe(32);
        (await response.ReadEchoAsync())!.Headers["X-Correlation-Id"].ShouldBe(returned);
    }

    [Fact]
    public async Task Unknown_api_route_is_a_404_problem_with_a_correlation_id()
    {
        using var response = await _gateway.Client.GetAsync("/api/nosuchservice/things", Cancel);

        await response.ShouldBeProblemAsync(404);
        response.Headers.GetValues("X-Correlation-Id").Single().ShouldNotBeNullOrWhiteSpace();
        _workOrders.ReceivedPaths.ShouldNotContain("/things");
    }

    [Fact]
    public async Task Service_that_is_down_answers_with_a_gateway_problem()
    {
        using var response = await _gateway.Client.GetAsync("/api/billing/bills", Cancel);

        ((int)response.StatusCode).ShouldBeOneOf(502, 503);
        var problem = await response.ShouldBeProblemAsync((int)response.StatusCode);
        problem.GetProperty("detail").GetString()!.ShouldContain("billing");
    }

    [Fact]
    public async Task Service_without_any_address_answers_503_problem()
    {
        using var response = await _gateway.Client.GetAsync("/api/complaints/complaints", Cancel);

        await response.ShouldBeProblemAsync(503);
    }

    [Fact]
    public async Task Health_names_each_service_and_shows_the_one_that_is_down()
    {
        using var response = await _gateway.Client.GetAsync("/health", Cancel);

        // The gateway stays ready while a service is down; the body says which one.
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        report.GetProperty("status").GetString().ShouldBe("Degraded");
        var entries = report.GetProperty("entries");
        entries.GetProperty("workorders").GetProperty("status").GetString().ShouldBe("Healthy");
        entries.GetProperty("billing").GetProperty("status").GetString().ShouldBe("Degraded");
        entries.GetProperty("complaints").GetProperty("status").GetString().ShouldBe("Degraded");
    }

    [Fact]
    public async Task OpenApi_index_lists_every_service_document()
    {
        var index = await _gateway.Client.GetFromJsonAsync<JsonElement>("/openapi", Cancel);

        var entries = index.EnumerateArray()
            .Select(e => (Service: e.GetProperty("service").GetString(), Url: e.GetProperty("url").GetString()))
            .ToList();
        entries.Select(e => e.Service).ShouldBe(["directory", "reception", "workorders", "complaints", "billing", "notifications"], ignoreOrder: true);
        entries.ShouldContain(("workorders", "/api/workorders/openapi/v1.json"));
    }

    [Fact]
    public async Task OpenApi_document_url_from_the_index_reaches_the_service()
    {
        using var response = await _gateway.Client.GetAsync("/api/workorders/openapi/v1.json", Cancel);

        (await response.ReadEchoAsync())!.Path.ShouldBe("/openapi/v1.json");
    }
}
