using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using static PropertyPlatform.Benchmarks.Load;

// The reads of the front desk and its supervisor with years of data. Seeds WorkOrders' database once with a generated history of the demo
// property (--units units, --orders orders over three years, most closed, the newest few hundred open, two timeline
// lines each), then measures through the gateway at --concurrency clients: the board, a filtered list page, an order's
// detail and the monthly statistics; and, with one client, the CSV export of one month (bytes, time, and WorkOrders'
// memory when --pid names its process).
//   dotnet run -c Release --project benchmarks/ReadLoad -- --database "<WorkOrders' connection string>"
//       [--url http://127.0.0.1:8080] [--units 5000] [--orders 100000] [--requests 1000] [--concurrency 16] [--pid N]
// WorkOrders' connection string is in the dashboard (the workorders resource's environment, ConnectionStrings__workordersdb).
var options = Options(args);
var gateway = options.GetValueOrDefault("url") is { Length: > 0 } url ? url : "http://127.0.0.1:8080";
var database = options.GetValueOrDefault("database") ?? throw new ArgumentException("--database: WorkOrders' connection string, to seed the history");
var units = int.Parse(options.GetValueOrDefault("units", "5000"));
var orders = int.Parse(options.GetValueOrDefault("orders", "100000"));
var requests = int.Parse(options.GetValueOrDefault("requests", "1000"));
var concurrency = int.Parse(options.GetValueOrDefault("concurrency", "16"));
var pid = options.GetValueOrDefault("pid") is { Length: > 0 } p ? int.Parse(p) : (int?)null;

var propertyId = await History.SeedAsync(database, units, orders);

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseProxy = false }) { BaseAddress = new Uri(gateway) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SignInAsync(http, "supervisor"));

var yearAgo = DateTime.UtcNow.AddYears(-1);
var month = $"{yearAgo:yyyy-MM}";
var monthEnd = new DateOnly(yearAgo.Year, yearAgo.Month, DateTime.DaysInMonth(yearAgo.Year, yearAgo.Month));
var random = new Random(7);
(string Name, Func<string> Path)[] reads =
[
    ("board", () => $"/api/workorders/board?propertyId={propertyId}"),
    ("list: closed plumbing orders, page 40 of 20", () => $"/api/workorders/work-orders?propertyId={propertyId}&status=closed&category=plumbing&page=40&pageSize=20"),
    ("detail of a random order", () => $"/api/workorders/work-orders/{History.OrderId(random.Next(orders))}"),
    ("monthly statistics", () => $"/api/workorders/statistics?propertyId={propertyId}&month={month}"),
];

Console.WriteLine($"Reads through {gateway}: {units} generated units, {orders} generated orders, {concurrency} clients, {requests} requests each, {Environment.ProcessorCount} cores");
var failed = false;
foreach (var (name, path) in reads)
{
    await RunAsync(http, path, Math.Min(100, requests / 10), concurrency);
    var (latencies, elapsed, failures) = await RunAsync(http, path, requests, concurrency);
    latencies.Sort();
    Console.WriteLine($"  {name}: {requests / elapsed.TotalSeconds:0} requests/s, p50 {Percentile(latencies, 0.50):0.0} ms, p99 {Percentile(latencies, 0.99):0.0} ms, failures {failures}");
    failed |= failures > 0;
}

// The export streams: its memory should not grow with the month's size.
for (var run = 0; run < 3; run++)
{
    var memoryBefore = ResidentMegabytes(pid);
    var peak = memoryBefore;
    using var sampling = new CancellationTokenSource();
    var sampler = Task.Run(async () =>
    {
        while (!sampling.IsCancellationRequested)
        {
            peak = Math.Max(peak, ResidentMegabytes(pid));
            await Task.Delay(20);
        }
    });
    var started = Stopwatch.GetTimestamp();
    using var response = await http.GetAsync(
        $"/api/workorders/work-orders/export.csv?propertyId={propertyId}&submittedFrom={month}-01&submittedTo={monthEnd:yyyy-MM-dd}",
        HttpCompletionOption.ResponseHeadersRead);
    var firstByte = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    var bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
    var total = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    await sampling.CancelAsync();
    await sampler;
    var memory = pid is null ? "" : $", WorkOrders' resident memory {memoryBefore:0} MB before, {peak:0} MB at most during it";
    Console.WriteLine($"  CSV export of {month}: {(int)response.StatusCode}, {bytes / 1024} KB, first byte {firstByte:0} ms, all {total:0} ms{memory}");
    failed |= response.StatusCode != HttpStatusCode.OK;
}
return failed ? 1 : 0;

static async Task<(List<double> Latencies, TimeSpan Elapsed, int Failures)> RunAsync(HttpClient http, Func<string> path, int count, int concurrency)
{
    var latencies = new List<double>(count);
    var failures = 0;
    var next = 0;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        while (Interlocked.Increment(ref next) <= count)
        {
            string target;
            lock (latencies)
            {
                target = path();
            }
            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(target);
            await response.Content.LoadIntoBufferAsync();
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            lock (latencies)
            {
                latencies.Add(ms);
                failures += response.StatusCode == HttpStatusCode.OK ? 0 : 1;
            }
        }
    }));
    return (latencies, clock.Elapsed, failures);
}

static double ResidentMegabytes(int? pid)
{
    if (pid is null)
    {
        return 0;
    }
    var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
    return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
}

/// <summary>The generated history, written straight into WorkOrders' tables: a benchmark fixture, not a migration.</summary>
static class History
{
    /// <summary>The same id PostgreSQL's <c>md5('bench-order-' || i)::uuid</c> gives.</summary>
    public static Guid OrderId(int i) => Guid.ParseExact(Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes($"bench-order-{i}"))), "N");

    public static async Task<Guid> SeedAsync(string connectionString, int units, int orders)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // The demo property: the one whose units WorkOrders knows.
        var propertyId = (Guid)(await Scalar(connection, "SELECT property_id FROM units GROUP BY property_id ORDER BY count(*) DESC LIMIT 1"))!;
        var seeded = (long)(await Scalar(connection, "SELECT count(*) FROM work_orders WHERE number LIKE 'BM%'"))!;
        if (seeded >= orders)
        {
            return propertyId;
        }

        var clock = Stopwatch.StartNew();
        await using (var command = new NpgsqlCommand(Sql, connection) { CommandTimeout = 0 })
        {
            command.Parameters.AddWithValue("property", propertyId);
            command.Parameters.AddWithValue("units", units);
            command.Parameters.AddWithValue("orders", orders);
            await command.ExecuteNonQueryAsync();
        }
        Console.WriteLine($"Seeded {units} units and {orders} orders in {clock.Elapsed.TotalSeconds:0} s");
        return propertyId;
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    // Orders are numbered by age (1 = newest, three years span all of them); the newest 0.5 % are still open, spread
    // over the open states; the rest closed, one in twenty cancelled.
    private const string Sql = """
        INSERT INTO units (id, property_id, building_id, building_name, number, floor, type, chargeable_area, version)
        SELECT md5('bench-unit-' || i)::uuid, @property, md5('bench-building-' || (i % 10))::uuid, 'G' || (i % 10) || '栋',
               'G' || (i % 10) || '-' || lpad(i::text, 5, '0'), 1 + (i / 10) % 30, 'Office', 80, now()
        FROM generate_series(0, @units - 1) AS i
        ON CONFLICT DO NOTHING;

        INSERT INTO work_orders (id, property_id, number, unit_id, category, priority, channel, description, status, submitted_at,
            unit_number, taken_by_id, taken_by_name, assignee_id, assignee_name, dispatched_at, accepted_at, started_at,
            time_on_hold, completed_at, completion_summary, follow_up_due_at, followed_up_at, satisfaction, closed_at,
            cancelled_at, cancel_reason, reopen_count, clock_started_at, response_limit, resolution_limit, response_due_at,
            resolution_due_at, response_flag, resolution_flag, quote_status, photo_count, hold_reason, held_at, resume_at)
        SELECT md5('bench-order-' || i)::uuid, @property, 'BM' || lpad(i::text, 8, '0'), md5('bench-unit-' || (i % @units))::uuid,
               (ARRAY['Plumbing','Electrical','Hvac','DoorsAndLocks','Lifts','Cleaning','Other'])[1 + i % 7],
               CASE WHEN i % 10 = 0 THEN 'High' ELSE 'Normal' END, 'Phone', '卫生间漏水（生成的历史数据）', s.status, s.at,
               'G' || (i % @units % 10) || '-' || lpad((i % @units)::text, 5, '0'), '00000000-0000-0000-0000-000000000001', '前台',
               CASE WHEN s.status <> 'Submitted' THEN '00000000-0000-0000-0000-000000000002'::uuid END,
               CASE WHEN s.status <> 'Submitted' THEN '王工' END,
               CASE WHEN s.status <> 'Submitted' THEN s.at + interval '10 minutes' END,
               CASE WHEN s.status IN ('InProgress','OnHold','Completed','Closed') THEN s.at + interval '20 minutes' END,
               CASE WHEN s.status IN ('InProgress','OnHold','Completed','Closed') THEN s.at + interval '30 minutes' END,
               interval '0',
               CASE WHEN s.status IN ('Completed','Closed') THEN s.at + interval '3 hours' END,
               CASE WHEN s.status IN ('Completed','Closed') THEN '已修好' END,
               CASE WHEN s.status IN ('Completed','Closed') THEN s.at + interval '27 hours' END,
               CASE WHEN s.status = 'Closed' THEN s.at + interval '26 hours' END,
               CASE WHEN s.status = 'Closed' THEN 5 END,
               CASE WHEN s.status = 'Closed' THEN s.at + interval '26 hours' END,
               CASE WHEN s.status = 'Cancelled' THEN s.at + interval '1 hour' END,
               CASE WHEN s.status = 'Cancelled' THEN '住户自行处理' END,
               0, s.at, interval '30 minutes', interval '24 hours', s.at + interval '30 minutes', s.at + interval '24 hours',
               'None', 'None', 'None', 0,
               CASE WHEN s.status = 'OnHold' THEN '等待配件' END,
               CASE WHEN s.status = 'OnHold' THEN s.at + interval '40 minutes' END,
               CASE WHEN s.status = 'OnHold' THEN s.at + interval '2 days' END
        FROM generate_series(1, @orders) AS i
        CROSS JOIN LATERAL (SELECT
            now() - interval '3 years' * i / @orders AS at,
            CASE WHEN i <= @orders / 200
                 THEN (ARRAY['Submitted','Dispatched','InProgress','OnHold','Completed'])[1 + i % 5]
                 WHEN i % 20 = 0 THEN 'Cancelled' ELSE 'Closed' END AS status) AS s
        ON CONFLICT DO NOTHING;

        INSERT INTO work_order_timeline (id, work_order_id, sequence, at, actor_id, actor_name, "from", "to", note, kind)
        SELECT md5('bench-line-' || i || '-' || k)::uuid, md5('bench-order-' || i)::uuid, k, o.submitted_at + (k - 1) * interval '1 hour',
               '00000000-0000-0000-0000-000000000001', '前台', CASE WHEN k = 2 THEN 'Submitted' END,
               CASE WHEN k = 1 THEN 'Submitted' ELSE o.status END, NULL, 'Transition'
        FROM generate_series(1, @orders) AS i
        CROSS JOIN generate_series(1, 2) AS k
        JOIN work_orders o ON o.id = md5('bench-order-' || i)::uuid
        WHERE k = 1 OR o.status <> 'Submitted'
        ON CONFLICT DO NOTHING;

        ANALYZE units;
        ANALYZE work_orders;
        ANALYZE work_order_timeline;
        """;
}
