namespace PropertyPlatform.TestSupport.Servers;

/// <summary>File-system chores for running servers as another user.</summary>
internal static class FileSystem
{
    /// <summary>
    /// Lets other users pass through every folder above <paramref name="directory"/> (o+x: traverse, not list),
    /// so the postgres user can reach a data directory inside, say, /root/repo or a private temp folder.
    /// </summary>
    public static void MakeTraversable(string directory, Action<string> log)
    {
        if (OperatingSystem.IsWindows())
        {
            return; // no POSIX modes; the platform runs on Linux anyway
        }

        for (var current = Path.GetDirectoryName(Path.GetFullPath(directory)); current is not null; current = Path.GetDirectoryName(current))
        {
            var mode = File.GetUnixFileMode(current);
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
            {
                File.SetUnixFileMode(current, mode | UnixFileMode.OtherExecute);
                log($"allowed other users to pass through {current} (o+x) so the server can reach its data");
            }
        }
    }

    /// <summary>Gives <paramref name="path"/> and everything inside to <paramref name="user"/> (root only; .NET has no chown).</summary>
    public static async Task ChangeOwnerAsync(string path, string user)
    {
        var (exitCode, output) = await ChildProcess.RunAsync(
            new ProcessCommand("chown", ["-R", $"{user}:{user}", path]), TimeSpan.FromSeconds(60));
        if (exitCode != 0)
        {
            throw new PlatformStartupException($"chown {user} {path} failed: {output.ReplaceLineEndings(" ")}");
        }
    }
}

/// <summary>Finds programs the way a shell does.</summary>
internal static class Executables
{
    public static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
