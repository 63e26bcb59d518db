using System.Globalization;
using System.Net;
using System.Text.Json;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.Billing.Tests.BillRunApiTests;
using static PropertyPlatform.Billing.Tests.PaymentApiTests;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Billing.Tests;

/// <summary>Deposits and the daily cash close (日清日缴) over HTTP, on real PostgreSQL and RabbitMQ.</summary>
public sealed class DepositAndCashDayApiTests(TestInfrastructure infrastructure)
{
    [Fact]
    public async Task A_deposit_is_taken_refunded_in_part_forfeited_in_part_and_each_step_and_balance_shows()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var (office, shop, finance) = await TwoUnitsWithRatesAsync(app);
        var occupant = Guid.NewGuid();

        var taken = await finance.PostJsonAsync("/deposits", Deposit(office.UnitId, occupant, "renovation", 2000m, "cash"));
        taken.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await taken.ReadJsonAsync()).GetProperty("id").GetGuid();
        (await finance.PostJsonAsync($"/deposits/{id}/refund", Json(new { amount = 1500m, method = "bank_transfer", reason = "验收合格" }))).EnsureSuccessStatusCode();
        var kept = await (await finance.PostJsonAsync($"/deposits/{id}/forfeit", Json(new { amount = 300m, reason = "损坏地砖" }))).ReadJsonAsync();

        kept.GetProperty("balance").GetDecimal().ShouldBe(200m);
        kept.GetProperty("status").GetString().ShouldBe("held");
        kept.GetProperty("steps").EnumerateArray().Select(s => (s.GetProperty("kind").GetString(), s.GetProperty("amount").GetDecimal()))
            .ShouldBe([("taken", 2000m), ("refunded", 1500m), ("forfeited", 300m)]);
        // More than is held: 409, nothing stored; a forfeiture without a reason: 400.
        await (await finance.PostJsonAsync($"/deposits/{id}/refund", Json(new { amount = 200.01m, method = "cash" }))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await finance.PostJsonAsync($"/deposits/{id}/forfeit", Json(new { amount = 1m }))).ShouldHaveFieldErrorAsync("reason");
        (await app.ScalarAsync<long>($"SELECT count(*) FROM deposit_steps WHERE deposit_id = '{id}'")).ShouldBe(3);

        (await finance.PostJsonAsync("/deposits", Deposit(shop.UnitId, occupant, "access_card", 50m, "cash"))).EnsureSuccessStatusCode();
        var balances = await finance.GetFromJsonAsync<JsonElement>($"/deposits/balances?propertyId={office.PropertyId}", Cancel);
        var balance = balances.EnumerateArray().ShouldHaveSingleItem();
        (balance.GetProperty("occupantId").GetGuid(), balance.GetProperty("balance").GetDecimal(), balance.GetProperty("deposits").GetInt32())
            .ShouldBe((occupant, 250m, 2));

        // Scope: the occupant of the office sees its deposit, not the shop's; another property's finance sees nothing.
        var own = app.ClientAsOccupant(occupant, office.PropertyId, office.UnitId);
        (await own.GetFromJsonAsync<JsonElement>($"/deposits?propertyId={office.PropertyId}", Cancel)).GetArrayLength().ShouldBe(1);
        (await own.GetAsync($"/deposits/{id}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await own.PostJsonAsync($"/deposits/{id}/refund", Json(new { amount = 1m, method = "cash" }))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var stranger = app.ClientAs(Roles.Finance, Guid.NewGuid());
        await (await stranger.GetAsync($"/deposits/{id}", Cancel)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostJsonAsync($"/deposits/{id}/refund", Json(new { amount = 1m, method = "cash" }))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await stranger.GetFromJsonAsync<JsonElement>($"/deposits?propertyId={office.PropertyId}", Cancel)).GetArrayLength().ShouldBe(0);

        (await app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.DepositTaken,%'")).ShouldBe(2);
        (await app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.DepositRefunded,%'")).ShouldBe(1);
    }

    [Fact]
    public async Task A_balanced_day_closes_with_its_remittance_slip_and_then_takes_no_more_cash()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var (office, _, _) = await TwoUnitsWithRatesAsync(app);
        var cashier = app.ClientAs(new AccessTokenContent(Guid.NewGuid(), "出纳李娜", [Roles.Finance], false, [office.PropertyId], []));
        (await cashier.PostJsonAsync("/bill-runs", Run(office.PropertyId, "2026-07"))).EnsureSuccessStatusCode();
        (await cashier.PostJsonAsync("/payments", Payment(office.UnitId, "cash", 300m))).EnsureSuccessStatusCode();
        var voided = await (await cashier.PostJsonAsync("/payments", Payment(office.UnitId, "cash", 20m))).ReadJsonAsync();
        (await cashier.PostJsonAsync($"/receipts/{voided.GetProperty("receiptId").GetGuid()}/void", Json(new { reason = "金额写错" }))).EnsureSuccessStatusCode();
        (await cashier.PostJsonAsync("/payments", Payment(office.UnitId, "bank_transfer", 100m))).EnsureSuccessStatusCode();
        (await cashier.PostJsonAsync("/deposits", Deposit(office.UnitId, null, "access_card", 50m, "cash"))).EnsureSuccessStatusCode();

        var open = await cashier.GetFromJsonAsync<JsonElement>($"/cash-days?propertyId={office.PropertyId}", Cancel);
        open.GetProperty("closed").GetBoolean().ShouldBeFalse();
        open.GetProperty("receipts").GetArrayLength().ShouldBe(2); // cash only, the void one listed
        open.GetProperty("expected").GetDecimal().ShouldBe(350m); // 300 + deposit 50; the void receipt and the transfer are not cash in hand

        // Short by 10: the cashier cannot close it.
        await (await cashier.PostJsonAsync("/cash-days/close", Close(office.PropertyId, Today(app), 340m))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var closed = await cashier.PostJsonAsync("/cash-days/close", Close(office.PropertyId, Today(app), 350m));
        closed.StatusCode.ShouldBe(HttpStatusCode.Created);
        var day = await closed.ReadJsonAsync();
        day.GetProperty("balanced").GetBoolean().ShouldBeTrue();

        var slip = await (await cashier.GetAsync($"/cash-days/{day.GetProperty("id").GetGuid()}/slip", Cancel)).Content.ReadAsStringAsync(Cancel);
        slip.ShouldContain("现金缴款单");
        slip.ShouldContain("叁佰伍拾元整");
        slip.ShouldContain("出纳李娜");

        // Closed: no more cash, nor a reversal of the day's cash; a transfer still goes; a second close is refused.
        await (await cashier.PostJsonAsync("/payments", Payment(office.UnitId, "cash", 1m))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await cashier.PostJsonAsync("/deposits", Deposit(office.UnitId, null, "access_card", 50m, "cash"))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await cashier.PostJsonAsync("/payments", Payment(office.UnitId, "bank_transfer", 1m))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await (await cashier.PostJsonAsync("/cash-days/close", Close(office.PropertyId, Today(app), 350m))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.CashDayClosed,%'")).ShouldBe(1);
    }

    [Fact]
    public async Task A_mismatched_day_is_closed_by_a_manager_with_a_note_and_the_slip_flags_it()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var (office, _, _) = await TwoUnitsWithRatesAsync(app);
        var cashierId = Guid.NewGuid();
        var cashier = app.ClientAs(new AccessTokenContent(cashierId, "出纳李娜", [Roles.Finance], false, [office.PropertyId], []));
        (await cashier.PostJsonAsync("/payments", Payment(office.UnitId, "cash", 123.45m))).EnsureSuccessStatusCode();
        var manager = app.ClientAs(Roles.Manager, office.PropertyId);

        await (await manager.PostJsonAsync("/cash-days/close", Close(office.PropertyId, Today(app), 120m, cashierId))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var closed = await (await manager.PostJsonAsync("/cash-days/close", Close(office.PropertyId, Today(app), 120m, cashierId, "短款 3.45 元，出纳自行补齐"))).ReadJsonAsync();

        (closed.GetProperty("balanced").GetBoolean(), closed.GetProperty("difference").GetDecimal()).ShouldBe((false, -3.45m));
        closed.GetProperty("cashierName").GetString().ShouldBe("出纳李娜");
        var slip = await (await cashier.GetAsync($"/cash-days/{closed.GetProperty("id").GetGuid()}/slip", Cancel)).Content.ReadAsStringAsync(Cancel);
        slip.ShouldContain("短款 3.45");
        (await manager.GetFromJsonAsync<JsonElement>($"/cash-days/closed?propertyId={office.PropertyId}", Cancel)).GetArrayLength().ShouldBe(1);
        // A cashier closes only their own day; another property's staff do not see this one.
        await (await app.ClientAs(Roles.Finance, office.PropertyId).PostJsonAsync("/cash-days/close", Close(office.PropertyId, Today(app), 0m, cashierId)))
            .ShouldHaveFieldErrorAsync("cashierId");
        await (await app.ClientAs(Roles.Manager, Guid.NewGuid()).GetAsync($"/cash-days/{closed.GetProperty("id").GetGuid()}/slip", Cancel))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);

    private static string Deposit(Guid unitId, Guid? occupantId, string kind, decimal amount, string method) =>
        Json(new { unitId, occupantId, payerName = "张伟", kind, amount, method });

    private static string Close(Guid propertyId, string day, decimal counted, Guid? cashierId = null, string? supervisorNote = null) =>
        Json(new { propertyId, day, cashierId, counted, supervisorNote });

    private static string Today(BillingApp app) =>
        app.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
