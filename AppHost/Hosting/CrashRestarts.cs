using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PropertyPlatform.AppHost.Hosting;

/// <summary>
/// Starts a service again when its process exits with an error: DCP leaves a crashed process down. Waits longer
/// after each crash in a row (1 s, 2 s, 4 s … 1 min), and forgets the count once the service is healthy again.
/// The restart shows in the dashboard like one an operator asked for.
/// </summary>
internal sealed class CrashRestarts(
    ResourceNotificationService notifications,
    ResourceCommandService commands,
    ILogger<CrashRestarts> logger) : BackgroundService
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var crashesInARow = new Dictionary<string, int>();
        var restarting = new HashSet<string>();
        try
        {
            await foreach (var update in notifications.WatchAsync(stoppingToken))
            {
                if (update.Resource is not ProjectResource)
                {
                    continue;
                }

                var id = update.ResourceId;
                var state = update.Snapshot.State?.Text;
                if (state == KnownResourceStates.Running)
                {
                    restarting.Remove(id);
                    if (update.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy)
                    {
                        crashesInARow.Remove(id);
                    }
                }
                // DCP reports a process that ended by itself as Finished; one an operator stops exits with 0 and stays down.
                else if (state == KnownResourceStates.Finished && update.Snapshot.ExitCode is { } exitCode && exitCode != 0 && restarting.Add(id))
                {
                    var crashes = crashesInARow[id] = crashesInARow.GetValueOrDefault(id) + 1;
                    var wait = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, crashes - 1), LongestWait.TotalSeconds));
                    logger.LogWarning("{Resource} exited with code {ExitCode}; starting it again in {Wait} s (crash {Crashes} in a row)",
                        id, exitCode, wait.TotalSeconds, crashes);
                    _ = RestartAfterAsync(id, wait, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The platform is stopping: nothing is restarted any more.
        }
    }

    private async Task RestartAfterAsync(string resourceId, TimeSpan wait, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(wait, stoppingToken);
            var result = await commands.ExecuteCommandAsync(resourceId, KnownResourceCommands.StartCommand, stoppingToken);
            if (!result.Success)
            {
                logger.LogError("Could not start {Resource} again: {Error}", resourceId, result.Message);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
