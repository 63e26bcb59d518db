using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using static PropertyPlatform.Benchmarks.Load;

// Event latency, as the front desk lives it: an intake commits its order and its WorkOrderSubmitted event together
// (WorkOrders' outbox); the outbox relay publishes it through RabbitMQ; Notifications consumes it (its inbox dedupes)
// and writes the front desk's inbox entry. Intakes go through the gateway at a steady --rate for --seconds (open loop:
// one starts every 1/rate s whatever the answers), then each order's submitted_at (WorkOrders' clock during the intake,
// just before its commit) is matched with the created_at of its inbox entry (Notifications' clock as the consumer
// applies it): the gap is commit → applied, plus the intake's own commit.
//   dotnet run -c Release --project benchmarks/EventLatency -- --workorders "<cs>" --notifications "<cs>"
//       [--url http://127.0.0.1:8080] [--rate 50] [--seconds 20] [--patience 30]
// The connection strings are in the dashboard (each resource's environment, ConnectionStrings__workordersdb / notificationsdb).
var options = Options(args);
var gateway = options.GetValueOrDefault("url") is { Length: > 0 } url ? url : "http://127.0.0.1:8080";
var workOrders = options.GetValueOrDefault("workorders") ?? throw new ArgumentException("--workorders: WorkOrders' connection string");
var notifications = options.GetValueOrDefault("notifications") ?? throw new ArgumentException("--notifications: Notifications' connection string");
var rate = double.Parse(options.GetValueOrDefault("rate", "50"), System.Globalization.CultureInfo.InvariantCulture);
var seconds = int.Parse(options.GetValueOrDefault("seconds", "20"));
var patience = TimeSpan.FromSeconds(int.Parse(options.GetValueOrDefault("patience", "30")));

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, UseProxy = false }) { BaseAddress = new Uri(gateway) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SignInAsync(http, "frontdesk"));
var (unitId, _) = await FirstUnitAsync(http);

// Warm-up at the same rate, not measured: the first seconds pay for JIT and connection pools.
await SendAtRateAsync(http, unitId, rate, Math.Min(5, seconds));
var (orders, failures, sendLag) = await SendAtRateAsync(http, unitId, rate, seconds);
var failed = failures.Values.Sum();

// Every order's entry should arrive; wait for the stragglers (at most --patience s, 30 by default) before measuring.
var applied = new Dictionary<Guid, DateTimeOffset>();
var waited = Stopwatch.StartNew();
while (applied.Count < orders.Count && waited.Elapsed < patience)
{
    applied = await AppliedAtAsync(notifications, orders);
    if (applied.Count < orders.Count)
    {
        await Task.Delay(500);
    }
}
var submitted = await SubmittedAtAsync(workOrders, orders);
var latencies = orders.Where(o => applied.ContainsKey(o) && submitted.ContainsKey(o))
    .Select(o => (applied[o] - submitted[o]).TotalMilliseconds).Order().ToList();

Console.WriteLine($"Event latency through {gateway}: intakes at {rate:0.#}/s for {seconds} s (open loop), {Environment.ProcessorCount} cores");
Console.WriteLine($"  {orders.Count} orders taken, {failed} intakes failed{(failed > 0 ? $" ({string.Join(", ", failures.Select(f => $"{f.Value} × {f.Key}"))})" : "")}, intakes started up to {sendLag:0} ms late");
Console.WriteLine($"  {latencies.Count} inbox entries written, {orders.Count - latencies.Count} missing after {patience.TotalSeconds:0} s");
if (latencies.Count > 0)
{
    Console.WriteLine($"  intake → inbox entry applied: {Summary(latencies)}");
}
return failed == 0 && latencies.Count == orders.Count ? 0 : 1;

static async Task<(List<Guid> Orders, Dictionary<string, int> Failures, double WorstLag)> SendAtRateAsync(HttpClient http, Guid unitId, double rate, int seconds)
{
    var body = JsonSerializer.Serialize(new { unitId, category = "plumbing", priority = "normal", channel = "phone", description = "卫生间漏水, 事件延迟测量" });
    var orders = new List<Guid>();
    var failures = new Dictionary<string, int>();
    var worstLag = 0.0;
    var count = (int)(rate * seconds);
    var clock = Stopwatch.StartNew();
    var sending = new List<Task>(count);
    for (var i = 0; i < count; i++)
    {
        var due = TimeSpan.FromSeconds(i / rate);
        if (due > clock.Elapsed)
        {
            await Task.Delay(due - clock.Elapsed);
        }
        worstLag = Math.Max(worstLag, (clock.Elapsed - due).TotalMilliseconds);
        sending.Add(Task.Run(async () =>
        {
            using var response = await http.PostAsync("/api/workorders/work-orders", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            if (response.StatusCode != HttpStatusCode.Created)
            {
                lock (failures)
                {
                    failures[$"{(int)response.StatusCode}"] = failures.GetValueOrDefault($"{(int)response.StatusCode}") + 1;
                }
                return;
            }
            var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            lock (orders)
            {
                orders.Add(id);
            }
        }));
    }
    await Task.WhenAll(sending);
    return (orders, failures, worstLag);
}

static async Task<Dictionary<Guid, DateTimeOffset>> SubmittedAtAsync(string connectionString, List<Guid> orders)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand("SELECT id, submitted_at FROM work_orders WHERE id = ANY(@ids)", connection);
    command.Parameters.AddWithValue("ids", orders.ToArray());
    var result = new Dictionary<Guid, DateTimeOffset>();
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        result[reader.GetGuid(0)] = reader.GetFieldValue<DateTimeOffset>(1);
    }
    return result;
}

// The front desk's entry links to its order; one entry per order for the desk role.
static async Task<Dictionary<Guid, DateTimeOffset>> AppliedAtAsync(string connectionString, List<Guid> orders)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(
        "SELECT link, min(created_at) FROM inbox_entries WHERE link = ANY(@links) AND recipient_role IS NOT NULL GROUP BY link", connection);
    command.Parameters.AddWithValue("links", orders.Select(o => $"/api/workorders/work-orders/{o}").ToArray());
    var result = new Dictionary<Guid, DateTimeOffset>();
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        result[Guid.Parse(reader.GetString(0).AsSpan()[(reader.GetString(0).LastIndexOf('/') + 1)..])] = reader.GetFieldValue<DateTimeOffset>(1);
    }
    return result;
}
