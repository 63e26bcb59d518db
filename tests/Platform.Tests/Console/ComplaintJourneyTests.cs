using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PropertyPlatform.WebConsole.Tests;

/// <summary>
/// An occupant's complaint from the phone call to the satisfied complainant, as the people do it in the console: the front
/// desk takes it at the occupant's unit, finds it in the list, investigates (调查核实, due the same day), raises a work order
/// and answers it as justified; the occupant reads the answer in their portal and is not satisfied, so it reopens; it is
/// answered again, the occupant is satisfied, the desk closes it; the supervisor's monthly analysis counts the reopening.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ComplaintJourneyTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task An_occupants_noise_complaint_is_answered_reopened_when_not_satisfied_answered_again_and_closed()
    {
        // Many steps each wait for the platform on a busy machine: more than the default five seconds (restored after).
        Assertions.SetDefaultExpectTimeout(20_000);
        try
        {
            await JourneyAsync();
        }
        finally
        {
            Assertions.SetDefaultExpectTimeout(5_000);
        }
    }

    private async Task JourneyAsync()
    {
        // The occupant's own unit, so their portal shows the complaint.
        using var occupantApi = await fixture.ApiAsync("occupant");
        var unit = (await occupantApi.GetFromJsonAsync<JsonElement>("/api/directory/units", Cancel)).GetProperty("items")[0];
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

        // A work order for the cause, then the answer: justified (成立).
        await Act(desk, "生成工单");
        await Confirm(desk);
        // WorkOrders takes the request and Complaints links the order: the page shows its number by itself.
        await Expect(desk.GetByTestId("complaint-work-orders")).ToContainTextAsync(new Regex(@"WO-\d{8}-\d{4}"), new() { Timeout = 30_000 });
        await Answer(desk, "属实：楼上 1502 室夜间装修", "已责令夜间停工，工程部检查隔音");
        await Expect(desk.GetByTestId("complaint-status")).ToHaveTextAsync("已答复");
        await fixture.ShotAsync(desk, "35-complaint-answered");

        // The occupant on a phone reads the answer in their portal and is not satisfied: the complaint reopens.
        var occupant = await fixture.SignInAsync("occupant", ConsoleFixture.Phone);
        await occupant.GotoAsync($"{fixture.GatewayUrl}/portal/complaints");
        await Expect(occupant.GetByRole(AriaRole.Heading, new() { Name = "我的投诉" })).ToBeVisibleAsync();
        var card = occupant.GetByTestId("portal-complaint").Filter(new() { HasText = number });
        await Expect(card).ToContainTextAsync("已责令夜间停工");
        await Expect(card).ToContainTextAsync("投诉成立");
        await fixture.ShotAsync(occupant, "36-occupant-reads-the-answer");
        await card.GetByRole(AriaRole.Button, new() { Name = "不满意" }).ClickAsync();
        await occupant.GetByLabel("意见").FillAsync("昨晚十一点后仍有电钻声");
        await Confirm(occupant);
        await Expect(card).ToContainTextAsync("重新处理");
        await fixture.ShotAsync(occupant, "37-occupant-not-satisfied");

        // The desk sees it reopened, investigates and answers again.
        await desk.ReloadAsync();
        await Expect(desk.GetByTestId("complaint-status")).ToHaveTextAsync("重新处理");
        await Expect(desk.GetByText("昨晚十一点后仍有电钻声").First).ToBeVisibleAsync();
        await desk.GetByTestId("complaint-actions").GetByRole(AriaRole.Button, new() { Name = "开始调查" }).ClickAsync();
        await Expect(desk.GetByTestId("complaint-status")).ToHaveTextAsync("调查核实");
        await Answer(desk, "复查属实：施工队未按要求停工", "已扣留施工队出入证，物业夜间巡查确认停工");
        await Expect(desk.GetByTestId("complaint-status")).ToHaveTextAsync("已答复");

        // Satisfied this time; the desk closes it.
        await occupant.ReloadAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "满意", Exact = true }).ClickAsync();
        await Confirm(occupant);
        await Expect(card).ToContainTextAsync("已回访");
        await fixture.ShotAsync(occupant, "38-occupant-satisfied");
        await desk.ReloadAsync();
        await Expect(desk.GetByTestId("complaint-status")).ToHaveTextAsync("已回访");
        await Act(desk, "关闭");
        await Confirm(desk);
        await Expect(desk.GetByTestId("complaint-status")).ToHaveTextAsync("已关闭");
        await fixture.ShotAsync(desk, "39-complaint-closed");

        // A collective complaint reaches a manager at once: in the manager's queue, with its co-complainants.
        using var deskApi = await fixture.ApiAsync("frontdesk");
        var collective = await deskApi.PostAsJsonAsync("/api/complaints/complaints", new
        {
            propertyId = unit.GetProperty("propertyId").GetString(), unitId = unit.GetProperty("id").GetString(), anonymous = false,
            complainantName = "业主代表张伟", channel = "walk_in", category = "noise", tier = "collective",
            description = "多户业主联名投诉楼上夜间装修噪音", coComplainants = new[] { new { name = "李娜", phone = "13800000001", unit = "1503" } },
        }, Cancel);
        collective.EnsureSuccessStatusCode();
        var collectiveId = (await collective.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetString();
        using var managerApi = await fixture.ApiAsync("manager");
        var queue = await managerApi.GetFromJsonAsync<JsonElement>("/api/complaints/complaints?escalatedTo=manager&pageSize=200", Cancel);
        queue.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ShouldContain(collectiveId);
        var month = await managerApi.GetFromJsonAsync<JsonElement>(
            $"/api/complaints/statistics?propertyId={unit.GetProperty("propertyId").GetString()}", Cancel);
        var figures = month.GetProperty("figures");
        figures.GetProperty("byTier").EnumerateArray().Single(t => t.GetProperty("tier").GetString() == "collective").GetProperty("count").GetInt32().ShouldBeGreaterThan(0);
        figures.GetProperty("reopened").GetInt32().ShouldBeGreaterThan(0);

        // The supervisor's monthly analysis counts it, and its reopening.
        var supervisor = await fixture.SignInAsync("supervisor");
        await supervisor.GotoAsync($"{fixture.GatewayUrl}/complaint-analysis");
        await Expect(supervisor.GetByRole(AriaRole.Heading, new() { Name = "投诉分析" })).ToBeVisibleAsync();
        await Expect(supervisor.Locator(".ant-card").Filter(new() { HasText = "重新处理率" }).First).ToContainTextAsync(new Regex(@"重新处理率\s*(?!0%)[\d.]+%"));
        await Expect(supervisor.GetByTestId("analysis-follow-ups")).ToContainTextAsync("回访处理率");
        await fixture.ShotAsync(supervisor, "40-complaint-analysis");

        foreach (var page in new[] { desk, occupant, supervisor })
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>A step of the complaint that opens a dialog; Ant Design may space two Chinese characters on a button.</summary>
    private static Task Act(IPage page, string name)
    {
        var actions = page.GetByTestId("complaint-actions");
        var spaced = name.Length == 2 ? $"{name[0]} {name[1]}" : name;
        return actions.GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).Or(actions.GetByRole(AriaRole.Button, new() { Name = spaced, Exact = true })).ClickAsync();
    }

    private static async Task Confirm(IPage page)
    {
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "确定", Exact = true }).Or(dialog.GetByRole(AriaRole.Button, new() { Name = "确 定", Exact = true })).ClickAsync();
        // The step is done when its form closes (the output lists any call the service refused).
        await Expect(dialog).ToBeHiddenAsync();
    }

    private static async Task Answer(IPage page, string finding, string actionTaken)
    {
        await Act(page, "答复");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("调查结果").FillAsync(finding);
        await dialog.GetByLabel("处理措施").FillAsync(actionTaken);
        await dialog.GetByText("成立", new() { Exact = true }).ClickAsync();
        await Confirm(page);
    }
}
