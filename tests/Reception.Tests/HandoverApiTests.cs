using System.Net;
using System.Text.Json;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Reception.Tests;

/// <summary>The evening handover over HTTP, on real PostgreSQL and RabbitMQ.</summary>
public sealed class HandoverApiTests(TestInfrastructure infrastructure)
{
    [Fact]
    public async Task The_evening_handover_lists_the_key_still_out_and_the_other_open_items_and_the_night_shift_acknowledges()
    {
        var (app, property, unit) = await KeyApiTests.StartAsync(infrastructure);
        await using var _ = app;
        var morning = KeyApiTests.MoveToMorning(app);
        var desk = app.ClientAs(Roles.FrontDesk, property);
        var key = await KeyApiTests.RegisterKeyAsync(desk, unit);
        (await desk.PostJsonAsync($"/keys/{key}/sign-out", KeyApiTests.SignOutBody(morning.AddHours(3)))).EnsureSuccessStatusCode();
        (await desk.PostJsonAsync("/enquiries", JsonSerializer.Serialize(new
        {
            propertyId = property, enquirerName = "王先生", enquirerPhone = "13500135000", channel = "phone",
            question = "月租车位还有吗？", dueAt = morning.AddHours(5),
        }))).EnsureSuccessStatusCode();
        await LostItemApiTests.RegisterAsync(desk, LostItemApiTests.Found(property, foundAt: morning.AddMinutes(-10)));

        // 21:00: the key has not come back; a walk-in is waiting for the host.
        app.Time.Advance(TimeSpan.FromHours(11));
        desk = app.ClientAs(Roles.FrontDesk, property);
        await WalkInApiTests.RegisterWalkInAsync(desk, unit);

        var preview = await desk.GetFromJsonAsync<JsonElement>($"/handovers/open-items?propertyId={property}", Cancel);
        preview.GetArrayLength().ShouldBe(4);

        var response = await desk.PostJsonAsync("/handovers", JsonSerializer.Serialize(new { propertyId = property, notes = "0801钥匙张工未还，已电话催" }));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        var handover = await response.ReadJsonAsync();
        var id = handover.GetProperty("id").GetGuid();
        var kinds = handover.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()).ToList();
        kinds.ShouldBe(["enquiry", "walk_in", "key", "lost_item"]);
        var keyItem = handover.GetProperty("items")[2];
        keyItem.GetProperty("referenceId").GetGuid().ShouldBe(key);
        keyItem.GetProperty("summary").GetString()!.ShouldContain("工程部张工");
        keyItem.GetProperty("overdue").GetBoolean().ShouldBeTrue("due back at noon");
        handover.GetProperty("items")[0].GetProperty("overdue").GetBoolean().ShouldBeTrue();

        // The outgoing person cannot acknowledge it; the night shift does.
        await (await desk.PostJsonAsync($"/handovers/{id}/acknowledge", "{}")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var night = app.ClientAs(Roles.FrontDesk, property);
        var acknowledged = await (await night.PostJsonAsync($"/handovers/{id}/acknowledge", JsonSerializer.Serialize(new { notes = "已接班" }))).ReadJsonAsync();
        acknowledged.GetProperty("acknowledgedByName").GetString().ShouldBe($"测试{Roles.FrontDesk}");
        acknowledged.GetProperty("acknowledgementNotes").GetString().ShouldBe("已接班");
        (await LostItemApiTests.Total(night, $"/handovers?propertyId={property}&acknowledged=false")).ShouldBe(0);

        // After midnight the key is still overdue, and the next handover says so; the lost item was the previous shift's.
        app.Time.Advance(TimeSpan.FromHours(4));
        night = app.ClientAs(Roles.FrontDesk, property);
        (await LostItemApiTests.Total(night, $"/keys?overdue=true&propertyId={property}")).ShouldBe(1);
        var next = await (await night.PostJsonAsync("/handovers", JsonSerializer.Serialize(new { propertyId = property }))).ReadJsonAsync();
        var nextKey = next.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("kind").GetString() == "key");
        nextKey.GetProperty("overdue").GetBoolean().ShouldBeTrue();
        next.GetProperty("items").EnumerateArray().ShouldNotContain(i => i.GetProperty("kind").GetString() == "lost_item");
    }

    [Fact]
    public async Task Another_propertys_desk_neither_hands_over_nor_sees_the_handover()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var property = Guid.NewGuid();
        var desk = app.ClientAs(Roles.FrontDesk, property);
        var stranger = app.ClientAs(Roles.FrontDesk, Guid.NewGuid());

        await (await stranger.PostJsonAsync("/handovers", JsonSerializer.Serialize(new { propertyId = property }))).ShouldHaveFieldErrorAsync("propertyId");
        var id = (await (await desk.PostJsonAsync("/handovers", JsonSerializer.Serialize(new { propertyId = property }))).ReadJsonAsync()).GetProperty("id").GetGuid();

        await (await stranger.GetAsync($"/handovers/{id}", Cancel)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostJsonAsync($"/handovers/{id}/acknowledge", "{}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await app.ClientAsOccupant(Guid.NewGuid(), property).GetAsync("/handovers", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
