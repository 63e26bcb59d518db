using PropertyPlatform.Platform.Tests;
using static Microsoft.Playwright.Assertions;

namespace PropertyPlatform.WebConsole.Tests;

/// <summary>The operators' view: the Aspire dashboard lists every resource of the platform, running, and shows traces.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class DashboardTests(ConsoleFixture fixture, PlatformFixture platform)
{
    [Fact]
    public async Task The_dashboard_shows_every_resource_and_the_services_traces()
    {
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1600, Height = 900 } });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(platform.DashboardSignIn.ToString());

        await page.GotoAsync(new Uri(platform.Dashboard.BaseAddress!, "/").ToString());
        foreach (var resource in new[] { "postgres", "rabbitmq", "directory", "workorders", "notifications", "gateway" })
        {
            await Expect(page.GetByText(resource, new() { Exact = true }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        }
        await fixture.ShotAsync(page, "90-dashboard-resources");

        await page.GotoAsync(new Uri(platform.Dashboard.BaseAddress!, "/traces").ToString());
        // The trace list fills in once the page has loaded its data: allow for that on a busy machine.
        await Expect(page.GetByText("gateway: POST", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await fixture.ShotAsync(page, "91-dashboard-traces");
        await context.CloseAsync();
    }
}
