using PropertyPlatform.Billing.Infrastructure;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.Billing.Tests;

/// <summary>
/// Starts the service for a test. The scheduled runs' sweeper runs only when a test asks: in the background it could
/// issue a bill run or reminders between two steps of a test (on the 25th, say).
/// </summary>
public static class BillingTestApp
{
    public static Task<BillingApp> StartAsync(TestInfrastructure infrastructure) =>
        BillingApp.StartAsync(infrastructure, configureServices: (services, _) =>
        {
            // The only hosted service Billing registers itself is the sweeper (from its own assembly).
            var sweeper = services.Single(d => d.ServiceType == typeof(IHostedService)
                && d.ImplementationFactory?.Method.DeclaringType?.Assembly == typeof(ScheduledRunSweeper).Assembly);
            services.Remove(sweeper);
        });
}
