using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PropertyPlatform.WebConsole.Tests;

/// <summary>
/// The cash desk as the cashier (finance) works it: the property's fee is set and two months are billed through the API;
/// in the console the cashier finds an office unit, takes part of what it owes in cash, reads the receipt's amount in
/// capitals (大写), prints it and voids it. The finance desk's other screens and the occupant's bills are looked at too.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class BillingJourneyTests(ConsoleFixture fixture)
{
    private static readonly BrowserNewContextOptions SmallPhone = new()
    {
        ViewportSize = new() { Width = 360, Height = 740 }, DeviceScaleFactor = 2, IsMobile = true, HasTouch = true,
        Locale = "zh-CN", TimezoneId = "Asia/Shanghai",
    };

    [Fact]
    public async Task A_cashier_finds_a_unit_takes_part_of_what_it_owes_in_cash_and_hands_over_a_receipt_in_capitals()
    {
        using var api = await fixture.ApiAsync("finance");
        var me = await api.GetFromJsonAsync<JsonElement>("/api/directory/me", Cancel);
        var propertyId = me.GetProperty("propertyIds")[0].GetString()!;
        var units = await api.GetFromJsonAsync<JsonElement>($"/api/directory/units?propertyId={propertyId}&pageSize=200", Cancel);
        var unit = units.GetProperty("items").EnumerateArray().First(u => u.GetProperty("type").GetString() == "office");
        var unitNumber = unit.GetProperty("number").GetString()!;
        var unitLabel = $"{unit.GetProperty("buildingName").GetString()} {unitNumber}";

        // Offices pay 8.50 per m² a month; two months ago and this month are billed (the property's own calendar).
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        var rate = await api.PostAsJsonAsync("/api/billing/fee-schedules",
            new { propertyId, item = "property_service", unitType = "office", rate = 8.50m, effectiveFrom = $"{today.Year - 1}-01-01" }, Cancel);
        rate.StatusCode.ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Conflict);
        foreach (var period in new[] { today.AddMonths(-2), today })
        {
            await CommitBillRunAsync(api, propertyId, $"{period:yyyy-MM}");
        }

        // The cashier lands on the cash desk, finds the unit by its number and sees its open bills, oldest first.
        var desk = await fixture.SignInAsync("finance");
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "收银台" })).ToBeVisibleAsync();
        await desk.GetByLabel("查找房号 / 业户 / 电话").FillAsync(unitNumber);
        await desk.Locator(".ant-select-item-option", new() { HasText = unitLabel }).First.ClickAsync();
        var openLines = desk.GetByTestId("open-lines").Locator("tbody tr.ant-table-row");
        // Other tests may have billed older months of the same property: the unit's two lines are there, oldest first.
        await Expect(openLines.Filter(new() { HasText = $"{today.AddMonths(-2):yyyy-MM}" })).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Expect(openLines.Filter(new() { HasText = $"{today:yyyy-MM}" })).ToHaveCountAsync(1);
        (await openLines.Locator("td:first-child").AllInnerTextsAsync()).ShouldBeInOrder(SortDirection.Ascending);

        // A partial cash payment, read back in capitals before it is taken.
        await desk.GetByTestId("pay-amount").FillAsync("123.45");
        await Expect(desk.GetByTestId("amount-words")).ToHaveTextAsync("壹佰贰拾叁元肆角伍分");
        await desk.GetByLabel("交款人").FillAsync("王先生");
        await fixture.ShotAsync(desk, "60-billing-cash-desk");
        await desk.GetByTestId("pay-amount").PressAsync("Control+Enter");

        var receipt = desk.GetByTestId("receipt");
        await Expect(receipt).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(receipt.GetByTestId("receipt-words")).ToHaveTextAsync("壹佰贰拾叁元肆角伍分");
        await Expect(receipt.GetByTestId("receipt-amount")).ToHaveTextAsync("¥123.45");
        await Expect(receipt.GetByTestId("receipt-number")).ToHaveTextAsync(new Regex(@"^SJ-\d{4}-\d{6}$"));
        await Expect(receipt).ToContainTextAsync("现金");
        await Expect(receipt).ToContainTextAsync("王先生");
        await Expect(receipt).ToContainTextAsync("孙丽华");
        await fixture.ShotAsync(desk, "61-billing-receipt");

        // The printable receipt, as the API renders it.
        await receipt.GetByRole(AriaRole.Button, new() { Name = "打印收据" }).ClickAsync();
        var printed = desk.FrameLocator("[data-testid=receipt-print]");
        await Expect(printed.GetByText("壹佰贰拾叁元肆角伍分")).ToBeVisibleAsync();
        // Not ShotAsync: chromium reports no network idle for a page holding a srcdoc frame, so that wait would never end.
        await desk.ScreenshotAsync(new() { Path = Path.Combine(fixture.Screenshots, "62-billing-receipt-print.png") });
        await desk.GetByRole(AriaRole.Dialog).Filter(new() { HasText = "打印预览" }).GetByRole(AriaRole.Button, new() { Name = "关闭" }).Last.ClickAsync();

        // Voided with a reason: the number stays, marked 作废, and the oldest line is open in full again.
        await receipt.GetByRole(AriaRole.Button, new() { Name = "作废收据" }).ClickAsync();
        await desk.GetByLabel("原因").FillAsync("金额录错，重新收款");
        await desk.GetByRole(AriaRole.Dialog).Filter(new() { HasText = "作废后收据编号保留" }).GetByRole(AriaRole.Button, new() { Name = "作废收据" }).ClickAsync();
        // The void runs in the unit's lock and the page then reloads the receipt: more than five seconds on a busy machine.
        await Expect(receipt.GetByTestId("receipt-void")).ToContainTextAsync("金额录错，重新收款", new() { Timeout = 30_000 });
        await Expect(receipt.GetByRole(AriaRole.Button, new() { Name = "作废收据" })).ToHaveCountAsync(0);
        await fixture.ShotAsync(desk, "63-billing-receipt-void");
        await desk.Keyboard.PressAsync("Escape");

        // The finance desk's other screens: the bill run of next month previewed, the bill list, the arrears aging.
        await desk.GotoAsync($"{fixture.GatewayUrl}/billing/runs");
        await desk.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();
        await Expect(desk.GetByTestId("run-buildings")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await fixture.ShotAsync(desk, "64-billing-bill-run-preview");
        await desk.GotoAsync($"{fixture.GatewayUrl}/billing/bills?status=open&period={today:yyyy-MM}");
        await Expect(desk.GetByRole(AriaRole.Row).Filter(new() { HasText = unitNumber }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await fixture.ShotAsync(desk, "65-billing-bills");
        // The unit's payment notice (付款通知书), printable as the API lays it out.
        await desk.GetByRole(AriaRole.Row).Filter(new() { HasText = unitNumber }).First.GetByTestId("payment-notice").ClickAsync();
        await Expect(desk.FrameLocator("[data-testid=receipt-print]").GetByRole(AriaRole.Heading, new() { Name = "付款通知书" }))
            .ToBeVisibleAsync(new() { Timeout = 30_000 });
        await desk.ScreenshotAsync(new() { Path = Path.Combine(fixture.Screenshots, "65a-billing-payment-notice.png") });
        await desk.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "关闭" }).Last.ClickAsync();
        // The cashier's own receipts of the day: the voided one is listed, marked 作废.
        await desk.GotoAsync($"{fixture.GatewayUrl}/billing/receipts?mine=1&day={today:yyyy-MM-dd}");
        await Expect(desk.GetByTestId("receipts").Locator("tbody tr.ant-table-row").Filter(new() { HasText = "作废" }).First)
            .ToBeVisibleAsync(new() { Timeout = 30_000 });
        await fixture.ShotAsync(desk, "65b-billing-receipts");
        await desk.GotoAsync($"{fixture.GatewayUrl}/billing/arrears");
        var buildingRow = desk.GetByTestId("arrears-buildings").Locator("tbody tr.ant-table-row").First;
        await Expect(buildingRow).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await buildingRow.Locator(".ant-table-row-expand-icon").ClickAsync();
        await fixture.ShotAsync(desk, "66-billing-arrears");
        await desk.Context.CloseAsync();

        // The cash desk on the narrowest phone, and the occupant's own bills.
        var phone = await fixture.SignInAsync("finance", SmallPhone);
        await phone.GotoAsync($"{fixture.GatewayUrl}/billing/cash-desk?unit={unit.GetProperty("id").GetString()}");
        await Expect(phone.GetByTestId("open-lines").Locator("tbody tr.ant-table-row").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await fixture.ShotAsync(phone, "67-billing-cash-desk-phone");
        await phone.Context.CloseAsync();
        var occupant = await fixture.SignInAsync("occupant", ConsoleFixture.Phone);
        await occupant.GotoAsync($"{fixture.GatewayUrl}/portal/bills");
        await Expect(occupant.GetByRole(AriaRole.Heading, new() { Name = "我的账单" })).ToBeVisibleAsync();
        await Expect(occupant.Locator(".pp-plain-list li").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await fixture.ShotAsync(occupant, "68-billing-portal-bills");
        await occupant.Context.CloseAsync();
    }

    /// <summary>Billing fills its copy of units from Directory after the platform starts: the run waits until it knows the property.</summary>
    private static async Task CommitBillRunAsync(HttpClient api, string propertyId, string period)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var response = await api.PostAsJsonAsync("/api/billing/bill-runs", new { propertyId, period }, Cancel);
            if (response.IsSuccessStatusCode)
            {
                return;
            }
            if (attempt >= 60 || response.StatusCode != HttpStatusCode.BadRequest)
            {
                throw new InvalidOperationException($"The bill run of {period} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
            }
            await Task.Delay(TimeSpan.FromSeconds(2), Cancel);
        }
    }
}
