using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.WebConsole.Tests;

/// <summary>
/// An accounting system subscribes to the property's bills: a receiver of its own (here a local HTTP server) gets every
/// <c>BillIssued</c> of a bill run through the gateway, signed with the subscription's secret; while it is down the
/// bills of the next run wait, and when it is back it gets all of them, in the order they were issued.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class BillingWebhookTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task A_billing_webhook_receives_signed_bills_and_after_being_down_the_backlog_in_order()
    {
        using var admin = await fixture.ApiAsync("admin");
        using var finance = await fixture.ApiAsync("finance");
        var me = await finance.GetFromJsonAsync<JsonElement>("/api/directory/me", Cancel);
        var propertyId = me.GetProperty("propertyIds")[0].GetString()!;

        var port = FreePort();
        var created = await admin.PostAsJsonAsync("/api/notifications/webhooks", new
        {
            propertyId, name = "财务系统对接", url = $"http://127.0.0.1:{port}/hooks/bills", eventTypes = new[] { "BillIssued" },
        }, Cancel);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var subscription = await created.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var secret = subscription.GetProperty("secret").GetString()!;
        var webhookId = subscription.GetProperty("webhook").GetProperty("id").GetString()!;

        // Storage rooms only (a rate of their own), in months no other test bills: each run issues a bill per storage room.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        var rate = await finance.PostAsJsonAsync("/api/billing/fee-schedules",
            new { propertyId, item = "property_service", unitType = "storage", rate = 6.00m, effectiveFrom = $"{today.Year - 2}-01-01" }, Cancel);
        rate.StatusCode.ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Conflict);

        var receiver = new Receiver(secret);
        await using (var up = await receiver.StartAsync(port))
        {
            var first = await BillRunAsync(finance, propertyId, $"{today.AddMonths(-7):yyyy-MM}");
            await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Bills.Count), n => n >= first, TimeSpan.FromSeconds(60));
        }
        receiver.Bills.Count.ShouldBe(receiver.Deliveries.Count);
        var beforeOutage = receiver.Bills.Count;

        // Down: the next run's bills queue up behind the first that fails, retried with backoff.
        var second = await BillRunAsync(finance, propertyId, $"{today.AddMonths(-6):yyyy-MM}");
        var waiting = await Eventually.ReturnsAsync(
            () => admin.GetFromJsonAsync<JsonElement>($"/api/notifications/webhooks/{webhookId}/deliveries?status=pending&pageSize=200", Cancel),
            page => page.GetProperty("total").GetInt32() == second && page.GetProperty("items")[0].GetProperty("attempts").GetInt32() >= 2,
            TimeSpan.FromSeconds(60));
        waiting.GetProperty("items")[0].GetProperty("lastError").GetString().ShouldNotBeNullOrWhiteSpace();
        receiver.Bills.Count.ShouldBe(beforeOutage);

        // Back: the backlog arrives, every bill once, oldest occurrence first.
        await using (var back = await receiver.StartAsync(port))
        {
            await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Bills.Count), n => n >= beforeOutage + second, TimeSpan.FromSeconds(90));
        }
        var backlog = receiver.Bills.Skip(beforeOutage).ToList();
        backlog.Select(b => b.Period).Distinct().ShouldBe([$"{today.AddMonths(-6):yyyy-MM}"]);
        backlog.Select(b => b.BillLineId).Distinct().Count().ShouldBe(second);
        backlog.Select(b => b.OccurredAt).ShouldBeInOrder(SortDirection.Ascending);
        receiver.Deliveries.Count.ShouldBe(receiver.Bills.Count); // no delivery twice
        receiver.Refused.ShouldBeEmpty();
    }

    /// <summary>Commits a bill run and answers how many bills it issued (Billing may still be filling its copy of units).</summary>
    private static async Task<int> BillRunAsync(HttpClient finance, string propertyId, string period)
    {
        var response = await Eventually.ReturnsAsync(
            () => finance.PostAsJsonAsync("/api/billing/bill-runs", new { propertyId, period }, Cancel),
            r => r.StatusCode != HttpStatusCode.BadRequest, TimeSpan.FromSeconds(120));
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync(Cancel));
        var issued = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("issued").GetInt32();
        issued.ShouldBeGreaterThan(0);
        return issued;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record Bill(Guid BillLineId, string Period, DateTimeOffset OccurredAt);

    /// <summary>
    /// The subscriber: checks each request's signature (HMAC-SHA256 of "{t}.{body}" with the secret) and that its
    /// timestamp is recent, as a real receiver would, and keeps the bills in the order they arrived.
    /// </summary>
    private sealed class Receiver(string secret)
    {
        public ConcurrentQueue<Bill> Bills { get; } = new();
        public ConcurrentDictionary<string, bool> Deliveries { get; } = new();
        public ConcurrentQueue<string> Refused { get; } = new();

        public async Task<WebApplication> StartAsync(int port)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
            var app = builder.Build();
            app.MapPost("/hooks/bills", async (HttpRequest request) =>
            {
                using var reader = new StreamReader(request.Body, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                if (!Verify(request.Headers["X-PropertyPlatform-Signature"].ToString(), body, out var why))
                {
                    Refused.Enqueue(why);
                    return Results.Unauthorized();
                }
                using var json = JsonDocument.Parse(body);
                json.RootElement.GetProperty("type").GetString().ShouldBe("BillIssued");
                request.Headers["X-PropertyPlatform-Event"].ToString().ShouldBe("BillIssued");
                // A receiver drops a delivery it already has (the sender may time out on an answer that was on its way).
                if (Deliveries.TryAdd(request.Headers["X-PropertyPlatform-Delivery"].ToString(), true))
                {
                    var data = json.RootElement.GetProperty("data");
                    Bills.Enqueue(new(data.GetProperty("billLineId").GetGuid(), data.GetProperty("period").GetString()!, data.GetProperty("occurredAt").GetDateTimeOffset()));
                }
                return Results.NoContent();
            });
            await app.StartAsync(Cancel);
            return app;
        }

        private bool Verify(string header, string body, out string why)
        {
            var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
            if (!parts.TryGetValue("t", out var t) || !parts.TryGetValue("v1", out var v1))
            {
                why = $"no signature: '{header}'";
                return false;
            }
            var age = DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeSeconds(long.Parse(t, CultureInfo.InvariantCulture));
            if (age.Duration() > TimeSpan.FromMinutes(5))
            {
                why = $"timestamp {t} is {age} old";
                return false;
            }
            var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}")));
            why = "signature does not match";
            return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(v1));
        }
    }
}
