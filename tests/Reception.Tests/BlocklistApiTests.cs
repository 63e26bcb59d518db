using System.Net;
using System.Text.Json;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Reception.Tests;

/// <summary>The blocklist over HTTP: a listed visitor is refused at check-in, and only security reads why.</summary>
public sealed class BlocklistApiTests(TestInfrastructure infrastructure)
{
    private static string Visit(Guid unitId, string idNumber, string phone = "13800138000") => JsonSerializer.Serialize(new
    {
        unitId,
        visitorName = "赵六",
        visitorPhone = phone,
        idType = "resident_id_card",
        idNumber,
        purpose = "拜访",
        partySize = 1,
        expectedFrom = DateTimeOffset.UtcNow,
        expectedUntil = DateTimeOffset.UtcNow.AddHours(2),
    });

    [Fact]
    public async Task A_listed_visitor_is_refused_at_check_in_and_only_security_reads_the_reason()
    {
        var (app, property, unit) = await KeyApiTests.StartAsync(infrastructure);
        await using var _ = app;
        var guard = app.ClientAs(Roles.Security, property);
        var desk = app.ClientAs(Roles.FrontDesk, property);

        var added = await guard.PostJsonAsync("/blocklist", JsonSerializer.Serialize(new
        {
            propertyId = property, personName = "赵六", idType = "resident_id_card", idNumber = "110105 19491231 002x", reason = "多次在大堂滋事",
        }));

        added.StatusCode.ShouldBe(HttpStatusCode.Created, await added.Content.ReadAsStringAsync(Cancel));
        var entry = await added.ReadJsonAsync();
        entry.GetProperty("idNumberMasked").GetString().ShouldBe("110***********002X");
        (await app.ScalarAsync<string>("SELECT id_number_ciphertext FROM blocklist")).ShouldNotContain("11010519491231002X");

        var listed = (await (await desk.PostJsonAsync("/visits", Visit(unit, TestIdNumbers.Card))).ReadJsonAsync()).GetProperty("id").GetGuid();
        var security = await (await guard.PostAsync($"/visits/{listed}/check-in", null, Cancel)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        security.GetProperty("detail").GetString()!.ShouldContain("多次在大堂滋事");
        var frontDesk = await (await desk.PostAsync($"/visits/{listed}/check-in", null, Cancel)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        frontDesk.GetProperty("detail").GetString()!.ShouldNotContain("滋事");
        frontDesk.GetProperty("detail").GetString()!.ShouldContain("security");
        (await desk.GetFromJsonAsync<JsonElement>($"/visits/{listed}", Cancel)).GetProperty("status").GetString().ShouldBe("expected");

        // Someone else is let in; once the entry is lifted, so is the listed visitor.
        var other = (await (await desk.PostJsonAsync("/visits", Visit(unit, "110105194912310038", "13900139000"))).ReadJsonAsync())
            .GetProperty("id").GetGuid();
        (await guard.PostAsync($"/visits/{other}/check-in", null, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await guard.PostAsync($"/blocklist/{entry.GetProperty("id").GetGuid()}/lift", null, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await guard.PostAsync($"/visits/{listed}/check-in", null, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_person_listed_by_phone_is_refused_whatever_document_they_show()
    {
        var (app, property, unit) = await KeyApiTests.StartAsync(infrastructure);
        await using var _ = app;
        var guard = app.ClientAs(Roles.Security, property);
        (await guard.PostJsonAsync("/blocklist", JsonSerializer.Serialize(new
        {
            propertyId = property, personName = "钱七", phone = "138 0013 8000", reason = "推销",
        }))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var visit = (await (await guard.PostJsonAsync("/visits", Visit(unit, "110105194912310038"))).ReadJsonAsync()).GetProperty("id").GetGuid();

        var problem = await (await guard.PostAsync($"/visits/{visit}/check-in", null, Cancel)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("推销");
    }

    [Fact]
    public async Task The_front_desk_cannot_read_the_list_and_an_entry_needs_an_id_number_or_a_phone()
    {
        var (app, property, _) = await KeyApiTests.StartAsync(infrastructure);
        await using var __ = app;
        var guard = app.ClientAs(Roles.Security, property);

        (await app.ClientAs(Roles.FrontDesk, property).GetAsync("/blocklist", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.ClientAsOccupant(Guid.NewGuid(), property).GetAsync("/blocklist", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await (await guard.PostJsonAsync("/blocklist", JsonSerializer.Serialize(new { propertyId = property, personName = "孙八", reason = "x" })))
            .ShouldHaveFieldErrorAsync("phone");
        await (await guard.PostJsonAsync("/blocklist", JsonSerializer.Serialize(new
        {
            propertyId = property, personName = "孙八", idType = "resident_id_card", idNumber = "110105194912310022", reason = "x",
        }))).ShouldHaveFieldErrorAsync("idNumber");
        await (await guard.PostJsonAsync("/blocklist", JsonSerializer.Serialize(new
        {
            propertyId = Guid.NewGuid(), personName = "孙八", phone = "13800000000", reason = "x",
        }))).ShouldHaveFieldErrorAsync("propertyId");
        (await app.ScalarAsync<long>("SELECT count(*) FROM blocklist")).ShouldBe(0);
        (await guard.GetFromJsonAsync<JsonElement>($"/blocklist?propertyId={property}", Cancel)).GetProperty("total").GetInt32().ShouldBe(0);
    }
}
