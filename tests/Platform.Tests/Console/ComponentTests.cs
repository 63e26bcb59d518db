using System.Diagnostics;

namespace PropertyPlatform.WebConsole.Tests;

/// <summary>The console's own Vitest suite (web/src/**/*.test.ts[x]), run here so `./platform test` counts it.</summary>
public sealed class ComponentTests
{
    [Fact]
    public async Task The_consoles_component_tests_pass()
    {
        var web = Path.Combine(ConsoleFixture.FindRepository(), "web");
        var start = new ProcessStartInfo("npx", "vitest run --reporter=dot")
        {
            WorkingDirectory = web, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["CI"] = "true";
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Cancel);
        var errors = process.StandardError.ReadToEndAsync(Cancel);
        await process.WaitForExitAsync(Cancel);

        process.ExitCode.ShouldBe(0, $"{await output}\n{await errors}");
    }
}
