using System.Net;
using System.Text.Json;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.Billing.Tests.BillRunApiTests;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Billing.Tests;

/// <summary>Billing's copy of occupancies fed by Directory's events, and bill runs that bill each unit's payer, on real PostgreSQL and RabbitMQ.</summary>
public sealed class OccupancyApiTests(TestInfrastructure infrastructure)
{
    [Fact]
    public async Task A_run_bills_the_tenant_who_moved_in_mid_month_by_day_and_the_owner_the_days_before()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var (office, shop, finance) = await TwoUnitsWithRatesAsync(app); // office 120.55 m² at 3.5 = 421.925 a month
        var owner = await MoveInAsync(app, office, OccupancyRole.Owner, "2020-01-01");
        var tenant = await MoveInAsync(app, office, OccupancyRole.Tenant, "2026-07-16");
        await MoveInAsync(app, office, OccupancyRole.Resident, "2026-07-16");

        var run = await (await finance.PostJsonAsync("/bill-runs", Run(office.PropertyId, "2026-07"))).ReadJsonAsync();

        var officeLines = run.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("unitId").GetGuid() == office.UnitId).ToList();
        officeLines.Select(l => (l.GetProperty("payerId").GetGuid(), l.GetProperty("amount").GetDecimal(), l.GetProperty("daysCharged").GetInt32()))
            .ShouldBe([(owner.OccupantId, 204.16m, 15), (tenant.OccupantId, 217.77m, 16)]);
        // The shop has no known occupant: the whole month, no payer, as before.
        var shopLine = run.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("unitId").GetGuid() == shop.UnitId);
        shopLine.GetProperty("payerId").ValueKind.ShouldBe(JsonValueKind.Null);
        run.GetProperty("issuedTotal").GetDecimal().ShouldBe(204.16m + 217.77m + 480m);

        // The tenant sees their line among the unit's bills; a rerun adds nothing.
        var bills = await app.ClientAsOccupant(tenant.OccupantId, office.PropertyId, office.UnitId)
            .GetFromJsonAsync<JsonElement>($"/units/{office.UnitId}/bills", Cancel);
        bills.GetProperty("lines").EnumerateArray().Count(l => l.GetProperty("payerId").GetGuid() == tenant.OccupantId).ShouldBe(1);
        (await (await finance.PostJsonAsync("/bill-runs", Run(office.PropertyId, "2026-07"))).ReadJsonAsync())
            .GetProperty("issued").GetInt32().ShouldBe(0);
        (await app.ScalarAsync<long>("SELECT count(*) FROM bill_lines")).ShouldBe(3);
    }

    [Fact]
    public async Task A_move_out_ends_the_copy_and_the_next_month_bills_only_up_to_it()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var (office, _, finance) = await TwoUnitsWithRatesAsync(app);
        var owner = await MoveInAsync(app, office, OccupancyRole.Owner, "2020-01-01");
        var ended = new OccupancyEnded(Guid.NewGuid(), DateTimeOffset.UtcNow, office.PropertyId, owner.OccupancyId, office.UnitId,
            owner.OccupantId, OccupancyRole.Owner, owner.StartDate, new DateOnly(2026, 8, 10));
        await app.PublishAsync(ended);
        await app.PublishAsync(ended); // redelivered
        await Eventually.ReturnsAsync(() => Task.FromResult(app.Consumed.Count(ended.EventId)), c => c == 2, BillingApp.Patience);

        var list = await finance.GetFromJsonAsync<JsonElement>($"/occupancies?propertyId={office.PropertyId}&unitId={office.UnitId}", Cancel);
        var copy = list.EnumerateArray().ShouldHaveSingleItem();
        copy.GetProperty("endDate").GetString().ShouldBe("2026-08-10");
        copy.GetProperty("unitNumber").GetString().ShouldBe("1201");
        copy.GetProperty("pays").GetBoolean().ShouldBeTrue();

        var run = await (await finance.PostJsonAsync("/bill-runs/preview", Run(office.PropertyId, "2026-08"))).ReadJsonAsync();
        var line = run.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("unitId").GetGuid() == office.UnitId);
        line.GetProperty("daysCharged").GetInt32().ShouldBe(10);
        line.GetProperty("amount").GetDecimal().ShouldBe(136.10m); // 421.925 × 10 / 31 = 136.104…
        // September: nobody pays for the unit, it is skipped with the reason.
        var september = await (await finance.PostJsonAsync("/bill-runs/preview", Run(office.PropertyId, "2026-09"))).ReadJsonAsync();
        september.GetProperty("skipped").EnumerateArray().Single().GetProperty("unitId").GetGuid().ShouldBe(office.UnitId);
    }

    [Fact]
    public async Task A_quarterly_payer_set_by_finance_is_billed_the_quarter_at_once_and_the_cycle_is_scoped()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var (office, _, finance) = await TwoUnitsWithRatesAsync(app);
        var owner = await MoveInAsync(app, office, OccupancyRole.Owner, "2020-01-01");

        await (await app.ClientAs(Roles.Finance, Guid.NewGuid()).PutAsJsonAsync($"/occupancies/{owner.OccupancyId}/billing-cycle", new { billingCycle = "quarterly" }, Cancel))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await app.ClientAs(Roles.Manager, office.PropertyId).PutAsJsonAsync($"/occupancies/{owner.OccupancyId}/billing-cycle", new { billingCycle = "quarterly" }, Cancel))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await finance.PutAsJsonAsync($"/occupancies/{owner.OccupancyId}/billing-cycle", new { billingCycle = "yearly" }, Cancel))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var set = await finance.PutAsJsonAsync($"/occupancies/{owner.OccupancyId}/billing-cycle", new { billingCycle = "quarterly" }, Cancel);
        (await set.ReadJsonAsync()).GetProperty("billingCycle").GetString().ShouldBe("quarterly");

        var run = await (await finance.PostJsonAsync("/bill-runs", Run(office.PropertyId, "2026-10"))).ReadJsonAsync();
        run.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("unitId").GetGuid() == office.UnitId)
            .Select(l => (l.GetProperty("period").GetString(), l.GetProperty("amount").GetDecimal()))
            .ShouldBe([("2026-10", 421.93m), ("2026-11", 421.93m), ("2026-12", 421.93m)]);
        (await app.ScalarAsync<long>($"SELECT count(*) FROM bill_lines WHERE unit_id = '{office.UnitId}' AND due_date = '2026-10-01'")).ShouldBe(3);
        var november = await (await finance.PostJsonAsync("/bill-runs", Run(office.PropertyId, "2026-11"))).ReadJsonAsync();
        november.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("unitId").GetGuid() == office.UnitId)
            .GetProperty("alreadyBilled").GetBoolean().ShouldBeTrue();
        (await app.ClientAs(Roles.Finance, Guid.NewGuid()).GetFromJsonAsync<JsonElement>($"/occupancies?propertyId={office.PropertyId}", Cancel))
            .GetArrayLength().ShouldBe(0);
    }

    internal static async Task<OccupancyStarted> MoveInAsync(BillingApp app, UnitRegistered unit, OccupancyRole role, string startDate)
    {
        var started = new OccupancyStarted(Guid.NewGuid(), DateTimeOffset.UtcNow, unit.PropertyId, Guid.NewGuid(), unit.UnitId, Guid.NewGuid(),
            role, DateOnly.Parse(startDate, System.Globalization.CultureInfo.InvariantCulture));
        await app.PublishAsync(started);
        await Eventually.ReturnsAsync(() => app.ScalarAsync<long>($"SELECT count(*) FROM occupancies WHERE id = '{started.OccupancyId}'"), c => c == 1,
            BillingApp.Patience);
        return started;
    }
}
