using System.Collections.Concurrent;
using System.Diagnostics;

namespace PropertyPlatform.TestSupport.Servers;

/// <summary>What to run: a program, its arguments and how its environment differs from ours.</summary>
public sealed record ProcessCommand(string FileName, IReadOnlyList<string> Arguments)
{
    public string? WorkingDirectory { get; init; }

    /// <summary>Variables to set; a null value removes an inherited variable.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Run as this user when we are root (PostgreSQL refuses to run as root); ignored otherwise.</summary>
    public string? UserName { get; init; }
}

/// <summary>
/// A process we started and own: its output is streamed line by line, it can be stopped gracefully
/// and it is always killed together with its children.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int RecentLineCount = 30;

    // Every child still running, so a second Ctrl+C or a dying test host can kill them all at once.
    private static readonly ConcurrentDictionary<ChildProcess, bool> Running = new();

    private readonly Process _process;
    private readonly Action<string>? _onOutput;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _outputEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _errorEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Queue<string> _recentLines = new();

    private ChildProcess(Process process, Action<string>? onOutput)
    {
        _process = process;
        _onOutput = onOutput;
    }

    public int Id => _process.Id;

    /// <summary>Completes with the exit code when the process has exited.</summary>
    public Task<int> Exited => _exited.Task;

    public bool HasExited => _exited.Task.IsCompleted;

    /// <summary>The last lines the process wrote, for error messages.</summary>
    public string RecentOutput
    {
        get
        {
            lock (_recentLines)
            {
                return string.Join('\n', _recentLines);
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="command"/> in a session of its own (via <c>setsid</c>), so a Ctrl+C in the
    /// terminal reaches only the AppHost, which then stops everything in order.
    /// </summary>
    public static ChildProcess Start(ProcessCommand command, Action<string>? onOutput)
    {
        var startInfo = new ProcessStartInfo("setsid")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true, // so nothing ever reads our terminal
            UseShellExecute = false,
            WorkingDirectory = command.WorkingDirectory ?? DefaultWorkingDirectory(command),
        };
        // setsid execs the program in place (a child of ours is never a process group leader), so the pid stays the program's.
        startInfo.ArgumentList.Add(command.FileName);
        foreach (var argument in command.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in command.Environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        if (command.UserName is not null && Environment.IsPrivilegedProcess)
        {
            startInfo.UserName = command.UserName;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var child = new ChildProcess(process, onOutput);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data, child._outputEnded);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data, child._errorEnded);
        // The Exited event rather than WaitForExitAsync: a daemon the child leaves behind could keep
        // the output pipes open long after the child itself is gone.
        process.Exited += (_, _) =>
        {
            Running.TryRemove(child, out _);
            child._exited.TrySetResult(process.ExitCode);
        };
        Running.TryAdd(child, true);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Running.TryRemove(child, out _);
            process.Dispose();
            throw new PlatformStartupException($"Cannot start {command.FileName}: {ex.Message}", ex);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs a short command to completion; returns its exit code and its last lines of output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(ProcessCommand command, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        await using var child = Start(command, onOutput: null);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            var exitCode = await child.Exited.WaitAsync(timeoutSource.Token);
            // The last lines can trail the exit by a moment.
            await Task.WhenAll(child._outputEnded.Task, child._errorEnded.Task)
                .WaitAsync(TimeSpan.FromSeconds(2), CancellationToken.None)
                .ContinueWith(_ => { }, TaskScheduler.Default);
            return (exitCode, child.RecentOutput);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (-1, $"{Path.GetFileName(command.FileName)} did not finish within {timeout.TotalSeconds:0}s. {child.RecentOutput}");
        }
    }

    /// <summary>Kills every child process still running, with its children. For emergencies: nothing stops gracefully.</summary>
    public static void KillAll()
    {
        foreach (var child in Running.Keys)
        {
            child.Kill();
        }
    }

    /// <summary>Sends a POSIX signal, e.g. SIGINT asks PostgreSQL for a fast shutdown.</summary>
    public void Signal(int signal)
    {
        if (!HasExited)
        {
            Posix.Signal(_process.Id, signal);
        }
    }

    /// <summary>Asks the process to stop with <paramref name="signal"/>; kills it and its children after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace, int signal = Posix.SigTerm)
    {
        Signal(signal);
        if (!await WaitForExitAsync(grace))
        {
            Kill();
            await WaitForExitAsync(TimeSpan.FromSeconds(5));
        }
    }

    /// <summary>Kills the process and every process it started.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It has already exited.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!HasExited)
        {
            Kill();
            await WaitForExitAsync(TimeSpan.FromSeconds(5));
        }

        _process.Dispose();
    }

    private async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        await Task.WhenAny(Exited, Task.Delay(timeout));
        return HasExited;
    }

    private void OnLine(string? line, TaskCompletionSource streamEnded)
    {
        if (line is null)
        {
            streamEnded.TrySetResult();
            return;
        }

        lock (_recentLines)
        {
            _recentLines.Enqueue(line);
            if (_recentLines.Count > RecentLineCount)
            {
                _recentLines.Dequeue();
            }
        }

        _onOutput?.Invoke(line);
    }

    /// <summary>
    /// Our own folder, except for a program run as another user (PostgreSQL as <c>postgres</c> when we are root):
    /// it may not be allowed into our folder (e.g. a clone inside a <c>mktemp -d</c> folder, mode 700), so it starts in /.
    /// </summary>
    private static string DefaultWorkingDirectory(ProcessCommand command) =>
        command.UserName is not null && Environment.IsPrivilegedProcess ? "/" : Environment.CurrentDirectory;
}
