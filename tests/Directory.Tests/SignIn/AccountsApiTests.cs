using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.ServiceDefaults.Auth.Roles;

namespace PropertyPlatform.Directory.Tests.SignIn;

/// <summary>One Directory with two properties: P, where the tests' people live, and Q, which the desk of P does not see.</summary>
public sealed class AccountsFixture(TestInfrastructure infrastructure) : IAsyncLifetime
{
    public DirectoryApp App { get; private set; } = null!;

    public Guid P { get; private set; }
    public Guid BuildingA { get; private set; }
    public Guid Q { get; private set; }

    public async ValueTask InitializeAsync()
    {
        App = await DirectoryApp.StartAsync(infrastructure);
        (P, BuildingA, _) = await App.RegisterPlaceAsync();
        Q = (await App.RegisterPropertyAsync("阳光大厦")).GetProperty("id").GetGuid();
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

/// <summary>Accounts for staff and occupants, as the people who use them notice: signing in, what they see, what stops working.</summary>
public sealed class AccountsApiTests(AccountsFixture f) : IClassFixture<AccountsFixture>
{
    private const string Password = "Initial@2026";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private DirectoryApp App => f.App;

    [Fact]
    public async Task An_administrator_creates_a_new_staff_members_account_who_then_signs_in_and_sees_their_roles_and_properties()
    {
        var staffId = await NewStaffAsync([FrontDesk], f.P);
        var userName = NewUserName();

        using var created = await App.ClientAsAdmin().PostAsJsonAsync("/accounts", new { personId = staffId, userName, initialPassword = Password }, Cancellation);

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Cancellation));
        var account = await created.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        account.GetProperty("personId").GetGuid().ShouldBe(staffId);
        account.TryGetProperty("passwordHash", out _).ShouldBeFalse();
        var tokens = await SignInAsync(userName, Password);
        new JsonWebToken(AccessToken(tokens)).Subject.ShouldBe(staffId.ToString());
        var me = await MeAsync(tokens);
        me.GetProperty("id").GetGuid().ShouldBe(staffId);
        me.GetProperty("name").GetString().ShouldBe("新员工");
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe([FrontDesk]);
        me.GetProperty("allProperties").GetBoolean().ShouldBeFalse();
        me.GetProperty("propertyIds").EnumerateArray().Select(p => p.GetGuid()).ShouldBe([f.P]);
        // And the front desk works with it: they see their property's units.
        (await Bearer(tokens).GetAsync($"/units?propertyId={f.P}", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_staff_members_new_roles_and_properties_are_in_the_token_of_the_next_refresh()
    {
        var staffId = await NewStaffAsync([Engineer], f.P);
        var userName = await NewAccountAsync(staffId);
        var tokens = await SignInAsync(userName, Password);

        using var changed = await App.ClientAsAdmin().PutAsJsonAsync($"/staff/{staffId}", StaffBody([Supervisor], f.P, f.Q), Cancellation);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);

        var refreshed = new JsonWebToken(AccessToken(await RefreshAsync(tokens)));
        refreshed.Claims.Where(c => c.Type == "role").Select(c => c.Value).ShouldBe([Supervisor]);
        refreshed.Claims.Where(c => c.Type == "property").Select(c => Guid.Parse(c.Value)).ShouldBe([f.P, f.Q], ignoreOrder: true);
    }

    [Fact]
    public async Task An_occupants_units_follow_a_move_in_and_a_move_out_at_the_next_refresh()
    {
        var companyUnit = await NewUnitAsync();
        var ownUnit = await NewUnitAsync();
        var company = Id(await App.RegisterCompanyAsync(f.P, $"公司{Guid.NewGuid():N}"[..10]));
        var companyTenancy = Id(await App.MoveInAsync(companyUnit, company, "tenant", PeopleRequests.Today.AddDays(-30)));
        var person = Id(await App.RegisterPersonAsync(f.P, "李雷", "13800138111", company));
        var userName = NewPhoneUserName();
        var desk = App.ClientAs(FrontDesk, f.P);
        using var created = await desk.PostAsJsonAsync("/accounts", new { personId = person, userName, initialPassword = Password }, Cancellation);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Cancellation));

        var tokens = await SignInAsync(userName, Password);
        (await UnitsSeenAsync(tokens)).ShouldBe([companyUnit]);

        // Move-in: he rents a flat himself.
        await App.MoveInAsync(ownUnit, person, "resident", PeopleRequests.Today);
        tokens = await RefreshAsync(tokens);
        (await UnitsSeenAsync(tokens)).ShouldBe([companyUnit, ownUnit], ignoreOrder: true);

        // Move-out: his company leaves its office.
        using var ended = await desk.PostAsJsonAsync($"/occupancies/{companyTenancy}/end", new { endDate = PeopleRequests.Today }, Cancellation);
        ended.StatusCode.ShouldBe(HttpStatusCode.OK);
        tokens = await RefreshAsync(tokens);
        (await UnitsSeenAsync(tokens)).ShouldBe([ownUnit]);
        (await MeAsync(tokens)).GetProperty("unitIds").EnumerateArray().Select(u => u.GetGuid()).ShouldBe([ownUnit]);
    }

    [Fact]
    public async Task The_front_desk_creates_occupant_accounts_at_their_property_but_not_staff_accounts_nor_those_of_another_property()
    {
        var desk = App.ClientAs(FrontDesk, f.P);
        var staffId = await NewStaffAsync([Engineer], f.P);
        var occupantOfQ = Id(await App.RegisterPersonAsync(f.Q, "王五", "13700137000"));
        var company = Id(await App.RegisterCompanyAsync(f.P, $"公司{Guid.NewGuid():N}"[..10]));

        using var staffAccount = await desk.PostAsJsonAsync("/accounts", new { personId = staffId, userName = NewUserName(), initialPassword = Password }, Cancellation);
        using var otherProperty = await desk.PostAsJsonAsync("/accounts", new { personId = occupantOfQ, userName = NewUserName(), initialPassword = Password }, Cancellation);
        using var unknown = await desk.PostAsJsonAsync("/accounts", new { personId = Guid.NewGuid(), userName = NewUserName(), initialPassword = Password }, Cancellation);
        using var ofCompany = await desk.PostAsJsonAsync("/accounts", new { personId = company, userName = NewUserName(), initialPassword = Password }, Cancellation);

        await staffAccount.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var hidden = await otherProperty.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        hidden.GetProperty("title").GetString().ShouldBe((await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound)).GetProperty("title").GetString());
        await ofCompany.ShouldHaveFieldErrorAsync("personId");
        (await App.CountAsync($"SELECT count(*) FROM accounts WHERE person_id IN ('{staffId}', '{occupantOfQ}', '{company}')")).ShouldBe(0);
    }

    [Fact]
    public async Task A_taken_user_name_is_a_400_field_error_and_nothing_is_stored()
    {
        var first = Id(await App.RegisterPersonAsync(f.P, "韩梅梅", "13900139111"));
        var second = Id(await App.RegisterPersonAsync(f.P, "韩梅", "13900139112"));
        var userName = await NewAccountAsync(first, NewUserName());
        var admin = App.ClientAsAdmin();

        using var duplicate = await admin.PostAsJsonAsync("/accounts", new { personId = second, userName = userName.ToUpperInvariant(), initialPassword = Password }, Cancellation);
        using var tooShort = await admin.PostAsJsonAsync("/accounts", new { personId = second, userName = NewUserName(), initialPassword = "short" }, Cancellation);
        using var twice = await admin.PostAsJsonAsync("/accounts", new { personId = first, userName = NewUserName(), initialPassword = Password }, Cancellation);

        await duplicate.ShouldHaveFieldErrorAsync("userName");
        await tooShort.ShouldHaveFieldErrorAsync("initialPassword");
        await twice.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var ofSecond = await admin.GetFromJsonAsync<JsonElement>($"/accounts?personId={second}", Cancellation);
        ofSecond.Items().ShouldBeEmpty();
        var ofFirst = (await admin.GetFromJsonAsync<JsonElement>($"/accounts?personId={first}", Cancellation)).Items().Single();
        ofFirst.GetProperty("userName").GetString().ShouldBe(userName);
        ofFirst.GetProperty("disabled").GetBoolean().ShouldBeFalse();
        ofFirst.TryGetProperty("passwordHash", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task A_disabled_account_can_neither_sign_in_nor_refresh_until_it_is_enabled_again()
    {
        var staffId = await NewStaffAsync([Security], f.P);
        var userName = await NewAccountAsync(staffId);
        var tokens = await SignInAsync(userName, Password);
        var admin = App.ClientAsAdmin();
        var accountId = (await admin.GetFromJsonAsync<JsonElement>($"/accounts?personId={staffId}", Cancellation)).Items().Single().GetProperty("id").GetGuid();

        using var disabled = await admin.PostAsync($"/accounts/{accountId}/disable", null, Cancellation);

        disabled.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await disabled.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("disabled").GetBoolean().ShouldBeTrue();
        using var signIn = await SignInResponseAsync(userName, Password);
        (await signIn.ShouldBeProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("detail").GetString()!.ShouldContain("disabled");
        using var wrongPassword = await SignInResponseAsync(userName, "Wrong@2026");
        (await wrongPassword.ShouldBeProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("detail").GetString()!.ShouldNotContain("disabled");
        using var refresh = await App.CreateClient().PostAsJsonAsync("/auth/refresh", new { refreshToken = RefreshToken(tokens) }, Cancellation);
        await refresh.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        using var enabled = await admin.PostAsync($"/accounts/{accountId}/enable", null, Cancellation);
        enabled.StatusCode.ShouldBe(HttpStatusCode.OK);
        await SignInAsync(userName, Password);
    }

    [Fact]
    public async Task Changing_ones_password_needs_the_current_one_and_signs_out_the_other_devices()
    {
        var person = Id(await App.RegisterPersonAsync(f.P, "李梅", "13800138222"));
        var userName = await NewAccountAsync(person);
        var phone = await SignInAsync(userName, Password);
        var laptop = await SignInAsync(userName, Password);

        using var wrongCurrent = await Bearer(phone).PostAsJsonAsync("/auth/password", new { currentPassword = "Wrong@2026", newPassword = "Changed@2026" }, Cancellation);
        await wrongCurrent.ShouldHaveFieldErrorAsync("currentPassword");

        using var changed = await Bearer(phone).PostAsJsonAsync("/auth/password", new { currentPassword = Password, newPassword = "Changed@2026" }, Cancellation);

        changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync(Cancellation));
        var newPair = await changed.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        await RefreshAsync(newPair);
        using var laptopRefresh = await App.CreateClient().PostAsJsonAsync("/auth/refresh", new { refreshToken = RefreshToken(laptop) }, Cancellation);
        await laptopRefresh.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        using var phoneOldRefresh = await App.CreateClient().PostAsJsonAsync("/auth/refresh", new { refreshToken = RefreshToken(phone) }, Cancellation);
        await phoneOldRefresh.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        using var oldPassword = await SignInResponseAsync(userName, Password);
        await oldPassword.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await SignInAsync(userName, "Changed@2026");
    }

    [Fact]
    public async Task The_audit_trail_shows_which_administrator_created_and_disabled_an_account_and_never_the_password()
    {
        var staffId = await NewStaffAsync([Finance], f.P);
        var admin = App.ClientAsAdmin("管理员老郑");
        var userName = NewUserName();
        using var created = await admin.PostAsJsonAsync("/accounts", new { personId = staffId, userName, initialPassword = Password }, Cancellation);
        var accountId = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("id").GetGuid();
        (await admin.PostAsync($"/accounts/{accountId}/disable", null, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var trail = (await admin.GetFromJsonAsync<JsonElement>($"/staff/{staffId}/audit", Cancellation)).Items().ToList();

        var creation = trail.Single(e => e.GetProperty("action").GetString() == "account_created");
        creation.GetProperty("actor").GetString().ShouldBe("管理员老郑");
        creation.GetProperty("actorId").GetGuid().ShouldNotBe(Guid.Empty);
        creation.GetProperty("entityId").GetGuid().ShouldBe(accountId);
        creation.GetProperty("changes").EnumerateArray().ShouldContain(c => c.GetProperty("field").GetString() == "userName" && c.GetProperty("after").GetString() == userName);
        var disabling = trail.Single(e => e.GetProperty("action").GetString() == "account_disabled");
        disabling.GetProperty("actor").GetString().ShouldBe("管理员老郑");
        var everything = string.Join("\n", trail.Select(e => e.GetRawText()));
        everything.ShouldNotContain(Password);
        everything.ShouldNotContain("password", Case.Insensitive);
        (await App.CountAsync($"SELECT count(*) FROM audit_entries WHERE changes::text ILIKE '%passwordHash%' OR changes::text LIKE '%{Password}%'")).ShouldBe(0);
    }

    private static string NewUserName() => $"u{Guid.NewGuid():N}"[..16];

    // A mobile number as user name, as occupants often choose.
    private static string NewPhoneUserName() => "139" + Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<Guid> NewStaffAsync(string[] roles, params Guid[] propertyIds) =>
        Id(await App.CreatedAsync("/staff", StaffBody(roles, propertyIds)));

    private static object StaffBody(string[] roles, params Guid[] propertyIds) =>
        new { name = "新员工", phone = "13600136111", department = "customer_service", roles, propertyIds };

    private async Task<Guid> NewUnitAsync() => Id(await App.RegisterUnitAsync(f.BuildingA, $"N{Guid.NewGuid():N}"[..12]));

    /// <summary>An administrator creates the person's account; answers its user name.</summary>
    private async Task<string> NewAccountAsync(Guid personId, string? userName = null)
    {
        userName ??= NewUserName();
        await App.CreatedAsync("/accounts", new { personId, userName, initialPassword = Password });
        return userName;
    }

    private Task<HttpResponseMessage> SignInResponseAsync(string userName, string password) =>
        App.CreateClient().PostAsJsonAsync("/auth/token", new { userName, password }, Cancellation);

    private async Task<JsonElement> SignInAsync(string userName, string password)
    {
        using var response = await SignInResponseAsync(userName, password);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancellation));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
    }

    private async Task<JsonElement> RefreshAsync(JsonElement tokens)
    {
        using var response = await App.CreateClient().PostAsJsonAsync("/auth/refresh", new { refreshToken = RefreshToken(tokens) }, Cancellation);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancellation));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
    }

    private HttpClient Bearer(JsonElement tokens)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken(tokens));
        return client;
    }

    private async Task<JsonElement> MeAsync(JsonElement tokens) => await Bearer(tokens).GetFromJsonAsync<JsonElement>("/me", Cancellation);

    private async Task<List<Guid>> UnitsSeenAsync(JsonElement tokens) =>
        (await Bearer(tokens).GetFromJsonAsync<JsonElement>("/units?pageSize=200", Cancellation)).Items().Select(u => u.GetProperty("id").GetGuid()).ToList();

    private static string AccessToken(JsonElement tokens) => tokens.GetProperty("accessToken").GetString()!;

    private static string RefreshToken(JsonElement tokens) => tokens.GetProperty("refreshToken").GetString()!;

    private static Guid Id(JsonElement created) => created.GetProperty("id").GetGuid();
}
