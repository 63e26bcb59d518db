using PropertyPlatform.Reception.Infrastructure;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.Reception.Tests;

/// <summary>
/// Starts the service for a test without its background enquiry-reminder sweeps: a sweep landing between two steps of a
/// test would change an enquiry (and its version) under it. A test that needs the reminders runs
/// <see cref="EnquiryReminderSweeper.SweepAsync"/> itself, at the app's clock.
/// </summary>
public static class ReceptionTestApp
{
    public static Task<ReceptionApp> StartAsync(TestInfrastructure infrastructure) =>
        ReceptionApp.StartAsync(infrastructure, configureServices: (services, _) =>
        {
            // The sweeper is the one hosted service Reception registers through a factory (from its own assembly).
            var sweeps = services.Single(d => d.ServiceType == typeof(IHostedService)
                && d.ImplementationFactory?.Method.DeclaringType?.Assembly == typeof(EnquiryReminderSweeper).Assembly);
            services.Remove(sweeps);
        });
}
