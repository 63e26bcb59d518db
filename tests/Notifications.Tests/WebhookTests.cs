using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PropertyPlatform.Contracts.Billing;
using PropertyPlatform.Notifications.Webhooks;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.Notifications.Tests;

/// <summary>
/// Signed <c>BillIssued</c> webhooks reach a real HTTP receiver (Kestrel in the test) that checks every signature; a
/// receiver that is down gets the backlog once it is back, in order of occurrence.
/// </summary>
public sealed class WebhookTests(TestInfrastructure infrastructure)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private readonly Guid _propertyId = Guid.NewGuid();

    [Fact]
    public async Task A_receiver_gets_signed_bills_and_after_being_down_the_backlog_in_order()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure, configureServices: (services, _) =>
            services.Configure<WebhookOptions>(o => o.PollInterval = TimeSpan.FromMilliseconds(200)));
        var port = FreePort();
        var created = await CreateSubscriptionAsync(app, $"http://127.0.0.1:{port}/hooks/bills", "BillIssued");
        var secret = created.GetProperty("secret").GetString()!;
        var id = created.GetProperty("webhook").GetProperty("id").GetGuid();
        var received = new ConcurrentQueue<Received>();
        var start = DateTimeOffset.UtcNow;

        var receiver = await StartReceiverAsync(port, secret, received);
        var first = Bill(start, "2026-11");
        await app.PublishAsync(first);
        await Eventually.ReturnsAsync(() => Task.FromResult(received.Count), count => count == 1, NotificationsApp.Patience);
        await receiver.DisposeAsync();

        // Down: two more bills, arriving out of order; the older is tried, fails and waits; the newer waits behind it.
        var second = Bill(start.AddMinutes(1), "2026-12");
        var third = Bill(start.AddMinutes(2), "2027-01");
        await app.PublishAsync(third);
        await app.PublishAsync(second);
        var waiting = await Eventually.ReturnsAsync(
            () => Deliveries(app, id),
            items => items.Count == 3 && items[1].GetProperty("attempts").GetInt32() >= 1,
            NotificationsApp.Patience);
        waiting.Select(d => d.GetProperty("eventId").GetGuid()).ShouldBe([first.EventId, second.EventId, third.EventId]);
        waiting[1].GetProperty("status").GetString().ShouldBe("pending");
        waiting[1].GetProperty("lastError").GetString().ShouldNotBeNullOrEmpty();
        // (The third may have been tried once too, had it arrived before the second: it was the oldest waiting then.)

        // Back up: once the retry is due the backlog arrives, oldest first, every request correctly signed.
        receiver = await StartReceiverAsync(port, secret, received);
        await using (receiver)
        {
            app.Time.Advance(TimeSpan.FromHours(2));
            await Eventually.ReturnsAsync(() => Task.FromResult(received.Count), count => count == 3, NotificationsApp.Patience);
        }
        received.Select(r => r.EventId).ShouldBe([first.EventId, second.EventId, third.EventId]);
        received.ShouldAllBe(r => r.SignatureValid && r.EventType == "BillIssued");
        // The last one is recorded as sent just after the receiver answered.
        await Eventually.ReturnsAsync(() => Deliveries(app, id), items => items.All(d => d.GetProperty("status").GetString() == "sent"), NotificationsApp.Patience);
    }

    [Fact]
    public async Task A_subscription_is_for_administrators_and_its_secret_is_shown_once()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);

        var created = await CreateSubscriptionAsync(app, "https://erp.example.com/hooks", "BillIssued");
        created.GetProperty("secret").GetString().ShouldStartWith("whsec_");
        var id = created.GetProperty("webhook").GetProperty("id").GetGuid();
        var read = await app.ClientAsAdmin().GetFromJsonAsync<JsonElement>($"/webhooks/{id}", Cancellation);
        read.TryGetProperty("secret", out _).ShouldBeFalse();
        (await app.ScalarAsync<long>("SELECT count(*) FROM webhook_subscriptions WHERE secret_ciphertext LIKE 'whsec_%'")).ShouldBe(0);

        (await app.ClientAs(Roles.Manager, _propertyId).GetAsync("/webhooks", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var unknown = await app.ClientAsAdmin().PostAsJsonAsync(
            "/webhooks", new { propertyId = _propertyId, name = "ERP", url = "https://erp.example.com/hooks", eventTypes = new[] { "BillPaidTwice" } }, Cancellation);
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        unknown.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    private async Task<JsonElement> CreateSubscriptionAsync(NotificationsApp app, string url, params string[] eventTypes)
    {
        var response = await app.ClientAsAdmin().PostAsJsonAsync("/webhooks", new { propertyId = _propertyId, name = "财务系统", url, eventTypes }, Cancellation);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
    }

    private static async Task<List<JsonElement>> Deliveries(NotificationsApp app, Guid id) =>
        [.. (await app.ClientAsAdmin().GetFromJsonAsync<JsonElement>($"/webhooks/{id}/deliveries", Cancellation)).GetProperty("items").EnumerateArray()];

    /// <summary>An integration's endpoint: checks the signature as a receiver would, with the secret it was shown once.</summary>
    private static async Task<WebApplication> StartReceiverAsync(int port, string secret, ConcurrentQueue<Received> received)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        var receiver = builder.Build();
        receiver.MapPost("/hooks/bills", async (HttpRequest request) =>
        {
            var body = await new StreamReader(request.Body, Encoding.UTF8).ReadToEndAsync();
            var header = request.Headers[WebhookSignature.Header].ToString();
            var parts = header.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
            var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{parts["t"]}.{body}")));
            var valid = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts["v1"]));
            using var json = JsonDocument.Parse(body);
            received.Enqueue(new Received(
                json.RootElement.GetProperty("data").GetProperty("eventId").GetGuid(), json.RootElement.GetProperty("type").GetString()!, valid));
            return valid ? Results.Ok() : Results.Unauthorized();
        });
        await receiver.StartAsync(Cancellation);
        return receiver;
    }

    private BillIssued Bill(DateTimeOffset occurredAt, string period) => new(
        Guid.NewGuid(), occurredAt, _propertyId, Guid.NewGuid(), Guid.NewGuid(), "1201", Guid.NewGuid(), period, FeeItem.PropertyService,
        $"物业管理费 {period}", 1234.50m, new DateOnly(2026, 12, 31));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record Received(Guid EventId, string EventType, bool SignatureValid);
}
