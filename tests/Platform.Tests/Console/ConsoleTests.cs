using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PropertyPlatform.WebConsole.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class ConsoleTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task A_wrong_password_says_so_and_stays_on_the_sign_in_page()
    {
        var context = await fixture.Browser.NewContextAsync(ConsoleFixture.Desktop);
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.GatewayUrl + "/board");

        await page.GetByLabel("用户名").FillAsync("frontdesk");
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync("not-the-password");
        await page.GetByLabel("密码", new() { Exact = true }).PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("用户名或密码不正确。");
        await Expect(page.GetByTestId("user-menu")).ToHaveCountAsync(0);
        await fixture.ShotAsync(page, "20-wrong-password");
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_language_switch_turns_the_console_english_and_stays_after_a_reload()
    {
        var page = await fixture.SignInAsync("frontdesk");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "工单列表" })).ToBeVisibleAsync();

        // The language menu opens on hover; on a loaded machine a click can land before it has settled, so try again.
        for (var attempt = 1; ; attempt++)
        {
            await page.GetByTestId("language").HoverAsync();
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "English" }).ClickAsync();
            try
            {
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Daily board" })).ToBeVisibleAsync();
                break;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Work orders" })).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Daily board" })).ToBeVisibleAsync();
        await fixture.ShotAsync(page, "21-english-board");

        // The pointer is still over the switch after the reload: move it away so hovering opens the menu again.
        await page.Mouse.MoveAsync(0, 0);
        await page.GetByTestId("language").HoverAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "简体中文" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "晨会看板" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task When_two_people_act_on_one_order_the_later_one_is_told_and_sees_the_order_as_it_is_now()
    {
        using var api = await fixture.ApiAsync("frontdesk");
        var me = await api.GetFromJsonAsync<JsonElement>("/api/directory/me", Cancel);
        var propertyId = me.GetProperty("propertyIds")[0].GetString();
        var unitId = (await api.GetFromJsonAsync<JsonElement>($"/api/directory/units?propertyId={propertyId}&pageSize=1", Cancel)).GetProperty("items")[0].GetProperty("id").GetString();
        var created = await api.PostAsJsonAsync("/api/workorders/work-orders", new { unitId, category = "electrical", priority = "normal", channel = "phone", description = "走廊插座跳闸" }, Cancel);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetString();

        // Two desks open the same new order.
        var first = await fixture.SignInAsync("frontdesk");
        var second = await fixture.SignInAsync("supervisor");
        await first.GotoAsync($"{fixture.GatewayUrl}/orders/{id}");
        await second.GotoAsync($"{fixture.GatewayUrl}/orders/{id}");
        await Expect(first.GetByTestId("order-status")).ToHaveTextAsync("已受理");
        await Expect(second.GetByTestId("order-status")).ToHaveTextAsync("已受理");

        // The supervisor dispatches it first.
        await second.GetByTestId("order-actions").GetByRole(AriaRole.Button, new() { Name = "派单" }).ClickAsync();
        await second.GetByLabel("工程师").ClickAsync();
        await second.Locator(".ant-select-item-option").First.ClickAsync();
        await second.Locator(".ant-modal").GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await Expect(second.GetByTestId("order-status")).ToHaveTextAsync("已派单");

        // The front desk, still looking at the old version, cancels it: refused, told why, and shown the order now.
        await first.GetByTestId("order-actions").GetByRole(AriaRole.Button, new() { Name = "取消工单" }).ClickAsync();
        await first.GetByLabel("原因").FillAsync("业户来电说已自行处理");
        await first.Locator(".ant-modal").GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();

        await Expect(first.GetByText("该工单刚刚被其他人修改，已重新加载，请确认后再操作。")).ToBeVisibleAsync();
        await Expect(first.GetByTestId("order-status")).ToHaveTextAsync("已派单");
        await Expect(first.Locator(".ant-modal")).ToBeHiddenAsync();
        await fixture.ShotAsync(first, "22-conflict");
        (await api.GetFromJsonAsync<JsonElement>($"/api/workorders/work-orders/{id}", Cancel)).GetProperty("status").GetString().ShouldBe("dispatched");
        await first.Context.CloseAsync();
        await second.Context.CloseAsync();
    }

    [Fact]
    public async Task A_supervisor_reads_the_months_figures_and_the_desk_has_no_such_menu()
    {
        var supervisor = await fixture.SignInAsync("supervisor");
        await supervisor.GetByRole(AriaRole.Link, new() { Name = "月报" }).ClickAsync();

        await Expect(supervisor.GetByRole(AriaRole.Heading, new() { Name = "工单月报" })).ToBeVisibleAsync();
        await Expect(supervisor.Locator(".ant-statistic").Filter(new() { HasText = "受理工单" })).Not.ToContainTextAsync("受理工单0");
        await fixture.ShotAsync(supervisor, "23-supervisor-statistics");

        var desk = await fixture.SignInAsync("frontdesk");
        await Expect(desk.GetByRole(AriaRole.Link, new() { Name = "工单列表" })).ToBeVisibleAsync();
        await Expect(desk.GetByRole(AriaRole.Link, new() { Name = "月报" })).ToHaveCountAsync(0);
        await supervisor.Context.CloseAsync();
        await desk.Context.CloseAsync();
    }
}
