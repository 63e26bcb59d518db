using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PropertyPlatform.WebConsole.Tests;

/// <summary>The supervisor's morning: what is overdue (escalated to them), the time limits, the month in charts.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SupervisionTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task The_supervisor_sees_the_escalated_orders_the_time_limits_and_the_month_in_charts()
    {
        var supervisor = await fixture.SignInAsync("supervisor");
        await supervisor.GetByRole(AriaRole.Link, new() { Name = "督办" }).ClickAsync();
        await Expect(supervisor.GetByRole(AriaRole.Heading, new() { Name = "督办" })).ToBeVisibleAsync();

        // The demo morning has an emergency past its (shortened) limit: it is escalated and listed here.
        var overdue = supervisor.GetByTestId("oversight-overdue");
        await Expect(overdue.GetByRole(AriaRole.Row).Filter(new() { HasText = "紧急" }).First).ToContainTextAsync("超时", new() { Timeout = 120_000 });
        // The limits per priority: the emergency one was set for this property, the others are the defaults.
        var emergency = supervisor.GetByRole(AriaRole.Row).Filter(new() { HasText = "本项目设定" });
        await Expect(emergency).ToContainTextAsync("紧急");
        await Expect(supervisor.GetByRole(AriaRole.Row).Filter(new() { HasText = "默认" })).ToHaveCountAsync(3);
        await fixture.ShotAsync(supervisor, "50-supervisor-oversight");

        await supervisor.GetByRole(AriaRole.Tab, new() { Name = "全部未完成" }).ClickAsync();
        await Expect(supervisor.GetByTestId("oversight-open").GetByRole(AriaRole.Row).Nth(1)).ToBeVisibleAsync();

        await supervisor.GetByRole(AriaRole.Link, new() { Name = "月报" }).ClickAsync();
        await Expect(supervisor.GetByRole(AriaRole.Heading, new() { Name = "工单月报" })).ToBeVisibleAsync();
        await Expect(supervisor.GetByRole(AriaRole.Figure, new() { Name = "按类别" })).ToBeVisibleAsync();
        await Expect(supervisor.GetByRole(AriaRole.Figure, new() { Name = "近六个月受理量" })).ToBeVisibleAsync();
        await fixture.ShotAsync(supervisor, "51-supervisor-statistics");
        await supervisor.Context.CloseAsync();
    }
}
