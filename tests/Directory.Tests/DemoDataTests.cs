using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.Directory.Tests;

/// <summary>Demo mode: the demo property and one account per role, loaded once, and nothing of it outside demo mode.</summary>
public sealed class DemoDataTests(TestInfrastructure infrastructure)
{
    private const string Password = "Demo@12345";

    private static readonly string[] DemoAccounts = ["admin", "frontdesk", "supervisor", "manager", "engineer", "security", "finance", "occupant"];

    private static readonly Dictionary<string, string?> DemoOn = new() { ["Directory:Demo:Enabled"] = "true" };

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task At_start_an_empty_database_gets_the_demo_property_and_every_demo_account_signs_in()
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure, DemoOn);

        (await app.CountAsync("SELECT count(*) FROM properties")).ShouldBe(1);
        (await app.CountAsync("SELECT count(*) FROM buildings")).ShouldBe(2);
        (await app.CountAsync("SELECT count(*) FROM units")).ShouldBeInRange(190, 210);
        (await app.CountAsync("SELECT count(DISTINCT type) FROM units")).ShouldBe(5); // offices, shops, storage, parking, clubhouse
        (await app.CountAsync("SELECT count(*) FROM occupants WHERE kind = 'Company'")).ShouldBeGreaterThanOrEqualTo(10);
        (await app.CountAsync("SELECT count(*) FROM authorised_signers")).ShouldBeGreaterThanOrEqualTo(10);

        foreach (var userName in DemoAccounts)
        {
            var me = await MeAsync(await SignInAsync(app, userName));
            me.GetProperty("userName").GetString().ShouldBe(userName);
            me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe([userName]);
        }

        // What each demo user sees looks right: the manager reads the staff with their departments, the front desk
        // finds the occupants, the occupant sees only their company's units.
        var manager = await SignInAsync(app, "manager");
        var staff = await manager.GetFromJsonAsync<JsonElement>("/staff?pageSize=50", Cancellation);
        staff.GetProperty("total").GetInt32().ShouldBe(7);
        staff.Items().Select(s => s.GetProperty("department").GetString()).Distinct().Count().ShouldBeGreaterThanOrEqualTo(5);
        var frontDesk = await SignInAsync(app, "frontdesk");
        var companies = await frontDesk.GetFromJsonAsync<JsonElement>("/occupants?kind=company&name=华夏智联", Cancellation);
        companies.Items().Single().GetProperty("name").GetString().ShouldBe("华夏智联科技有限公司");
        (await frontDesk.GetFromJsonAsync<JsonElement>("/units", Cancellation)).GetProperty("total").GetInt32().ShouldBeInRange(190, 210);
        var occupant = await SignInAsync(app, "occupant");
        var me2 = await MeAsync(occupant);
        me2.GetProperty("name").GetString().ShouldBe("张伟");
        var units = await occupant.GetFromJsonAsync<JsonElement>("/units", Cancellation);
        units.GetProperty("total").GetInt32().ShouldBe(me2.GetProperty("unitIds").GetArrayLength());
        units.GetProperty("total").GetInt32().ShouldBeGreaterThan(1);
        var ownCompany = await occupant.GetFromJsonAsync<JsonElement>($"/occupants/{companies.Items().Single().GetProperty("id").GetGuid()}", Cancellation);
        ownCompany.GetProperty("units").GetArrayLength().ShouldBe(units.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Loading_again_duplicates_nothing_and_says_it_was_there()
    {
        string database;
        string broker;
        long unitsBefore;
        await using (var app = await DirectoryApp.StartAsync(infrastructure, DemoOn))
        {
            (database, broker) = (app.DatabaseConnectionString, app.BrokerConnectionString);
            unitsBefore = await app.CountAsync("SELECT count(*) FROM units");
            var admin = await SignInAsync(app, "admin");

            var again = await admin.PostAsync("/demo-data", null, Cancellation);

            again.StatusCode.ShouldBe(HttpStatusCode.OK, await again.Content.ReadAsStringAsync(Cancellation));
            var result = await again.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
            result.GetProperty("loaded").GetBoolean().ShouldBeFalse();
            result.GetProperty("units").GetInt32().ShouldBe((int)unitsBefore);
            result.GetProperty("accounts").EnumerateArray().Select(a => a.GetString()).ShouldBe(DemoAccounts, ignoreOrder: true);
            await (await (await SignInAsync(app, "frontdesk")).PostAsync("/demo-data", null, Cancellation)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        }

        // A restart in demo mode finds the database in use and adds nothing either.
        await using var restarted = await DirectoryApp.StartOnAsync(database, broker, DemoOn);
        (await restarted.CountAsync("SELECT count(*) FROM properties")).ShouldBe(1);
        (await restarted.CountAsync("SELECT count(*) FROM units")).ShouldBe(unitsBefore);
        (await restarted.CountAsync("SELECT count(*) FROM accounts")).ShouldBe(8);
        (await restarted.CountAsync("SELECT count(*) FROM staff")).ShouldBe(7);
    }

    [Fact]
    public async Task An_administrator_loads_the_demo_property_into_a_database_in_use_once()
    {
        // Starting in demo mode on a database with properties leaves it alone.
        await using var inUse = await DirectoryApp.StartAsync(infrastructure);
        await inUse.RegisterPropertyAsync("阳光花园", "residential");
        await using var demoMode = await DirectoryApp.StartOnAsync(inUse.DatabaseConnectionString, inUse.BrokerConnectionString, DemoOn);
        (await demoMode.CountAsync("SELECT count(*) FROM properties")).ShouldBe(1);
        var admin = demoMode.ClientAsAdmin();

        var first = await admin.PostAsync("/demo-data", null, Cancellation);
        var second = await admin.PostAsync("/demo-data", null, Cancellation);

        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync(Cancellation));
        var loaded = await first.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        loaded.GetProperty("loaded").GetBoolean().ShouldBeTrue();
        loaded.GetProperty("propertyName").GetString().ShouldBe("环球贸易中心");
        loaded.GetProperty("buildings").GetInt32().ShouldBe(2);
        loaded.GetProperty("units").GetInt32().ShouldBeInRange(190, 210);
        loaded.GetProperty("accounts").GetArrayLength().ShouldBe(8);
        (await second.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("loaded").GetBoolean().ShouldBeFalse();
        (await demoMode.CountAsync("SELECT count(*) FROM properties")).ShouldBe(2);
        (await demoMode.CountAsync("SELECT count(*) FROM accounts")).ShouldBe(8);
        (await demoMode.CountAsync("SELECT count(*) FROM units")).ShouldBe(loaded.GetProperty("units").GetInt32());
    }

    [Fact]
    public async Task Outside_demo_mode_there_is_no_demo_data_no_demo_password_and_the_endpoint_answers_404()
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);

        var response = await app.ClientAsAdmin().PostAsync("/demo-data", null, Cancellation);
        var signIn = await app.CreateClient().PostAsJsonAsync("/auth/token", new { userName = "admin", password = Password }, Cancellation);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await signIn.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await app.CountAsync("SELECT count(*) FROM properties")).ShouldBe(0);
        (await app.CountAsync("SELECT count(*) FROM accounts")).ShouldBe(0);
    }

    private static async Task<HttpClient> SignInAsync(DirectoryApp app, string userName)
    {
        var response = await app.CreateClient().PostAsJsonAsync("/auth/token", new { userName, password = Password }, Cancellation);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{userName}: {await response.Content.ReadAsStringAsync(Cancellation)}");
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("accessToken").GetString();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<JsonElement> MeAsync(HttpClient client)
    {
        var response = await client.GetAsync("/me", Cancellation);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancellation));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
    }
}
