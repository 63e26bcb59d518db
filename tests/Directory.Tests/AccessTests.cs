using System.Net;
using System.Text.Json;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.ServiceDefaults.Auth.Roles;

namespace PropertyPlatform.Directory.Tests;

/// <summary>
/// Who may do what (the README's table): each role on each endpoint — allowed → 2xx, not allowed → 403, no token
/// → 401 — and data of another property or another occupant answers 404, exactly like an unknown id.
/// </summary>
public sealed class AccessTests(AccessFixture f) : IClassFixture<AccessFixture>
{
    private static readonly string[] Anyone = [Occupant, FrontDesk, Supervisor, Manager, Engineer, Security, Finance, Admin];
    private static readonly string[] Desk = [FrontDesk, Supervisor, Manager, Admin];
    private static readonly string[] AuditReaders = [Supervisor, Manager, Admin];
    private static readonly string[] StaffReaders = [Manager, Admin];
    private static readonly string[] AdminOnly = [Admin];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private delegate Task<HttpResponseMessage> Call(AccessFixture f, HttpClient client);

    /// <summary>An endpoint: who may call it, a call on data in the caller's scope, and (where it has one) the same call on data outside it.</summary>
    private sealed record Endpoint(string[] Allowed, Call InScope, Call? OutsideScope = null, HttpStatusCode OutsideAnswer = HttpStatusCode.NotFound);

    private static readonly Dictionary<string, Endpoint> Endpoints = new()
    {
        ["GET /properties"] = new(Anyone, (f, c) => c.GetAsync("/properties", Cancellation)),
        ["GET /properties/{id}"] = new(Anyone, (f, c) => c.GetAsync($"/properties/{f.P}", Cancellation), (f, c) => c.GetAsync($"/properties/{f.Q}", Cancellation)),
        ["POST /properties"] = new(AdminOnly, (f, c) => c.PostAsync("/properties", AccessFixture.Json(new { name = "新项目", type = "mall" }), Cancellation)),
        ["GET /buildings"] = new(Anyone, (f, c) => c.GetAsync("/buildings", Cancellation)),
        ["GET /buildings/{id}"] = new(Anyone, (f, c) => c.GetAsync($"/buildings/{f.BuildingA}", Cancellation), (f, c) => c.GetAsync($"/buildings/{f.BuildingQ}", Cancellation)),
        ["POST /buildings"] = new(AdminOnly,
            (f, c) => c.PostAsync("/buildings", AccessFixture.Json(new { propertyId = f.P, name = $"楼{Guid.NewGuid():N}" }), Cancellation),
            (f, c) => c.PostAsync("/buildings", AccessFixture.Json(new { propertyId = f.Q, name = $"楼{Guid.NewGuid():N}" }), Cancellation),
            HttpStatusCode.BadRequest),
        ["GET /units"] = new(Anyone, (f, c) => c.GetAsync("/units", Cancellation)),
        ["GET /units/{id}"] = new(Anyone, (f, c) => c.GetAsync($"/units/{f.UnitOfOccupant}", Cancellation), (f, c) => c.GetAsync($"/units/{f.UnitQ}", Cancellation)),
        ["POST /units"] = new(AdminOnly,
            (f, c) => c.PostAsync("/units", AccessFixture.Json(NewUnit(f.BuildingA)), Cancellation),
            (f, c) => c.PostAsync("/units", AccessFixture.Json(NewUnit(f.BuildingQ)), Cancellation),
            HttpStatusCode.BadRequest),
        ["PUT /units/{id}"] = new(AdminOnly,
            (f, c) => c.PutAsync($"/units/{f.UnitOfOccupant}", AccessFixture.Json(new { floor = 12, type = "office", chargeableArea = 120.50m }), Cancellation),
            (f, c) => c.PutAsync($"/units/{f.UnitQ}", AccessFixture.Json(new { floor = 12, type = "office", chargeableArea = 120.50m }), Cancellation)),
        ["PATCH /units/{id}"] = new(AdminOnly,
            (f, c) => c.PatchAsync($"/units/{f.UnitOfOccupant}", AccessFixture.Json(new { floor = 12 }), Cancellation),
            (f, c) => c.PatchAsync($"/units/{f.UnitQ}", AccessFixture.Json(new { floor = 12 }), Cancellation)),
        ["POST /imports/units-and-occupants"] = new(AdminOnly,
            (f, c) => c.PostAsync($"/imports/units-and-occupants?propertyId={f.P}", AccessFixture.Csv(ImportFile), Cancellation),
            (f, c) => c.PostAsync($"/imports/units-and-occupants?propertyId={f.Q}", AccessFixture.Csv(ImportFile), Cancellation),
            HttpStatusCode.BadRequest),
        ["GET /occupants"] = new(Anyone, (f, c) => c.GetAsync("/occupants", Cancellation)),
        ["GET /occupants/{id}"] = new(Anyone, (f, c) => c.GetAsync($"/occupants/{f.Company}", Cancellation), (f, c) => c.GetAsync($"/occupants/{f.CompanyQ}", Cancellation)),
        ["POST /occupants"] = new(Desk,
            (f, c) => c.PostAsync("/occupants", AccessFixture.Json(NewPerson(f.P)), Cancellation),
            (f, c) => c.PostAsync("/occupants", AccessFixture.Json(NewPerson(f.Q)), Cancellation),
            HttpStatusCode.BadRequest),
        ["PUT /occupants/{id}/contacts"] = new(Desk,
            (f, c) => c.PutAsync($"/occupants/{f.Company}/contacts", AccessFixture.Json(new { phone = "010-12345678", email = "office@huaxia.example.com" }), Cancellation),
            (f, c) => c.PutAsync($"/occupants/{f.CompanyQ}/contacts", AccessFixture.Json(new { phone = "010-12345678" }), Cancellation)),
        ["PUT /occupants/{id}/id-document"] = new(Desk,
            (f, c) => c.PutAsync($"/occupants/{f.OtherPerson}/id-document", AccessFixture.Json(new { idType = "passport", idNumber = "E12345678" }), Cancellation),
            (f, c) => c.PutAsync($"/occupants/{f.PersonQ}/id-document", AccessFixture.Json(new { idType = "passport", idNumber = "E12345678" }), Cancellation)),
        ["PUT /occupants/{id}/company"] = new(Desk,
            (f, c) => c.PutAsync($"/occupants/{f.OccupantPerson}/company", AccessFixture.Json(new { companyId = f.Company }), Cancellation),
            (f, c) => c.PutAsync($"/occupants/{f.PersonQ}/company", AccessFixture.Json(new { companyId = f.CompanyQ }), Cancellation)),
        ["GET /occupants/{id}/signers"] = new(Anyone,
            (f, c) => c.GetAsync($"/occupants/{f.Company}/signers", Cancellation), (f, c) => c.GetAsync($"/occupants/{f.CompanyQ}/signers", Cancellation)),
        ["POST /occupants/{id}/signers"] = new(Desk,
            async (f, c) => await c.PostAsync($"/occupants/{f.Company}/signers", AccessFixture.Json(new { personId = await f.NewEmployeeAsync(f.P, f.Company) }), Cancellation),
            async (f, c) => await c.PostAsync($"/occupants/{f.CompanyQ}/signers", AccessFixture.Json(new { personId = await f.NewEmployeeAsync(f.Q, f.CompanyQ) }), Cancellation)),
        ["POST /occupants/{id}/signers/{signerId}/withdraw"] = new(Desk,
            async (f, c) =>
            {
                var person = await f.NewEmployeeAsync(f.P, f.Company);
                var signer = (await f.App.CreatedAsync($"/occupants/{f.Company}/signers", new { personId = person })).GetProperty("id").GetGuid();
                return await c.PostAsync($"/occupants/{f.Company}/signers/{signer}/withdraw", null, Cancellation);
            },
            (f, c) => c.PostAsync($"/occupants/{f.CompanyQ}/signers/{f.SignerQ}/withdraw", null, Cancellation)),
        ["GET /occupants/{id}/audit"] = new(AuditReaders,
            (f, c) => c.GetAsync($"/occupants/{f.Company}/audit", Cancellation), (f, c) => c.GetAsync($"/occupants/{f.CompanyQ}/audit", Cancellation)),
        ["GET /occupancies"] = new(Anyone, (f, c) => c.GetAsync("/occupancies", Cancellation)),
        ["GET /occupancies/{id}"] = new(Anyone,
            (f, c) => c.GetAsync($"/occupancies/{f.OwnOccupancy}", Cancellation), (f, c) => c.GetAsync($"/occupancies/{f.OccupancyQ}", Cancellation)),
        ["POST /occupancies"] = new(Desk,
            async (f, c) => await c.PostAsync("/occupancies", AccessFixture.Json(MoveIn(await f.NewUnitAsync(), f.OtherPerson)), Cancellation),
            (f, c) => c.PostAsync("/occupancies", AccessFixture.Json(MoveIn(f.UnitQ, f.PersonQ)), Cancellation),
            HttpStatusCode.BadRequest),
        ["POST /occupancies/{id}/end"] = new(Desk,
            async (f, c) =>
            {
                var occupancy = (await f.App.MoveInAsync(await f.NewUnitAsync(), f.OtherPerson, "owner", PeopleRequests.Today)).GetProperty("id").GetGuid();
                return await c.PostAsync($"/occupancies/{occupancy}/end", AccessFixture.Json(new { endDate = PeopleRequests.Today }), Cancellation);
            },
            (f, c) => c.PostAsync($"/occupancies/{f.OccupancyQ}/end", AccessFixture.Json(new { endDate = PeopleRequests.Today }), Cancellation)),
        ["GET /staff"] = new(StaffReaders, (f, c) => c.GetAsync("/staff", Cancellation)),
        ["GET /staff/{id}"] = new(StaffReaders, (f, c) => c.GetAsync($"/staff/{f.StaffMember}", Cancellation), (f, c) => c.GetAsync($"/staff/{f.StaffQ}", Cancellation)),
        ["POST /staff"] = new(AdminOnly,
            (f, c) => c.PostAsync("/staff", AccessFixture.Json(AccessFixture.StaffBody(f.P)), Cancellation),
            (f, c) => c.PostAsync("/staff", AccessFixture.Json(AccessFixture.StaffBody(f.Q)), Cancellation),
            HttpStatusCode.BadRequest),
        ["PUT /staff/{id}"] = new(AdminOnly,
            (f, c) => c.PutAsync($"/staff/{f.StaffMember}", AccessFixture.Json(AccessFixture.StaffBody(f.P)), Cancellation),
            (f, c) => c.PutAsync($"/staff/{f.StaffQ}", AccessFixture.Json(AccessFixture.StaffBody(f.P)), Cancellation)),
        ["GET /staff/{id}/audit"] = new(StaffReaders,
            (f, c) => c.GetAsync($"/staff/{f.StaffMember}/audit", Cancellation), (f, c) => c.GetAsync($"/staff/{f.StaffQ}/audit", Cancellation)),
        ["POST /accounts"] = new(Desk,
            async (f, c) => await c.PostAsync("/accounts", AccessFixture.Json(NewAccount(await f.NewEmployeeAsync(f.P, f.Company))), Cancellation),
            async (f, c) => await c.PostAsync("/accounts", AccessFixture.Json(NewAccount(await f.NewEmployeeAsync(f.Q, f.CompanyQ))), Cancellation)),
        ["GET /accounts"] = new(Desk, (f, c) => c.GetAsync($"/accounts?personId={f.OtherPerson}", Cancellation)),
        ["POST /accounts/{id}/disable"] = new(AdminOnly,
            async (f, c) => await c.PostAsync($"/accounts/{await f.NewAccountAsync(f.P, f.Company)}/disable", null, Cancellation),
            (f, c) => c.PostAsync($"/accounts/{f.AccountQ}/disable", null, Cancellation)),
        ["POST /accounts/{id}/enable"] = new(AdminOnly,
            async (f, c) => await c.PostAsync($"/accounts/{await f.NewAccountAsync(f.P, f.Company)}/enable", null, Cancellation),
            (f, c) => c.PostAsync($"/accounts/{f.AccountQ}/enable", null, Cancellation)),
        // Both concern the caller's own account: the test gives the signed-in person one first.
        ["GET /me"] = new(Anyone, async (f, c) =>
        {
            await f.GiveAccountAsync(c, AccessFixture.AccountPassword);
            return await c.GetAsync("/me", Cancellation);
        }),
        ["POST /auth/password"] = new(Anyone, async (f, c) =>
        {
            await f.GiveAccountAsync(c, AccessFixture.AccountPassword);
            return await c.PostAsync("/auth/password", AccessFixture.Json(new { currentPassword = AccessFixture.AccountPassword, newPassword = "Changed@2026" }), Cancellation);
        }),
    };

    private const string ImportFile = "building,unit_number,floor,type,chargeable_area\nA座,1201,12,office,120.50\n";

    public static TheoryData<string, string> EveryRoleOnEveryEndpoint() => AccessMatrix.EveryRoleAt(Endpoints.Keys, Anyone);

    public static TheoryData<string> EveryEndpoint() => new(Endpoints.Keys);

    public static TheoryData<string, string> AllowedRolesOnDataOutsideTheirScope()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, endpoint) in Endpoints.Where(e => e.Value.OutsideScope is not null))
        {
            foreach (var role in endpoint.Allowed)
            {
                data.Add(name, role);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryRoleOnEveryEndpoint))]
    public async Task A_role_may_call_an_endpoint_or_gets_403(string endpoint, string role)
    {
        var response = await Endpoints[endpoint].InScope(f, f.ClientAs(role));

        if (Endpoints[endpoint].Allowed.Contains(role))
        {
            ((int)response.StatusCode).ShouldBeInRange(200, 299, await response.Content.ReadAsStringAsync(Cancellation));
        }
        else
        {
            await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        }
    }

    [Theory]
    [MemberData(nameof(EveryEndpoint))]
    public async Task Without_a_token_every_endpoint_answers_401(string endpoint)
    {
        var response = await Endpoints[endpoint].InScope(f, f.App.CreateClient());

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(AllowedRolesOnDataOutsideTheirScope))]
    public async Task Another_propertys_data_answers_as_if_it_did_not_exist(string endpoint, string role)
    {
        var response = await Endpoints[endpoint].OutsideScope!(f, f.ClientAs(role));

        await response.ShouldBeProblemAsync(Endpoints[endpoint].OutsideAnswer);
    }

    [Theory]
    [InlineData("/units/{0}", nameof(AccessFixture.OtherUnit))]
    [InlineData("/occupants/{0}", nameof(AccessFixture.OtherPerson))]
    [InlineData("/occupants/{0}/signers", nameof(AccessFixture.CompanyQ))]
    public async Task Another_occupants_data_answers_404_to_an_occupant(string path, string record)
    {
        var id = (Guid)typeof(AccessFixture).GetProperty(record)!.GetValue(f)!;

        var response = await f.Occupant().GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, id), Cancellation);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var unknown = await (await f.Occupant().GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, Guid.NewGuid()), Cancellation))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem.GetProperty("title").GetString().ShouldBe(unknown.GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_occupant_lists_only_their_units_their_occupancies_their_company_and_themselves()
    {
        var occupant = f.Occupant();

        (await Ids(occupant, "/units")).ShouldBe([f.UnitOfOccupant]);
        (await Ids(occupant, "/buildings")).ShouldBe([f.BuildingA]);
        (await Ids(occupant, "/properties")).ShouldBe([f.P]);
        (await Ids(occupant, "/occupants")).ShouldBe([f.Company, f.OccupantPerson], ignoreOrder: true);
        (await Ids(occupant, "/occupancies")).ShouldBe([f.OwnOccupancy]);
        var company = await occupant.GetFromJsonAsync<JsonElement>($"/occupants/{f.Company}", Cancellation);
        company.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("unitId").GetGuid()).ShouldBe([f.UnitOfOccupant]);
    }

    [Theory]
    [InlineData(FrontDesk)]
    [InlineData(Engineer)]
    [InlineData(Manager)]
    public async Task Staff_lists_hold_only_their_propertys_records(string role)
    {
        var client = f.ClientAs(role);

        (await Ids(client, "/properties")).ShouldBe([f.P]);
        (await Ids(client, "/buildings")).ShouldNotContain(f.BuildingQ);
        (await Ids(client, "/units")).ShouldContain(f.OtherUnit);
        (await Ids(client, "/units")).ShouldNotContain(f.UnitQ);
        (await Ids(client, $"/units?propertyId={f.Q}")).ShouldBeEmpty();
        (await Ids(client, "/occupants")).ShouldContain(f.OtherPerson);
        (await Ids(client, "/occupants")).ShouldNotContain(f.CompanyQ);
        (await Ids(client, "/occupancies")).ShouldNotContain(f.OccupancyQ);
    }

    [Fact]
    public async Task The_desk_lists_the_accounts_of_its_property_only()
    {
        var account = await f.NewAccountAsync(f.P, f.Company);
        (await Ids(f.ClientAs(FrontDesk), "/accounts")).ShouldContain(account);
        (await Ids(f.ClientAs(FrontDesk), "/accounts")).ShouldNotContain(f.AccountQ);
        (await Ids(f.App.ClientAsAdmin(), "/accounts")).ShouldContain(f.AccountQ);
    }

    [Fact]
    public async Task A_manager_lists_the_staff_of_their_property_only_and_an_administrator_of_all_properties_everyone()
    {
        (await Ids(f.ClientAs(Manager), "/staff")).ShouldContain(f.StaffMember);
        (await Ids(f.ClientAs(Manager), "/staff")).ShouldNotContain(f.StaffQ);
        (await Ids(f.App.ClientAsAdmin(), "/staff")).ShouldContain(f.StaffQ);
    }

    [Theory]
    [InlineData(Admin, true)]
    [InlineData(Manager, true)]
    [InlineData(Supervisor, false)]
    [InlineData(FrontDesk, false)]
    [InlineData(Engineer, false)]
    [InlineData(Security, false)]
    [InlineData(Finance, false)]
    [InlineData(Occupant, false)]
    public async Task The_full_id_number_is_shown_on_the_record_to_administrators_and_managers_only(string role, bool revealed)
    {
        var client = f.ClientAs(role);

        var record = await client.GetFromJsonAsync<JsonElement>($"/occupants/{f.OccupantPerson}", Cancellation);

        record.GetProperty("idNumber").GetString().ShouldBe(revealed ? AccessFixture.OwnIdCard : "110***********1233");
        record.GetProperty("idNumberRevealed").GetBoolean().ShouldBe(revealed);
        // Lists never show it.
        var listed = (await client.GetFromJsonAsync<JsonElement>("/occupants?name=张伟", Cancellation)).Items().Single();
        listed.GetProperty("idNumber").GetString().ShouldBe("110***********1233");
        listed.GetProperty("phone").GetString().ShouldBe("138****8000");
    }

    [Fact]
    public async Task The_audit_trail_names_the_signed_in_person_and_ignores_any_header_naming_someone_else()
    {
        var clerk = Guid.NewGuid();
        var client = f.App.ClientAs(new ServiceDefaults.Auth.AccessTokenContent(clerk, "前台小李", [FrontDesk], false, [f.P], []));
        client.DefaultRequestHeaders.Add("X-Actor", "冒名者");

        var response = await client.PutAsync(
            $"/occupants/{f.OtherPerson}/contacts", AccessFixture.Json(new { phone = "13900139000", email = $"{Guid.NewGuid():N}@example.com" }), Cancellation);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancellation));

        var audit = await f.ClientAs(Supervisor).GetFromJsonAsync<JsonElement>($"/occupants/{f.OtherPerson}/audit", Cancellation);
        var latest = audit.Items().First();
        latest.GetProperty("action").GetString().ShouldBe("occupant_changed");
        latest.GetProperty("actorId").GetGuid().ShouldBe(clerk);
        latest.GetProperty("actor").GetString().ShouldBe("前台小李");
        (await f.App.CountAsync("SELECT count(*) FROM audit_entries WHERE actor = '冒名者'")).ShouldBe(0);
    }

    private static object NewAccount(Guid personId) => new { personId, userName = $"u{Guid.NewGuid():N}"[..16], initialPassword = AccessFixture.AccountPassword };

    private static object NewUnit(Guid buildingId) => new { buildingId, number = $"N{Guid.NewGuid():N}"[..12], floor = 3, type = "storage", chargeableArea = 10m };

    private static object NewPerson(Guid propertyId) => new { propertyId, kind = "person", name = "新住户", phone = "13300133000" };

    private static object MoveIn(Guid unitId, Guid occupantId) => new { unitId, occupantId, role = "owner", startDate = PeopleRequests.Today };

    private static async Task<List<Guid>> Ids(HttpClient client, string path)
    {
        var page = await client.GetFromJsonAsync<JsonElement>(path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "pageSize=200", Cancellation);
        return page.Items().Select(i => i.GetProperty("id").GetGuid()).ToList();
    }
}
