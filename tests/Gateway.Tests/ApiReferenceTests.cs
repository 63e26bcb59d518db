using System.Net;
using System.Text.Json;
using static PropertyPlatform.Gateway.Tests.TestHelpers;

namespace PropertyPlatform.Gateway.Tests;

public sealed class ApiReferenceTests : IAsyncLifetime
{
    private EchoBackend _workOrders = null!;
    private GatewayHost _gateway = null!;

    public async ValueTask InitializeAsync()
    {
        _workOrders = await EchoBackend.StartAsync("workorders");
        _gateway = new GatewayHost(new() { ["services:workorders:http:0"] = _workOrders.Address });
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _workOrders.DisposeAsync();
    }

    [Fact]
    public async Task Api_reference_page_offers_every_service_document_and_loads_nothing_from_the_internet()
    {
        using var response = await _gateway.Client.GetAsync("/scalar/", Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.Content.ReadAsStringAsync(Cancel);
        foreach (var service in new[] { "directory", "reception", "workorders", "complaints", "billing", "notifications" })
        {
            // Relative to the gateway's root, which the page works out from its own address.
            page.ShouldContain($"\"url\":\"api/{service}/openapi/v1.json\"");
        }
        // The script comes from the gateway (next test); the web fonts it would fetch from a CDN are switched off.
        page.ShouldContain("<script src=\"scalar.js\">");
        page.ShouldContain("\"withDefaultFonts\":false");
    }

    [Fact]
    public async Task Api_reference_script_is_served_by_the_gateway()
    {
        using var response = await _gateway.Client.GetAsync("/scalar/scalar.js", Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync(Cancel)).Length.ShouldBeGreaterThan(1000);
    }

    [Fact]
    public async Task A_service_document_through_the_gateway_names_the_gateway_path_as_its_server()
    {
        var document = await _gateway.Client.GetFromJsonAsync<JsonElement>("/api/workorders/openapi/v1.json", Cancel);

        document.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("url").GetString()).ShouldBe(["/api/workorders"]);
        document.GetProperty("path").GetString().ShouldBe("/openapi/v1.json", "the rest of the document is the service's");
    }
}
