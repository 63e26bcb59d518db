namespace PropertyPlatform.AppHost.Hosting;

/// <summary>Where things are: the repository, the build configuration, the dotnet host.</summary>
public static class PlatformPaths
{
    /// <summary>
    /// The folder holding PropertyPlatform.sln (or the platform script), found by walking up from this
    /// assembly's folder (AppHost or test output), then from the current directory.
    /// </summary>
    public static string FindRepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "PropertyPlatform.sln")) || File.Exists(Path.Combine(directory.FullName, "platform")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new PlatformStartupException($"Cannot find the repository (a folder with PropertyPlatform.sln) above {AppContext.BaseDirectory}");
    }

    /// <summary>The configuration this code was built in, read from its output path <c>…/bin/&lt;Configuration&gt;/net10.0/</c>.</summary>
    public static string CurrentConfiguration()
    {
        var targetFramework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = targetFramework.Parent;
        return configuration?.Parent?.Name == "bin" ? configuration.Name : "Release";
    }

    /// <summary>The dotnet host to run services with: the one running us when it is dotnet, else the SDK's, else PATH's.</summary>
    public static string DotnetHost()
    {
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }

        // Set by the dotnet CLI for what it starts (dotnet test, dotnet run).
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return File.Exists(fromSdk) ? fromSdk : "dotnet";
    }
}

/// <summary>What every resource of one running platform shares.</summary>
internal sealed class PlatformContext(PlatformOptions options, ConsoleLog log, string repositoryRoot, string stateDirectory, string configuration) : IDisposable
{
    public PlatformOptions Options { get; } = options;

    public ConsoleLog Log { get; } = log;

    public string RepositoryRoot { get; } = repositoryRoot;

    public string StateDirectory { get; } = stateDirectory;

    public string Configuration { get; } = configuration;

    /// <summary>For health checks; no proxy, every address is on loopback.</summary>
    public HttpClient Http { get; } = new(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
        Timeout = TimeSpan.FromSeconds(5),
    };

    /// <summary>The connection string given for an external server or database, if any.</summary>
    public string? ExternalConnectionString(string name) =>
        Options.ConnectionStrings.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    public void Dispose() => Http.Dispose();
}
