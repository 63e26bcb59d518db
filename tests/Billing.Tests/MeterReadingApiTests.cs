using System.Net;
using System.Text.Json;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.Billing.Tests.BillRunApiTests;
using static PropertyPlatform.Billing.Tests.FeeScheduleApiTests;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Billing.Tests;

/// <summary>Meter readings entered and imported over HTTP, and their charges in the month's bill run.</summary>
public sealed class MeterReadingApiTests(TestInfrastructure infrastructure)
{
    [Fact]
    public async Task Imported_readings_are_stored_refused_or_flagged_line_by_line_and_the_run_bills_the_usage()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var (office, shop, finance) = await TwoUnitsWithRatesAsync(app);
        (await finance.PostJsonAsync("/fee-schedules", Rate(office.PropertyId, 4.2m, "2026-01-01", item: "water", unitType: null))).EnsureSuccessStatusCode();
        var engineer = app.ClientAs(Roles.Engineer, office.PropertyId);

        var csv = "building,unit,item,meter,readOn,value\n" +
                  "A座,1201,water,W1,2026-06-15,100\n" +
                  "A座,1201,water,W1,2026-07-15,112.35\n" +  // 12.35 m³
                  "A座,0101,water,W1,2026-06-15,500\n" +
                  "A座,0101,water,W1,2026-07-15,499\n" +     // below the previous: refused
                  "A座,9999,water,W1,2026-07-15,1\n" +       // no such unit
                  "A座,0101,gas,W1,2026-07-15,1\n";          // not a metered item
        var import = await (await engineer.PostJsonAsync("/meter-readings/import", JsonSerializer.Serialize(new { propertyId = office.PropertyId, csv }))).ReadJsonAsync();

        (import.GetProperty("accepted").GetInt32(), import.GetProperty("flagged").GetInt32(), import.GetProperty("refused").GetInt32()).ShouldBe((3, 0, 3));
        import.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("line").GetInt32()).ShouldBe([5, 6, 7]);
        import.GetProperty("problems")[0].GetProperty("reason").GetString()!.ShouldContain("below");

        // One by one: the shop's first usage (nothing to compare it with) is accepted; a reading below it is refused.
        var jump = await engineer.PostJsonAsync("/meter-readings", JsonSerializer.Serialize(new { unitId = shop.UnitId, item = "water", meter = "W1", readOn = "2026-07-20", value = 900m }));
        jump.StatusCode.ShouldBe(HttpStatusCode.Created);
        await (await engineer.PostJsonAsync("/meter-readings", JsonSerializer.Serialize(new { unitId = shop.UnitId, item = "water", meter = "W1", readOn = "2026-07-25", value = 10m })))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var run = await (await finance.PostJsonAsync("/bill-runs", Run(office.PropertyId, "2026-07"))).ReadJsonAsync();
        var water = run.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("item").GetString() == "water").ToList();
        water.Select(l => (l.GetProperty("unitNumber").GetString(), l.GetProperty("amount").GetDecimal())).ShouldBe([("0101", 1680m), ("1201", 51.87m)]);

        var readings = await finance.GetFromJsonAsync<JsonElement>($"/meter-readings?propertyId={office.PropertyId}&period=2026-07", Cancel);
        readings.EnumerateArray().Select(r => (r.GetProperty("unitNumber").GetString(), r.GetProperty("usage").GetDecimal(), r.GetProperty("status").GetString()))
            .ShouldBe([("0101", 400m, "accepted"), ("1201", 12.35m, "accepted")]);
        // Billed after the run: a rerun picks up readings that arrived since, and adds nothing else.
        var rerun = await (await finance.PostJsonAsync("/bill-runs", Run(office.PropertyId, "2026-07"))).ReadJsonAsync();
        rerun.GetProperty("issued").GetInt32().ShouldBe(0);
        (await app.ScalarAsync<long>("SELECT count(*) FROM bill_lines WHERE item = 'Water'")).ShouldBe(2);
        // Scope: another property's engineer cannot import here, and nobody outside it sees the readings.
        await (await app.ClientAs(Roles.Engineer, Guid.NewGuid()).PostJsonAsync("/meter-readings/import", JsonSerializer.Serialize(new { propertyId = office.PropertyId, csv })))
            .ShouldHaveFieldErrorAsync("propertyId");
        (await app.ClientAs(Roles.Finance, Guid.NewGuid()).GetFromJsonAsync<JsonElement>($"/meter-readings?propertyId={office.PropertyId}", Cancel)).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_flagged_reading_is_billed_once_finance_confirms_it()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var (office, _, finance) = await TwoUnitsWithRatesAsync(app);
        (await finance.PostJsonAsync("/fee-schedules", Rate(office.PropertyId, 1m, "2026-01-01", item: "electricity", unitType: null))).EnsureSuccessStatusCode();
        foreach (var (day, value) in new[] { ("2026-04-15", 1000m), ("2026-05-15", 1100m), ("2026-06-15", 1200m), ("2026-07-15", 2000m) })
        {
            (await finance.PostJsonAsync("/meter-readings", JsonSerializer.Serialize(new { unitId = office.UnitId, item = "electricity", readOn = day, value }))).EnsureSuccessStatusCode();
        }
        var flagged = (await finance.GetFromJsonAsync<JsonElement>($"/meter-readings?propertyId={office.PropertyId}&status=flagged", Cancel)).EnumerateArray().ShouldHaveSingleItem();
        flagged.GetProperty("usage").GetDecimal().ShouldBe(800m);

        var before = await (await finance.PostJsonAsync("/bill-runs/preview", Run(office.PropertyId, "2026-07"))).ReadJsonAsync();
        before.GetProperty("lines").EnumerateArray().ShouldNotContain(l => l.GetProperty("item").GetString() == "electricity");
        await (await app.ClientAs(Roles.Engineer, office.PropertyId).PostAsync($"/meter-readings/{flagged.GetProperty("id").GetGuid()}/confirm", null, Cancel))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await finance.PostAsync($"/meter-readings/{flagged.GetProperty("id").GetGuid()}/confirm", null, Cancel)).EnsureSuccessStatusCode();
        var after = await (await finance.PostJsonAsync("/bill-runs/preview", Run(office.PropertyId, "2026-07"))).ReadJsonAsync();
        after.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("item").GetString() == "electricity").GetProperty("amount").GetDecimal().ShouldBe(800m);
    }
}
