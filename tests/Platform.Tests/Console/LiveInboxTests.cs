using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PropertyPlatform.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace PropertyPlatform.WebConsole.Tests;

/// <summary>
/// The bell of an open console counts a new message the moment it is written (SignalR through the gateway): the
/// occupant, with the portal open on a phone, sees their repair dispatched without reloading anything. The same
/// dispatch reaches their inbox and their mailbox (the AppHost's mail catcher), once each.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class LiveInboxTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task An_occupant_with_the_console_open_sees_their_repair_dispatched_live_and_gets_it_once_in_the_inbox_and_by_email()
    {
        using var occupantApi = await fixture.ApiAsync("occupant");
        using var desk = await fixture.ApiAsync("frontdesk");
        var unit = (await occupantApi.GetFromJsonAsync<JsonElement>("/api/directory/units", Cancel)).GetProperty("items")[0];
        var filed = await occupantApi.PostAsJsonAsync("/api/workorders/work-orders", new
        {
            unitId = unit.GetProperty("id").GetString(), category = "electrical", priority = "normal", channel = "occupant_app",
            description = "卫生间排气扇不转，有焦糊味",
        }, Cancel);
        filed.EnsureSuccessStatusCode();
        var order = await filed.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var number = order.GetProperty("number").GetString()!;

        var occupant = await fixture.SignInAsync("occupant", ConsoleFixture.Phone);
        await Expect(occupant.GetByRole(AriaRole.Heading, new() { Name = "我的报修" })).ToBeVisibleAsync();
        var bell = occupant.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"^消息 \(\d+\)$") });
        var before = Count(await bell.GetAttributeAsync("aria-label"));

        var propertyId = order.GetProperty("propertyId").GetString();
        var engineers = await desk.GetFromJsonAsync<JsonElement>($"/api/workorders/engineers?propertyId={propertyId}", Cancel);
        (await desk.PostAsJsonAsync($"/api/workorders/work-orders/{order.GetProperty("id").GetString()}/dispatch",
            new { assigneeId = engineers[0].GetProperty("personId").GetString() }, Cancel)).EnsureSuccessStatusCode();

        // No navigation and no reload: the count rises on the page as it is, and the inbox holds the message.
        await Expect(bell).Not.ToHaveAttributeAsync("aria-label", $"消息 ({before})", new() { Timeout = 30_000 });
        // The bell shows what the server counts. The occupant signs for their company, so the bills and reminders other
        // tests issue to it may reach them meanwhile: the bell is compared with the server's count until both settle.
        for (var attempt = 1; ; attempt++)
        {
            var unread = (await occupantApi.GetFromJsonAsync<JsonElement>("/api/notifications/inbox/unread-count", Cancel)).GetProperty("unread").GetInt32();
            unread.ShouldBeGreaterThan(before);
            try
            {
                await Expect(bell).ToHaveAttributeAsync("aria-label", $"消息 ({unread})", new() { Timeout = 5_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 12)
            {
            }
        }
        await fixture.ShotAsync(occupant, "live-01-bell-counted");
        await bell.ClickAsync();
        await Expect(occupant.GetByText($"您的报修 {number} 已派给", new() { Exact = false }).First).ToBeVisibleAsync();
        await fixture.ShotAsync(occupant, "live-02-inbox");

        // Once each: one email to the occupant's address in the mail catcher and one inbox entry, still one after the
        // sender has had time to do anything twice.
        var title = $"您的报修 {number} 已派给";
        using var mail = fixture.MailCatcher();
        var email = (await Eventually.ReturnsAsync(() => EmailsAsync(mail, title), found => found.Count > 0, TimeSpan.FromSeconds(60))).Single();
        email.GetProperty("to").EnumerateArray().Select(to => to.GetString()).ShouldContain(to => to!.Contains(OccupantEmail));
        var plain = await mail.GetStringAsync($"/api/messages/{email.GetProperty("id").GetString()}/plaintext", Cancel);
        plain.ShouldContain("张伟，您好");
        plain.ShouldContain(number);
        await Task.Delay(TimeSpan.FromSeconds(5), Cancel);
        (await EmailsAsync(mail, title)).Count.ShouldBe(1);
        var inbox = await occupantApi.GetFromJsonAsync<JsonElement>("/api/notifications/inbox?pageSize=100", Cancel);
        inbox.GetProperty("items").EnumerateArray().Count(e => e.GetProperty("title").GetString()!.StartsWith(title, StringComparison.Ordinal)).ShouldBe(1);
        await occupant.Context.CloseAsync();
    }

    /// <summary>The demo occupant's address in Directory's demo data.</summary>
    private const string OccupantEmail = "zhang.wei@huaxia-zhilian.example.cn";

    /// <summary>The messages in the mail catcher whose subject starts with <paramref name="subject"/> (smtp4dev's API).</summary>
    private static async Task<List<JsonElement>> EmailsAsync(HttpClient mail, string subject)
    {
        var answer = await mail.GetFromJsonAsync<JsonElement>("/api/messages?pageSize=1000", Cancel);
        var messages = answer.ValueKind == JsonValueKind.Array ? answer : answer.GetProperty("results");
        return [.. messages.EnumerateArray().Where(m => m.GetProperty("subject").GetString()?.StartsWith(subject, StringComparison.Ordinal) == true)];
    }

    private static int Count(string? bellLabel) => int.Parse(Regex.Match(bellLabel ?? "", @"\((\d+)\)").Groups[1].Value);
}
