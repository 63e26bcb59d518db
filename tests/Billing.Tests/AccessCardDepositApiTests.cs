using System.Net;
using System.Text.Json;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Contracts.Reception;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Billing.Tests;

/// <summary>Access-card deposits (出入证押金) from Reception's events, on real PostgreSQL and RabbitMQ.</summary>
public sealed class AccessCardDepositApiTests(TestInfrastructure infrastructure)
{
    private static readonly Guid DeskClerk = Guid.NewGuid();

    [Fact]
    public async Task An_issued_card_is_owed_once_whatever_the_redeliveries_taken_at_the_cash_desk_and_refunded_when_the_card_comes_back()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync("1201");
        await app.WaitForUnitAsync(unit.UnitId);
        var issued = Issued(unit, "CK-0001", 50m);

        await app.PublishAsync(issued);
        await app.PublishAsync(issued); // redelivered
        var again = issued with { EventId = Guid.NewGuid() }; // published again under a new id
        await app.PublishAsync(again);
        await Eventually.ReturnsAsync(() => Task.FromResult(app.Consumed.Count(issued.EventId) + app.Consumed.Count(again.EventId)), c => c == 3, BillingApp.Patience);

        var finance = app.ClientAs(Roles.Finance, unit.PropertyId);
        var owed = (await finance.GetFromJsonAsync<JsonElement>($"/deposits?propertyId={unit.PropertyId}", Cancel)).EnumerateArray().ShouldHaveSingleItem();
        (owed.GetProperty("status").GetString(), owed.GetProperty("kind").GetString(), owed.GetProperty("amount").GetDecimal(), owed.GetProperty("balance").GetDecimal())
            .ShouldBe(("owed", "access_card", 50m, 0m));
        owed.GetProperty("cardNumber").GetString().ShouldBe("CK-0001");
        owed.GetProperty("payerName").GetString().ShouldBe("华建装饰 李强");
        owed.GetProperty("steps").GetArrayLength().ShouldBe(0);
        (await app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.DepositTaken,%'")).ShouldBe(0);
        var id = owed.GetProperty("id").GetGuid();

        // Nothing held yet: nothing to refund; the cashier takes it, and taking it twice is refused.
        await (await finance.PostJsonAsync($"/deposits/{id}/refund", Json(new { amount = 50m, method = "cash" }))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var held = await (await finance.PostJsonAsync($"/deposits/{id}/take", Json(new { method = "cash" }))).ReadJsonAsync();
        (held.GetProperty("status").GetString(), held.GetProperty("balance").GetDecimal()).ShouldBe(("held", 50m));
        await (await finance.PostJsonAsync($"/deposits/{id}/take", Json(new { method = "cash" }))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await finance.PostJsonAsync($"/deposits/{id}/take", Json(new { }))).ShouldHaveFieldErrorAsync("method");

        var returned = Returned(unit, issued);
        await app.PublishAsync(returned);
        await app.PublishAsync(returned with { EventId = Guid.NewGuid() }); // the desk sends it again
        await Eventually.ReturnsAsync(() => app.ScalarAsync<long>($"SELECT count(*) FROM deposit_steps WHERE deposit_id = '{id}' AND kind = 'Refunded'"),
            c => c == 1, BillingApp.Patience);
        var closed = await finance.GetFromJsonAsync<JsonElement>($"/deposits/{id}", Cancel);
        (closed.GetProperty("status").GetString(), closed.GetProperty("balance").GetDecimal(), closed.GetProperty("refunded").GetDecimal())
            .ShouldBe(("closed", 0m, 50m));
        var refund = closed.GetProperty("steps")[1];
        (refund.GetProperty("method").GetString(), refund.GetProperty("by").GetProperty("name").GetString()).ShouldBe(("cash", "前台王芳"));
        refund.GetProperty("reason").GetString()!.ShouldContain("CK-0001");
        (await app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.DepositRefunded,%'")).ShouldBe(1);
        (await app.ScalarAsync<long>("SELECT count(*) FROM deposit_steps")).ShouldBe(2);
    }

    [Fact]
    public async Task A_lost_card_keeps_its_deposit_held_or_as_soon_as_it_is_paid_and_a_card_back_before_paying_is_owed_no_more()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync("0802");
        await app.WaitForUnitAsync(unit.UnitId);
        var finance = app.ClientAs(Roles.Finance, unit.PropertyId);
        var paidThenLost = Issued(unit, "CK-0011", 100m);
        var lostBeforePaying = Issued(unit, "CK-0012", 100m);
        var backBeforePaying = Issued(unit, "CK-0013", 100m);
        foreach (var card in new[] { paidThenLost, lostBeforePaying, backBeforePaying })
        {
            await app.PublishAsync(card);
        }
        await Eventually.ReturnsAsync(() => app.ScalarAsync<long>("SELECT count(*) FROM deposits"), c => c == 3, BillingApp.Patience);
        var ids = (await finance.GetFromJsonAsync<JsonElement>($"/deposits?propertyId={unit.PropertyId}", Cancel)).EnumerateArray()
            .ToDictionary(d => d.GetProperty("cardNumber").GetString()!, d => d.GetProperty("id").GetGuid());
        (await finance.PostJsonAsync($"/deposits/{ids["CK-0011"]}/take", Json(new { method = "bank_transfer" }))).EnsureSuccessStatusCode();

        await app.PublishAsync(Lost(unit, paidThenLost, "丢在地铁上"));
        await app.PublishAsync(Lost(unit, lostBeforePaying, null));
        await app.PublishAsync(Returned(unit, backBeforePaying));
        await Eventually.ReturnsAsync(
            () => app.ScalarAsync<long>("SELECT count(*) FROM deposits WHERE status = 'Closed' OR status = 'Cancelled' OR card_lost"), c => c == 3, BillingApp.Patience);

        var kept = await finance.GetFromJsonAsync<JsonElement>($"/deposits/{ids["CK-0011"]}", Cancel);
        (kept.GetProperty("status").GetString(), kept.GetProperty("forfeited").GetDecimal()).ShouldBe(("closed", 100m));
        kept.GetProperty("steps")[1].GetProperty("reason").GetString()!.ShouldContain("丢在地铁上");

        var stillOwed = await finance.GetFromJsonAsync<JsonElement>($"/deposits/{ids["CK-0012"]}", Cancel);
        (stillOwed.GetProperty("status").GetString(), stillOwed.GetProperty("cardLost").GetBoolean()).ShouldBe(("owed", true));
        var keptOnPaying = await (await finance.PostJsonAsync($"/deposits/{ids["CK-0012"]}/take", Json(new { method = "cash" }))).ReadJsonAsync();
        (keptOnPaying.GetProperty("status").GetString(), keptOnPaying.GetProperty("forfeited").GetDecimal()).ShouldBe(("closed", 100m));

        var cancelled = await finance.GetFromJsonAsync<JsonElement>($"/deposits/{ids["CK-0013"]}", Cancel);
        (cancelled.GetProperty("status").GetString(), cancelled.GetProperty("steps").GetArrayLength()).ShouldBe(("cancelled", 0));
        await (await finance.PostJsonAsync($"/deposits/{ids["CK-0013"]}/take", Json(new { method = "cash" }))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.DepositForfeited,%'")).ShouldBe(2);
    }

    [Fact]
    public async Task A_card_returned_after_the_desk_closed_its_cash_day_leaves_the_refund_due_and_a_cashier_pays_it_out_later()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync("1502");
        await app.WaitForUnitAsync(unit.UnitId);
        var finance = app.ClientAs(Roles.Finance, unit.PropertyId);
        var card = Issued(unit, "CK-0021", 50m) with { OccurredAt = app.Time.GetUtcNow() };
        await app.PublishAsync(card);
        await Eventually.ReturnsAsync(() => app.ScalarAsync<long>("SELECT count(*) FROM deposits"), c => c == 1, BillingApp.Patience);
        var id = (await finance.GetFromJsonAsync<JsonElement>($"/deposits?propertyId={unit.PropertyId}", Cancel))[0].GetProperty("id").GetGuid();
        (await finance.PostJsonAsync($"/deposits/{id}/take", Json(new { method = "cash" }))).EnsureSuccessStatusCode();

        // The manager closes the desk clerk's day (no cash of theirs that day), then the card comes back at the desk.
        var today = DateOnly.FromDateTime(app.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var manager = app.ClientAs(Roles.Manager, unit.PropertyId);
        (await manager.PostJsonAsync("/cash-days/close",
            Json(new { propertyId = unit.PropertyId, day = today, cashierId = DeskClerk, counted = 0m, supervisorNote = "前台当日无现金" }))).StatusCode
            .ShouldBe(HttpStatusCode.Created);
        var returned = Returned(unit, card) with { OccurredAt = app.Time.GetUtcNow() };
        await app.PublishAsync(returned);
        await Eventually.ReturnsAsync(() => app.ScalarAsync<string>($"SELECT status FROM deposits WHERE id = '{id}'"), s => s == "RefundDue", BillingApp.Patience);

        // Nothing paid out into the closed day: the deposit is still held, due to be refunded, and counts in the balances.
        var due = await finance.GetFromJsonAsync<JsonElement>($"/deposits/{id}", Cancel);
        (due.GetProperty("status").GetString(), due.GetProperty("balance").GetDecimal(), due.GetProperty("steps").GetArrayLength())
            .ShouldBe(("refund_due", 50m, 1));
        (await finance.GetFromJsonAsync<JsonElement>($"/deposits?propertyId={unit.PropertyId}&status=refund_due", Cancel)).GetArrayLength().ShouldBe(1);
        (await finance.GetFromJsonAsync<JsonElement>($"/deposits/balances?propertyId={unit.PropertyId}", Cancel))[0].GetProperty("balance").GetDecimal().ShouldBe(50m);
        (await app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.DepositRefunded,%'")).ShouldBe(0);

        // The cashier pays it out in cash from their own open day.
        var refunded = await (await finance.PostJsonAsync($"/deposits/{id}/refund", Json(new { amount = 50m, method = "cash", reason = "出入证 CK-0021 退还" }))).ReadJsonAsync();
        (refunded.GetProperty("status").GetString(), refunded.GetProperty("balance").GetDecimal()).ShouldBe(("closed", 0m));
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);

    private static AccessCardIssued Issued(UnitRegistered unit, string cardNumber, decimal deposit) => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, unit.PropertyId, Guid.NewGuid(), cardNumber, unit.UnitId, unit.UnitNumber, "李强", "华建装饰", deposit,
        DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)), DeskClerk, "前台王芳");

    private static AccessCardReturned Returned(UnitRegistered unit, AccessCardIssued card) => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, unit.PropertyId, card.AccessCardId, card.CardNumber, unit.UnitId, card.Deposit, DeskClerk, "前台王芳");

    private static AccessCardLost Lost(UnitRegistered unit, AccessCardIssued card, string? note) => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, unit.PropertyId, card.AccessCardId, card.CardNumber, unit.UnitId, card.Deposit, note, DeskClerk, "前台王芳");
}
