using System.Text.Json;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.Notifications.Tests;

/// <summary>Waiting for consumers and reading the inbox, for the tests that publish events.</summary>
public static class Inbox
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>Waits until the consumer finished <paramref name="times"/> deliveries of the message, failing at once on a fault.</summary>
    public static async Task HandledAsync(NotificationsApp app, Guid messageId, int times)
    {
        await Eventually.ReturnsAsync(
            () => Task.FromResult((Handled: app.Consumed.Count(messageId), Faulted: app.Consumed.Faults.Count > 0)),
            state => state.Handled >= times || state.Faulted,
            NotificationsApp.Patience);
        app.Consumed.Faults.ShouldBeEmpty();
        app.Consumed.Count(messageId).ShouldBe(times);
    }

    /// <summary>The page at <paramref name="path"/> once its total satisfies <paramref name="condition"/>.</summary>
    public static async Task<JsonElement> WhenAsync(HttpClient client, string path, Func<int, bool> condition) =>
        await Eventually.ReturnsAsync(
            () => client.GetFromJsonAsync<JsonElement>(path, Cancellation),
            page => condition(page.GetProperty("total").GetInt32()),
            NotificationsApp.Patience);

    /// <summary>The only entry of the caller's inbox, once there is one.</summary>
    public static async Task<JsonElement> SingleAsync(HttpClient client, string path = "/inbox") =>
        (await WhenAsync(client, path, total => total >= 1)).GetProperty("items").EnumerateArray().ShouldHaveSingleItem();

    /// <summary>One entry read with <c>Accept-Language: en</c>.</summary>
    public static async Task<JsonElement> InEnglishAsync(HttpClient client, Guid id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/inbox/{id}");
        request.Headers.AcceptLanguage.ParseAdd("en");
        var response = await client.SendAsync(request, Cancellation);
        response.EnsureSuccessStatusCode();
        var entry = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        entry.GetProperty("language").GetString().ShouldBe("en");
        return entry;
    }
}
