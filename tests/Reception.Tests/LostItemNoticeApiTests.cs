using System.Net;
using System.Text.Json;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Reception.Tests;

/// <summary>The occupants' lost-and-found notice and their own claims, over HTTP on real PostgreSQL.</summary>
public sealed class LostItemNoticeApiTests(TestInfrastructure infrastructure)
{
    [Fact]
    public async Task Occupants_see_held_items_of_their_property_without_features_and_valuables_only_by_category()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        await app.WaitForUnitAsync(unit.UnitId);
        var desk = app.ClientAs(Roles.FrontDesk, unit.PropertyId);
        await LostItemApiTests.RegisterAsync(desk, LostItemApiTests.Found(unit.PropertyId, item: "雨伞", value: 50m));
        await LostItemApiTests.RegisterAsync(desk, LostItemApiTests.Found(unit.PropertyId, item: "张三的身份证", category: "document", value: null));
        var elsewhere = Guid.NewGuid();
        await LostItemApiTests.RegisterAsync(app.ClientAs(Roles.FrontDesk, elsewhere), LostItemApiTests.Found(elsewhere, item: "别处的伞"));
        var occupant = app.ClientAsOccupant(Guid.NewGuid(), unit.PropertyId, unit.UnitId);

        var notice = await occupant.GetFromJsonAsync<JsonElement>("/lost-items/notice", Cancel);

        var items = notice.GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBe(2);
        var text = notice.GetRawText();
        text.ShouldNotContain("张三", customMessage: "a valuable's identifying details stay off the notice");
        text.ShouldNotContain("银行卡", customMessage: "the features are what a claimant must describe");
        items.ShouldContain(i => i.GetProperty("item").GetString() == "雨伞");
        items.ShouldContain(i => i.GetProperty("item").ValueKind == JsonValueKind.Null && i.GetProperty("category").GetString() == "document");
        // The desk's register stays the desk's.
        (await occupant.GetAsync("/lost-items", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_occupant_asks_for_an_item_and_follows_it_in_my_claims_until_the_desk_hands_it_over()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        await app.WaitForUnitAsync(unit.UnitId);
        var desk = app.ClientAs(Roles.FrontDesk, unit.PropertyId);
        var id = (await LostItemApiTests.RegisterAsync(desk, LostItemApiTests.Found(unit.PropertyId, item: "雨伞", value: 50m))).GetProperty("id").GetGuid();
        var occupant = app.ClientAsOccupant(Guid.NewGuid(), unit.PropertyId, unit.UnitId);
        var request = JsonSerializer.Serialize(new { description = "棕色皮质，两张银行卡", placeLost = "二楼电梯厅", phone = "13800138000" });

        var asked = await occupant.PostJsonAsync($"/lost-items/{id}/claim-requests", request);

        asked.StatusCode.ShouldBe(HttpStatusCode.Created, await asked.Content.ReadAsStringAsync(Cancel));
        var requestId = (await asked.ReadJsonAsync()).GetProperty("id").GetGuid();
        await (await occupant.PostJsonAsync($"/lost-items/{id}/claim-requests", request)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await occupant.PostJsonAsync($"/lost-items/{id}/claim-requests", JsonSerializer.Serialize(new { description = "", placeLost = "" })))
            .ShouldHaveFieldErrorAsync("description");
        // An occupant of another property does not reach the item.
        await (await app.ClientAsOccupant(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()).PostJsonAsync($"/lost-items/{id}/claim-requests", request))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var mine = await occupant.GetFromJsonAsync<JsonElement>("/lost-items/my-claims", Cancel);
        mine.GetArrayLength().ShouldBe(1);
        mine[0].GetProperty("status").GetString().ShouldBe("waiting");
        mine[0].GetProperty("item").GetString().ShouldBe("雨伞");
        (await app.ClientAsOccupant(Guid.NewGuid(), unit.PropertyId, unit.UnitId).GetFromJsonAsync<JsonElement>("/lost-items/my-claims", Cancel))
            .GetArrayLength().ShouldBe(0);

        // The desk sees the request on the item and hands the item over against it.
        var item = await desk.GetFromJsonAsync<JsonElement>($"/lost-items/{id}", Cancel);
        item.GetProperty("claimRequests")[0].GetProperty("description").GetString().ShouldBe("棕色皮质，两张银行卡");
        var claim = JsonSerializer.Deserialize<Dictionary<string, object>>(LostItemApiTests.ClaimBody())!;
        claim["claimRequestId"] = requestId;
        (await desk.PostJsonAsync($"/lost-items/{id}/claim", JsonSerializer.Serialize(claim))).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await occupant.GetFromJsonAsync<JsonElement>("/lost-items/my-claims", Cancel))[0].GetProperty("status").GetString().ShouldBe("handed_over");
        (await occupant.GetFromJsonAsync<JsonElement>("/lost-items/notice", Cancel)).GetProperty("total").GetInt32().ShouldBe(0);
    }
}
