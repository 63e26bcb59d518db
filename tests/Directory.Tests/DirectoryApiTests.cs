using System.Net;
using System.Text;
using System.Text.Json;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.Directory.Tests;

/// <summary>An administrator registers the places of a property over HTTP; Directory runs on real PostgreSQL and RabbitMQ.</summary>
public sealed class DirectoryApiTests(TestInfrastructure infrastructure)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_property_its_building_and_a_unit_are_stored_and_the_unit_is_announced_on_RabbitMQ()
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);
        await using var listener = await BrokerListener<UnitRegistered>.StartAsync(app.BrokerConnectionString);
        var client = app.ClientAsAdmin();

        var property = await app.RegisterPropertyAsync("国贸中心", "office_tower");
        var propertyId = property.GetProperty("id").GetGuid();
        var building = await app.RegisterBuildingAsync(propertyId, "A座");
        var buildingId = building.GetProperty("id").GetGuid();
        var unitResponse = await client.PostAsJsonAsync("/units",
            new { buildingId, number = "1201", floor = 12, type = "office", chargeableArea = 120.55m }, Cancellation);

        unitResponse.StatusCode.ShouldBe(HttpStatusCode.Created);
        var unit = await unitResponse.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        var unitId = unit.GetProperty("id").GetGuid();
        unitResponse.Headers.Location!.ToString().ShouldBe($"/units/{unitId}");

        // Read back as a user would.
        var fetchedProperty = await client.GetFromJsonAsync<JsonElement>($"/properties/{propertyId}", Cancellation);
        fetchedProperty.GetProperty("name").GetString().ShouldBe("国贸中心");
        fetchedProperty.GetProperty("type").GetString().ShouldBe("office_tower");
        fetchedProperty.GetProperty("address").GetString().ShouldBe("北京市朝阳区");
        var buildings = await client.GetFromJsonAsync<JsonElement>($"/buildings?propertyId={propertyId}", Cancellation);
        buildings.GetProperty("items").EnumerateArray().Select(b => b.GetProperty("name").GetString()).ShouldBe(["A座"]);
        var fetchedUnit = await client.GetFromJsonAsync<JsonElement>($"/units/{unitId}", Cancellation);
        fetchedUnit.GetProperty("propertyId").GetGuid().ShouldBe(propertyId);
        fetchedUnit.GetProperty("buildingId").GetGuid().ShouldBe(buildingId);
        fetchedUnit.GetProperty("buildingName").GetString().ShouldBe("A座");
        fetchedUnit.GetProperty("number").GetString().ShouldBe("1201");
        fetchedUnit.GetProperty("floor").GetInt32().ShouldBe(12);
        fetchedUnit.GetProperty("type").GetString().ShouldBe("office");
        fetchedUnit.GetProperty("chargeableArea").GetDecimal().ShouldBe(120.55m);
        fetchedUnit.GetProperty("registeredAt").GetDateTimeOffset().ShouldBe(unit.GetProperty("registeredAt").GetDateTimeOffset());

        // Another service's queue receives the event with what it keeps of a unit.
        var received = await Eventually.ReturnsAsync(() => Task.FromResult(listener.Received.ToList()), r => r.Count > 0, Patience);
        var message = received.ShouldHaveSingleItem();
        message.Message.ShouldBe(new UnitRegistered(
            message.Message.EventId, message.Message.OccurredAt, propertyId, unitId, buildingId, "A座", "1201", 12, UnitType.Office, 120.55m));
        message.MessageId.ShouldBe(message.Message.EventId);
    }

    [Fact]
    public async Task A_registered_property_is_listed_and_announced_in_the_outbox()
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);
        var client = app.ClientAsAdmin();

        var property = await app.RegisterPropertyAsync("阳光花园", "residential");

        var page = await client.GetFromJsonAsync<JsonElement>("/properties", Cancellation);
        page.GetProperty("total").GetInt32().ShouldBe(1);
        page.GetProperty("items")[0].GetProperty("id").GetGuid().ShouldBe(property.GetProperty("id").GetGuid());
        await Eventually.ReturnsAsync(
            () => app.CountAsync("SELECT count(*) FROM outbox_messages WHERE sent_at IS NOT NULL AND message_type LIKE '%PropertyRegistered%'"),
            count => count == 1, Patience);
    }

    [Fact]
    public async Task Units_are_listed_by_property_building_and_type_in_pages_in_walking_order()
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);
        var client = app.ClientAsAdmin();
        var propertyId = (await app.RegisterPropertyAsync()).GetProperty("id").GetGuid();
        var otherPropertyId = (await app.RegisterPropertyAsync("另一个项目")).GetProperty("id").GetGuid();
        var a = (await app.RegisterBuildingAsync(propertyId, "A座")).GetProperty("id").GetGuid();
        var b = (await app.RegisterBuildingAsync(propertyId, "B座")).GetProperty("id").GetGuid();
        var elsewhere = (await app.RegisterBuildingAsync(otherPropertyId, "A座")).GetProperty("id").GetGuid();
        await app.RegisterUnitAsync(a, "1202", 12);
        await app.RegisterUnitAsync(a, "1201", 12);
        await app.RegisterUnitAsync(a, "P-001", -2, "parking_space", 12.5m);
        await app.RegisterUnitAsync(b, "101", 1, "shop", 80m);
        await app.RegisterUnitAsync(elsewhere, "1201", 12);

        (await Numbers(client, $"/units?propertyId={propertyId}")).ShouldBe(["P-001", "1201", "1202", "101"]);
        (await Numbers(client, $"/units?buildingId={b}")).ShouldBe(["101"]);
        (await Numbers(client, $"/units?propertyId={propertyId}&type=parking_space")).ShouldBe(["P-001"]);
        (await Numbers(client, $"/units?type=office")).Count.ShouldBe(3);

        var second = await client.GetFromJsonAsync<JsonElement>($"/units?propertyId={propertyId}&page=2&pageSize=3", Cancellation);
        second.GetProperty("total").GetInt32().ShouldBe(4);
        second.GetProperty("pageNumber").GetInt32().ShouldBe(2);
        second.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("number").GetString()).ShouldBe(["101"]);
    }

    [Fact]
    public async Task An_unknown_unit_type_filter_is_a_400_field_error()
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);

        var response = await app.ClientAsAdmin().GetAsync("/units?type=villa", Cancellation);

        var problem = await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("type").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task The_same_unit_number_twice_in_a_building_is_a_400_field_error_and_the_first_unit_stays_alone()
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);
        var client = app.ClientAsAdmin();
        var propertyId = (await app.RegisterPropertyAsync()).GetProperty("id").GetGuid();
        var a = (await app.RegisterBuildingAsync(propertyId, "A座")).GetProperty("id").GetGuid();
        var b = (await app.RegisterBuildingAsync(propertyId, "B座")).GetProperty("id").GetGuid();
        await app.RegisterUnitAsync(a, "1201");

        var response = await client.PostAsJsonAsync("/units",
            new { buildingId = a, number = " 1201 ", floor = 12, type = "shop", chargeableArea = 50m }, Cancellation);

        var problem = await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("number")[0].GetString()!.ShouldContain("1201");
        (await Numbers(client, $"/units?buildingId={a}")).ShouldBe(["1201"]);
        (await app.CountAsync("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%UnitRegistered%'")).ShouldBe(1);

        // The number is only taken in its own building.
        await app.RegisterUnitAsync(b, "1201");
    }

    [Fact]
    public async Task The_same_building_name_twice_in_a_property_is_a_409_and_nothing_is_stored()
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);
        var client = app.ClientAsAdmin();
        var propertyId = (await app.RegisterPropertyAsync()).GetProperty("id").GetGuid();
        var otherPropertyId = (await app.RegisterPropertyAsync("另一个项目")).GetProperty("id").GetGuid();
        await app.RegisterBuildingAsync(propertyId, "A座");

        var response = await client.PostAsJsonAsync("/buildings", new { propertyId, name = "A座 " }, Cancellation);

        await ShouldBeProblemAsync(response, HttpStatusCode.Conflict);
        var buildings = await client.GetFromJsonAsync<JsonElement>($"/buildings?propertyId={propertyId}", Cancellation);
        buildings.GetProperty("total").GetInt32().ShouldBe(1);
        await app.RegisterBuildingAsync(otherPropertyId, "A座");
    }

    [Fact]
    public async Task A_building_for_an_unknown_property_is_a_400_field_error_and_nothing_is_stored()
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);

        var response = await app.ClientAsAdmin().PostAsJsonAsync("/buildings", new { propertyId = Guid.NewGuid(), name = "A座" }, Cancellation);

        var problem = await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("propertyId").GetArrayLength().ShouldBe(1);
        (await app.CountAsync("SELECT count(*) FROM buildings")).ShouldBe(0);
    }

    [Theory]
    [InlineData("""{"number": "1202", "floor": 12, "type": "office", "chargeableArea": -5}""", "chargeableArea")]
    [InlineData("""{"number": "1202", "floor": 12, "type": "office", "chargeableArea": 0}""", "chargeableArea")]
    [InlineData("""{"number": "1202", "floor": 12, "type": "office", "chargeableArea": 120.505}""", "chargeableArea")]
    [InlineData("""{"number": "1202", "floor": 12, "type": "office"}""", "chargeableArea")]
    [InlineData("""{"number": "1202", "type": "office", "chargeableArea": 10}""", "floor")]
    [InlineData("""{"number": "1202", "floor": 999, "type": "office", "chargeableArea": 10}""", "floor")]
    [InlineData("""{"number": " ", "floor": 12, "type": "office", "chargeableArea": 10}""", "number")]
    [InlineData("""{"number": "1202", "floor": 12, "chargeableArea": 10}""", "type")]
    [InlineData("""{"number": "1202", "floor": 12, "type": "villa", "chargeableArea": 10}""", null)]
    [InlineData("""{"number": "1202", "floor": 12, "type": "office", "chargeableArea": "ten"}""", null)]
    [InlineData("""{"number": "1202", "floor": 12.5, "type": "office", "chargeableArea": 10}""", null)]
    [InlineData("""{"number": "1202", "floor": 12, "type": "office", "chargeableArea": 10""", null)]
    [InlineData("""not json""", null)]
    public async Task An_invalid_unit_is_a_400_problem_and_the_units_stay_as_they_were(string bodyWithoutBuilding, string? field)
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);
        var client = app.ClientAsAdmin();
        var propertyId = (await app.RegisterPropertyAsync()).GetProperty("id").GetGuid();
        var buildingId = (await app.RegisterBuildingAsync(propertyId)).GetProperty("id").GetGuid();
        await app.RegisterUnitAsync(buildingId, "1201");
        var body = bodyWithoutBuilding.StartsWith('{') ? $"{{\"buildingId\": \"{buildingId}\", {bodyWithoutBuilding[1..]}" : bodyWithoutBuilding;

        var response = await client.PostAsync("/units", new StringContent(body, Encoding.UTF8, "application/json"), Cancellation);

        var problem = await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
        if (field is not null)
        {
            problem.GetProperty("errors").GetProperty(field).GetArrayLength().ShouldBeGreaterThan(0);
        }
        (await Numbers(client, $"/units?buildingId={buildingId}")).ShouldBe(["1201"]);
        (await app.CountAsync("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%UnitRegistered%'")).ShouldBe(1);
    }

    [Fact]
    public async Task A_unit_in_an_unknown_building_is_a_400_field_error_and_nothing_is_stored()
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);
        var client = app.ClientAsAdmin();

        var response = await client.PostAsJsonAsync("/units",
            new { buildingId = Guid.NewGuid(), number = "1201", floor = 12, type = "office", chargeableArea = 10m }, Cancellation);

        var problem = await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("buildingId").GetArrayLength().ShouldBe(1);
        (await Numbers(client, "/units")).ShouldBeEmpty();
        (await app.CountAsync("SELECT count(*) FROM outbox_messages")).ShouldBe(0);
    }

    [Theory]
    [InlineData("""{"type": "mall"}""", "name")]
    [InlineData("""{"name": "国贸中心"}""", "type")]
    [InlineData("""{"name": "国贸中心", "type": "castle"}""", null)]
    [InlineData("""{"name": "国贸中心", "type": 1}""", null)]
    [InlineData("""{"name": """, null)]
    public async Task An_invalid_property_is_a_400_problem_and_nothing_is_stored(string body, string? field)
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);
        var client = app.ClientAsAdmin();

        var response = await client.PostAsync("/properties", new StringContent(body, Encoding.UTF8, "application/json"), Cancellation);

        var problem = await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
        if (field is not null)
        {
            problem.GetProperty("errors").GetProperty(field).GetArrayLength().ShouldBe(1);
        }
        (await client.GetFromJsonAsync<JsonElement>("/properties", Cancellation)).GetProperty("total").GetInt32().ShouldBe(0);
        (await app.CountAsync("SELECT count(*) FROM outbox_messages")).ShouldBe(0);
    }

    [Theory]
    [InlineData("/properties")]
    [InlineData("/buildings")]
    [InlineData("/units")]
    public async Task An_unknown_id_is_a_404_problem(string path)
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);

        var response = await app.ClientAsAdmin().GetAsync($"{path}/{Guid.NewGuid()}", Cancellation);

        await ShouldBeProblemAsync(response, HttpStatusCode.NotFound);
    }

    private static async Task<List<string>> Numbers(HttpClient client, string path)
    {
        var page = await client.GetFromJsonAsync<JsonElement>(path, Cancellation);
        return page.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("number").GetString()!).ToList();
    }

    private static async Task<JsonElement> ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync(Cancellation));
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        problem.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        return problem;
    }
}
