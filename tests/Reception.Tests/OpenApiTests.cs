using System.Text.Json;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Reception.Tests;

public sealed class OpenApiTests(TestInfrastructure infrastructure)
{
    [Fact]
    public async Task The_document_describes_the_front_desks_registers_for_client_generators()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);

        var text = await app.CreateClient().GetStringAsync("/openapi/v1.json", Cancel);

        var paths = JsonDocument.Parse(text).RootElement.GetProperty("paths");
        foreach (var path in new[] { "/lost-items", "/lost-items/{id}/claim", "/lost-items/{id}/dispose", "/keys", "/keys/{id}/sign-out",
            "/keys/{id}/return", "/enquiries", "/enquiries/{id}/answer", "/access-cards", "/access-cards/{id}/return",
            "/access-cards/{id}/report-lost", "/blocklist", "/blocklist/{id}/lift", "/vehicles", "/vehicles/{id}/leave" })
        {
            paths.TryGetProperty(path, out _).ShouldBeTrue(path);
        }
        // Kept beside the test binaries: the console's generator (web/scripts/api-types.mjs) reads it with OPENAPI_DIR.
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "reception.openapi.json"), text, Cancel);
    }
}
