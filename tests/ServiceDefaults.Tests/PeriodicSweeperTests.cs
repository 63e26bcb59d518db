using Microsoft.Extensions.Logging.Abstractions;
using PropertyPlatform.ServiceDefaults.Data;

namespace PropertyPlatform.ServiceDefaults.Tests;

public sealed class PeriodicSweeperTests
{
    [Fact]
    public async Task A_failed_round_is_followed_by_the_next_one_and_stopping_ends_the_rounds()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Test:SweepInterval"] = "00:00:00.050" })
            .Build();
        using var sweeper = new FailingOnceSweeper(configuration);

        await sweeper.StartAsync(TestContext.Current.CancellationToken);
        // The first round runs at start and fails (the database is down, say); the rounds after it still come.
        await sweeper.ThirdRound.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await sweeper.StopAsync(TestContext.Current.CancellationToken);
        var rounds = sweeper.Rounds;
        await Task.Delay(200, TestContext.Current.CancellationToken);

        sweeper.Rounds.ShouldBe(rounds);
    }

    private sealed class FailingOnceSweeper(IConfiguration configuration)
        : PeriodicSweeper(configuration, NullLogger.Instance, "Test:SweepInterval", TimeSpan.FromHours(1))
    {
        private int rounds;

        public int Rounds => Volatile.Read(ref rounds);

        public TaskCompletionSource ThirdRound { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override Task SweepDueAsync(CancellationToken cancellationToken)
        {
            var round = Interlocked.Increment(ref rounds);
            if (round == 3)
            {
                ThirdRound.TrySetResult();
            }
            return round == 1 ? throw new InvalidOperationException("The database is restarting.") : Task.CompletedTask;
        }
    }
}
