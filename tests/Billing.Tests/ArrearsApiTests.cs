using System.Net;
using System.Text.Json;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.Billing.Tests.BillRunApiTests;
using static PropertyPlatform.Billing.Tests.PaymentApiTests;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Billing.Tests;

/// <summary>Arrears aging and the collection rate over HTTP, on real PostgreSQL.</summary>
public sealed class ArrearsApiTests(TestInfrastructure infrastructure)
{
    [Fact]
    public async Task Unpaid_lines_show_in_their_aging_bucket_by_building_and_unit_and_the_collection_rate_counts_payments()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var (office, shop, finance) = await TwoUnitsWithRatesAsync(app);
        // Office 421.93 and shop 480.00 a month; each month is due on its first day.
        foreach (var period in new[] { "2026-07", "2026-11", "2027-01", "2027-02", "2027-04" })
        {
            (await finance.PostJsonAsync("/bill-runs", Run(office.PropertyId, period))).EnsureSuccessStatusCode();
        }
        // The shop pays everything up to February; the office pays part of July.
        (await finance.PostJsonAsync("/payments", Payment(shop.UnitId, "bank_transfer", 1920m))).EnsureSuccessStatusCode();
        (await finance.PostJsonAsync("/payments", Payment(office.UnitId, "cash", 21.93m))).EnsureSuccessStatusCode();

        var arrears = await finance.GetFromJsonAsync<JsonElement>($"/arrears?propertyId={office.PropertyId}&asOf=2027-03-01", Cancel);

        var total = arrears.GetProperty("total");
        total.GetProperty("over180Days").GetDecimal().ShouldBe(400m); // July: 243 days
        total.GetProperty("days91To180").GetDecimal().ShouldBe(421.93m); // November: 120 days
        total.GetProperty("days31To90").GetDecimal().ShouldBe(421.93m); // January: 59 days
        total.GetProperty("days0To30").GetDecimal().ShouldBe(421.93m); // February: 28 days; April is not due
        total.GetProperty("total").GetDecimal().ShouldBe(1665.79m);
        var building = arrears.GetProperty("buildings").EnumerateArray().ShouldHaveSingleItem();
        building.GetProperty("buildingName").GetString().ShouldBe("A座");
        var unit = building.GetProperty("units").EnumerateArray().ShouldHaveSingleItem();
        unit.GetProperty("unitNumber").GetString().ShouldBe("1201");
        unit.GetProperty("oldestDueDate").GetString().ShouldBe("2026-07-01");

        var july = await finance.GetFromJsonAsync<JsonElement>($"/arrears/collection-rate?propertyId={office.PropertyId}&period=2026-07", Cancel);
        july.GetProperty("billed").GetDecimal().ShouldBe(901.93m);
        july.GetProperty("collected").GetDecimal().ShouldBe(501.93m);
        july.GetProperty("rate").GetDecimal().ShouldBe(0.5565m); // 501.93 / 901.93 = 0.55650…
        (await finance.GetFromJsonAsync<JsonElement>($"/arrears/collection-rate?propertyId={office.PropertyId}&period=2030-01", Cancel))
            .GetProperty("rate").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Another_propertys_arrears_are_empty_and_only_finance_managers_and_admins_see_them()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var (office, _, finance) = await TwoUnitsWithRatesAsync(app);
        (await finance.PostJsonAsync("/bill-runs", Run(office.PropertyId, "2026-07"))).EnsureSuccessStatusCode();

        (await app.ClientAs(Roles.Manager, office.PropertyId).GetFromJsonAsync<JsonElement>($"/arrears?propertyId={office.PropertyId}&asOf=2026-08-01", Cancel))
            .GetProperty("total").GetProperty("total").GetDecimal().ShouldBe(901.93m);
        var elsewhere = await app.ClientAs(Roles.Finance, Guid.NewGuid())
            .GetFromJsonAsync<JsonElement>($"/arrears?propertyId={office.PropertyId}&asOf=2026-08-01", Cancel);
        elsewhere.GetProperty("buildings").GetArrayLength().ShouldBe(0);
        await (await app.ClientAs(Roles.FrontDesk, office.PropertyId).GetAsync($"/arrears?propertyId={office.PropertyId}", Cancel))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await app.ClientAsOccupant(Guid.NewGuid(), office.PropertyId, office.UnitId).GetAsync($"/arrears?propertyId={office.PropertyId}", Cancel))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await finance.GetAsync($"/arrears/collection-rate?propertyId={office.PropertyId}&period=July", Cancel)).ShouldHaveFieldErrorAsync("period");
    }
}
