using System.Net;
using System.Text.Json;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.Billing.Tests.FeeScheduleApiTests;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Billing.Tests;

/// <summary>A unit's monthly property-service charge, from the local unit copy and the rate in effect.</summary>
public sealed class UnitChargeApiTests(TestInfrastructure infrastructure)
{
    [Fact]
    public async Task The_charge_is_the_rate_in_effect_times_the_chargeable_area_rounded_half_up_with_the_amount_in_capitals()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync(chargeableArea: 120.55m);
        var finance = app.ClientAs(Roles.Finance, unit.PropertyId);
        await app.WaitForUnitAsync(unit.UnitId);
        (await finance.PostJsonAsync("/fee-schedules", Rate(unit.PropertyId, 3.5m, "2026-01-01"))).EnsureSuccessStatusCode();
        (await finance.PostJsonAsync("/fee-schedules", Rate(unit.PropertyId, 4.2m, "2026-07-01"))).EnsureSuccessStatusCode();
        // The tenant looks up what their office costs.
        var client = app.ClientAsOccupant(Guid.NewGuid(), unit.PropertyId, unit.UnitId);

        var march = await client.GetFromJsonAsync<JsonElement>($"/units/{unit.UnitId}/monthly-service-charge?asOf=2026-03-01", Cancel);

        march.GetProperty("unitNumber").GetString().ShouldBe("1201");
        march.GetProperty("unitType").GetString().ShouldBe("office");
        march.GetProperty("chargeableArea").GetDecimal().ShouldBe(120.55m);
        march.GetProperty("rate").GetDecimal().ShouldBe(3.5m);
        march.GetProperty("rateEffectiveFrom").GetString().ShouldBe("2026-01-01");
        march.GetProperty("amount").GetDecimal().ShouldBe(421.93m); // 421.925
        march.GetProperty("amountInWords").GetString().ShouldBe("肆佰贰拾壹元玖角叁分");
        march.GetProperty("currency").GetString().ShouldBe("CNY");

        var july = await client.GetFromJsonAsync<JsonElement>($"/units/{unit.UnitId}/monthly-service-charge?asOf=2026-07-01", Cancel);
        july.GetProperty("amount").GetDecimal().ShouldBe(506.31m);
        july.GetProperty("amountInWords").GetString().ShouldBe("伍佰零陆元叁角壹分");
    }

    [Fact]
    public async Task Without_a_rate_in_effect_there_is_no_charge_409()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        var client = app.ClientAs(Roles.Finance, unit.PropertyId);
        await app.WaitForUnitAsync(unit.UnitId);

        await (await client.GetAsync($"/units/{unit.UnitId}/monthly-service-charge", Cancel)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await client.PostJsonAsync("/fee-schedules", Rate(unit.PropertyId, 3.5m, "2026-01-01"))).EnsureSuccessStatusCode();
        await (await client.GetAsync($"/units/{unit.UnitId}/monthly-service-charge?asOf=2025-12-31", Cancel))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_parking_space_has_no_property_service_charge_409()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var space = await app.RegisterUnitAsync("B2-018", type: UnitType.ParkingSpace, chargeableArea: 12.5m);
        await app.WaitForUnitAsync(space.UnitId);
        var client = app.ClientAs(Roles.Finance, space.PropertyId);

        var problem = await (await client.GetAsync($"/units/{space.UnitId}/monthly-service-charge?asOf=2026-03-01", Cancel))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);

        problem.GetProperty("detail").GetString()!.ShouldContain("parking");
    }

    [Fact]
    public async Task An_unknown_unit_is_a_404_problem()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);

        await (await app.ClientAs(Roles.Finance, Guid.NewGuid()).GetAsync($"/units/{Guid.NewGuid()}/monthly-service-charge", Cancel))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
