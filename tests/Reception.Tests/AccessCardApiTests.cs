using System.Net;
using System.Text.Json;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Reception.Tests;

/// <summary>Access cards (出入证) over HTTP, on real PostgreSQL and RabbitMQ: Billing hears of every deposit step.</summary>
public sealed class AccessCardApiTests(TestInfrastructure infrastructure)
{
    private static string IssueBody(Guid unitId, DateOnly validUntil, string cardNumber = "c-0107", decimal deposit = 200m) =>
        JsonSerializer.Serialize(new
        {
            unitId,
            cardNumber,
            holderName = "装修工刘师傅",
            holderPhone = "13700137000",
            company = "恒安装饰",
            deposit,
            validUntil = validUntil.ToString("yyyy-MM-dd"),
        });

    [Fact]
    public async Task A_card_is_issued_against_a_deposit_returned_for_a_refund_and_Billing_hears_of_both_through_the_outbox()
    {
        var (app, property, unit) = await KeyApiTests.StartAsync(infrastructure);
        await using var _ = app;
        var desk = app.ClientAs(Roles.FrontDesk, property);
        var today = ExitPassApiTests.Today(app);

        var issued = await desk.PostJsonAsync("/access-cards", IssueBody(unit, today.AddDays(30)));

        issued.StatusCode.ShouldBe(HttpStatusCode.Created, await issued.Content.ReadAsStringAsync(Cancel));
        var card = await issued.ReadJsonAsync();
        var id = card.GetProperty("id").GetGuid();
        card.GetProperty("cardNumber").GetString().ShouldBe("C-0107");
        card.GetProperty("status").GetString().ShouldBe("issued");
        card.GetProperty("deposit").GetDecimal().ShouldBe(200m);
        card.GetProperty("unitNumber").GetString().ShouldBe("0801");
        // The same card cannot be out twice.
        await (await desk.PostJsonAsync("/access-cards", IssueBody(unit, today.AddDays(30)))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var issuedEvent = JsonDocument.Parse(await app.ScalarAsync<string>(
            "SELECT body::text FROM outbox_messages WHERE message_type LIKE '%.AccessCardIssued,%'")).RootElement;
        issuedEvent.GetProperty("accessCardId").GetGuid().ShouldBe(id);
        issuedEvent.GetProperty("deposit").GetDecimal().ShouldBe(200m);
        issuedEvent.GetProperty("company").GetString().ShouldBe("恒安装饰");

        var returned = await desk.PostAsync($"/access-cards/{id}/return", null, Cancel);

        returned.StatusCode.ShouldBe(HttpStatusCode.OK, await returned.Content.ReadAsStringAsync(Cancel));
        (await returned.ReadJsonAsync()).GetProperty("status").GetString().ShouldBe("returned");
        await (await desk.PostJsonAsync($"/access-cards/{id}/report-lost", "{}")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await Eventually.ReturnsAsync(
            () => app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE sent_at IS NOT NULL AND message_type LIKE '%.AccessCard%'"),
            count => count == 2, ReceptionApp.Patience);
        // Returned, its number can go out again.
        (await desk.PostJsonAsync("/access-cards", IssueBody(unit, today.AddDays(7)))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_lost_card_keeps_its_deposit_and_the_list_filters_by_status_and_search()
    {
        var (app, property, unit) = await KeyApiTests.StartAsync(infrastructure);
        await using var _ = app;
        var desk = app.ClientAs(Roles.FrontDesk, property);
        var today = ExitPassApiTests.Today(app);
        var lost = (await (await desk.PostJsonAsync("/access-cards", IssueBody(unit, today, "A-1"))).ReadJsonAsync()).GetProperty("id").GetGuid();
        await desk.PostJsonAsync("/access-cards", IssueBody(unit, today, "A-2"));

        var reported = await desk.PostJsonAsync($"/access-cards/{lost}/report-lost", JsonSerializer.Serialize(new { note = "工人说丢在地铁上" }));

        reported.StatusCode.ShouldBe(HttpStatusCode.OK, await reported.Content.ReadAsStringAsync(Cancel));
        var card = await reported.ReadJsonAsync();
        card.GetProperty("status").GetString().ShouldBe("lost");
        card.GetProperty("lostNote").GetString().ShouldBe("工人说丢在地铁上");
        var lostEvent = JsonDocument.Parse(await app.ScalarAsync<string>(
            "SELECT body::text FROM outbox_messages WHERE message_type LIKE '%.AccessCardLost,%'")).RootElement;
        lostEvent.GetProperty("deposit").GetDecimal().ShouldBe(200m);
        lostEvent.GetProperty("note").GetString().ShouldBe("工人说丢在地铁上");

        (await Total(desk, $"/access-cards?propertyId={property}")).ShouldBe(2);
        (await Total(desk, $"/access-cards?propertyId={property}&status=lost")).ShouldBe(1);
        (await Total(desk, $"/access-cards?propertyId={property}&status=issued&q=a-2")).ShouldBe(1);
        (await Total(desk, $"/access-cards?propertyId={property}&q=恒安")).ShouldBe(2);
        (await Total(desk, $"/access-cards?propertyId={property}&expired=true")).ShouldBe(0);
        await (await desk.GetAsync("/access-cards?status=stolen", Cancel)).ShouldHaveFieldErrorAsync("status");

        // The day after its last valid day the card still out reads as expired.
        app.Time.Advance(TimeSpan.FromDays(1));
        var later = app.ClientAs(Roles.FrontDesk, property);
        (await Total(later, $"/access-cards?propertyId={property}&expired=true")).ShouldBe(1);
    }

    [Fact]
    public async Task Bad_cards_are_field_errors_and_store_nothing_and_other_roles_and_properties_are_kept_out()
    {
        var (app, property, unit) = await KeyApiTests.StartAsync(infrastructure);
        await using var _ = app;
        var desk = app.ClientAs(Roles.FrontDesk, property);
        var today = ExitPassApiTests.Today(app);

        await (await desk.PostJsonAsync("/access-cards", IssueBody(unit, today.AddDays(-1)))).ShouldHaveFieldErrorAsync("validUntil");
        await (await desk.PostJsonAsync("/access-cards", IssueBody(unit, today, deposit: -5m))).ShouldHaveFieldErrorAsync("deposit");
        await (await desk.PostJsonAsync("/access-cards", IssueBody(unit, today, deposit: 10.005m))).ShouldHaveFieldErrorAsync("deposit");
        await (await desk.PostJsonAsync("/access-cards", IssueBody(unit, today, cardNumber: ""))).ShouldHaveFieldErrorAsync("cardNumber");
        await (await app.ClientAs(Roles.FrontDesk, Guid.NewGuid()).PostJsonAsync("/access-cards", IssueBody(unit, today)))
            .ShouldHaveFieldErrorAsync("unitId");
        (await app.ScalarAsync<long>("SELECT count(*) FROM access_cards")).ShouldBe(0);
        (await app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages")).ShouldBe(0);

        (await app.ClientAs(Roles.Security, property).PostJsonAsync("/access-cards", IssueBody(unit, today))).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden);
        (await app.ClientAs(Roles.Engineer, property).GetAsync("/access-cards", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var id = (await (await desk.PostJsonAsync("/access-cards", IssueBody(unit, today))).ReadJsonAsync()).GetProperty("id").GetGuid();
        (await app.ClientAs(Roles.FrontDesk, Guid.NewGuid()).GetAsync($"/access-cards/{id}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<int> Total(HttpClient client, string path) =>
        (await client.GetFromJsonAsync<JsonElement>(path, Cancel)).GetProperty("total").GetInt32();
}
