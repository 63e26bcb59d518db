using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace PropertyPlatform.AppHost.Hosting;

/// <summary>
/// What PostgreSQL and RabbitMQ, run from the installed binaries, share: the state folder their data lives in,
/// the ports picked for them and running as a service user when the AppHost runs as root.
/// </summary>
internal static class LocalServers
{
    /// <summary>Where data stays between runs: <c>Platform:StateDirectory</c>, else <c>.state</c> beside the AppHost.</summary>
    public static string StateDirectory(IDistributedApplicationBuilder builder) =>
        Path.GetFullPath(builder.Configuration["Platform:StateDirectory"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(builder.AppHostDirectory, "..", ".state"));

    /// <summary>
    /// A free loopback port. DCP needs the port of an endpoint it does not proxy; the servers are not proxied,
    /// so that every database round trip does not pay for an extra hop.
    /// </summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A secret kept in the state folder, made on first use: data made with it must stay readable across runs.</summary>
    public static string StoredSecret(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        File.WriteAllText(path, secret);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return secret;
    }

    /// <summary>
    /// The command and arguments that run <paramref name="program"/> as <paramref name="user"/> when we are root,
    /// else as ourselves. setpriv replaces itself with the program, so DCP tracks (and stops) the server itself.
    /// </summary>
    public static (string Command, string[] Arguments) AsUser(string user, string program, params string[] arguments) =>
        Environment.IsPrivilegedProcess
            ? ("setpriv", [$"--reuid={user}", $"--regid={user}", "--init-groups", "--", program, .. arguments])
            : (program, arguments);

    /// <summary>
    /// Gives <paramref name="directory"/> to <paramref name="user"/> when we are root, and lets that user pass
    /// through its parents (a folder made by <c>mktemp -d</c> is closed to everyone else).
    /// </summary>
    public static void GiveTo(string user, string directory)
    {
        Directory.CreateDirectory(directory);
        if (!Environment.IsPrivilegedProcess || OperatingSystem.IsWindows())
        {
            return;
        }

        for (var parent = Path.GetDirectoryName(directory); parent is not null && parent != "/"; parent = Path.GetDirectoryName(parent))
        {
            var mode = File.GetUnixFileMode(parent);
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
            {
                File.SetUnixFileMode(parent, mode | UnixFileMode.OtherExecute);
            }
        }

        using var chown = System.Diagnostics.Process.Start("chown", ["-R", $"{user}:{user}", directory]);
        chown.WaitForExit();
        if (chown.ExitCode != 0)
        {
            throw new InvalidOperationException($"chown -R {user} {directory} failed with exit code {chown.ExitCode}.");
        }
    }
}
