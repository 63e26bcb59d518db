using System.Net;
using System.Text.Json;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Reception.Tests;

/// <summary>Unfamiliar vehicles registered at the gate over HTTP.</summary>
public sealed class VehicleApiTests(TestInfrastructure infrastructure)
{
    [Fact]
    public async Task A_vehicle_is_registered_at_the_gate_listed_on_site_and_recorded_when_it_leaves()
    {
        var (app, property, unit) = await KeyApiTests.StartAsync(infrastructure);
        await using var _ = app;
        var guard = app.ClientAs(Roles.Security, property);
        var body = JsonSerializer.Serialize(new
        {
            propertyId = property, plateNumber = "沪B·6789 0", driverName = "快递员", driverPhone = "13500135000", hostUnitId = unit, purpose = "送货",
        });

        var registered = await guard.PostJsonAsync("/vehicles", body);

        registered.StatusCode.ShouldBe(HttpStatusCode.Created, await registered.Content.ReadAsStringAsync(Cancel));
        var vehicle = await registered.ReadJsonAsync();
        vehicle.GetProperty("plateNumber").GetString().ShouldBe("沪B67890");
        vehicle.GetProperty("hostUnitNumber").GetString().ShouldBe("0801");
        vehicle.GetProperty("onSite").GetBoolean().ShouldBeTrue();
        vehicle.GetProperty("recordedByName").GetString().ShouldBe($"测试{Roles.Security}");
        // The same plate is on site once.
        await (await guard.PostJsonAsync("/vehicles", body)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await Total(guard, $"/vehicles?propertyId={property}&onSite=true")).ShouldBe(1);
        (await Total(guard, $"/vehicles?propertyId={property}&plate=67890")).ShouldBe(1);

        var left = await guard.PostAsync($"/vehicles/{vehicle.GetProperty("id").GetGuid()}/leave", null, Cancel);

        left.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await left.ReadJsonAsync()).GetProperty("leftAt").ValueKind.ShouldBe(JsonValueKind.String);
        (await Total(guard, $"/vehicles?propertyId={property}&onSite=true")).ShouldBe(0);
        (await Total(guard, $"/vehicles?propertyId={property}&onSite=false")).ShouldBe(1);
        await (await guard.PostAsync($"/vehicles/{vehicle.GetProperty("id").GetGuid()}/leave", null, Cancel))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_vehicle_without_plate_or_driver_is_a_field_error_and_occupants_are_kept_out()
    {
        var (app, property, _) = await KeyApiTests.StartAsync(infrastructure);
        await using var __ = app;
        var guard = app.ClientAs(Roles.Security, property);

        await (await guard.PostJsonAsync("/vehicles", JsonSerializer.Serialize(new { propertyId = property, plateNumber = "", driverName = "x", purpose = "送货" })))
            .ShouldHaveFieldErrorAsync("plateNumber");
        await (await guard.PostJsonAsync("/vehicles", JsonSerializer.Serialize(new
        {
            propertyId = property, plateNumber = "京A1", driverName = "x", purpose = "送货", hostUnitId = Guid.NewGuid(),
        }))).ShouldHaveFieldErrorAsync("hostUnitId");
        (await app.ScalarAsync<long>("SELECT count(*) FROM vehicles")).ShouldBe(0);
        (await app.ClientAsOccupant(Guid.NewGuid(), property).GetAsync("/vehicles", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static async Task<int> Total(HttpClient client, string path) =>
        (await client.GetFromJsonAsync<JsonElement>(path, Cancel)).GetProperty("total").GetInt32();
}
