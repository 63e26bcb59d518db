using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.Directory.Tests.Feeds;

/// <summary>The feeds services fill their copies from, and the service credential that reads them and nothing else.</summary>
public sealed class FeedsApiTests(TestInfrastructure infrastructure)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> WithSecret => new() { ["ServiceAuth:Secret"] = UnitCopyKeeper.Secret };

    [Fact]
    public async Task The_service_secret_buys_a_token_that_reads_the_feeds_and_nothing_else()
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure, WithSecret);
        var (propertyId, _, unitId) = await app.RegisterPlaceAsync();
        using var anonymous = app.CreateClient();

        var wrong = await anonymous.PostAsJsonAsync("/auth/service-token", new { clientId = "workorders", clientSecret = "guess-guess-guess-guess-guess-guess" }, Cancellation);
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await wrong.Content.ReadAsStringAsync(Cancellation)).ShouldNotContain("accessToken");

        using var service = await ServiceClientAsync(app);
        (await service.GetAsync("/feeds/units", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await service.GetAsync("/feeds/staff", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Every other endpoint takes it for no token at all, reads included.
        foreach (var path in new[] { "/units", $"/units/{unitId}", "/properties", $"/properties/{propertyId}", "/buildings", "/occupants", "/occupancies", "/staff", "/accounts", "/me" })
        {
            (await service.GetAsync(path, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, path);
        }
        (await service.PostAsJsonAsync("/properties", new { name = "X", type = "mall", address = "Y" }, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await service.PostAsync("/feeds/units", null, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);

        // And people's tokens, an administrator's included, do not read the feeds.
        using var admin = app.ClientAsAdmin();
        (await admin.GetAsync("/feeds/units", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync("/feeds/units", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Without_a_configured_secret_no_service_token_is_issued()
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);
        using var anonymous = app.CreateClient();

        var response = await anonymous.PostAsJsonAsync("/auth/service-token", new { clientId = "workorders", clientSecret = UnitCopyKeeper.Secret }, Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_unit_feed_pages_every_unit_by_its_latest_change_and_its_versions_are_the_events_times()
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure, WithSecret);
        await using var listener = await BrokerListener<UnitChanged>.StartAsync(app.BrokerConnectionString);
        var (propertyId, buildingId, first) = await app.RegisterPlaceAsync();
        await app.RegisterUnitAsync(buildingId, "1202");
        await app.RegisterUnitAsync(buildingId, "1203");
        using var admin = app.ClientAsAdmin();
        (await admin.PatchAsJsonAsync($"/units/{first}", new { chargeableArea = 99.5m }, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var service = await ServiceClientAsync(app);

        var page1 = await service.GetFromJsonAsync<FeedPage<UnitRecord>>("/feeds/units?limit=2", Json, Cancellation);
        var page2 = await service.GetFromJsonAsync<FeedPage<UnitRecord>>($"/feeds/units?limit=2&after={page1!.Next}", Json, Cancellation);

        page1.Total.ShouldBe(3);
        page1.Items.Select(u => u.UnitNumber).ShouldBe(["1202", "1203"]);
        page2!.Items.Select(u => u.UnitNumber).ShouldBe(["1201"]);
        page2.Next.ShouldBeNull();
        var changedUnit = page2.Items.Single();
        changedUnit.ShouldBe(new UnitRecord(first, propertyId, buildingId, "A座", "1201", 12, UnitType.Office, 99.5m, changedUnit.Version));
        var changed = await Eventually.ReturnsAsync(() => Task.FromResult(listener.Received.ToList()), r => r.Count == 1, Patience);
        changedUnit.Version.ShouldBe(changed.Single().Message.OccurredAt);

        var since = await service.GetFromJsonAsync<FeedPage<UnitRecord>>(
            $"/feeds/units?changedSince={Uri.EscapeDataString(changedUnit.Version.ToString("O"))}", Json, Cancellation);
        since!.Items.Select(u => u.UnitId).ShouldBe([first]);
        (await service.GetAsync("/feeds/units?after=not-a-cursor", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_staff_feed_carries_each_staff_member_with_all_their_properties()
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure, WithSecret);
        var tower = (await app.RegisterPropertyAsync()).GetProperty("id").GetGuid();
        var park = (await app.RegisterPropertyAsync("科技园")).GetProperty("id").GetGuid();
        var staffId = (await app.CreatedAsync("/staff", new
        {
            name = "王师傅", phone = "13900139000", department = "engineering", roles = new[] { "engineer" }, propertyIds = new[] { tower, park },
        })).GetProperty("id").GetGuid();
        using var service = await ServiceClientAsync(app);

        var page = await service.GetFromJsonAsync<FeedPage<StaffRecord>>("/feeds/staff", Json, Cancellation);

        var record = page!.Items.ShouldHaveSingleItem();
        record.StaffId.ShouldBe(staffId);
        record.Roles.ShouldBe([StaffRole.Engineer]);
        record.PropertyIds.ShouldBe(new[] { tower, park }.Order().ToList());
        page.Total.ShouldBe(1);
    }

    [Fact]
    public async Task The_occupancy_feed_carries_current_and_ended_occupancies_by_their_latest_change()
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure, WithSecret);
        var (propertyId, _, unitId) = await app.RegisterPlaceAsync();
        var client = app.ClientAsStaff(Roles.FrontDesk, "前台小王", propertyId);
        var first = (await app.RegisterCompanyAsync(propertyId, "甲公司")).GetProperty("id").GetGuid();
        var second = (await app.RegisterCompanyAsync(propertyId, "乙公司")).GetProperty("id").GetGuid();
        var firstId = (await app.MoveInAsync(unitId, first, "tenant", PeopleRequests.Today.AddDays(-30))).GetProperty("id").GetGuid();
        var secondId = (await app.MoveInAsync(unitId, second, "owner", PeopleRequests.Today.AddDays(-10))).GetProperty("id").GetGuid();
        (await client.PostAsJsonAsync($"/occupancies/{firstId}/end", new { endDate = PeopleRequests.Today }, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var service = await ServiceClientAsync(app);

        var page1 = await service.GetFromJsonAsync<FeedPage<OccupancyRecord>>("/feeds/occupancies?limit=1", Json, Cancellation);
        var page2 = await service.GetFromJsonAsync<FeedPage<OccupancyRecord>>($"/feeds/occupancies?limit=1&after={page1!.Next}", Json, Cancellation);

        page1.Total.ShouldBe(2);
        // The tenant moved out last, so their occupancy comes last, with its end date.
        page1.Items.ShouldHaveSingleItem().OccupancyId.ShouldBe(secondId);
        var ended = page2!.Items.ShouldHaveSingleItem();
        (ended.OccupancyId, ended.UnitId, ended.OccupantId, ended.Role, ended.EndDate).ShouldBe((firstId, unitId, first, OccupancyRole.Tenant, (DateOnly?)PeopleRequests.Today));
        (await service.GetFromJsonAsync<FeedPage<OccupancyRecord>>(
            $"/feeds/occupancies?changedSince={Uri.EscapeDataString(ended.Version.ToString("O"))}", Json, Cancellation))!
            .Items.Select(o => o.OccupancyId).ShouldBe([firstId]);
    }

    [Fact]
    public async Task The_occupant_feed_carries_names_and_contacts_without_id_numbers_by_their_latest_change()
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure, WithSecret);
        var (propertyId, _, _) = await app.RegisterPlaceAsync();
        var person = (await app.RegisterPersonAsync(propertyId, "李雷", idNumber: "110101199003071233")).GetProperty("id").GetGuid();
        var company = (await app.RegisterCompanyAsync(propertyId)).GetProperty("id").GetGuid();
        using var admin = app.ClientAsAdmin();
        (await admin.PutAsJsonAsync($"/occupants/{person}/contacts", new { phone = "13800138001", email = "li.lei@example.com" }, Cancellation))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        using var service = await ServiceClientAsync(app);

        var page1 = await service.GetFromJsonAsync<FeedPage<OccupantRecord>>("/feeds/occupants?limit=1", Json, Cancellation);
        var page2 = await service.GetFromJsonAsync<FeedPage<OccupantRecord>>($"/feeds/occupants?limit=1&after={page1!.Next}", Json, Cancellation);

        page1.Total.ShouldBe(2);
        page1.Items.ShouldHaveSingleItem().OccupantId.ShouldBe(company);
        // The person changed their contacts last, so they come last, with the new ones.
        var changed = page2!.Items.ShouldHaveSingleItem();
        changed.ShouldBe(new OccupantRecord(person, propertyId, OccupantKind.Person, "李雷", "13800138001", "li.lei@example.com", changed.Version));
        (await service.GetStringAsync("/feeds/occupants", Cancellation)).ShouldNotContain("110101199003071233");
        (await service.GetFromJsonAsync<FeedPage<OccupantRecord>>(
            $"/feeds/occupants?changedSince={Uri.EscapeDataString(changed.Version.ToString("O"))}", Json, Cancellation))!
            .Items.Select(o => o.OccupantId).ShouldBe([person]);
    }

    [Fact]
    public async Task The_signer_feed_carries_current_and_withdrawn_signers_with_their_names_by_their_latest_change()
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure, WithSecret);
        var (propertyId, _, _) = await app.RegisterPlaceAsync();
        var company = (await app.RegisterCompanyAsync(propertyId)).GetProperty("id").GetGuid();
        var zhang = (await app.RegisterPersonAsync(propertyId, "张伟", "13800138001", company)).GetProperty("id").GetGuid();
        var li = (await app.RegisterPersonAsync(propertyId, "李娜", "13800138002", company)).GetProperty("id").GetGuid();
        var first = (await app.CreatedAsync($"/occupants/{company}/signers", new { personId = zhang })).GetProperty("id").GetGuid();
        var second = (await app.CreatedAsync($"/occupants/{company}/signers", new { personId = li })).GetProperty("id").GetGuid();
        using var admin = app.ClientAsAdmin();
        (await admin.PostAsync($"/occupants/{company}/signers/{first}/withdraw", null, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var service = await ServiceClientAsync(app);

        var page1 = await service.GetFromJsonAsync<FeedPage<SignerRecord>>("/feeds/signers?limit=1", Json, Cancellation);
        var page2 = await service.GetFromJsonAsync<FeedPage<SignerRecord>>($"/feeds/signers?limit=1&after={page1!.Next}", Json, Cancellation);

        page1.Total.ShouldBe(2);
        var current = page1.Items.ShouldHaveSingleItem();
        (current.SignerId, current.PropertyId, current.CompanyId, current.PersonId, current.PersonName, current.WithdrawnAt)
            .ShouldBe((second, propertyId, company, li, "李娜", (DateTimeOffset?)null));
        // 张伟's authorisation was withdrawn last, so it comes last, with the time.
        var withdrawn = page2!.Items.ShouldHaveSingleItem();
        (withdrawn.SignerId, withdrawn.PersonName).ShouldBe((first, "张伟"));
        withdrawn.WithdrawnAt.ShouldNotBeNull().ShouldBe(withdrawn.Version);
        (await service.GetFromJsonAsync<FeedPage<SignerRecord>>(
            $"/feeds/signers?changedSince={Uri.EscapeDataString(withdrawn.Version.ToString("O"))}", Json, Cancellation))!
            .Items.Select(s => s.SignerId).ShouldBe([first]);
    }

    private static readonly JsonSerializerOptions Json = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions();
        ServiceDefaults.ServiceDefaultsExtensions.ConfigureJson(options);
        return options;
    }

    private static async Task<HttpClient> ServiceClientAsync(DirectoryApp app)
    {
        using var anonymous = app.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/auth/service-token", new { clientId = "workorders", clientSecret = UnitCopyKeeper.Secret }, Cancellation);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancellation));
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("accessToken").GetString();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
