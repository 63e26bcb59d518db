using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PropertyPlatform.ServiceDefaults.Data;

/// <summary>
/// The one way a service acts on the due times it keeps in its database (deadlines, reminders, scheduled runs): a round
/// at start and then every interval (configuration key <paramref name="intervalKey"/>). A failed round is logged and the
/// next one tries again: the database may be restarting, and what is due waits in it, so a restart loses nothing either.
/// </summary>
public abstract partial class PeriodicSweeper(IConfiguration configuration, ILogger logger, string intervalKey, TimeSpan defaultInterval)
    : BackgroundService
{
    protected ILogger Logger => logger;

    /// <summary>One round: acts on everything due now.</summary>
    protected abstract Task SweepDueAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(configuration.GetValue(intervalKey, defaultInterval));
        do
        {
            try
            {
                await SweepDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogRoundFailed(logger, ex, GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Warning, "{Sweeper}'s round failed; what is due waits in the database for the next round")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception, string sweeper);
}
