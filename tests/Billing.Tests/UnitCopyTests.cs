using System.Net;
using System.Text.Json;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.Billing.Tests.FeeScheduleApiTests;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Billing.Tests;

/// <summary>Billing's copy of Directory's units (type and chargeable area), fed by UnitRegistered from the broker.</summary>
public sealed class UnitCopyTests(TestInfrastructure infrastructure)
{
    [Fact]
    public async Task A_unit_is_charged_once_its_UnitRegistered_arrives()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var registered = Registered(98.76m);
        var client = app.ClientAs(Roles.Finance, registered.PropertyId);
        (await client.GetAsync($"/units/{registered.UnitId}/monthly-service-charge?asOf=2026-03-01", Cancel)).StatusCode
            .ShouldBe(HttpStatusCode.NotFound);

        await app.PublishAsync(registered);
        await app.WaitForUnitAsync(registered.UnitId);
        (await client.PostJsonAsync("/fee-schedules", Rate(registered.PropertyId, 2.8m, "2026-01-01", unitType: "residence"))).EnsureSuccessStatusCode();

        var charge = await client.GetFromJsonAsync<JsonElement>($"/units/{registered.UnitId}/monthly-service-charge?asOf=2026-03-01", Cancel);
        charge.GetProperty("unitType").GetString().ShouldBe("residence");
        charge.GetProperty("amount").GetDecimal().ShouldBe(276.53m); // 276.528
    }

    [Fact]
    public async Task The_same_message_delivered_twice_is_applied_once_and_a_new_one_is_applied()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var first = Registered(100m);
        var client = app.ClientAs(Roles.Finance, first.PropertyId);
        await app.PublishAsync(first);
        await app.WaitForUnitAsync(first.UnitId);
        (await client.PostJsonAsync("/fee-schedules", Rate(first.PropertyId, 2m, "2026-01-01", unitType: "residence"))).EnsureSuccessStatusCode();

        // Redelivered with the same message id (here with a different area, to show it is skipped, not re-applied).
        await app.PublishAsync(first with { ChargeableArea = 999m });
        await Eventually.ReturnsAsync(() => Task.FromResult(app.Consumed.Count(first.EventId)), count => count == 2, BillingApp.Patience);

        (await AmountOf(client, first.UnitId)).ShouldBe(200m);
        (await app.ScalarAsync<long>($"SELECT count(*) FROM inbox_messages WHERE message_id = '{first.EventId}'")).ShouldBe(1);

        // Directory's change of the unit (re-measured) is a new message and does apply.
        await app.PublishAsync(UnitRegistration.ChangeOf(first, chargeableArea: 101.5m));
        await Eventually.ReturnsAsync(() => AmountOf(client, first.UnitId), amount => amount == 203m, BillingApp.Patience);
    }

    private static async Task<decimal> AmountOf(HttpClient client, Guid unitId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/units/{unitId}/monthly-service-charge?asOf=2026-03-01", Cancel))
            .GetProperty("amount").GetDecimal();

    private static UnitRegistered Registered(decimal area) => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "B座", "1808", 18, UnitType.Residence, area);
}
