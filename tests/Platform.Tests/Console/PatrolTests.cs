using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PropertyPlatform.WebConsole.Tests;

/// <summary>
/// A patrol as the people do it: the supervisor sets up a route, the guard walks it item by item on a small phone and
/// hands it in, a failure at a unit raises a work order the supervisor opens from the record.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class PatrolTests(ConsoleFixture fixture)
{
    // The narrowest phone the console is made for.
    private static readonly BrowserNewContextOptions SmallPhone = new()
    {
        ViewportSize = new() { Width = 360, Height = 740 }, DeviceScaleFactor = 2, IsMobile = true, HasTouch = true,
        Locale = "zh-CN", TimezoneId = "Asia/Shanghai",
    };

    [Fact]
    public async Task A_guard_walks_a_route_on_a_phone_and_a_failure_at_a_unit_raises_an_order_the_supervisor_opens()
    {
        using var api = await fixture.ApiAsync("security");
        var me = await api.GetFromJsonAsync<JsonElement>("/api/directory/me", Cancel);
        var propertyId = me.GetProperty("propertyIds")[0].GetString();
        var unit = (await api.GetFromJsonAsync<JsonElement>($"/api/directory/units?propertyId={propertyId}&pageSize=1", Cancel)).GetProperty("items")[0];
        var unitLabel = $"{unit.GetProperty("buildingName").GetString()} {unit.GetProperty("number").GetString()}";
        var routeName = $"夜间巡查 {DateTime.UtcNow:HHmmss}";

        // Supervisor: a new route with its checklist, one item a line.
        var supervisor = await fixture.SignInAsync("supervisor");
        await supervisor.GetByRole(AriaRole.Link, new() { Name = "巡查", Exact = true }).ClickAsync();
        await Expect(supervisor.GetByRole(AriaRole.Heading, new() { Name = "巡查路线" })).ToBeVisibleAsync();
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "新建路线" }).ClickAsync();
        await supervisor.GetByLabel("路线名称").FillAsync(routeName);
        await supervisor.GetByLabel("巡查区域").FillAsync("A座 大堂、标准层走廊、地下车库");
        await supervisor.GetByLabel("检查项（每行一项）").FillAsync("消防通道畅通，无杂物堆放\n走廊照明正常\n大堂各出入口门锁完好");
        await fixture.ShotAsync(supervisor, "30-supervisor-new-patrol-route");
        await supervisor.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^保\\s?存$") }).ClickAsync();
        await Expect(supervisor.GetByTestId("patrol-route").Filter(new() { HasText = routeName })).ToContainTextAsync("3 项", new() { Timeout = 30_000 });

        // Guard on a 360 px phone: the patrols are their home page; one tap per item that is fine.
        var guard = await fixture.SignInAsync("security", SmallPhone);
        await Expect(guard.GetByRole(AriaRole.Heading, new() { Name = "巡查路线" })).ToBeVisibleAsync();
        await fixture.ShotAsync(guard, "31-guard-patrol-routes");
        await guard.GetByTestId("patrol-route").Filter(new() { HasText = routeName }).GetByRole(AriaRole.Button, new() { Name = "开始巡查" }).ClickAsync();
        await Expect(guard.GetByTestId("patrol-step")).ToHaveTextAsync("第 1 / 3 项", new() { Timeout = 30_000 });
        await guard.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("正\\s?常$") }).ClickAsync();

        // Item 2 fails at a unit: it will raise an order. Moving on without a note is refused on the phone.
        await Expect(guard.GetByTestId("patrol-step")).ToHaveTextAsync("第 2 / 3 项");
        await guard.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("异\\s?常$") }).ClickAsync();
        await guard.GetByRole(AriaRole.Button, new() { Name = "下一项" }).ClickAsync();
        await Expect(guard.GetByText("请填写异常情况")).ToBeVisibleAsync();
        await guard.GetByLabel("异常情况").FillAsync("门口走廊灯不亮");
        await guard.GetByLabel("房号（可选）").FillAsync(unit.GetProperty("number").GetString()!);
        await guard.Locator(".ant-select-item-option", new() { HasText = unitLabel }).First.ClickAsync();
        await guard.GetByLabel("具体位置").FillAsync("门口走廊");
        await guard.GetByLabel("工单类别").ClickAsync();
        await guard.Locator(".ant-select-item-option", new() { HasText = "电气" }).ClickAsync();
        await fixture.ShotAsync(guard, "32-guard-item-failed-at-unit");
        await guard.GetByRole(AriaRole.Button, new() { Name = "下一项" }).ClickAsync();

        // Item 3 fails in a common area: recorded with its location, no order.
        await Expect(guard.GetByTestId("patrol-step")).ToHaveTextAsync("第 3 / 3 项");
        await guard.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("异\\s?常$") }).ClickAsync();
        await guard.GetByLabel("异常情况").FillAsync("大堂侧门未上锁");
        await guard.GetByLabel("具体位置").FillAsync("大堂东侧门");
        await guard.GetByRole(AriaRole.Button, new() { Name = "检查并提交" }).ClickAsync();
        await fixture.ShotAsync(guard, "33-guard-patrol-review");
        await guard.GetByTestId("patrol-submit").ClickAsync();

        var raised = guard.GetByTestId("patrol-order");
        await Expect(raised).ToContainTextAsync(new Regex(@"WO-\d{8}-\d{4}"), new() { Timeout = 30_000 });
        var number = Regex.Match(await raised.InnerTextAsync(), @"WO-\d{8}-\d{4}").Value;
        await Expect(guard.GetByText("公共区域，未生成工单（由主管跟进）")).ToBeVisibleAsync();
        await fixture.ShotAsync(guard, "34-guard-patrol-recorded");

        // Supervisor: the record is the latest; its failed item opens the order it raised, taken by the guard.
        await supervisor.ReloadAsync();
        await supervisor.GetByTestId("patrol-record").Filter(new() { HasText = routeName }).First.ClickAsync();
        await Expect(supervisor.GetByTestId("patrol-record-item")).ToHaveCountAsync(3, new() { Timeout = 30_000 });
        await fixture.ShotAsync(supervisor, "35-supervisor-patrol-record");
        await supervisor.GetByTestId("patrol-order").GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await Expect(supervisor.GetByText(number).First).ToBeVisibleAsync();
        await Expect(supervisor.GetByText("门口走廊灯不亮").First).ToBeVisibleAsync();
        await Expect(supervisor.GetByText(new Regex(Regex.Escape(routeName))).First).ToBeVisibleAsync();

        foreach (var page in new[] { supervisor, guard })
        {
            await page.Context.CloseAsync();
        }
    }
}
