extern alias billing;
extern alias complaints;
extern alias directory;
extern alias notifications;
extern alias reception;
extern alias workorders;

using PropertyPlatform.TestSupport;

namespace PropertyPlatform.Api.Tests;

/// <summary>
/// Every service's OpenAPI document is what mobile apps, the console and integrations generate their clients from,
/// so it must describe the API as it is: Spectral's oas and OWASP rulesets (as tuned in .spectral.yaml) find no error.
/// </summary>
public sealed class OpenApiDocumentTests(TestInfrastructure infrastructure)
{
    [Fact]
    public async Task Every_service_document_passes_Spectral_without_errors()
    {
        // Beside the ruleset, whose per-file overrides name them relative to it; kept after the run to read.
        var folder = Spectral.DocumentsFolder();
        foreach (var old in Directory.GetFiles(folder, "*.json"))
        {
            File.Delete(old);
        }

        await SaveDocumentAsync<directory::Program>(folder);
        await SaveDocumentAsync<reception::Program>(folder);
        await SaveDocumentAsync<workorders::Program>(folder);
        await SaveDocumentAsync<complaints::Program>(folder);
        await SaveDocumentAsync<billing::Program>(folder);
        await SaveDocumentAsync<notifications::Program>(folder);

        var (exitCode, output) = await Spectral.LintAsync(Directory.GetFiles(folder, "*.json").Order().ToArray());
        TestContext.Current.TestOutputHelper?.WriteLine(output);

        exitCode.ShouldBe(0, output);
    }

    private async Task SaveDocumentAsync<TProgram>(string folder)
        where TProgram : class
    {
        await using var app = await ServiceApp<TProgram>.StartAsync(infrastructure);
        // Anonymous, as clients and code generators read it.
        var document = await app.CreateClient().GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, $"{app.ServiceName}.json"), document, TestContext.Current.CancellationToken);
    }
}
