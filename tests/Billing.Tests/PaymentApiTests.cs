using System.Net;
using System.Text.Json;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.Billing.Tests.BillRunApiTests;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Billing.Tests;

/// <summary>The cash desk over HTTP: payments, receipts, reversals and voids, on real PostgreSQL and RabbitMQ.</summary>
public sealed class PaymentApiTests(TestInfrastructure infrastructure)
{
    [Fact]
    public async Task An_occupant_pays_part_in_cash_and_the_rest_by_transfer_with_gapless_receipts_in_capitals()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var (office, _, _) = await TwoUnitsWithRatesAsync(app);
        var cashierId = Guid.NewGuid();
        var cashier = app.ClientAs(new AccessTokenContent(cashierId, "出纳李娜", [Roles.Finance], false, [office.PropertyId], []));
        (await cashier.PostJsonAsync("/bill-runs", Run(office.PropertyId, "2026-07"))).EnsureSuccessStatusCode();
        (await cashier.PostJsonAsync("/bill-runs", Run(office.PropertyId, "2026-08"))).EnsureSuccessStatusCode();

        // Two months of 421.93 = 843.86: 500 in cash, then the rest by transfer.
        var cash = await (await cashier.PostJsonAsync("/payments", Payment(office.UnitId, "cash", 500m))).ReadJsonAsync();
        cash.GetProperty("allocations").EnumerateArray().Select(a => (a.GetProperty("period").GetString(), a.GetProperty("amount").GetDecimal()))
            .ShouldBe([("2026-07", 421.93m), ("2026-08", 78.07m)]);
        cash.GetProperty("cashier").GetProperty("personId").GetGuid().ShouldBe(cashierId);
        cash.GetProperty("receiptNumber").GetString().ShouldBe($"{Series(app)}-000001");

        var transfer = await (await cashier.PostJsonAsync("/payments", Payment(office.UnitId, "bank_transfer", 343.86m))).ReadJsonAsync();
        transfer.GetProperty("receiptNumber").GetString().ShouldBe($"{Series(app)}-000002");
        transfer.GetProperty("credit").GetDecimal().ShouldBe(0m);

        var bills = await cashier.GetFromJsonAsync<JsonElement>($"/units/{office.UnitId}/bills", Cancel);
        bills.GetProperty("outstanding").GetDecimal().ShouldBe(0m);
        bills.GetProperty("lines").EnumerateArray().ShouldAllBe(l => l.GetProperty("status").GetString() == "settled");

        var receipt = await cashier.GetFromJsonAsync<JsonElement>($"/receipts/{transfer.GetProperty("receiptId").GetGuid()}", Cancel);
        receipt.GetProperty("amountInWords").GetString().ShouldBe("叁佰肆拾叁元捌角陆分");
        receipt.GetProperty("method").GetString().ShouldBe("bank_transfer");
        receipt.GetProperty("payerName").GetString().ShouldBe("张伟");
        receipt.GetProperty("cashier").GetProperty("name").GetString().ShouldBe("出纳李娜");
        receipt.GetProperty("lines").EnumerateArray().ShouldHaveSingleItem().GetProperty("period").GetString().ShouldBe("2026-08");

        var page = await (await cashier.GetAsync($"/receipts/{transfer.GetProperty("receiptId").GetGuid()}/print", Cancel)).Content.ReadAsStringAsync(Cancel);
        page.ShouldContain("lang=\"zh-CN\"");
        page.ShouldContain($"{Series(app)}-000002");
        page.ShouldContain("叁佰肆拾叁元捌角陆分");
        page.ShouldContain("物业服务费");
        (await app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.PaymentReceived,%'")).ShouldBe(2);
    }

    [Fact]
    public async Task An_overpayment_is_kept_as_credit_and_pays_the_next_bill_run()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var (office, _, finance) = await TwoUnitsWithRatesAsync(app);
        (await finance.PostJsonAsync("/bill-runs", Run(office.PropertyId, "2026-07"))).EnsureSuccessStatusCode();

        var payment = await (await finance.PostJsonAsync("/payments", Payment(office.UnitId, "cash", 1000m))).ReadJsonAsync();
        payment.GetProperty("credit").GetDecimal().ShouldBe(578.07m);
        (await finance.GetFromJsonAsync<JsonElement>($"/units/{office.UnitId}/bills", Cancel)).GetProperty("credit").GetDecimal().ShouldBe(578.07m);

        (await finance.PostJsonAsync("/bill-runs", Run(office.PropertyId, "2026-08"))).EnsureSuccessStatusCode();

        var bills = await finance.GetFromJsonAsync<JsonElement>($"/units/{office.UnitId}/bills", Cancel);
        bills.GetProperty("credit").GetDecimal().ShouldBe(156.14m);
        bills.GetProperty("outstanding").GetDecimal().ShouldBe(0m);
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_same_payment_and_takes_the_money_once()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var (office, _, finance) = await TwoUnitsWithRatesAsync(app);
        var body = Payment(office.UnitId, "online", 100m, "alipay-20260701-0001");

        var first = await finance.PostJsonAsync("/payments", body);
        var again = await finance.PostJsonAsync("/payments", body);
        var atOnce = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => finance.PostJsonAsync("/payments", Payment(office.UnitId, "online", 50m, "wx-7"))));

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.ReadJsonAsync()).GetProperty("id").GetGuid().ShouldBe((await first.ReadJsonAsync()).GetProperty("id").GetGuid());
        atOnce.ShouldAllBe(r => r.IsSuccessStatusCode);
        (await app.ScalarAsync<long>("SELECT count(*) FROM payments")).ShouldBe(2);
        (await app.ScalarAsync<long>("SELECT count(*) FROM receipts")).ShouldBe(2);
        (await app.ScalarAsync<int>("SELECT max(sequence) FROM receipts")).ShouldBe(2); // no number lost to the duplicates
    }

    [Fact]
    public async Task Two_cashiers_paying_the_same_bills_at_once_never_pay_a_line_twice()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var (office, _, finance) = await TwoUnitsWithRatesAsync(app);
        (await finance.PostJsonAsync("/bill-runs", Run(office.PropertyId, "2026-07"))).EnsureSuccessStatusCode();
        var other = app.ClientAs(Roles.Finance, office.PropertyId);

        var responses = await Task.WhenAll(
            finance.PostJsonAsync("/payments", Payment(office.UnitId, "cash", 421.93m)),
            other.PostJsonAsync("/payments", Payment(office.UnitId, "card", 421.93m)));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
        (await app.ScalarAsync<decimal>($"SELECT amount_paid FROM bill_lines WHERE unit_id = '{office.UnitId}'")).ShouldBe(421.93m);
        (await finance.GetFromJsonAsync<JsonElement>($"/units/{office.UnitId}/bills", Cancel)).GetProperty("credit").GetDecimal().ShouldBe(421.93m);
        (await app.ScalarAsync<long>("SELECT count(DISTINCT number) FROM receipts")).ShouldBe(2);
    }

    [Fact]
    public async Task A_reversal_reopens_the_lines_voids_the_receipt_keeps_both_and_cannot_be_repeated()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var (office, _, finance) = await TwoUnitsWithRatesAsync(app);
        (await finance.PostJsonAsync("/bill-runs", Run(office.PropertyId, "2026-07"))).EnsureSuccessStatusCode();
        var payment = await (await finance.PostJsonAsync("/payments", Payment(office.UnitId, "bank_transfer", 421.93m))).ReadJsonAsync();
        var id = payment.GetProperty("id").GetGuid();

        var reversed = await (await finance.PostJsonAsync($"/payments/{id}/reverse", """{"reason":"银行退票"}""")).ReadJsonAsync();

        reversed.GetProperty("status").GetString().ShouldBe("reversed");
        reversed.GetProperty("reversalReason").GetString().ShouldBe("银行退票");
        reversed.GetProperty("allocations").EnumerateArray().ShouldAllBe(a => a.GetProperty("undoneAt").ValueKind == JsonValueKind.String);
        (await finance.GetFromJsonAsync<JsonElement>($"/units/{office.UnitId}/bills", Cancel)).GetProperty("outstanding").GetDecimal().ShouldBe(421.93m);
        var receipt = await finance.GetFromJsonAsync<JsonElement>($"/receipts/{payment.GetProperty("receiptId").GetGuid()}", Cancel);
        receipt.GetProperty("voided").GetBoolean().ShouldBeTrue();
        receipt.GetProperty("number").GetString().ShouldBe($"{Series(app)}-000001");
        await (await finance.PostJsonAsync($"/payments/{id}/reverse", """{"reason":"again"}""")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await finance.PostJsonAsync($"/payments/{id}/reverse", """{"reason":""}""")).ShouldHaveFieldErrorAsync("reason");
        (await app.ScalarAsync<long>("SELECT count(*) FROM payments")).ShouldBe(1);
        (await app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.PaymentReversed,%'")).ShouldBe(1);

        // The next receipt takes the next number: the void one keeps its own.
        (await (await finance.PostJsonAsync("/payments", Payment(office.UnitId, "cash", 421.93m))).ReadJsonAsync())
            .GetProperty("receiptNumber").GetString().ShouldBe($"{Series(app)}-000002");
    }

    [Fact]
    public async Task Voiding_a_receipt_marks_it_作废_with_the_reason_and_reverses_its_payment()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var (office, _, finance) = await TwoUnitsWithRatesAsync(app);
        (await finance.PostJsonAsync("/bill-runs", Run(office.PropertyId, "2026-07"))).EnsureSuccessStatusCode();
        var payment = await (await finance.PostJsonAsync("/payments", Payment(office.UnitId, "cash", 421.93m))).ReadJsonAsync();
        var receiptId = payment.GetProperty("receiptId").GetGuid();

        var voided = await (await finance.PostJsonAsync($"/receipts/{receiptId}/void", """{"reason":"交款人姓名写错"}""")).ReadJsonAsync();

        voided.GetProperty("voided").GetBoolean().ShouldBeTrue();
        voided.GetProperty("voidReason").GetString().ShouldBe("交款人姓名写错");
        var page = await (await finance.GetAsync($"/receipts/{receiptId}/print", Cancel)).Content.ReadAsStringAsync(Cancel);
        page.ShouldContain("作废");
        page.ShouldContain("交款人姓名写错");
        (await finance.GetFromJsonAsync<JsonElement>($"/payments/{payment.GetProperty("id").GetGuid()}", Cancel))
            .GetProperty("status").GetString().ShouldBe("reversed");
        await (await finance.PostJsonAsync($"/receipts/{receiptId}/void", """{"reason":"again"}""")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.ReceiptVoided,%'")).ShouldBe(1);
    }

    [Fact]
    public async Task Only_finance_takes_payments_an_occupant_reads_their_own_receipts_and_other_properties_see_404()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var (office, shop, finance) = await TwoUnitsWithRatesAsync(app);
        (await finance.PostJsonAsync("/bill-runs", Run(office.PropertyId, "2026-07"))).EnsureSuccessStatusCode();
        var payment = await (await finance.PostJsonAsync("/payments", Payment(office.UnitId, "cash", 10m))).ReadJsonAsync();
        var receiptId = payment.GetProperty("receiptId").GetGuid();

        foreach (var role in new[] { Roles.Manager, Roles.Supervisor, Roles.FrontDesk, Roles.Engineer, Roles.Security })
        {
            await (await app.ClientAs(role, office.PropertyId).PostJsonAsync("/payments", Payment(office.UnitId, "cash", 10m)))
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        }
        await (await app.ClientAsOccupant(Guid.NewGuid(), office.PropertyId, office.UnitId).PostJsonAsync("/payments", Payment(office.UnitId, "cash", 10m)))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await app.ScalarAsync<long>("SELECT count(*) FROM payments")).ShouldBe(1);

        (await app.ClientAsOccupant(Guid.NewGuid(), office.PropertyId, office.UnitId).GetFromJsonAsync<JsonElement>($"/receipts/{receiptId}", Cancel))
            .GetProperty("number").GetString().ShouldBe($"{Series(app)}-000001");
        await (await app.ClientAsOccupant(Guid.NewGuid(), office.PropertyId, shop.UnitId).GetAsync($"/receipts/{receiptId}", Cancel))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        // The portal lists a unit's receipts for its occupant; another unit's list is as unknown as an unknown unit.
        var mine = await app.ClientAsOccupant(Guid.NewGuid(), office.PropertyId, office.UnitId)
            .GetFromJsonAsync<JsonElement>($"/units/{office.UnitId}/receipts", Cancel);
        mine.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ShouldBe([receiptId]);
        await (await app.ClientAsOccupant(Guid.NewGuid(), office.PropertyId, shop.UnitId).GetAsync($"/units/{office.UnitId}/receipts", Cancel))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await app.ClientAsOccupant(Guid.NewGuid(), office.PropertyId, shop.UnitId).GetFromJsonAsync<JsonElement>($"/units/{shop.UnitId}/receipts", Cancel))
            .GetProperty("items").GetArrayLength().ShouldBe(0);
        var elsewhere = app.ClientAs(Roles.Finance, Guid.NewGuid());
        await (await elsewhere.GetAsync($"/receipts/{receiptId}", Cancel)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await elsewhere.GetAsync($"/units/{office.UnitId}/receipts", Cancel)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await elsewhere.GetAsync($"/payments/{payment.GetProperty("id").GetGuid()}", Cancel)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await elsewhere.PostJsonAsync($"/receipts/{receiptId}/void", """{"reason":"x"}""")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await elsewhere.PostJsonAsync($"/payments/{payment.GetProperty("id").GetGuid()}/reverse", """{"reason":"x"}"""))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await elsewhere.PostJsonAsync("/payments", Payment(office.UnitId, "cash", 10m))).ShouldHaveFieldErrorAsync("unitId");
        await (await finance.PostJsonAsync("/payments", Payment(office.UnitId, "cash", 10.001m))).ShouldHaveFieldErrorAsync("amount");
        (await app.ScalarAsync<long>("SELECT count(*) FROM payments")).ShouldBe(1);
    }

    /// <summary>This year's receipt series at the property (Beijing time): numbers are per property and year.</summary>
    private static string Series(BillingApp app) => $"SJ-{app.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year}";

    internal static string Payment(Guid unitId, string method, decimal amount, string? idempotencyKey = null) =>
        JsonSerializer.Serialize(new { unitId, method, amount, payerName = "张伟", idempotencyKey });
}
