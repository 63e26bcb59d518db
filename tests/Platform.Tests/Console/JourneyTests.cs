using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PropertyPlatform.WebConsole.Tests;

/// <summary>
/// A repair from the phone call to the unhappy occupant, as the people do it in the console: the front desk takes it
/// and dispatches it, the engineer works it on a phone, the occupant rates it on a phone, the desk sees it come back.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class JourneyTests(ConsoleFixture fixture)
{
    // A 2×2 PNG: the API checks the magic bytes, not the name.
    private static readonly byte[] Photo = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_phone_repair_goes_from_intake_to_reopened_when_the_occupant_is_not_satisfied()
    {
        // The occupant's own unit, so their portal shows the order.
        using var occupantApi = await fixture.ApiAsync("occupant");
        var unit = (await occupantApi.GetFromJsonAsync<JsonElement>("/api/directory/units", Cancel))!.GetProperty("items")[0];
        var unitLabel = $"{unit.GetProperty("buildingName").GetString()} {unit.GetProperty("number").GetString()}";

        // Front desk: the board, then a phone call filed from the keyboard and dispatched from the confirmation.
        var desk = await fixture.SignInAsync("frontdesk");
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "晨会看板" })).ToBeVisibleAsync();
        await desk.GetByRole(AriaRole.Link, new() { Name = "受理报修" }).First.ClickAsync();
        var find = desk.GetByLabel("查找房号 / 业户 / 电话");
        await find.FillAsync(unit.GetProperty("number").GetString()!);
        await desk.Locator(".ant-select-item-option", new() { HasText = unitLabel }).First.ClickAsync();
        await desk.GetByText("门窗锁具").ClickAsync();
        await desk.GetByLabel("问题描述").FillAsync("前台玻璃门地弹簧失灵，门关不上");
        await desk.GetByLabel("具体位置").FillAsync("前台入口");
        await fixture.ShotAsync(desk, "01-desk-intake");
        await desk.GetByLabel("问题描述").PressAsync("Control+Enter");
        var filed = desk.GetByText(new Regex(@"工单 WO-\d{8}-\d{4} 已受理"));
        await Expect(filed).ToBeVisibleAsync();
        var number = Regex.Match(await filed.InnerTextAsync(), @"WO-\d{8}-\d{4}").Value;
        await desk.GetByLabel("工程师").ClickAsync();
        await desk.Locator(".ant-select-item-option").First.ClickAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "立即派单" }).ClickAsync();
        await Expect(desk.GetByText(new Regex("^已派单 · "))).ToBeVisibleAsync();
        await fixture.ShotAsync(desk, "02-desk-filed-and-dispatched");

        // Engineer on a phone: accept, start, hold with a reason and a resume time, resume, complete with a photo.
        var engineer = await fixture.SignInAsync("engineer", ConsoleFixture.Phone);
        await Expect(engineer.GetByRole(AriaRole.Heading, new() { Name = "我的工单" })).ToBeVisibleAsync();
        var engineerCard = engineer.GetByTestId("order-card").Filter(new() { HasText = number });
        await Expect(engineerCard).ToBeVisibleAsync();
        await fixture.ShotAsync(engineer, "03-engineer-my-orders");
        await engineerCard.ClickAsync();
        await Act(engineer, "接 单", "接单");
        await Expect(engineer.GetByTestId("order-status")).ToHaveTextAsync("已接单");
        await Act(engineer, "开始处理");
        await Expect(engineer.GetByTestId("order-status")).ToHaveTextAsync("处理中");
        await Act(engineer, "挂 起", "挂起");
        await engineer.GetByLabel("挂起原因").FillAsync("地弹簧需更换，等待配件");
        await engineer.GetByLabel("预计恢复时间").FillAsync(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddDays(1).ToString("yyyy-MM-dd'T'10:00"));
        await fixture.ShotAsync(engineer, "04-engineer-hold");
        await Confirm(engineer);
        await Expect(engineer.GetByTestId("order-status")).ToHaveTextAsync("挂起");
        await Act(engineer, "恢复处理");
        await Expect(engineer.GetByTestId("order-status")).ToHaveTextAsync("处理中");
        await Act(engineer, "完 工", "完工");
        await engineer.GetByLabel("处理结果").FillAsync("更换地弹簧一套，调试开关门正常");
        await engineer.GetByLabel("工时（分钟）").FillAsync("45");
        await engineer.Locator(".ant-modal input[type=file]").SetInputFilesAsync(new FilePayload { Name = "door.png", MimeType = "image/png", Buffer = Photo });
        await fixture.ShotAsync(engineer, "05-engineer-complete");
        await Confirm(engineer);
        await Expect(engineer.GetByTestId("order-status")).ToHaveTextAsync("已完工");
        await Expect(engineer.GetByText("照片 (1)")).ToBeVisibleAsync();
        await fixture.ShotAsync(engineer, "06-engineer-completed");

        // Occupant on a phone: my repairs, the order, "not satisfied".
        var occupant = await fixture.SignInAsync("occupant", ConsoleFixture.Phone);
        await Expect(occupant.GetByRole(AriaRole.Heading, new() { Name = "我的报修" })).ToBeVisibleAsync();
        var occupantCard = occupant.GetByTestId("order-card").Filter(new() { HasText = number });
        await Expect(occupantCard).ToBeVisibleAsync();
        await fixture.ShotAsync(occupant, "07-occupant-my-repairs");
        await occupantCard.ClickAsync();
        await Act(occupant, "评 价", "评价");
        await occupant.GetByRole(AriaRole.Button, new() { Name = "不满意" }).ClickAsync();
        await occupant.GetByLabel("意见").FillAsync("门还是关不严");
        await fixture.ShotAsync(occupant, "08-occupant-rates");
        await Confirm(occupant);
        await Expect(occupant.GetByTestId("order-status")).ToHaveTextAsync("已返修");
        await fixture.ShotAsync(occupant, "09-occupant-reopened");

        // Front desk: the order is back on the board, waiting to be dispatched again.
        await desk.GetByRole(AriaRole.Link, new() { Name = "晨会看板" }).ClickAsync();
        var waiting = desk.GetByTestId("board-waiting");
        await Expect(waiting.GetByRole(AriaRole.Row).Filter(new() { HasText = number })).ToContainTextAsync("已返修");
        await Expect(desk.GetByTestId("board-overdue").GetByTestId("board-item").First).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await Expect(desk.GetByTestId("board-onHoldPastResumeTime").GetByTestId("board-item").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await fixture.ShotAsync(desk, "10-desk-board-reopened");
        await waiting.GetByRole(AriaRole.Row).Filter(new() { HasText = number }).ClickAsync();
        await Expect(desk.GetByTestId("order-status")).ToHaveTextAsync("已返修");
        await Expect(desk.GetByText("门还是关不严").First).ToBeVisibleAsync();
        await fixture.ShotAsync(desk, "11-desk-order-detail");

        foreach (var page in new[] { desk, engineer, occupant })
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>Ant Design puts a space between two Chinese characters on a button, so both spellings are tried.</summary>
    private static Task Act(IPage page, string name, string? plain = null) =>
        page.GetByTestId("order-actions").GetByRole(AriaRole.Button, new() { Name = name, Exact = true })
            .Or(page.GetByTestId("order-actions").GetByRole(AriaRole.Button, new() { Name = plain ?? name, Exact = true }))
            .ClickAsync();

    private static async Task Confirm(IPage page)
    {
        var modal = page.Locator(".ant-modal");
        await modal.GetByRole(AriaRole.Button, new() { Name = "确 定" }).Or(modal.GetByRole(AriaRole.Button, new() { Name = "确定" })).ClickAsync();
        await Expect(modal).ToBeHiddenAsync();
    }
}
