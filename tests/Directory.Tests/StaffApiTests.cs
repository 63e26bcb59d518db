using System.Net;
using System.Text;
using System.Text.Json;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.Directory.Tests;

/// <summary>The administrator registers staff with department, roles and properties over HTTP.</summary>
public sealed class StaffApiTests(TestInfrastructure infrastructure)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Staff_are_listed_by_role_department_and_property_with_phones_masked()
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);
        var client = app.ClientAsAdmin();
        var tower = (await app.RegisterPropertyAsync()).GetProperty("id").GetGuid();
        var park = (await app.RegisterPropertyAsync("科技园")).GetProperty("id").GetGuid();
        var engineer = await app.CreatedAsync("/staff", new
        {
            name = "王师傅", phone = "139-0013-9000", department = "engineering", roles = new[] { "engineer" }, propertyIds = new[] { tower, park },
        });
        await app.CreatedAsync("/staff", new
        {
            name = "张主管", phone = "13800138000", department = "customer_service", roles = new[] { "supervisor", "frontdesk" }, propertyIds = new[] { tower },
        });
        await app.CreatedAsync("/staff", new
        {
            name = "赵会计", phone = "13700137000", department = "finance", roles = new[] { "finance" }, propertyIds = new[] { park },
        });

        engineer.GetProperty("phone").GetString().ShouldBe("13900139000");
        engineer.GetProperty("department").GetString().ShouldBe("engineering");
        (await Names(client, "/staff?role=engineer")).ShouldBe(["王师傅"]);
        (await Names(client, "/staff?role=frontdesk")).ShouldBe(["张主管"]);
        (await Names(client, "/staff?department=customer_service")).ShouldBe(["张主管"]);
        (await Names(client, $"/staff?propertyId={tower}")).ShouldBe(["张主管", "王师傅"], ignoreOrder: true);
        (await Names(client, $"/staff?propertyId={park}&department=finance")).ShouldBe(["赵会计"]);
        (await Names(client, "/staff?name=主管")).ShouldBe(["张主管"]);

        var page = await client.GetFromJsonAsync<JsonElement>("/staff?role=engineer", Cancellation);
        page.Items().Single().GetProperty("phone").GetString().ShouldBe("139****9000");
        var detail = await client.GetFromJsonAsync<JsonElement>($"/staff/{engineer.GetProperty("id").GetGuid()}", Cancellation);
        detail.GetProperty("phone").GetString().ShouldBe("13900139000");
        detail.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["engineer"]);

        (await (await client.GetAsync("/staff?role=janitor", Cancellation)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("role").ShouldNotBeEmpty();
        (await (await client.GetAsync("/staff?department=kitchen", Cancellation)).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors("department").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_change_is_announced_to_every_property_concerned_and_audited()
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);
        await using var listener = await BrokerListener<StaffChanged>.StartAsync(app.BrokerConnectionString);
        var client = app.ClientAsAdmin("人事老刘");
        var tower = (await app.RegisterPropertyAsync()).GetProperty("id").GetGuid();
        var park = (await app.RegisterPropertyAsync("科技园")).GetProperty("id").GetGuid();
        var staffId = (await app.CreatedAsync("/staff", new
        {
            name = "王师傅", phone = "13900139000", department = "engineering", roles = new[] { "engineer" }, propertyIds = new[] { tower },
        })).GetProperty("id").GetGuid();

        var response = await client.PutAsJsonAsync($"/staff/{staffId}", new
        {
            name = "王师傅", phone = "13900139000", department = "engineering", roles = new[] { "engineer", "supervisor" }, propertyIds = new[] { park },
        }, Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancellation));
        var events = await Eventually.ReturnsAsync(() => Task.FromResult(listener.Received.ToList()), r => r.Count == 3, Patience);
        var registered = events.Select(e => e.Message).First(e => e.Roles.Count == 1);
        registered.PropertyId.ShouldBe(tower);
        registered.AssignedToProperty.ShouldBeTrue();
        var changes = events.Select(e => e.Message).Where(e => e.Roles.Count == 2).ToList();
        changes.Single(e => e.PropertyId == tower).AssignedToProperty.ShouldBeFalse();
        changes.Single(e => e.PropertyId == park).AssignedToProperty.ShouldBeTrue();
        changes.ShouldAllBe(e => e.StaffId == staffId && e.PropertyIds.SequenceEqual(new[] { park }) && e.Department == Department.Engineering);

        var audit = await client.GetFromJsonAsync<JsonElement>($"/staff/{staffId}/audit", Cancellation);
        var latest = audit.Items().First();
        latest.GetProperty("action").GetString().ShouldBe("staff_changed");
        latest.GetProperty("actor").GetString().ShouldBe("人事老刘");
        var fields = latest.GetProperty("changes").EnumerateArray().ToDictionary(c => c.GetProperty("field").GetString()!);
        fields.Keys.ShouldBe(["propertyIds", "roles"], ignoreOrder: true);
        fields["roles"].GetProperty("before").GetString().ShouldBe("engineer");
        fields["roles"].GetProperty("after").GetString().ShouldBe("supervisor, engineer"); // in the order of the roles' list
    }

    [Fact]
    public async Task A_staff_members_email_is_kept_shown_changed_and_announced_and_the_document_describes_it()
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);
        await using var listener = await BrokerListener<StaffChanged>.StartAsync(app.BrokerConnectionString);
        var client = app.ClientAsAdmin();
        var tower = (await app.RegisterPropertyAsync()).GetProperty("id").GetGuid();
        var staffId = (await app.CreatedAsync("/staff", new
        {
            name = "王师傅", phone = "13900139000", email = " wang@example.com ", department = "engineering", roles = new[] { "engineer" }, propertyIds = new[] { tower },
        })).GetProperty("id").GetGuid();

        (await client.GetFromJsonAsync<JsonElement>($"/staff/{staffId}", Cancellation)).GetProperty("email").GetString().ShouldBe("wang@example.com");
        (await client.GetFromJsonAsync<JsonElement>("/staff", Cancellation)).Items().Single().GetProperty("email").GetString().ShouldBe("wang@example.com");
        var invalid = await client.PutAsJsonAsync($"/staff/{staffId}", new
        {
            name = "王师傅", phone = "13900139000", email = "wang at example", department = "engineering", roles = new[] { "engineer" }, propertyIds = new[] { tower },
        }, Cancellation);
        (await invalid.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("email").ShouldNotBeEmpty();
        var changed = await client.PutAsJsonAsync($"/staff/{staffId}", new
        {
            name = "王师傅", phone = "13900139000", email = "wang.shifu@example.com", department = "engineering", roles = new[] { "engineer" }, propertyIds = new[] { tower },
        }, Cancellation);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);

        var events = await Eventually.ReturnsAsync(() => Task.FromResult(listener.Received.ToList()), r => r.Count == 2, Patience);
        // Both announced; the outbox relay publishes a batch at once, so they may arrive in either order (consumers go by version).
        events.Select(e => e.Message.Email).ShouldBe(["wang@example.com", "wang.shifu@example.com"], ignoreOrder: true);

        var text = await client.GetStringAsync("/openapi/v1.json", Cancellation);
        JsonDocument.Parse(text).RootElement.GetProperty("components").GetProperty("schemas").GetProperty("StaffView")
            .GetProperty("properties").TryGetProperty("email", out _).ShouldBeTrue();
        // Kept beside the test binaries: the console's generator (web/scripts/api-types.mjs) reads it with OPENAPI_DIR.
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "directory.openapi.json"), text, Cancellation);
    }

    [Theory]
    [InlineData("""{"name": "王师傅", "phone": "12345", "department": "engineering", "roles": ["engineer"]}""", "phone")]
    [InlineData("""{"name": "王师傅", "department": "engineering", "roles": ["engineer"]}""", "phone")]
    [InlineData("""{"name": "", "phone": "13900139000", "department": "engineering", "roles": ["engineer"]}""", "name")]
    [InlineData("""{"name": "王师傅", "phone": "13900139000", "roles": ["engineer"]}""", "department")]
    [InlineData("""{"name": "王师傅", "phone": "13900139000", "department": "engineering", "roles": []}""", "roles")]
    [InlineData("""{"name": "王师傅", "phone": "13900139000", "department": "engineering", "roles": ["engineer"], "unknownProperty": true}""", "propertyIds")]
    [InlineData("""{"name": "王师傅", "phone": "13900139000", "department": "engineering", "roles": ["engineer"], "noProperty": true}""", "propertyIds")]
    [InlineData("""{"name": "王师傅", "phone": "13900139000", "department": "engineering", "roles": ["occupant"]}""", null)]
    [InlineData("""{"name": "王师傅", "phone": "13900139000", "department": "kitchen", "roles": ["engineer"]}""", null)]
    public async Task An_invalid_staff_member_is_a_400_problem_and_nothing_is_stored(string body, string? field)
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);
        var tower = (await app.RegisterPropertyAsync()).GetProperty("id").GetGuid();
        var properties = body.Contains("unknownProperty", StringComparison.Ordinal) ? $"[\"{tower}\", \"{Guid.NewGuid()}\"]"
            : body.Contains("noProperty", StringComparison.Ordinal) ? "[]"
            : $"[\"{tower}\"]";
        var json = $$"""{"propertyIds": {{properties}}, {{body[1..]}}""";

        var response = await app.ClientAsAdmin().PostAsync("/staff", new StringContent(json, Encoding.UTF8, "application/json"), Cancellation);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        if (field is not null)
        {
            problem.FieldErrors(field).ShouldNotBeEmpty();
        }
        (await app.CountAsync("SELECT count(*) FROM staff")).ShouldBe(0);
        (await app.CountAsync("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%StaffChanged%'")).ShouldBe(0);
    }

    [Fact]
    public async Task An_unknown_staff_member_is_a_404_problem()
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);
        var client = app.ClientAsAdmin();
        var tower = (await app.RegisterPropertyAsync()).GetProperty("id").GetGuid();

        await (await client.GetAsync($"/staff/{Guid.NewGuid()}", Cancellation)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.PutAsJsonAsync($"/staff/{Guid.NewGuid()}", new
        {
            name = "王师傅", phone = "13900139000", department = "engineering", roles = new[] { "engineer" }, propertyIds = new[] { tower },
        }, Cancellation)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task<List<string>> Names(HttpClient client, string path)
    {
        var page = await client.GetFromJsonAsync<JsonElement>(path, Cancellation);
        return page.Items().Select(o => o.GetProperty("name").GetString()!).ToList();
    }
}
