using System.Globalization;
using System.Net;
using System.Text.Json;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.Billing.Tests.BillRunApiTests;
using static PropertyPlatform.Billing.Tests.PaymentApiTests;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Billing.Tests;

/// <summary>Payments and receipts lists, the payment notice, the CSV quoting and the closed day's reversals, on real PostgreSQL.</summary>
public sealed class CashierListsApiTests(TestInfrastructure infrastructure)
{
    [Fact]
    public async Task Payments_and_receipts_are_listed_by_day_cashier_unit_and_method_a_page_at_a_time()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var (office, shop, _) = await TwoUnitsWithRatesAsync(app);
        var cashierId = Guid.NewGuid();
        var cashier = app.ClientAs(new AccessTokenContent(cashierId, "出纳李娜", [Roles.Finance], false, [office.PropertyId], []));
        (await cashier.PostJsonAsync("/bill-runs", Run(office.PropertyId, "2026-07"))).EnsureSuccessStatusCode();
        (await cashier.PostJsonAsync("/payments", Payment(office.UnitId, "cash", 100m))).EnsureSuccessStatusCode();
        var transfer = await (await cashier.PostJsonAsync("/payments", Payment(shop.UnitId, "bank_transfer", 50m))).ReadJsonAsync();
        (await cashier.PostJsonAsync($"/payments/{transfer.GetProperty("id").GetGuid()}/reverse", Json(new { reason = "转账退回" }))).EnsureSuccessStatusCode();
        var manager = app.ClientAs(Roles.Manager, office.PropertyId);
        var day = Today(app);
        var yesterday = DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        async Task<int> Total(string path) => (await manager.GetFromJsonAsync<JsonElement>(path, Cancel)).GetProperty("total").GetInt32();
        var p = office.PropertyId;
        (await Total($"/payments?propertyId={p}")).ShouldBe(2);
        (await Total($"/payments?propertyId={p}&method=cash")).ShouldBe(1);
        (await Total($"/payments?propertyId={p}&unitId={shop.UnitId}")).ShouldBe(1);
        (await Total($"/payments?propertyId={p}&cashierId={cashierId}&day={day}")).ShouldBe(2);
        (await Total($"/payments?propertyId={p}&day={yesterday}")).ShouldBe(0);
        (await Total($"/payments?propertyId={p}&cashierId={Guid.NewGuid()}")).ShouldBe(0);
        var page = await manager.GetFromJsonAsync<JsonElement>($"/payments?propertyId={p}&pageSize=1", Cancel);
        page.GetProperty("items").EnumerateArray().ShouldHaveSingleItem().GetProperty("status").GetString().ShouldBe("reversed"); // newest first
        (await Total($"/receipts?propertyId={p}&voided=true")).ShouldBe(1);
        var receipt = (await manager.GetFromJsonAsync<JsonElement>($"/receipts?propertyId={p}&method=cash", Cancel)).GetProperty("items")[0];
        (receipt.GetProperty("amountInWords").GetString(), receipt.GetProperty("cashier").GetProperty("name").GetString()).ShouldBe(("壹佰元整", "出纳李娜"));

        await (await manager.GetAsync($"/payments?propertyId={p}&method=cheque", Cancel)).ShouldHaveFieldErrorAsync("method");
        await (await manager.GetAsync("/receipts", Cancel)).ShouldHaveFieldErrorAsync("propertyId");
        (await app.ClientAs(Roles.Finance, Guid.NewGuid()).GetFromJsonAsync<JsonElement>($"/payments?propertyId={p}", Cancel)).GetProperty("total").GetInt32().ShouldBe(0);
        await (await app.ClientAsOccupant(Guid.NewGuid(), p, office.UnitId).GetAsync($"/receipts?propertyId={p}", Cancel)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_payment_notice_prints_a_units_open_lines_with_the_total_in_capitals_for_its_occupant_only()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var (office, shop, finance) = await TwoUnitsWithRatesAsync(app);
        (await finance.PostJsonAsync("/bill-runs", Run(office.PropertyId, "2026-07"))).EnsureSuccessStatusCode();
        (await finance.PostJsonAsync("/payments", Payment(office.UnitId, "cash", 100m))).EnsureSuccessStatusCode();

        var response = await app.ClientAsOccupant(Guid.NewGuid(), office.PropertyId, office.UnitId).GetAsync($"/units/{office.UnitId}/payment-notice", Cancel);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await response.Content.ReadAsStringAsync(Cancel);
        html.ShouldContain("付款通知书");
        html.ShouldContain("321.93");
        html.ShouldContain("叁佰贰拾壹元玖角叁分");
        await (await app.ClientAsOccupant(Guid.NewGuid(), office.PropertyId, office.UnitId).GetAsync($"/units/{shop.UnitId}/payment-notice", Cancel))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_journal_quotes_a_field_with_a_comma_or_quote_and_a_closed_days_cash_is_not_reversed()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var (office, _, _) = await TwoUnitsWithRatesAsync(app);
        var cashier = app.ClientAs(new AccessTokenContent(Guid.NewGuid(), "出纳李娜", [Roles.Finance], false, [office.PropertyId], []));
        var payment = await (await cashier.PostJsonAsync("/payments",
            Json(new { unitId = office.UnitId, method = "cash", amount = 88m, payerName = "王\"五, 六" }))).ReadJsonAsync();

        var month = Today(app)[..7];
        var journal = await (await cashier.GetAsync($"/journal?propertyId={office.PropertyId}&period={month}", Cancel)).Content.ReadAsStringAsync(Cancel);
        journal.ShouldContain("\"王\"\"五, 六 收款人 出纳李娜\"");

        (await cashier.PostJsonAsync("/cash-days/close", Json(new { propertyId = office.PropertyId, day = Today(app), counted = 88m }))).EnsureSuccessStatusCode();
        await (await cashier.PostJsonAsync($"/payments/{payment.GetProperty("id").GetGuid()}/reverse", Json(new { reason = "重复收款" })))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await cashier.PostJsonAsync($"/receipts/{payment.GetProperty("receiptId").GetGuid()}/void", Json(new { reason = "重复收款" })))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await app.ScalarAsync<string>("SELECT status FROM payments")).ShouldBe("Received");
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);

    private static string Today(BillingApp app) =>
        app.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
