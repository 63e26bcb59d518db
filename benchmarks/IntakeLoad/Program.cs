using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using static PropertyPlatform.Benchmarks.Load;

// Work-order intake under load, as the front desk does it: POST /api/workorders/work-orders through the gateway,
// signed in with the demo front-desk account, against a running platform (`./platform up --demo`).
// --read measures the other hot path instead: GET of one order (the one the warm-up probe created).
// --direct http://127.0.0.1:PORT sends the measured requests straight to WorkOrders (signing in still goes through the gateway).
//   dotnet run -c Release --project benchmarks/IntakeLoad -- [--url http://127.0.0.1:8080] [--direct URL] [--read] [--requests 2000] [--concurrency 16]
var options = Options(args);
var requests = int.Parse(options.GetValueOrDefault("requests", "2000"));
var concurrency = int.Parse(options.GetValueOrDefault("concurrency", "16"));
var warmUp = Math.Min(200, requests / 10);

var read = options.ContainsKey("read");
var gateway = options.GetValueOrDefault("url") is { Length: > 0 } url ? url : "http://127.0.0.1:8080";
var direct = options.GetValueOrDefault("direct") is { Length: > 0 } directUrl ? directUrl : null;
try
{
    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseProxy = false }) { BaseAddress = new Uri(gateway) };
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SignInAsync(http, "frontdesk"));
    var (unitId, orderId) = await FirstUnitAsync(http);
    var body = JsonSerializer.Serialize(new { unitId, category = "plumbing", priority = "normal", channel = "phone", description = "卫生间漏水, 压测" });

    using var target = direct is null ? http
        : new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseProxy = false }) { BaseAddress = new Uri(direct) };
    target.DefaultRequestHeaders.Authorization = http.DefaultRequestHeaders.Authorization;
    var path = direct is null ? "/api/workorders/work-orders" : "/work-orders";
    Func<HttpClient, Task<HttpResponseMessage>> send = read
        ? client => client.GetAsync($"{path}/{orderId}")
        : client => client.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
    var expected = read ? HttpStatusCode.OK : HttpStatusCode.Created;

    await RunAsync(target, send, expected, warmUp, concurrency);
    var (latencies, elapsed, failures) = await RunAsync(target, send, expected, requests, concurrency);

    latencies.Sort();
    Console.WriteLine($"{(read ? "GET of one work order" : "intake")} {(direct is null ? "through the gateway" : "straight to WorkOrders")}: {requests} requests, concurrency {concurrency}, {Environment.ProcessorCount} cores");
    Console.WriteLine($"  throughput {requests / elapsed.TotalSeconds:0} requests/s, failures {failures}");
    Console.WriteLine($"  latency {Summary(latencies)}");
    return failures == 0 ? 0 : 1;
}
catch (HttpRequestException ex)
{
    Console.Error.WriteLine($"The platform does not answer at {gateway} ({ex.Message}): start it with `./platform up --demo` first.");
    return 2;
}

static async Task<(List<double> Latencies, TimeSpan Elapsed, int Failures)> RunAsync(
    HttpClient http, Func<HttpClient, Task<HttpResponseMessage>> send, HttpStatusCode expected, int count, int concurrency)
{
    var latencies = new List<double>(count);
    var failures = 0;
    var next = 0;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        while (Interlocked.Increment(ref next) <= count)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await send(http);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            lock (latencies)
            {
                latencies.Add(ms);
                failures += response.StatusCode == expected ? 0 : 1;
            }
        }
    }));
    return (latencies, clock.Elapsed, failures);
}
