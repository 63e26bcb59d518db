using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;
using PropertyPlatform.Billing.Infrastructure;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.Benchmarks.BillRun;

// A bill run for one property of N generated units (100,000 by default), then a rerun that adds nothing:
// Billing is hosted in process as its tests host it, on a PostgreSQL and RabbitMQ of its own (TestSupport), and the
// run is timed through POST /bill-runs. Units are written straight into Billing's copy of units (as Directory's feed
// would fill it), so only the run is measured.
//   dotnet run -c Release --project benchmarks/BillRun -- [--units 100000]
public static class BillRunBenchmark
{
    public static async Task Main(string[] args)
    {
        var options = args.Select((value, index) => (value, index)).Where(a => a.value.StartsWith("--", StringComparison.Ordinal))
            .ToDictionary(a => a.value[2..], a => a.index + 1 < args.Length ? args[a.index + 1] : "");
        var unitCount = int.Parse(options.GetValueOrDefault("units", "100000"), CultureInfo.InvariantCulture);

        // Billing's content root is this program's folder (its appsettings are copied here); the test host would look for
        // a project folder next to the solution otherwise.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PROPERTYPLATFORM_BILLING", AppContext.BaseDirectory);
        await using var infrastructure = new TestInfrastructure();
        await using var app = await ServiceApp<global::Program>.StartAsync(infrastructure, "billing", (services, _) =>
        {
            // No scheduled runs in the middle of the measurement.
            var sweeper = services.Single(d => d.ServiceType == typeof(IHostedService)
                && d.ImplementationFactory?.Method.DeclaringType?.Assembly == typeof(ScheduledRunSweeper).Assembly);
            services.Remove(sweeper);
        });

        var propertyId = Guid.NewGuid();
        var generate = Stopwatch.StartNew();
        await using (var connection = new NpgsqlConnection(app.DatabaseConnectionString))
        {
            await connection.OpenAsync();
            // 100 buildings of offices, 60–180 m² each.
            await using var command = new NpgsqlCommand("""
                INSERT INTO units (id, property_id, building_id, building_name, number, floor, type, chargeable_area, version)
                SELECT gen_random_uuid(), @property, ('00000000-0000-0000-0000-' || lpad(((n % 100) + 1)::text, 12, '0'))::uuid,
                       'B' || ((n % 100) + 1), lpad((n / 100)::text, 5, '0'), (n / 100) % 30 + 1, 'Office', 60 + (n % 121), now()
                FROM generate_series(0, @count - 1) AS n
                """, connection);
            command.Parameters.AddWithValue("property", propertyId);
            command.Parameters.AddWithValue("count", unitCount);
            command.CommandTimeout = 600;
            await command.ExecuteNonQueryAsync();
        }
        Console.WriteLine($"Generated {unitCount:N0} units in {generate.Elapsed.TotalSeconds:0.0} s");

        using var finance = app.ClientAs(Roles.Finance, propertyId);
        finance.Timeout = TimeSpan.FromMinutes(30);
        var rate = JsonSerializer.Serialize(new { propertyId, item = "property_service", unitType = "office", rate = 3.5m, effectiveFrom = "2026-01-01" });
        (await finance.PostAsync("/fee-schedules", new StringContent(rate, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        var run = JsonSerializer.Serialize(new { propertyId, period = "2026-07" });

        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var first = Stopwatch.StartNew();
        var response = await finance.PostAsync("/bill-runs", new StringContent(run, Encoding.UTF8, "application/json"));
        first.Stop();
        response.EnsureSuccessStatusCode();
        var issued = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("issued").GetInt32();
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        Console.WriteLine($"Bill run: {issued:N0} lines in {first.Elapsed.TotalSeconds:0.0} s; allocated {allocated / 1024 / 1024:N0} MiB; " +
            $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MiB");

        var second = Stopwatch.StartNew();
        response = await finance.PostAsync("/bill-runs", new StringContent(run, Encoding.UTF8, "application/json"));
        second.Stop();
        response.EnsureSuccessStatusCode();
        var reissued = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("issued").GetInt32();
        Console.WriteLine($"Rerun: {reissued:N0} lines in {second.Elapsed.TotalSeconds:0.0} s");
    }
}
