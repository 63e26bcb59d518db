using System.Runtime.InteropServices;

namespace PropertyPlatform.TestSupport.Servers;

/// <summary>The few POSIX calls .NET has no API for.</summary>
internal static class Posix
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    /// <summary>Sends <paramref name="signal"/> to <paramref name="pid"/>; false when there is no such process.</summary>
    public static bool Signal(int pid, int signal) => NativeMethods.Kill(pid, signal) == 0;

    /// <summary>True while a process with this id runs: it exists (signal 0 checks without sending anything) and is not a zombie.</summary>
    public static bool IsAlive(int pid) => pid > 0 && NativeMethods.Kill(pid, 0) == 0 && !IsZombie(pid);

    /// <summary>The program name of a running process (<c>/proc/&lt;pid&gt;/comm</c>), or null.</summary>
    public static string? ProgramName(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The pid written on the first line of a pid file (PostgreSQL's postmaster.pid, RabbitMQ's pid file), or 0.</summary>
    public static int ReadPidFile(string path)
    {
        try
        {
            var firstLine = File.ReadLines(path).FirstOrDefault();
            return int.TryParse(firstLine, out var pid) ? pid : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>
    /// Stops a server an earlier run left behind (the AppHost was killed): it would hold the data
    /// directory and the ports. Only called for our own state folder, which nobody else uses.
    /// </summary>
    public static void StopLeftover(string pidFile, string expectedProgram, int signal, Action<string> log)
    {
        var pid = ReadPidFile(pidFile);
        if (!IsAlive(pid) || ProgramName(pid) != expectedProgram)
        {
            return;
        }

        log($"stopping {expectedProgram} (pid {pid}) left running by an earlier run");
        Signal(pid, signal);
        for (var waited = 0; waited < 600 && IsAlive(pid); waited++)
        {
            Thread.Sleep(100);
        }

        if (IsAlive(pid))
        {
            Signal(pid, SigKill);
        }
    }

    // An exited process whose parent has not collected it yet (state Z in /proc/<pid>/stat, after the name).
    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        public static extern int Kill(int pid, int signal);
    }
}
