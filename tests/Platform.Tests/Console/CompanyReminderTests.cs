using System.Net;
using System.Text.Json;
using PropertyPlatform.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace PropertyPlatform.WebConsole.Tests;

/// <summary>
/// Issue 10's "a reminder reaches its occupant" for a unit rented by a company, as most demo units are: Billing names the
/// company as the payer, a company does not sign in, and the reminder (催缴) reaches the inbox of the demo occupant 张伟,
/// one of 华夏智联科技's authorised signers (指定签名人), but not that of 王芳, who works there and does not sign for it.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class CompanyReminderTests(ConsoleFixture fixture)
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task An_arrears_reminder_for_a_company_rented_office_reaches_the_companys_signer_and_not_a_colleague()
    {
        using var finance = await fixture.ApiAsync("finance");
        using var desk = await fixture.ApiAsync("frontdesk");
        using var occupant = await fixture.ApiAsync("occupant");
        var propertyId = (await finance.GetFromJsonAsync<JsonElement>("/api/directory/me", Cancel)).GetProperty("propertyIds")[0].GetString()!;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Beijing).DateTime);

        // A座 1201 is rented by 华夏智联科技有限公司 (the demo occupant's company); offices pay per m², last month is billed.
        var units = (await finance.GetFromJsonAsync<JsonElement>($"/api/directory/units?propertyId={propertyId}&pageSize=200", Cancel))
            .GetProperty("items").EnumerateArray().ToList();
        var office = units.Single(u => u.GetProperty("buildingName").GetString() == "A座" && u.GetProperty("number").GetString() == "1201");
        var officeId = office.GetProperty("id").GetString()!;
        using (var rate = await finance.PostAsJsonAsync("/api/billing/fee-schedules",
            new { propertyId, item = "property_service", unitType = "office", rate = 8.50m, effectiveFrom = $"{today.Year - 1}-01-01" }, Cancel))
        {
            // Other billing tests set the same rate: whichever comes later finds it set.
            rate.StatusCode.ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Conflict);
        }
        await CommitAsync(finance, propertyId, $"{today.AddMonths(-1):yyyy-MM}");
        var arrears = await finance.GetFromJsonAsync<JsonElement>($"/api/billing/arrears?propertyId={propertyId}", Cancel);
        arrears.GetProperty("buildings").EnumerateArray().SelectMany(b => b.GetProperty("units").EnumerateArray())
            .ShouldContain(u => u.GetProperty("unitId").GetString() == officeId);

        // The reminder sweep: the company is the payer; its signer 张伟 finds the reminder in his inbox.
        using (var sweep = await finance.PostAsJsonAsync("/api/billing/arrears/reminders", new { propertyId }, Cancel))
        {
            sweep.StatusCode.ShouldBe(HttpStatusCode.OK, await sweep.Content.ReadAsStringAsync(Cancel));
        }
        const string title = "欠费提醒：A座 1201 ";
        var reminder = await Eventually.ReturnsAsync(
            async () => (await ReminderAsync(occupant, title)),
            e => e is not null, TimeSpan.FromSeconds(60));
        reminder!.Value.GetProperty("link").GetString().ShouldBe("/api/billing/arrears");
        // Once, however many sweeps ran today.
        (await InboxAsync(occupant)).Count(e => e.GetProperty("title").GetString()!.StartsWith(title, StringComparison.Ordinal)).ShouldBe(1);

        // 王芳 works for the company but does not sign for it: given an account, she reads no such reminder, nor his entry.
        var colleague = (await desk.GetFromJsonAsync<JsonElement>($"/api/directory/occupants?propertyId={propertyId}&name=王芳", Cancel))
            .GetProperty("items")[0].GetProperty("id").GetString()!;
        using (var account = await desk.PostAsJsonAsync("/api/directory/accounts",
            new { personId = colleague, userName = "wang.fang", initialPassword = ConsoleFixture.DemoPassword }, Cancel))
        {
            account.StatusCode.ShouldBe(HttpStatusCode.Created, await account.Content.ReadAsStringAsync(Cancel));
        }
        using var wang = await fixture.ApiAsync("wang.fang");
        (await ReminderAsync(wang, title)).ShouldBeNull();
        (await wang.GetAsync($"/api/notifications/inbox/{reminder.Value.GetProperty("id").GetString()}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // What 张伟 sees on his phone: the reminder in his inbox.
        var page = await fixture.SignInAsync("occupant", ConsoleFixture.Phone);
        await page.GotoAsync($"{fixture.GatewayUrl}/inbox");
        await Expect(page.GetByText(reminder.Value.GetProperty("title").GetString()!).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await fixture.ShotAsync(page, "notify-03-company-reminder");
        await page.Context.CloseAsync();
    }

    private static async Task<List<JsonElement>> InboxAsync(HttpClient api) =>
        [.. (await api.GetFromJsonAsync<JsonElement>("/api/notifications/inbox?pageSize=100", Cancel)).GetProperty("items").EnumerateArray()];

    private static async Task<JsonElement?> ReminderAsync(HttpClient api, string title) =>
        (await InboxAsync(api)).Where(e => e.GetProperty("title").GetString()!.StartsWith(title, StringComparison.Ordinal))
            .Select(e => (JsonElement?)e).FirstOrDefault();

    /// <summary>Billing fills its copy of units from Directory after the platform starts: the run waits until it knows the property.</summary>
    private static async Task CommitAsync(HttpClient api, string propertyId, string period)
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
