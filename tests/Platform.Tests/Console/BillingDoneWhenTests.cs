using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using PropertyPlatform.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace PropertyPlatform.WebConsole.Tests;

/// <summary>
/// Issue 10's "Done when", through the gateway: the demo property's fee schedule is set; next month's bill run is
/// previewed, committed, and committed again adding nothing; an owner pays part in cash and the rest by transfer; the
/// receipts carry the right amounts in capitals (大写) and numbers without gaps; the cashier's day closes balanced; an
/// owner who has not paid shows in the arrears aging and finds the reminder (催缴) in their Notifications inbox.
/// </summary>
/// <remarks>
/// The cashier is a second finance clerk the administrator adds, so closing their day leaves the demo <c>finance</c>
/// account's day open for the cash-desk journey, whichever runs first. The owners are people (not companies), so the
/// front desk can give them accounts to read their inbox with.
/// </remarks>
[Collection(ConsoleCollection.Name)]
public sealed class BillingDoneWhenTests(ConsoleFixture fixture)
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task Fees_set_next_month_billed_once_paid_in_cash_and_transfer_day_closed_and_the_unpaid_owner_reminded()
    {
        using var finance = await fixture.ApiAsync("finance");
        using var admin = await fixture.ApiAsync("admin");
        using var desk = await fixture.ApiAsync("frontdesk");
        var propertyId = (await finance.GetFromJsonAsync<JsonElement>("/api/directory/me", Cancel)).GetProperty("propertyIds")[0].GetString()!;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Beijing).DateTime);
        var (lastMonth, nextMonth) = ($"{today.AddMonths(-1):yyyy-MM}", $"{today.AddMonths(1):yyyy-MM}");

        // Two shops held by their owners (people): 李秀英 pays, 王建国 does not.
        var units = (await finance.GetFromJsonAsync<JsonElement>($"/api/directory/units?propertyId={propertyId}&pageSize=200", Cancel))
            .GetProperty("items").EnumerateArray().ToList();
        var paying = units.Single(u => u.GetProperty("buildingName").GetString() == "A座" && u.GetProperty("number").GetString() == "103");
        var unpaid = units.Single(u => u.GetProperty("buildingName").GetString() == "A座" && u.GetProperty("number").GetString() == "102");
        var (payingId, unpaidId) = (paying.GetProperty("id").GetString()!, unpaid.GetProperty("id").GetString()!);

        // The fee schedule: offices and shops per m² a month, from the start of last year.
        foreach (var (unitType, rate) in new[] { ("office", 8.50m), ("shop", 12.00m) })
        {
            using var set = await finance.PostAsJsonAsync("/api/billing/fee-schedules",
                new { propertyId, item = "property_service", unitType, rate, effectiveFrom = $"{today.Year - 1}-01-01" }, Cancel);
            // The cash-desk journey sets the same office rate: whichever comes second finds it set.
            set.StatusCode.ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Conflict);
        }
        var inEffect = await finance.GetFromJsonAsync<JsonElement>($"/api/billing/fee-schedules?propertyId={propertyId}", Cancel);
        inEffect.ToString().ShouldContain("shop");

        // Last month billed (so something is overdue), then next month: previewed, committed, committed again.
        await CommitAsync(finance, propertyId, lastMonth);
        var preview = await PostAsync(finance, "/api/billing/bill-runs/preview", new { propertyId, period = nextMonth }, HttpStatusCode.OK);
        preview.GetProperty("committed").GetBoolean().ShouldBeFalse();
        var toIssue = preview.GetProperty("issued").GetInt32();
        toIssue.ShouldBeGreaterThan(0);
        preview.GetProperty("buildings").EnumerateArray().Sum(b => b.GetProperty("total").GetDecimal()).ShouldBe(preview.GetProperty("issuedTotal").GetDecimal());
        var payingLine = preview.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("unitId").GetString() == payingId && l.GetProperty("item").GetString() == "property_service");
        payingLine.GetProperty("amount").GetDecimal().ShouldBe(Math.Round(paying.GetProperty("chargeableArea").GetDecimal() * 12.00m, 2, MidpointRounding.AwayFromZero));
        payingLine.GetProperty("alreadyBilled").GetBoolean().ShouldBeFalse();

        var committed = await CommitAsync(finance, propertyId, nextMonth);
        committed.GetProperty("issued").GetInt32().ShouldBe(toIssue);
        committed.GetProperty("issuedTotal").GetDecimal().ShouldBe(preview.GetProperty("issuedTotal").GetDecimal());
        var rerun = await CommitAsync(finance, propertyId, nextMonth);
        rerun.GetProperty("issued").GetInt32().ShouldBe(0);
        rerun.GetProperty("issuedTotal").GetDecimal().ShouldBe(0m);
        rerun.GetProperty("alreadyBilled").GetInt32().ShouldBeGreaterThanOrEqualTo(toIssue);
        var nextMonthLines = await finance.GetFromJsonAsync<JsonElement>($"/api/billing/bills?propertyId={propertyId}&period={nextMonth}&pageSize=200", Cancel);
        nextMonthLines.GetProperty("items").EnumerateArray()
            .Count(l => l.GetProperty("unitId").GetString() == payingId && l.GetProperty("item").GetString() == "property_service").ShouldBe(1);

        // A second cashier: the administrator adds a finance clerk, who signs in.
        var clerk = await PostAsync(admin, "/api/directory/staff", new
        {
            name = "周晓梅", phone = "13955501234", department = "finance", roles = new[] { "finance" }, propertyIds = new[] { propertyId },
        }, HttpStatusCode.Created);
        await PostAsync(admin, "/api/directory/accounts",
            new { personId = clerk.GetProperty("id").GetString(), userName = "cashier2", initialPassword = ConsoleFixture.DemoPassword }, HttpStatusCode.Created);
        using var cashier = await fixture.ApiAsync("cashier2");

        // 李秀英 pays what her shop owes: 123.45 in cash, the rest by bank transfer.
        var owed = (await cashier.GetFromJsonAsync<JsonElement>($"/api/billing/units/{payingId}/bills", Cancel)).GetProperty("outstanding").GetDecimal();
        owed.ShouldBeGreaterThan(123.45m);
        var cash = await PostAsync(cashier, "/api/billing/payments",
            new { unitId = payingId, method = "cash", amount = 123.45m, payerName = "李秀英" }, HttpStatusCode.Created);
        var transfer = await PostAsync(cashier, "/api/billing/payments",
            new { unitId = payingId, method = "bank_transfer", amount = owed - 123.45m, payerName = "李秀英" }, HttpStatusCode.Created);
        transfer.GetProperty("credit").GetDecimal().ShouldBe(0m);
        var afterPaying = await cashier.GetFromJsonAsync<JsonElement>($"/api/billing/units/{payingId}/bills", Cancel);
        afterPaying.GetProperty("outstanding").GetDecimal().ShouldBe(0m);
        afterPaying.GetProperty("lines").EnumerateArray().ShouldAllBe(l => l.GetProperty("status").GetString() == "settled");

        // The receipts: the amounts in capitals, and numbers that follow each other.
        var cashReceipt = await cashier.GetFromJsonAsync<JsonElement>($"/api/billing/receipts/{cash.GetProperty("receiptId").GetString()}", Cancel);
        var transferReceipt = await cashier.GetFromJsonAsync<JsonElement>($"/api/billing/receipts/{transfer.GetProperty("receiptId").GetString()}", Cancel);
        cashReceipt.GetProperty("amountInWords").GetString().ShouldBe("壹佰贰拾叁元肆角伍分");
        cashReceipt.GetProperty("cashier").GetProperty("name").GetString().ShouldBe("周晓梅");
        transferReceipt.GetProperty("amount").GetDecimal().ShouldBe(owed - 123.45m);
        transferReceipt.GetProperty("amountInWords").GetString().ShouldBe(Capitals(owed - 123.45m));
        Sequence(transferReceipt).ShouldBe(Sequence(cashReceipt) + 1);
        var printed = await cashier.GetStringAsync($"/api/billing/receipts/{transfer.GetProperty("receiptId").GetString()}/print", Cancel);
        printed.ShouldContain(Capitals(owed - 123.45m));

        // Every receipt of the property this year, voided ones included, numbered 1…n without a gap.
        var series = $"SJ-{today.Year}-";
        var numbers = (await finance.GetFromJsonAsync<JsonElement>($"/api/billing/receipts?propertyId={propertyId}&pageSize=200", Cancel))
            .GetProperty("items").EnumerateArray().Select(r => r.GetProperty("number").GetString()!)
            .Where(n => n.StartsWith(series, StringComparison.Ordinal)).Select(n => int.Parse(n[series.Length..], CultureInfo.InvariantCulture))
            .Order().ToList();
        numbers.ShouldBe(Enumerable.Range(1, numbers.Count).ToList());

        // The cashier's day: only the cash is expected; counted as expected, it closes balanced, slip in capitals.
        var day = await cashier.GetFromJsonAsync<JsonElement>($"/api/billing/cash-days?propertyId={propertyId}", Cancel);
        day.GetProperty("closed").GetBoolean().ShouldBeFalse();
        day.GetProperty("expected").GetDecimal().ShouldBe(123.45m);
        var closed = await PostAsync(cashier, "/api/billing/cash-days/close",
            new { propertyId, day = day.GetProperty("day").GetString(), counted = 123.45m }, HttpStatusCode.Created);
        closed.GetProperty("balanced").GetBoolean().ShouldBeTrue();
        closed.GetProperty("difference").GetDecimal().ShouldBe(0m);
        var slip = await cashier.GetStringAsync($"/api/billing/cash-days/{closed.GetProperty("id").GetString()}/slip", Cancel);
        slip.ShouldContain("现金缴款单");
        slip.ShouldContain("壹佰贰拾叁元肆角伍分");
        slip.ShouldNotContain("票款不符");
        // A closed day takes no more cash.
        using (var late = await cashier.PostAsJsonAsync("/api/billing/payments",
            new { unitId = unpaidId, method = "cash", amount = 10.00m, payerName = "王建国" }, Cancel))
        {
            late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        }

        // The arrears: 王建国's shop owes last month's fee, aged by the days past its due date; the paid shop owes nothing.
        var arrears = await finance.GetFromJsonAsync<JsonElement>($"/api/billing/arrears?propertyId={propertyId}", Cancel);
        var arrearsUnits = arrears.GetProperty("buildings").EnumerateArray().SelectMany(b => b.GetProperty("units").EnumerateArray()).ToList();
        arrearsUnits.ShouldNotContain(u => u.GetProperty("unitId").GetString() == payingId);
        var owing = arrearsUnits.Single(u => u.GetProperty("unitId").GetString() == unpaidId);
        var overdueDays = today.DayNumber - DateOnly.Parse(owing.GetProperty("oldestDueDate").GetString()!, CultureInfo.InvariantCulture).DayNumber;
        var bucket = overdueDays switch { <= 30 => "days0To30", <= 90 => "days31To90", <= 180 => "days91To180", _ => "over180Days" };
        owing.GetProperty("aging").GetProperty(bucket).GetDecimal().ShouldBeGreaterThan(0m);
        // Other tests may have billed older months of the property: the buckets add up to what the unit owes.
        var aging = owing.GetProperty("aging");
        new[] { "days0To30", "days31To90", "days91To180", "over180Days" }.Sum(b => aging.GetProperty(b).GetDecimal())
            .ShouldBe(aging.GetProperty("total").GetDecimal());

        // The reminder sweep, and 王建国 (given an account by the front desk) finds it in his inbox.
        await PostAsync(finance, "/api/billing/arrears/reminders", new { propertyId }, HttpStatusCode.OK);
        var owner = (await desk.GetFromJsonAsync<JsonElement>($"/api/directory/occupants?propertyId={propertyId}&name=王建国", Cancel))
            .GetProperty("items")[0].GetProperty("id").GetString()!;
        await PostAsync(desk, "/api/directory/accounts", new { personId = owner, userName = "wang.jianguo", initialPassword = ConsoleFixture.DemoPassword }, HttpStatusCode.Created);
        using var wang = await fixture.ApiAsync("wang.jianguo");
        var reminder = await Eventually.ReturnsAsync(
            async () => (await wang.GetFromJsonAsync<JsonElement>("/api/notifications/inbox", Cancel)).GetProperty("items").EnumerateArray()
                .FirstOrDefault(e => e.GetProperty("title").GetString()!.StartsWith("欠费提醒", StringComparison.Ordinal)),
            e => e.ValueKind != JsonValueKind.Undefined, TimeSpan.FromSeconds(60));
        reminder.GetProperty("title").GetString().ShouldBe($"欠费提醒：A座 102 {owing.GetProperty("aging").GetProperty("total").GetDecimal():0.00} 元");

        // A renovation deposit for the deposits screens (by transfer: no cashier's cash changes).
        await PostAsync(finance, "/api/billing/deposits",
            new { unitId = unpaidId, payerName = "王建国", kind = "renovation", amount = 2000.00m, method = "bank_transfer" }, HttpStatusCode.Created);

        // The screens of all this, to look at: the clerk's closed day with its slip, deposits and meter readings on a desk
        // and a 360 px phone, and the owner's own bills (with the payment notice) and inbox in the portal.
        var clerkPage = await fixture.SignInAsync("cashier2");
        await ShotAsync(clerkPage, "/billing/cash-day", "69-billing-cash-day-closed");
        await clerkPage.Context.CloseAsync();
        var financePage = await fixture.SignInAsync("finance");
        await ShotAsync(financePage, "/billing/deposits", "70-billing-deposits");
        await ShotAsync(financePage, "/billing/meter-readings", "71-billing-meter-readings");
        await financePage.Context.CloseAsync();
        var financePhone = await fixture.SignInAsync("finance", SmallPhone);
        await financePhone.GotoAsync($"{fixture.GatewayUrl}/billing/deposits");
        var depositRows = financePhone.GetByTestId("deposits").Locator("tbody tr.ant-table-row");
        await Expect(depositRows.First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await fixture.ShotAsync(financePhone, "72-billing-deposits-phone");
        // On the phone the deposits are read without scrolling sideways; a tap shows a deposit's steps and what can be done.
        (await financePhone.GetByTestId("deposits").Locator(".ant-table-content").EvaluateAsync<int>("e => e.scrollWidth - e.clientWidth"))
            .ShouldBeLessThanOrEqualTo(0);
        await depositRows.First.ClickAsync();
        await Expect(financePhone.GetByTestId("deposit-steps-phone").First).ToBeVisibleAsync();
        await Expect(financePhone.GetByTestId("deposits").Locator(".ant-table-expanded-row .pp-phone-only .ant-btn").First).ToBeVisibleAsync();
        await fixture.ShotAsync(financePhone, "72-billing-deposits-phone-steps");
        await ShotAsync(financePhone, "/billing/cash-day", "73-billing-cash-day-phone");
        await financePhone.Context.CloseAsync();
        var ownerPage = await fixture.SignInAsync("wang.jianguo", ConsoleFixture.Phone);
        await ShotAsync(ownerPage, "/portal/bills", "74-billing-portal-owner-bills");
        await ownerPage.Context.CloseAsync();

        // 李秀英, given an account, finds both receipts under her shop in the portal and opens the cash one as printed.
        var payer = (await desk.GetFromJsonAsync<JsonElement>($"/api/directory/occupants?propertyId={propertyId}&name=李秀英", Cancel))
            .GetProperty("items")[0].GetProperty("id").GetString()!;
        await PostAsync(desk, "/api/directory/accounts", new { personId = payer, userName = "li.xiuying", initialPassword = ConsoleFixture.DemoPassword }, HttpStatusCode.Created);
        var payerPage = await fixture.SignInAsync("li.xiuying", ConsoleFixture.Phone);
        await payerPage.GotoAsync($"{fixture.GatewayUrl}/portal/bills");
        var receipts = payerPage.GetByTestId("portal-receipts");
        await Expect(receipts).ToContainTextAsync(cashReceipt.GetProperty("number").GetString()!, new() { Timeout = 30_000 });
        await Expect(receipts).ToContainTextAsync(transferReceipt.GetProperty("number").GetString()!);
        await fixture.ShotAsync(payerPage, "75-billing-portal-receipts");
        await receipts.Locator("li", new() { HasText = cashReceipt.GetProperty("number").GetString()! }).GetByRole(AriaRole.Button).ClickAsync();
        await Expect(payerPage.FrameLocator("[data-testid=receipt-print]").Locator("body")).ToContainTextAsync("壹佰贰拾叁元肆角伍分", new() { Timeout = 30_000 });
        await payerPage.Context.CloseAsync();
    }

    private static readonly BrowserNewContextOptions SmallPhone = new()
    {
        ViewportSize = new() { Width = 360, Height = 740 }, DeviceScaleFactor = 2, IsMobile = true, HasTouch = true,
        Locale = "zh-CN", TimezoneId = "Asia/Shanghai",
    };

    private async Task ShotAsync(IPage page, string path, string name)
    {
        await page.GotoAsync($"{fixture.GatewayUrl}{path}");
        await Expect(page.Locator("h1").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await fixture.ShotAsync(page, name);
    }

    private static int Sequence(JsonElement receipt) =>
        int.Parse(receipt.GetProperty("number").GetString()!.Split('-')[^1], CultureInfo.InvariantCulture);

    private static async Task<JsonElement> PostAsync(HttpClient api, string path, object body, HttpStatusCode expected)
    {
        using var response = await api.PostAsJsonAsync(path, body, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        response.StatusCode.ShouldBe(expected, $"POST {path}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Billing fills its copy of units from Directory after the platform starts: the run waits until it knows the property.</summary>
    private static async Task<JsonElement> CommitAsync(HttpClient api, string propertyId, string period)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var response = await api.PostAsJsonAsync("/api/billing/bill-runs", new { propertyId, period }, Cancel);
            var text = await response.Content.ReadAsStringAsync(Cancel);
            if (response.IsSuccessStatusCode)
            {
                return JsonDocument.Parse(text).RootElement.Clone();
            }
            if (attempt >= 60 || response.StatusCode != HttpStatusCode.BadRequest)
            {
                throw new InvalidOperationException($"The bill run of {period} failed: {(int)response.StatusCode} {text}");
            }
            await Task.Delay(TimeSpan.FromSeconds(2), Cancel);
        }
    }

    /// <summary>
    /// The amount in capitals as a cashier writes it by hand, worked out here independently of Billing: 拾佰仟 within the
    /// 万 and 亿 groups, one 零 for zeros inside a group or before a group's thousands, 零 after 元 when its units digit is
    /// zero (or no 角 comes) and fen follow, 整 when neither 角 nor 分 is written.
    /// </summary>
    private static string Capitals(decimal amount)
    {
        const string digits = "零壹贰叁肆伍陆柒捌玖";
        string[] places = ["仟", "佰", "拾", ""];
        string[] groups = ["", "万", "亿"];
        var yuan = (long)decimal.Truncate(amount);
        var fen = (int)((amount - yuan) * 100);
        var (jiao, cents) = (fen / 10, fen % 10);
        var text = "";
        var count = yuan == 0 ? 0 : (int)Math.Ceiling((Math.Floor(Math.Log10(yuan)) + 1) / 4);
        for (var g = count - 1; g >= 0; g--)
        {
            var four = $"{yuan / (long)Math.Pow(10000, g) % 10000:0000}";
            var (zero, any) = (false, false);
            for (var i = 0; i < 4; i++)
            {
                if (four[i] == '0')
                {
                    zero = text.Length > 0;
                    continue;
                }
                text += (zero ? "零" : "") + digits[four[i] - '0'] + places[i];
                (zero, any) = (false, true);
            }
            text += any ? groups[g] : "";
        }
        if (yuan > 0)
        {
            text += "元";
            if (fen > 0 && (yuan % 10 == 0 || jiao == 0))
            {
                text += "零";
            }
        }
        text += (jiao > 0 ? $"{digits[jiao]}角" : "") + (cents > 0 ? $"{digits[cents]}分" : "");
        return fen == 0 ? (yuan == 0 ? "零元整" : text + "整") : text;
    }
}
