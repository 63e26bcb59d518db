using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PropertyPlatform.WebConsole.Tests;

/// <summary>
/// The bell of an open console counts a new message the moment it is written (SignalR through the gateway): the
/// occupant, with the portal open on a phone, sees their repair dispatched without reloading anything.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class LiveInboxTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task An_occupant_with_the_console_open_sees_their_repair_dispatched_without_a_reload()
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
        Count(await bell.GetAttributeAsync("aria-label")).ShouldBeGreaterThan(before);
        await fixture.ShotAsync(occupant, "live-01-bell-counted");
        await bell.ClickAsync();
        await Expect(occupant.GetByText($"您的报修 {number} 已派给", new() { Exact = false }).First).ToBeVisibleAsync();
        await fixture.ShotAsync(occupant, "live-02-inbox");
        await occupant.Context.CloseAsync();
    }

    private static int Count(string? bellLabel) => int.Parse(Regex.Match(bellLabel ?? "", @"\((\d+)\)").Groups[1].Value);
}
