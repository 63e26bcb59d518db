using Microsoft.Playwright;
using PropertyPlatform.Platform.Tests;

namespace PropertyPlatform.WebConsole.Tests;

/// <summary>The console's browser tests: one browser for all of them, one at a time, on the assembly's one platform.</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "console";
}

/// <summary>
/// The platform with the demo data (the assembly's <see cref="PlatformFixture"/>), the built console served by its
/// gateway, and one headless Debian chromium. Tests open pages through <see cref="SignInAsync"/>.
/// </summary>
public sealed class ConsoleFixture(PlatformFixture platform) : IAsyncLifetime
{
    private IPlaywright _playwright = null!;

    public const string DemoPassword = PlatformFixture.DemoPassword;
    public const string Chromium = "/usr/bin/chromium";

    public string GatewayUrl => platform.GatewayUrl.ToString().TrimEnd('/');
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Screenshots of every step, kept with the test output.</summary>
    public string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static readonly BrowserNewContextOptions Desktop = new()
    {
        ViewportSize = new() { Width = 1366, Height = 860 }, Locale = "zh-CN", TimezoneId = "Asia/Shanghai",
    };

    public static readonly BrowserNewContextOptions Phone = new()
    {
        ViewportSize = new() { Width = 390, Height = 844 }, DeviceScaleFactor = 2, IsMobile = true, HasTouch = true,
        Locale = "zh-CN", TimezoneId = "Asia/Shanghai",
    };

    /// <summary>A new browser context (its own storage) signed in through the sign-in page as a demo account.</summary>
    public async Task<IPage> SignInAsync(string userName, BrowserNewContextOptions? options = null)
    {
        var context = await Browser.NewContextAsync(options ?? Desktop);
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        ReportFailedCalls(page, userName);
        await page.GotoAsync(GatewayUrl);
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登 录" }).Or(page.GetByRole(AriaRole.Button, new() { Name = "登录" })).ClickAsync();
        await page.GetByTestId("user-menu").WaitForAsync();
        return page;
    }

    /// <summary>
    /// Writes every API call the console saw refused or failed into the test's output: a toast that said why is gone
    /// by the time a step times out, and this is what tells a flaky step from a failing service.
    /// </summary>
    private static void ReportFailedCalls(IPage page, string userName)
    {
        var output = TestContext.Current.TestOutputHelper;
        if (output is null)
        {
            return;
        }
        page.Response += async (_, response) =>
        {
            if (response.Status < 400 || !response.Url.Contains("/api/", StringComparison.Ordinal))
            {
                return;
            }
            try
            {
                var body = await response.TextAsync();
                output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {userName}: {response.Request.Method} {response.Url} → {response.Status} {body[..Math.Min(body.Length, 400)]}");
            }
            catch (Exception e) when (e is PlaywrightException or InvalidOperationException)
            {
                // The page closed, or the test ended, before the body was read: nothing left to report to.
            }
        };
    }

    /// <summary>The mail catcher's web API (smtp4dev, the AppHost's resource <c>mail</c>): the email Notifications sent.</summary>
    public HttpClient MailCatcher() => new() { BaseAddress = platform.App.GetEndpoint("mail", "http"), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>An API client signed in as a demo account, for arranging what a test needs.</summary>
    public Task<HttpClient> ApiAsync(string userName) => platform.SignInAsync(userName);

    public async Task ShotAsync(IPage page, string name)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // A phone shows what fits its screen; a desk screenshot shows the whole page.
        var phone = page.ViewportSize is { Width: < 600 };
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"{name}.png"), FullPage = !phone });
    }

    public async ValueTask InitializeAsync()
    {
        var repository = FindRepository();
        if (!File.Exists(Path.Combine(repository, "web", "dist", "index.html")))
        {
            throw new InvalidOperationException("The console is not built: run `npm ci && npm run build` in web/ (./platform test does).");
        }
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"No browser at {Chromium}: apt-get install -y chromium");
        }
        Directory.CreateDirectory(Screenshots);

        // Debian's chromium, never a browser Playwright would download.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run",
            ],
        });
        await DemoOrders.SeedAsync(this);
    }

    public static string FindRepository()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (Directory.Exists(Path.Combine(folder.FullName, "web")) && File.Exists(Path.Combine(folder.FullName, "platform")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
    }
}
