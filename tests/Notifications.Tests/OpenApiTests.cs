using System.Text.Json;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Notifications.Tests;

public sealed class OpenApiTests(TestInfrastructure infrastructure)
{
    [Fact]
    public async Task The_document_describes_preferences_deliveries_webhooks_routing_and_templates_for_client_generators()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);

        var text = await app.CreateClient().GetStringAsync("/openapi/v1.json", Cancel);

        var paths = JsonDocument.Parse(text).RootElement.GetProperty("paths");
        foreach (var path in new[] { "/preferences", "/deliveries", "/deliveries/{id}/replay", "/webhooks", "/webhooks/{id}/deliveries",
            "/webhooks/{id}/replay", "/routing", "/routing/{eventType}", "/templates" })
        {
            paths.TryGetProperty(path, out _).ShouldBeTrue(path);
        }
        // Kept beside the test binaries: the console's generator (web/scripts/api-types.mjs) reads it with OPENAPI_DIR.
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "notifications.openapi.json"), text, Cancel);
    }
}
