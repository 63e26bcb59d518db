using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PropertyPlatform.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace PropertyPlatform.WebConsole.Tests;

/// <summary>
/// A follow-up visit (回访) as the desk makes it in the console: a supervisor plans the building's quarterly visit for a
/// clerk, who is told in their inbox; the clerk records the due visit on 回访 with the questionnaire's score and one piece
/// of feedback; the visit shows with its open item, and the monthly analysis counts the visit done and the item raised.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class FollowUpJourneyTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task A_due_visit_is_recorded_with_a_questionnaire_and_feedback_and_the_figures_count_it()
    {
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
        using var occupantApi = await fixture.ApiAsync("occupant");
        var unit = (await occupantApi.GetFromJsonAsync<JsonElement>("/api/directory/units", Cancel)).GetProperty("items")[0];
        var propertyId = unit.GetProperty("propertyId").GetString();
        var building = unit.GetProperty("buildingName").GetString()!;
        using var deskApi = await fixture.ApiAsync("frontdesk");
        var clerk = await deskApi.GetFromJsonAsync<JsonElement>("/api/directory/me", Cancel);
        using var supervisorApi = await fixture.ApiAsync("supervisor");
        var before = await FollowUpFiguresAsync(supervisorApi, propertyId);

        // The supervisor's questionnaire and the building's plan, given to the clerk: its visit this quarter is due at once.
        var title = $"季度满意度回访 {Guid.NewGuid():N}"[..16];
        (await supervisorApi.PostAsJsonAsync("/api/complaints/surveys", new
        {
            propertyId, title, questions = new[] { new { text = "您对物业服务的总体评价", kind = "score", required = true } },
        }, Cancel)).EnsureSuccessStatusCode();
        var plan = await supervisorApi.PostAsJsonAsync("/api/complaints/visit-plans", new
        {
            propertyId, kind = "area", buildingId = unit.GetProperty("buildingId").GetString(),
            assigneeId = clerk.GetProperty("id").GetString(), assigneeName = clerk.GetProperty("name").GetString(),
        }, Cancel);
        plan.StatusCode.ShouldBe(HttpStatusCode.Created, await plan.Content.ReadAsStringAsync(Cancel));

        // The clerk is told (FollowUpVisitsDue → their inbox).
        await Eventually.ReturnsAsync(
            () => deskApi.GetFromJsonAsync<JsonElement>("/api/notifications/inbox?pageSize=50", Cancel),
            inbox => inbox.GetProperty("items").EnumerateArray().Any(e => e.GetProperty("title").GetString()!.StartsWith("您有 1 次回访待完成", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30));

        // 回访: the clerk's own due visits, the building's row, recorded by phone with the questionnaire and one feedback item.
        var desk = await fixture.SignInAsync("frontdesk");
        await desk.GotoAsync($"{fixture.GatewayUrl}/follow-ups");
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "回访" })).ToBeVisibleAsync();
        await desk.GetByRole(AriaRole.Switch, new() { Name = "我的" }).ClickAsync();
        var row = desk.GetByRole(AriaRole.Row).Filter(new() { HasText = "区域（每季度）" }).Filter(new() { HasText = building }).First;
        await Expect(row).ToContainTextAsync("待回访");
        await fixture.ShotAsync(desk, "50-follow-ups-due");
        await row.GetByRole(AriaRole.Button).ClickAsync();
        var dialog = desk.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync(building);
        await dialog.GetByText("电话", new() { Exact = true }).ClickAsync();
        await dialog.Locator(".ant-form-item").Filter(new() { HasText = "满意度" }).Locator(".ant-rate-star").Nth(3).ClickAsync();
        await dialog.GetByLabel("问卷", new() { Exact = true }).ClickAsync();
        await desk.Locator(".ant-select-item-option", new() { HasText = title }).ClickAsync();
        await dialog.Locator(".ant-form-item").Filter(new() { HasText = "您对物业服务的总体评价" }).Locator(".ant-rate-star").Nth(3).ClickAsync();
        await dialog.GetByTestId("visit-feedback").FillAsync("楼道声控灯不亮");
        await fixture.ShotAsync(desk, "51-follow-up-record");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "确定", Exact = true }).Or(dialog.GetByRole(AriaRole.Button, new() { Name = "确 定", Exact = true })).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        // Done: it leaves the open list; the visit shows with its score and the open feedback item.
        await desk.Locator(".ant-radio-button-wrapper", new() { HasText = "已完成" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Row).Filter(new() { HasText = "区域（每季度）" }).Filter(new() { HasText = building }).First).ToContainTextAsync("已完成");
        await desk.GetByRole(AriaRole.Tab, new() { Name = "回访记录" }).ClickAsync();
        var visit = desk.GetByRole(AriaRole.Row).Filter(new() { HasText = building }).First;
        await Expect(visit).ToContainTextAsync("4.00");
        // The feedback items are in the visit's expanded row.
        await visit.GetByRole(AriaRole.Button, new() { Name = "展开行" }).ClickAsync();
        await Expect(desk.GetByText("楼道声控灯不亮")).ToBeVisibleAsync();
        await fixture.ShotAsync(desk, "52-follow-up-visits");

        // The month's figures count the visit done against due and the feedback raised, in the API and on the analysis screen.
        var after = await FollowUpFiguresAsync(supervisorApi, propertyId);
        after.GetProperty("visitsDone").GetInt32().ShouldBe(before.GetProperty("visitsDone").GetInt32() + 1);
        after.GetProperty("visits").GetInt32().ShouldBe(before.GetProperty("visits").GetInt32() + 1);
        after.GetProperty("feedbackItemsRaised").GetInt32().ShouldBe(before.GetProperty("feedbackItemsRaised").GetInt32() + 1);
        var supervisor = await fixture.SignInAsync("supervisor");
        await supervisor.GotoAsync($"{fixture.GatewayUrl}/complaint-analysis");
        var figures = supervisor.GetByTestId("analysis-follow-ups");
        await Expect(figures).ToContainTextAsync(new Regex($@"已回访 / 应回访\s*{after.GetProperty("visitsDone").GetInt32()} / {after.GetProperty("visitsDue").GetInt32()}"));
        await Expect(figures).ToContainTextAsync($"意见 {after.GetProperty("feedbackItemsRaised").GetInt32()}");
        await fixture.ShotAsync(supervisor, "53-follow-up-figures");

        foreach (var page in new[] { desk, supervisor })
        {
            await page.Context.CloseAsync();
        }
    }

    private static async Task<JsonElement> FollowUpFiguresAsync(HttpClient api, string? propertyId) =>
        (await api.GetFromJsonAsync<JsonElement>($"/api/complaints/statistics?propertyId={propertyId}", Cancel)).GetProperty("followUps");
}
