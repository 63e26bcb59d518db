using System.Net;
using System.Text.Json;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.Billing.Tests.FeeScheduleApiTests;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Billing.Tests;

/// <summary>Bill runs, paid-service charges and bill lists over HTTP, on real PostgreSQL and RabbitMQ.</summary>
public sealed class BillRunApiTests(TestInfrastructure infrastructure)
{
    [Fact]
    public async Task A_previewed_run_stores_nothing_a_committed_one_issues_each_line_once_and_a_rerun_adds_nothing()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var (office, shop, finance) = await TwoUnitsWithRatesAsync(app);

        var preview = await (await finance.PostJsonAsync("/bill-runs/preview", Run(office.PropertyId, "2026-07"))).ReadJsonAsync();
        preview.GetProperty("committed").GetBoolean().ShouldBeFalse();
        preview.GetProperty("issued").GetInt32().ShouldBe(2);
        preview.GetProperty("issuedTotal").GetDecimal().ShouldBe(901.93m); // 421.93 + 480.00
        preview.GetProperty("dueDate").GetString().ShouldBe("2026-07-01");
        (await app.ScalarAsync<long>("SELECT count(*) FROM bill_lines")).ShouldBe(0);

        var committed = await (await finance.PostJsonAsync("/bill-runs", Run(office.PropertyId, "2026-07"))).ReadJsonAsync();
        committed.GetProperty("issued").GetInt32().ShouldBe(2);
        committed.GetProperty("buildings")[0].GetProperty("total").GetDecimal().ShouldBe(901.93m);
        // Summed per building and fee item; the lines listed (at most 1,000) are those of the run.
        var item = committed.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        (item.GetProperty("item").GetString(), item.GetProperty("lines").GetInt32(), item.GetProperty("total").GetDecimal())
            .ShouldBe(("property_service", 2, 901.93m));
        (committed.GetProperty("lineCount").GetInt32(), committed.GetProperty("lines").GetArrayLength()).ShouldBe((2, 2));

        var rerun = await (await finance.PostJsonAsync("/bill-runs", Run(office.PropertyId, "2026-07"))).ReadJsonAsync();
        rerun.GetProperty("issued").GetInt32().ShouldBe(0);
        rerun.GetProperty("alreadyBilled").GetInt32().ShouldBe(2);
        (await app.ScalarAsync<long>("SELECT count(*) FROM bill_lines")).ShouldBe(2);
        (await app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.BillIssued,%'")).ShouldBe(2);

        // The next month is a new period.
        (await (await finance.PostJsonAsync("/bill-runs", Run(office.PropertyId, "2026-08"))).ReadJsonAsync()).GetProperty("issued").GetInt32().ShouldBe(2);
        (await app.ScalarAsync<long>("SELECT count(*) FROM bill_lines")).ShouldBe(4);
    }

    [Fact]
    public async Task Two_runs_of_one_period_at_once_issue_each_line_once()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var (office, _, finance) = await TwoUnitsWithRatesAsync(app);

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => finance.PostJsonAsync("/bill-runs", Run(office.PropertyId, "2026-09"))));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        (await app.ScalarAsync<long>("SELECT count(*) FROM bill_lines")).ShouldBe(2);
        var issued = 0;
        foreach (var response in responses)
        {
            issued += (await response.ReadJsonAsync()).GetProperty("issued").GetInt32();
        }
        issued.ShouldBe(2);
    }

    [Fact]
    public async Task The_database_refuses_a_second_line_for_a_unit_period_and_item()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var (office, _, finance) = await TwoUnitsWithRatesAsync(app);
        (await finance.PostJsonAsync("/bill-runs", Run(office.PropertyId, "2026-07"))).EnsureSuccessStatusCode();

        // As a run interrupted half-way and rerun by another process would try: the unique index stops it.
        var copy = Should.Throw<Npgsql.PostgresException>(() => app.ScalarAsync<long>(
            "INSERT INTO bill_lines SELECT gen_random_uuid(), property_id, unit_id, building_id, building_name, unit_number, payer_id, period, item, " +
            "source_id, description, amount, amount_paid, due_date, status, issued_at FROM bill_lines LIMIT 1 RETURNING 1"));
        copy.SqlState.ShouldBe("23505");
    }

    [Fact]
    public async Task A_bad_period_or_a_property_outside_ones_scope_is_refused_and_stores_nothing()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var (office, _, _) = await TwoUnitsWithRatesAsync(app);

        await (await app.ClientAs(Roles.Finance, office.PropertyId).PostJsonAsync("/bill-runs", Run(office.PropertyId, "2026-7")))
            .ShouldHaveFieldErrorAsync("period");
        await (await app.ClientAs(Roles.Finance, Guid.NewGuid()).PostJsonAsync("/bill-runs", Run(office.PropertyId, "2026-07")))
            .ShouldHaveFieldErrorAsync("propertyId");
        await (await app.ClientAs(Roles.Manager, office.PropertyId).PostJsonAsync("/bill-runs", Run(office.PropertyId, "2026-07")))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await app.ScalarAsync<long>("SELECT count(*) FROM bill_lines")).ShouldBe(0);
    }

    [Fact]
    public async Task A_completed_paid_service_becomes_one_line_whatever_the_redeliveries()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        await app.WaitForUnitAsync(unit.UnitId);
        var requester = Guid.NewGuid();
        var completed = new PaidServiceCompleted(Guid.NewGuid(), new DateTimeOffset(2026, 7, 31, 20, 0, 0, TimeSpan.Zero), unit.PropertyId,
            Guid.NewGuid(), "WO-20260801-0003", unit.UnitId, requester, 85.5m, "更换水龙头 材料 45 人工 40.5");

        await app.PublishAsync(completed);
        await app.PublishAsync(completed); // redelivered
        var again = completed with { EventId = Guid.NewGuid() }; // published again under a new id
        await app.PublishAsync(again);
        await Eventually.ReturnsAsync(() => Task.FromResult(app.Consumed.Count(completed.EventId) + app.Consumed.Count(again.EventId)),
            count => count == 3, BillingApp.Patience);

        var bills = await app.ClientAsOccupant(requester, unit.PropertyId, unit.UnitId).GetFromJsonAsync<JsonElement>($"/units/{unit.UnitId}/bills", Cancel);
        var line = bills.GetProperty("lines").EnumerateArray().ShouldHaveSingleItem();
        line.GetProperty("item").GetString().ShouldBe("paid_service");
        line.GetProperty("amount").GetDecimal().ShouldBe(85.5m);
        line.GetProperty("period").GetString().ShouldBe("2026-08"); // 04:00 on 1 August in Beijing
        line.GetProperty("payerId").GetGuid().ShouldBe(requester);
        line.GetProperty("description").GetString()!.ShouldContain("WO-20260801-0003");
        bills.GetProperty("outstanding").GetDecimal().ShouldBe(85.5m);
    }

    [Fact]
    public async Task Bills_are_listed_by_period_and_status_page_by_page_and_a_unit_outside_ones_scope_is_404()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var (office, shop, finance) = await TwoUnitsWithRatesAsync(app);
        (await finance.PostJsonAsync("/bill-runs", Run(office.PropertyId, "2026-07"))).EnsureSuccessStatusCode();
        (await finance.PostJsonAsync("/bill-runs", Run(office.PropertyId, "2026-08"))).EnsureSuccessStatusCode();

        var page = await finance.GetFromJsonAsync<JsonElement>($"/bills?propertyId={office.PropertyId}&period=2026-08&status=open&pageSize=1", Cancel);
        page.GetProperty("total").GetInt32().ShouldBe(2);
        page.GetProperty("items").EnumerateArray().ShouldHaveSingleItem().GetProperty("unitNumber").GetString().ShouldBe("0101");
        (await finance.GetFromJsonAsync<JsonElement>($"/bills?propertyId={office.PropertyId}&status=settled", Cancel))
            .GetProperty("total").GetInt32().ShouldBe(0);
        await (await finance.GetAsync($"/bills?propertyId={office.PropertyId}&status=paid-ish", Cancel)).ShouldHaveFieldErrorAsync("status");
        (await app.ClientAs(Roles.Finance, Guid.NewGuid()).GetFromJsonAsync<JsonElement>($"/bills?propertyId={office.PropertyId}", Cancel))
            .GetProperty("total").GetInt32().ShouldBe(0);

        var own = await app.ClientAsOccupant(Guid.NewGuid(), office.PropertyId, office.UnitId).GetFromJsonAsync<JsonElement>($"/units/{office.UnitId}/bills", Cancel);
        own.GetProperty("lines").GetArrayLength().ShouldBe(2);
        own.GetProperty("outstanding").GetDecimal().ShouldBe(843.86m);
        await (await app.ClientAsOccupant(Guid.NewGuid(), office.PropertyId, office.UnitId).GetAsync($"/units/{shop.UnitId}/bills", Cancel))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await app.ClientAs(Roles.Finance, Guid.NewGuid()).GetAsync($"/units/{office.UnitId}/bills", Cancel))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    internal static string Run(Guid propertyId, string period) => JsonSerializer.Serialize(new { propertyId, period });

    /// <summary>Office 1201 (120.55 m² at 3.5) and shop 0101 (80 m² at 6) in one property; the property's finance client.</summary>
    internal static async Task<(UnitRegistered Office, UnitRegistered Shop, HttpClient Finance)> TwoUnitsWithRatesAsync(BillingApp app)
    {
        var office = await app.RegisterUnitAsync("1201", chargeableArea: 120.55m);
        var shop = await app.RegisterUnitAsync("0101", office.PropertyId, UnitType.Shop, 80m);
        await app.WaitForUnitAsync(office.UnitId);
        await app.WaitForUnitAsync(shop.UnitId);
        var finance = app.ClientAs(Roles.Finance, office.PropertyId);
        (await finance.PostJsonAsync("/fee-schedules", Rate(office.PropertyId, 3.5m, "2026-01-01"))).EnsureSuccessStatusCode();
        (await finance.PostJsonAsync("/fee-schedules", Rate(office.PropertyId, 6m, "2026-01-01", unitType: "shop"))).EnsureSuccessStatusCode();
        return (office, shop, finance);
    }
}
