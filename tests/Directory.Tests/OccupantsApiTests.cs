using System.Net;
using System.Text;
using System.Text.Json;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Directory.Infrastructure.DataProtection;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.Directory.Tests;

/// <summary>The front desk registers occupants over HTTP; Directory runs on real PostgreSQL and RabbitMQ.</summary>
public sealed class OccupantsApiTests(TestInfrastructure infrastructure)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_persons_id_number_is_stored_encrypted_shown_masked_and_readable_again_after_a_restart()
    {
        string ciphertext;
        Guid occupantId;
        string database;
        string broker;
        await using (var app = await DirectoryApp.StartAsync(infrastructure))
        {
            (database, broker) = (app.DatabaseConnectionString, app.BrokerConnectionString);
            var (propertyId, _, _) = await app.RegisterPlaceAsync();
            var frontDesk = app.ClientAs(Roles.FrontDesk, propertyId);
            var response = await frontDesk.PostAsJsonAsync("/occupants", new
            {
                propertyId, kind = "person", name = "李雷", phone = "138 0013 8000", email = "li.lei@example.com",
                idType = "resident_id_card", idNumber = PeopleRequests.ValidIdCard,
            }, Cancellation);
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancellation));
            var created = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
            occupantId = created.GetProperty("id").GetGuid();
            created.GetProperty("idNumber").GetString().ShouldBe("110***********1233");
            created.GetProperty("idNumberRevealed").GetBoolean().ShouldBeFalse();

            // The detail shows the phone in full and, to the front desk, the ID number masked.
            var detail = await frontDesk.GetFromJsonAsync<JsonElement>($"/occupants/{occupantId}", Cancellation);
            detail.GetProperty("phone").GetString().ShouldBe("13800138000");
            detail.GetProperty("idType").GetString().ShouldBe("resident_id_card");
            detail.GetProperty("idNumber").GetString().ShouldBe("110***********1233");

            // The column holds neither the number nor its masked form, and the key ring is in the database.
            ciphertext = (await app.ScalarTextAsync($"SELECT id_number_ciphertext FROM occupants WHERE id = '{occupantId}'"))!;
            ciphertext.ShouldNotContain("199003071233");
            ciphertext.ShouldNotContain("110101");
            ciphertext.Length.ShouldBeGreaterThan(40);
            (await app.CountAsync("SELECT count(*) FROM data_protection_keys")).ShouldBeGreaterThanOrEqualTo(1);
            (await app.ScalarTextAsync("SELECT string_agg(id_number_masked, ',') FROM occupants")).ShouldBe("110***********1233");
        }

        // Another instance on the same database (a restart, a replica) reads the key ring and decrypts.
        await using var restarted = await DirectoryApp.StartOnAsync(database, broker);
        restarted.Services.GetRequiredService<IdNumberProtector>().Reveal(ciphertext).ShouldBe(PeopleRequests.ValidIdCard);
    }

    [Fact]
    public async Task Lists_mask_phone_and_id_number_and_filter_by_property_unit_kind_name_and_company()
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);
        var (propertyId, _, unitId) = await app.RegisterPlaceAsync();
        var client = app.ClientAs(Roles.FrontDesk, propertyId);
        var otherPropertyId = (await app.RegisterPropertyAsync("阳光大厦")).GetProperty("id").GetGuid();
        var company = (await app.RegisterCompanyAsync(propertyId)).GetProperty("id").GetGuid();
        var liLei = (await app.RegisterPersonAsync(propertyId, "李雷", companyId: company, idNumber: PeopleRequests.ValidIdCard)).GetProperty("id").GetGuid();
        await app.RegisterPersonAsync(propertyId, "韩梅梅", "13900139000");
        await app.RegisterPersonAsync(otherPropertyId, "李雷");
        await app.MoveInAsync(unitId, company, "tenant", PeopleRequests.Today);

        var page = await client.GetFromJsonAsync<JsonElement>($"/occupants?propertyId={propertyId}", Cancellation);
        page.GetProperty("total").GetInt32().ShouldBe(3);
        var listed = page.Items().Single(o => o.GetProperty("id").GetGuid() == liLei);
        listed.GetProperty("phone").GetString().ShouldBe("138****8000");
        listed.GetProperty("idNumber").GetString().ShouldBe("110***********1233");
        page.Items().Single(o => o.GetProperty("id").GetGuid() == company).GetProperty("phone").GetString().ShouldBe("010****5678");

        (await Names(client, $"/occupants?propertyId={propertyId}&kind=company")).ShouldBe(["华夏科技有限公司"]);
        (await Names(client, $"/occupants?name=李")).ShouldBe(["李雷"]); // the other property's 李雷 is not the front desk's
        (await Names(app.ClientAsAdmin(), $"/occupants?name=李")).ShouldBe(["李雷", "李雷"]);
        (await Names(client, $"/occupants?propertyId={propertyId}&name=梅")).ShouldBe(["韩梅梅"]);
        (await Names(client, $"/occupants?unitId={unitId}")).ShouldBe(["华夏科技有限公司"]);
        (await Names(client, $"/occupants?companyId={company}")).ShouldBe(["李雷"]);
        (await Names(client, "/occupants?name=%25")).ShouldBeEmpty(); // a % typed is a %, not a wildcard

        var unknownKind = await client.GetAsync("/occupants?kind=robot", Cancellation);
        (await unknownKind.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("kind").ShouldNotBeEmpty();

        var detail = await client.GetFromJsonAsync<JsonElement>($"/occupants/{company}", Cancellation);
        detail.GetProperty("units").EnumerateArray().Single().GetProperty("role").GetString().ShouldBe("tenant");
        var person = await client.GetFromJsonAsync<JsonElement>($"/occupants/{liLei}", Cancellation);
        person.GetProperty("companyName").GetString().ShouldBe("华夏科技有限公司");
    }

    [Fact]
    public async Task Registration_and_a_contact_change_are_announced_on_RabbitMQ_and_kept_in_the_audit_trail()
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);
        await using var registered = await BrokerListener<OccupantRegistered>.StartAsync(app.BrokerConnectionString);
        await using var contactChanged = await BrokerListener<OccupantContactChanged>.StartAsync(app.BrokerConnectionString);
        var (propertyId, _, _) = await app.RegisterPlaceAsync();
        var occupant = await app.RegisterPersonAsync(propertyId, "李雷", idNumber: PeopleRequests.ValidIdCard);
        var occupantId = occupant.GetProperty("id").GetGuid();

        var response = await app.ClientAsStaff(Roles.FrontDesk, "前台小王", propertyId).PutAsJsonAsync(
            $"/occupants/{occupantId}/contacts", new { phone = "139-0013-9000", email = "li.lei@example.com" }, Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancellation));
        var changed = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        changed.GetProperty("phone").GetString().ShouldBe("13900139000");
        changed.GetProperty("email").GetString().ShouldBe("li.lei@example.com");

        var registration = (await Eventually.ReturnsAsync(() => Task.FromResult(registered.Received.ToList()), r => r.Count > 0, Patience)).Single().Message;
        registration.ShouldBe(new OccupantRegistered(
            registration.EventId, registration.OccurredAt, propertyId, occupantId, OccupantKind.Person, "李雷", "13800138000", null, null));
        var change = (await Eventually.ReturnsAsync(() => Task.FromResult(contactChanged.Received.ToList()), r => r.Count > 0, Patience)).Single().Message;
        change.ShouldBe(new OccupantContactChanged(
            change.EventId, change.OccurredAt, propertyId, occupantId, "李雷", "13900139000", "li.lei@example.com"));

        var audit = await app.ClientAs(Roles.Supervisor, propertyId).GetFromJsonAsync<JsonElement>($"/occupants/{occupantId}/audit", Cancellation);
        var entries = audit.Items().ToList();
        entries.Select(e => e.GetProperty("action").GetString()).ShouldBe(["occupant_changed", "occupant_registered"]);
        entries[0].GetProperty("actor").GetString().ShouldBe("前台小王");
        entries[1].GetProperty("actor").GetString().ShouldBe("测试管理员");
        Changes(entries[0]).ShouldBe(
            new Dictionary<string, (string?, string?)> { ["phone"] = ("13800138000", "13900139000"), ["email"] = (null, "li.lei@example.com") },
            ignoreOrder: true);
        var creation = Changes(entries[1]);
        creation["name"].ShouldBe((null, "李雷"));
        creation["idNumber"].ShouldBe((null, "110***********1233"));
        creation.ShouldNotContainKey("idNumberCiphertext");
        (await app.ScalarTextAsync("SELECT string_agg(changes::text, ' ') FROM audit_entries"))!.ShouldNotContain("199003071233");
    }

    [Theory]
    [InlineData("""{"kind": "person", "name": "李雷", "phone": "12345"}""", "phone")]
    [InlineData("""{"kind": "person", "name": "李雷", "phone": "1380013800a"}""", "phone")]
    [InlineData("""{"kind": "person", "name": "李雷", "email": "li.lei"}""", "email")]
    [InlineData("""{"kind": "person", "name": "李雷"}""", "phone")]
    [InlineData("""{"kind": "person", "name": " ", "phone": "13800138000"}""", "name")]
    [InlineData("""{"name": "李雷", "phone": "13800138000"}""", "kind")]
    [InlineData("""{"kind": "person", "name": "李雷", "phone": "13800138000", "idType": "resident_id_card", "idNumber": "110101199003071234"}""", "idNumber")]
    [InlineData("""{"kind": "person", "name": "李雷", "phone": "13800138000", "idType": "resident_id_card", "idNumber": "110101199013071237"}""", "idNumber")]
    [InlineData("""{"kind": "person", "name": "李雷", "phone": "13800138000", "idType": "resident_id_card"}""", "idNumber")]
    [InlineData("""{"kind": "person", "name": "李雷", "phone": "13800138000", "idNumber": "E12345678"}""", "idType")]
    [InlineData("""{"kind": "company", "name": "华夏科技", "phone": "13800138000", "idType": "passport", "idNumber": "E12345678"}""", "idType")]
    [InlineData("""{"kind": "company", "name": "华夏科技", "phone": "13800138000", "companyId": "0190d2f2-0000-7000-8000-000000000000"}""", "companyId")]
    [InlineData("""{"kind": "person", "name": "李雷", "phone": "13800138000", "companyId": "0190d2f2-0000-7000-8000-000000000000"}""", "companyId")]
    [InlineData("""{"kind": "robot", "name": "李雷", "phone": "13800138000"}""", null)]
    [InlineData("""{"kind": "person", "name": "李雷", "phone": 13800138000}""", null)]
    [InlineData("""{"kind": "person", "name": "李雷", """, null)]
    public async Task An_invalid_occupant_is_a_400_problem_and_nothing_is_stored(string bodyWithoutProperty, string? field)
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);
        var (propertyId, _, _) = await app.RegisterPlaceAsync();
        var body = $"{{\"propertyId\": \"{propertyId}\", {bodyWithoutProperty[1..]}";

        var response = await app.ClientAs(Roles.FrontDesk, propertyId).PostAsync("/occupants", new StringContent(body, Encoding.UTF8, "application/json"), Cancellation);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        if (field is not null)
        {
            problem.FieldErrors(field).ShouldNotBeEmpty();
        }
        (await app.CountAsync("SELECT count(*) FROM occupants")).ShouldBe(0);
        (await app.CountAsync("SELECT count(*) FROM audit_entries")).ShouldBe(0);
        (await app.CountAsync("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%Occupant%'")).ShouldBe(0);
    }

    [Fact]
    public async Task An_occupant_of_an_unknown_property_is_a_400_field_error()
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);
        var propertyId = (await app.RegisterPropertyAsync()).GetProperty("id").GetGuid();

        var response = await app.ClientAs(Roles.FrontDesk, propertyId).PostAsJsonAsync(
            "/occupants", new { propertyId = Guid.NewGuid(), kind = "person", name = "李雷", phone = "13800138000" }, Cancellation);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("propertyId").ShouldNotBeEmpty();
        (await app.CountAsync("SELECT count(*) FROM occupants")).ShouldBe(0);
    }

    [Fact]
    public async Task A_malformed_contact_change_is_a_400_and_the_contacts_stay()
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);
        var (propertyId, _, _) = await app.RegisterPlaceAsync();
        var occupantId = (await app.RegisterPersonAsync(propertyId)).GetProperty("id").GetGuid();
        var client = app.ClientAs(Roles.FrontDesk, propertyId);

        var malformed = await client.PutAsJsonAsync($"/occupants/{occupantId}/contacts", new { phone = "555" }, Cancellation);
        var none = await client.PutAsJsonAsync($"/occupants/{occupantId}/contacts", new { phone = "", email = "" }, Cancellation);

        (await malformed.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("phone").ShouldNotBeEmpty();
        (await none.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("phone").ShouldNotBeEmpty();
        var detail = await client.GetFromJsonAsync<JsonElement>($"/occupants/{occupantId}", Cancellation);
        detail.GetProperty("phone").GetString().ShouldBe("13800138000");
        (await app.CountAsync("SELECT count(*) FROM audit_entries WHERE action = 'occupant_changed'")).ShouldBe(0);
    }

    [Fact]
    public async Task An_id_document_recorded_later_is_encrypted_and_audited_masked()
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);
        var (propertyId, _, _) = await app.RegisterPlaceAsync();
        var occupantId = (await app.RegisterPersonAsync(propertyId)).GetProperty("id").GetGuid();
        var companyId = (await app.RegisterCompanyAsync(propertyId)).GetProperty("id").GetGuid();
        var client = app.ClientAs(Roles.FrontDesk, propertyId);

        var response = await client.PutAsJsonAsync($"/occupants/{occupantId}/id-document", new { idType = "passport", idNumber = "E12345678" }, Cancellation);
        var forCompany = await client.PutAsJsonAsync($"/occupants/{companyId}/id-document", new { idType = "passport", idNumber = "E12345678" }, Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancellation));
        (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("idNumber").GetString().ShouldBe("*****5678");
        (await forCompany.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("idType").ShouldNotBeEmpty();
        (await app.ScalarTextAsync($"SELECT id_number_ciphertext FROM occupants WHERE id = '{occupantId}'"))!.ShouldNotContain("12345678");
        var audit = await app.ClientAs(Roles.Manager, propertyId).GetFromJsonAsync<JsonElement>($"/occupants/{occupantId}/audit", Cancellation);
        Changes(audit.Items().First())["idNumber"].ShouldBe((null, "*****5678"));
    }

    [Fact]
    public async Task A_company_names_and_withdraws_authorised_signers_and_the_list_keeps_the_dates()
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);
        await using var added = await BrokerListener<AuthorisedSignerAdded>.StartAsync(app.BrokerConnectionString);
        var (propertyId, _, _) = await app.RegisterPlaceAsync();
        var client = app.ClientAsStaff(Roles.FrontDesk, "前台小王", propertyId);
        var companyId = (await app.RegisterCompanyAsync(propertyId)).GetProperty("id").GetGuid();
        var personId = (await app.RegisterPersonAsync(propertyId, "李雷", companyId: companyId)).GetProperty("id").GetGuid();
        var outsiderId = (await app.RegisterPersonAsync(propertyId, "韩梅梅", "13900139000")).GetProperty("id").GetGuid();

        var authorised = await client.PostAsJsonAsync($"/occupants/{companyId}/signers", new { personId }, Cancellation);
        authorised.StatusCode.ShouldBe(HttpStatusCode.Created, await authorised.Content.ReadAsStringAsync(Cancellation));
        var signer = await authorised.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        var signerId = signer.GetProperty("id").GetGuid();
        signer.GetProperty("personName").GetString().ShouldBe("李雷");
        signer.GetProperty("current").GetBoolean().ShouldBeTrue();

        // Refused: twice at once, and someone who does not work for the company.
        (await (await client.PostAsJsonAsync($"/occupants/{companyId}/signers", new { personId }, Cancellation))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("already");
        await (await client.PostAsJsonAsync($"/occupants/{companyId}/signers", new { personId = outsiderId }, Cancellation))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        // A person does not name signers.
        await (await client.PostAsJsonAsync($"/occupants/{personId}/signers", new { personId }, Cancellation))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var withdrawn = await client.PostAsync($"/occupants/{companyId}/signers/{signerId}/withdraw", null, Cancellation);
        withdrawn.StatusCode.ShouldBe(HttpStatusCode.OK, await withdrawn.Content.ReadAsStringAsync(Cancellation));
        await (await client.PostAsync($"/occupants/{companyId}/signers/{signerId}/withdraw", null, Cancellation))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await client.PostAsync($"/occupants/{companyId}/signers/{Guid.NewGuid()}/withdraw", null, Cancellation))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var again = await client.PostAsJsonAsync($"/occupants/{companyId}/signers", new { personId }, Cancellation);
        again.StatusCode.ShouldBe(HttpStatusCode.Created);

        var signers = await client.GetFromJsonAsync<JsonElement>($"/occupants/{companyId}/signers", Cancellation);
        var list = signers.EnumerateArray().ToList();
        list.Count.ShouldBe(2);
        list[0].GetProperty("current").GetBoolean().ShouldBeTrue();
        list[0].GetProperty("personPhone").GetString().ShouldBe("138****8000");
        list[1].GetProperty("id").GetGuid().ShouldBe(signerId);
        list[1].GetProperty("withdrawnAt").GetDateTimeOffset().ShouldBeGreaterThanOrEqualTo(list[1].GetProperty("authorisedAt").GetDateTimeOffset());

        var events = await Eventually.ReturnsAsync(() => Task.FromResult(added.Received.ToList()), r => r.Count == 2, Patience);
        events.ShouldAllBe(e => e.Message.CompanyId == companyId && e.Message.PersonId == personId && e.Message.PersonName == "李雷");
        (await app.CountAsync("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%AuthorisedSignerWithdrawn%'")).ShouldBe(1);

        // Both records show it: the company's and the person's.
        var supervisor = app.ClientAs(Roles.Supervisor, propertyId);
        var companyAudit = await supervisor.GetFromJsonAsync<JsonElement>($"/occupants/{companyId}/audit", Cancellation);
        companyAudit.Items().Select(e => e.GetProperty("action").GetString()).Take(3).ShouldBe(["signer_authorised", "signer_withdrawn", "signer_authorised"]);
        var personAudit = await supervisor.GetFromJsonAsync<JsonElement>($"/occupants/{personId}/audit", Cancellation);
        personAudit.Items().Count(e => e.GetProperty("entityType").GetString() == "signer").ShouldBe(3);
    }

    [Fact]
    public async Task A_current_signer_cannot_leave_the_company_but_anyone_else_can()
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);
        var (propertyId, _, _) = await app.RegisterPlaceAsync();
        var client = app.ClientAs(Roles.FrontDesk, propertyId);
        var companyId = (await app.RegisterCompanyAsync(propertyId)).GetProperty("id").GetGuid();
        var otherCompanyId = (await app.RegisterCompanyAsync(propertyId, "远大贸易有限公司")).GetProperty("id").GetGuid();
        var signerId = (await app.RegisterPersonAsync(propertyId, "李雷", companyId: companyId)).GetProperty("id").GetGuid();
        var clerkId = (await app.RegisterPersonAsync(propertyId, "韩梅梅", "13900139000")).GetProperty("id").GetGuid();
        await app.CreatedAsync($"/occupants/{companyId}/signers", new { personId = signerId });

        var join = await client.PutAsJsonAsync($"/occupants/{clerkId}/company", new { companyId }, Cancellation);
        join.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await join.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("companyId").GetGuid().ShouldBe(companyId);
        var move = await client.PutAsJsonAsync($"/occupants/{signerId}/company", new { companyId = otherCompanyId }, Cancellation);
        await move.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var toPerson = await client.PutAsJsonAsync($"/occupants/{clerkId}/company", new { companyId = signerId }, Cancellation);
        (await toPerson.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("companyId").ShouldNotBeEmpty();
        var leave = await client.PutAsJsonAsync($"/occupants/{clerkId}/company", new { companyId = (Guid?)null }, Cancellation);
        leave.StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Names(client, $"/occupants?companyId={companyId}")).ShouldBe(["李雷"]);
    }

    [Theory]
    [InlineData("/occupants/{0}")]
    [InlineData("/occupants/{0}/audit")]
    [InlineData("/occupants/{0}/signers")]
    public async Task An_unknown_occupant_is_a_404_problem(string path)
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);

        var response = await app.ClientAsAdmin().GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, Guid.NewGuid()), Cancellation);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_service_describes_the_people_endpoints()
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);

        var openApi = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", Cancellation);

        var paths = openApi.GetProperty("paths");
        string[] expected =
        [
            "/occupants", "/occupants/{id}/contacts", "/occupants/{id}/signers", "/occupants/{id}/signers/{signerId}/withdraw",
            "/occupants/{id}/audit", "/occupancies", "/occupancies/{id}/end", "/staff", "/staff/{id}/audit",
            "/imports/units-and-occupants", "/units/{id}",
        ];
        expected.Where(path => !paths.TryGetProperty(path, out _)).ShouldBeEmpty();
        paths.GetProperty("/units/{id}").TryGetProperty("patch", out _).ShouldBeTrue();
    }

    private static async Task<List<string>> Names(HttpClient client, string path)
    {
        var page = await client.GetFromJsonAsync<JsonElement>(path, Cancellation);
        return page.Items().Select(o => o.GetProperty("name").GetString()!).ToList();
    }

    private static Dictionary<string, (string? Before, string? After)> Changes(JsonElement entry) =>
        entry.GetProperty("changes").EnumerateArray().ToDictionary(
            c => c.GetProperty("field").GetString()!,
            c => (c.GetProperty("before").GetString(), c.GetProperty("after").GetString()));
}
