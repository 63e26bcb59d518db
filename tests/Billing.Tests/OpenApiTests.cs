using System.Text.Json;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Billing.Tests;

public sealed class OpenApiTests(TestInfrastructure infrastructure)
{
    [Fact]
    public async Task The_document_describes_deposits_and_bill_runs_for_client_generators()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);

        var text = await app.CreateClient().GetStringAsync("/openapi/v1.json", Cancel);

        var document = JsonDocument.Parse(text).RootElement;
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/deposits", "/deposits/balances", "/deposits/{id}/take", "/deposits/{id}/refund", "/deposits/{id}/forfeit", "/bill-runs" })
        {
            paths.TryGetProperty(path, out _).ShouldBeTrue(path);
        }
        var schemas = document.GetProperty("components").GetProperty("schemas");
        foreach (var property in new[] { "balance", "status", "steps", "cardNumber", "cardLost" })
        {
            schemas.GetProperty("DepositView").GetProperty("properties").TryGetProperty(property, out _).ShouldBeTrue(property);
        }
        // Kept beside the test binaries: the console's generator (web/scripts/api-types.mjs) reads it with OPENAPI_DIR.
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "billing.openapi.json"), text, Cancel);
    }
}
