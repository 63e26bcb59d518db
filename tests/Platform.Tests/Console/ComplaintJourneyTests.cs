using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PropertyPlatform.WebConsole.Tests;

/// <summary>
/// A complaint as the front desk handles it in the console: taken from the keyboard at the caller's unit, found in the
/// complaint list, opened, and its investigation started (调查核实, due the same day).
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ComplaintJourneyTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task The_front_desk_takes_a_noise_complaint_finds_it_in_the_list_and_starts_the_investigation()
    {
        using var api = await fixture.ApiAsync("frontdesk");
        var me = await api.GetFromJsonAsync<JsonElement>("/api/directory/me", Cancel);
        var propertyId = me.GetProperty("propertyIds")[0].GetString();
        var unit = (await api.GetFromJsonAsync<JsonElement>($"/api/directory/units?propertyId={propertyId}&pageSize=1", Cancel)).GetProperty("items")[0];
        var unitLabel = $"{unit.GetProperty("buildingName").GetString()} {unit.GetProperty("number").GetString()}";

        // The list, then the intake: the unit found by its number, the category, the text, sent with Ctrl+Enter.
        var desk = await fixture.SignInAsync("frontdesk");
        await desk.GetByRole(AriaRole.Link, new() { Name = "投诉", Exact = true }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "投诉列表" })).ToBeVisibleAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "受理投诉" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "受理投诉" })).ToBeVisibleAsync();
        await desk.GetByLabel("单元（房号、业户姓名或电话）").FillAsync(unit.GetProperty("number").GetString()!);
        await desk.Locator(".ant-select-item-option", new() { HasText = unitLabel }).First.ClickAsync();
        await desk.GetByText("噪音", new() { Exact = true }).ClickAsync();
        await desk.GetByLabel("投诉内容").FillAsync("楼上每晚十一点后仍在装修，电钻声影响休息");
        await fixture.ShotAsync(desk, "30-complaint-intake");
        await desk.GetByLabel("投诉内容").PressAsync("Control+Enter");
        var taken = desk.GetByText(new Regex(@"已受理投诉 TS-\d{8}-\d{4}"));
        // The first complaint of a fresh platform also warms the service up: more than the default five seconds on a busy machine.
        await Expect(taken).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var number = Regex.Match(await taken.InnerTextAsync(), @"TS-\d{8}-\d{4}").Value;
        await fixture.ShotAsync(desk, "31-complaint-taken");

        // The complaint list shows it, received, with the unit; opening it offers the investigation.
        await desk.GetByRole(AriaRole.Link, new() { Name = "投诉", Exact = true }).ClickAsync();
        var row = desk.GetByRole(AriaRole.Row).Filter(new() { HasText = number });
        await Expect(row).ToContainTextAsync("已受理");
        await Expect(row).ToContainTextAsync(unitLabel);
        await fixture.ShotAsync(desk, "32-complaint-list");
        await row.ClickAsync();
        await Expect(desk.GetByTestId("complaint-status")).ToHaveTextAsync("已受理");
        await fixture.ShotAsync(desk, "33-complaint-detail");

        await desk.GetByTestId("complaint-actions").GetByRole(AriaRole.Button, new() { Name = "开始调查" }).ClickAsync();

        await Expect(desk.GetByTestId("complaint-status")).ToHaveTextAsync("调查核实");
        await Expect(desk.GetByTestId("complaint-actions").GetByRole(AriaRole.Button, new() { Name = "答 复", Exact = true })
            .Or(desk.GetByTestId("complaint-actions").GetByRole(AriaRole.Button, new() { Name = "答复", Exact = true }))).ToBeVisibleAsync();
        await fixture.ShotAsync(desk, "34-complaint-investigating");
        await desk.Context.CloseAsync();
    }
}
