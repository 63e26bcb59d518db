using System.Diagnostics;

namespace PropertyPlatform.Api.Tests;

/// <summary>
/// Runs Spectral from the repository's committed npm project (tools/openapi-lint), installing it with <c>npm ci</c>
/// when its node_modules are missing, with its ruleset (tools/openapi-lint/.spectral.yaml).
/// </summary>
internal static class Spectral
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan LintTimeout = TimeSpan.FromMinutes(5);

    public static async Task<(int ExitCode, string Output)> LintAsync(IReadOnlyList<string> documents)
    {
        var tool = ToolFolder();
        var spectral = Path.Combine(tool, "node_modules", ".bin", "spectral");
        if (!File.Exists(spectral))
        {
            var (installed, installOutput) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], tool, InstallTimeout);
            if (installed != 0)
            {
                throw new InvalidOperationException($"npm ci in {tool} failed:\n{installOutput}");
            }
        }
        // Errors fail the run; warnings are reported in the output but tolerated.
        return await RunAsync(spectral,
            ["lint", "--ruleset", Path.Combine(tool, ".spectral.yaml"), "--fail-severity", "error", "--format", "text", .. documents],
            tool, LintTimeout);
    }

    /// <summary>Where the documents to lint go: tools/openapi-lint/documents (ignored by git).</summary>
    public static string DocumentsFolder() => Directory.CreateDirectory(Path.Combine(ToolFolder(), "documents")).FullName;

    private static string ToolFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var tool = Path.Combine(directory.FullName, "tools", "openapi-lint");
            if (File.Exists(Path.Combine(tool, ".spectral.yaml")))
            {
                return tool;
            }
        }
        throw new InvalidOperationException($"No tools/openapi-lint/.spectral.yaml above {AppContext.BaseDirectory}.");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within {timeout}.");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
