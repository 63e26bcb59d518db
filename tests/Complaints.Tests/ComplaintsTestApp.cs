using PropertyPlatform.Complaints.Infrastructure;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.Complaints.Tests;

/// <summary>
/// Starts the service for a test. The deadline sweeper runs only when the test asks (<see cref="SweepAsync"/>): a
/// background sweep could otherwise change a complaint between two steps of a test (its deadlines fall at the end of the
/// local day, which a test may run across).
/// </summary>
public static class ComplaintsTestApp
{
    public static Task<ComplaintsApp> StartAsync(TestInfrastructure infrastructure) =>
        ComplaintsApp.StartAsync(infrastructure, configureServices: (services, _) =>
        {
            // The only hosted service Complaints registers itself is the sweeper (from its own assembly).
            var sweeper = services.Single(d => d.ServiceType == typeof(IHostedService)
                && d.ImplementationFactory?.Method.DeclaringType?.Assembly == typeof(DeadlineSweeper).Assembly);
            services.Remove(sweeper);
        });

    /// <summary>Lets the sweeper act on everything due at the app's clock.</summary>
    public static async Task SweepAsync(this ComplaintsApp app)
    {
        var sweeper = app.Services.GetRequiredService<DeadlineSweeper>();
        while (await sweeper.SweepAsync(TestContext.Current.CancellationToken) > 0)
        {
        }
    }
}
