using System.Text.Json;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Complaints.Tests;

public sealed class OpenApiTests(TestInfrastructure infrastructure)
{
    [Fact]
    public async Task The_document_describes_photos_and_ending_plans_for_client_generators()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);

        var text = await app.CreateClient().GetStringAsync("/openapi/v1.json", Cancel);

        var document = JsonDocument.Parse(text).RootElement;
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/complaints/{id}/photos", "/complaints/{id}/photos/{photoId}", "/visit-plans/{id}/end" })
        {
            paths.TryGetProperty(path, out _).ShouldBeTrue(path);
        }
        paths.GetProperty("/complaints/{id}/photos").GetProperty("post").GetProperty("requestBody").GetProperty("content")
            .TryGetProperty("multipart/form-data", out _).ShouldBeTrue();
        document.GetProperty("components").GetProperty("schemas").GetProperty("ComplaintView").GetProperty("properties")
            .TryGetProperty("photoCount", out _).ShouldBeTrue();
        // Kept beside the test binaries: the console's generator (web/scripts/api-types.mjs) reads it with OPENAPI_DIR.
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "complaints.openapi.json"), text, Cancel);
    }
}
