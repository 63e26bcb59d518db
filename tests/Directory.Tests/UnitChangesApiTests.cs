using System.Net;
using System.Text;
using System.Text.Json;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.Directory.Tests;

/// <summary>An administrator corrects a unit's floor, type or area (PUT all three, PATCH some).</summary>
public sealed class UnitChangesApiTests(TestInfrastructure infrastructure)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_patched_area_and_a_replaced_unit_are_stored_and_announced_as_UnitChanged()
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);
        await using var listener = await BrokerListener<UnitChanged>.StartAsync(app.BrokerConnectionString);
        var client = app.ClientAsAdmin();
        var (propertyId, buildingId, unitId) = await app.RegisterPlaceAsync();

        var patched = await client.PatchAsJsonAsync($"/units/{unitId}", new { chargeableArea = 118.25m }, Cancellation);
        patched.StatusCode.ShouldBe(HttpStatusCode.OK, await patched.Content.ReadAsStringAsync(Cancellation));
        var afterPatch = await patched.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        afterPatch.GetProperty("chargeableArea").GetDecimal().ShouldBe(118.25m);
        afterPatch.GetProperty("floor").GetInt32().ShouldBe(12);
        afterPatch.GetProperty("type").GetString().ShouldBe("office");

        var replaced = await client.PutAsJsonAsync($"/units/{unitId}", new { floor = 11, type = "storage", chargeableArea = 118.25m }, Cancellation);
        replaced.StatusCode.ShouldBe(HttpStatusCode.OK);
        var unchanged = await client.PatchAsJsonAsync($"/units/{unitId}", new { }, Cancellation);
        unchanged.StatusCode.ShouldBe(HttpStatusCode.OK);

        var fetched = await client.GetFromJsonAsync<JsonElement>($"/units/{unitId}", Cancellation);
        fetched.GetProperty("floor").GetInt32().ShouldBe(11);
        fetched.GetProperty("type").GetString().ShouldBe("storage");
        fetched.GetProperty("number").GetString().ShouldBe("1201");
        var received = await Eventually.ReturnsAsync(() => Task.FromResult(listener.Received.ToList()), r => r.Count == 2, Patience);
        var last = received.Select(m => m.Message).Single(m => m.Floor == 11);
        last.ShouldBe(new UnitChanged(last.EventId, last.OccurredAt, propertyId, unitId, buildingId, "A座", "1201", 11, UnitType.Storage, 118.25m));
        (await app.CountAsync("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%UnitChanged%'")).ShouldBe(2);
    }

    [Theory]
    [InlineData("PUT", """{"floor": 12, "type": "office"}""", "chargeableArea")]
    [InlineData("PUT", """{"type": "office", "chargeableArea": 10}""", "floor")]
    [InlineData("PATCH", """{"chargeableArea": -5}""", "chargeableArea")]
    [InlineData("PATCH", """{"chargeableArea": 10.555}""", "chargeableArea")]
    [InlineData("PATCH", """{"floor": 500}""", "floor")]
    [InlineData("PATCH", """{"type": "villa"}""", null)]
    [InlineData("PATCH", """{"floor": "twelve"}""", null)]
    public async Task An_invalid_change_is_a_400_problem_and_the_unit_stays_as_it_was(string method, string body, string? field)
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);
        var client = app.ClientAsAdmin();
        var (_, _, unitId) = await app.RegisterPlaceAsync();

        var response = await client.SendAsync(
            new HttpRequestMessage(new HttpMethod(method), $"/units/{unitId}") { Content = new StringContent(body, Encoding.UTF8, "application/json") },
            Cancellation);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        if (field is not null)
        {
            problem.FieldErrors(field).ShouldNotBeEmpty();
        }
        var unit = await client.GetFromJsonAsync<JsonElement>($"/units/{unitId}", Cancellation);
        unit.GetProperty("floor").GetInt32().ShouldBe(12);
        unit.GetProperty("chargeableArea").GetDecimal().ShouldBe(120.50m);
        (await app.CountAsync("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%UnitChanged%'")).ShouldBe(0);
    }

    [Fact]
    public async Task Changing_an_unknown_unit_is_a_404_problem()
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);

        var response = await app.ClientAsAdmin().PatchAsJsonAsync($"/units/{Guid.NewGuid()}", new { floor = 3 }, Cancellation);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
