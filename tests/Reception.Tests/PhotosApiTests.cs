using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Reception.Tests;

/// <summary>Photos of an exit pass's goods and of a found item over HTTP, on real PostgreSQL.</summary>
public sealed class PhotosApiTests(TestInfrastructure infrastructure)
{
    [Fact]
    public async Task The_tenant_photographs_the_goods_with_the_application_and_the_guard_sees_them_at_the_gate()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        var other = await app.RegisterUnitAsync("1202", unit.PropertyId);
        await app.WaitForUnitAsync(unit.UnitId);
        await app.WaitForUnitAsync(other.UnitId);
        var (_, signer) = await ExitPassApiTests.TenantWithSignerAsync(app, unit);
        var tenant = app.ClientAsOccupant(Guid.NewGuid(), unit.PropertyId, unit.UnitId);
        var applied = await tenant.PostJsonAsync("/exit-passes", ExitPassApiTests.Application(unit.UnitId, ExitPassApiTests.Today(app), signer, "赵总"));
        var id = (await applied.ReadJsonAsync()).GetProperty("id").GetGuid();

        var added = await tenant.PostAsync($"/exit-passes/{id}/photos", Photos((TestImages.Png, "显示器.png", "image/png"), (TestImages.Jpeg, "文件柜.jpg", "image/jpeg")), Cancel);

        added.StatusCode.ShouldBe(HttpStatusCode.OK, await added.Content.ReadAsStringAsync(Cancel));
        (await added.ReadJsonAsync()).GetProperty("photoCount").GetInt32().ShouldBe(2);
        // A neighbour neither adds nor sees them; a file that is not a photo refuses the whole upload.
        var neighbour = app.ClientAsOccupant(Guid.NewGuid(), unit.PropertyId, other.UnitId);
        await (await neighbour.PostAsync($"/exit-passes/{id}/photos", Photos((TestImages.Jpeg, "a.jpg", "image/jpeg")), Cancel)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await neighbour.GetAsync($"/exit-passes/{id}/photos", Cancel)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await tenant.PostAsync($"/exit-passes/{id}/photos", Photos((TestImages.Jpeg, "a.jpg", "image/jpeg"), (TestImages.Gif, "b.gif", "image/gif")), Cancel))
            .ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);

        var desk = app.ClientAs(Roles.FrontDesk, unit.PropertyId);
        (await desk.PostAsync($"/exit-passes/{id}/verify", null, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        // After the desk's check the application is what it is.
        await (await tenant.PostAsync($"/exit-passes/{id}/photos", Photos((TestImages.Jpeg, "a.jpg", "image/jpeg")), Cancel)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var guard = app.ClientAs(Roles.Security, unit.PropertyId);
        await (await guard.PostAsync($"/exit-passes/{id}/photos", Photos((TestImages.Jpeg, "a.jpg", "image/jpeg")), Cancel)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var photos = await guard.GetFromJsonAsync<JsonElement>($"/exit-passes/{id}/photos", Cancel);
        photos.EnumerateArray().Select(p => p.GetProperty("fileName").GetString()).ShouldBe(["显示器.png", "文件柜.jpg"]);
        var first = await guard.GetAsync(photos[0].GetProperty("url").GetString(), Cancel);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await first.Content.ReadAsByteArrayAsync(Cancel)).ShouldBe(TestImages.Png);
    }

    [Fact]
    public async Task A_found_item_is_photographed_at_the_desk_while_it_is_held()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var property = Guid.NewGuid();
        var desk = app.ClientAs(Roles.FrontDesk, property);
        var id = (await LostItemApiTests.RegisterAsync(desk, LostItemApiTests.Found(property, item: "雨伞", value: 50m))).GetProperty("id").GetGuid();

        var added = await desk.PostAsync($"/lost-items/{id}/photos", Photos((TestImages.Jpeg, "伞.jpg", "image/jpeg")), Cancel);

        added.StatusCode.ShouldBe(HttpStatusCode.OK, await added.Content.ReadAsStringAsync(Cancel));
        (await added.ReadJsonAsync()).GetProperty("photoCount").GetInt32().ShouldBe(1);
        added.Headers.ETag.ShouldNotBeNull();
        (await desk.GetFromJsonAsync<JsonElement>($"/lost-items?propertyId={property}", Cancel)).GetProperty("items")[0].GetProperty("photoCount").GetInt32().ShouldBe(1);
        var photos = await desk.GetFromJsonAsync<JsonElement>($"/lost-items/{id}/photos", Cancel);
        photos.GetArrayLength().ShouldBe(1);
        (await desk.GetByteArrayAsync(photos[0].GetProperty("url").GetString(), Cancel)).ShouldBe(TestImages.Jpeg);
        // Other properties' staff and occupants do not reach it.
        await (await app.ClientAs(Roles.FrontDesk, Guid.NewGuid()).GetAsync($"/lost-items/{id}/photos", Cancel)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await app.ClientAsOccupant(Guid.NewGuid(), property, Guid.NewGuid()).GetAsync($"/lost-items/{id}/photos", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await desk.PostJsonAsync($"/lost-items/{id}/claim", LostItemApiTests.ClaimBody())).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await desk.PostAsync($"/lost-items/{id}/photos", Photos((TestImages.Jpeg, "a.jpg", "image/jpeg")), Cancel)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    private static MultipartFormDataContent Photos(params (byte[] Bytes, string Name, string Type)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (bytes, name, type) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(content, "files", name);
        }
        return form;
    }
}
