using System.Net;
using System.Text.Json;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Complaints.Tests;

/// <summary>
/// Two properties: A with units 1201 and 1202, B with 0801. One service for the whole class, since each test
/// makes the complaints it looks at and asserts only on those.
/// </summary>
public sealed class ComplaintsScene(TestInfrastructure infrastructure) : IAsyncLifetime
{
    public ComplaintsApp App { get; private set; } = null!;

    public UnitRegistered A1201 { get; private set; } = null!;

    public UnitRegistered A1202 { get; private set; } = null!;

    public UnitRegistered B0801 { get; private set; } = null!;

    public Guid PropertyA => A1201.PropertyId;

    public Guid PropertyB => B0801.PropertyId;

    public async ValueTask InitializeAsync()
    {
        App = await ComplaintsTestApp.StartAsync(infrastructure);
        A1201 = await App.RegisterUnitAsync("1201");
        A1202 = await App.RegisterUnitAsync("1202", A1201.PropertyId);
        B0801 = await App.RegisterUnitAsync("0801");
        foreach (var unit in new[] { A1201, A1202, B0801 })
        {
            await App.WaitForUnitAsync(unit.UnitId);
        }
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

/// <summary>Who may do what with complaints, and that nobody sees beyond their properties or, for occupants, their units.</summary>
public sealed class ComplaintAuthorizationTests(ComplaintsScene scene) : IClassFixture<ComplaintsScene>
{
    private static readonly string[] Endpoints =
    [
        "list", "get", "receive", "investigate", "respond", "request work order", "commit reply time", "feedback", "close", "handover", "escalate",
        "compensation", "statistics", "submit suggestion", "decide suggestion",
    ];

    // The README's table, written out again here so a change to either one shows.
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["list"] = [Roles.Occupant, Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Admin],
        ["get"] = [Roles.Occupant, Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Admin],
        ["receive"] = [Roles.Occupant, Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Admin],
        ["investigate"] = [Roles.FrontDesk, Roles.Supervisor, Roles.Manager],
        ["respond"] = [Roles.FrontDesk, Roles.Supervisor, Roles.Manager],
        ["request work order"] = [Roles.FrontDesk, Roles.Supervisor, Roles.Manager],
        ["commit reply time"] = [Roles.FrontDesk, Roles.Supervisor, Roles.Manager],
        ["feedback"] = [Roles.Occupant, Roles.FrontDesk, Roles.Supervisor, Roles.Manager],
        ["close"] = [Roles.FrontDesk, Roles.Supervisor, Roles.Manager],
        ["handover"] = [Roles.FrontDesk, Roles.Supervisor, Roles.Manager],
        ["escalate"] = [Roles.FrontDesk, Roles.Supervisor],
        ["compensation"] = [Roles.Manager],
        ["statistics"] = [Roles.Supervisor, Roles.Manager, Roles.Admin],
        ["submit suggestion"] = [Roles.Occupant, Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Admin],
        ["decide suggestion"] = [Roles.Manager],
    };

    private ComplaintsApp App => scene.App;

    public static TheoryData<string, string> EveryRoleAtEveryEndpoint() => AccessMatrix.EveryRoleAt(Endpoints);

    [Theory]
    [MemberData(nameof(EveryRoleAtEveryEndpoint))]
    public async Task A_role_does_what_its_work_needs_and_is_refused_with_403_elsewhere(string endpoint, string role)
    {
        // Everyone works at property A; the occupant lives in 1201, where the complaint comes from.
        var client = role switch
        {
            Roles.Occupant => App.ClientAsOccupant(Guid.NewGuid(), scene.PropertyA, scene.A1201.UnitId),
            Roles.Admin => App.ClientAsAdmin(),
            _ => App.ClientAs(role, scene.PropertyA),
        };
        var id = endpoint switch
        {
            "get" or "investigate" or "respond" or "request work order" or "commit reply time" or "feedback" or "close" or "escalate" or "compensation" =>
                await NewComplaintAsync(scene.A1201),
            // A complaint an occupant submitted has no owner yet: anyone at the desk may hand it to someone.
            "handover" => await Created(App.ClientAsOccupant(Guid.NewGuid(), scene.PropertyA, scene.A1201.UnitId), Complaint(scene.PropertyA, scene.A1201.UnitId)),
            _ => Guid.Empty,
        };
        if (endpoint is "respond" or "feedback" or "close" or "compensation")
        {
            (await Clerk(scene.PropertyA).PostAsync($"/complaints/{id}/investigate", null, Cancel)).EnsureSuccessStatusCode();
        }
        if (endpoint is "feedback" or "close" or "compensation")
        {
            (await Clerk(scene.PropertyA).PostJsonAsync($"/complaints/{id}/respond", Answer())).EnsureSuccessStatusCode();
        }
        if (endpoint is "close")
        {
            (await Clerk(scene.PropertyA).PostJsonAsync($"/complaints/{id}/feedback", "{\"satisfied\":true}")).EnsureSuccessStatusCode();
        }
        var suggestion = endpoint == "decide suggestion" ? await NewSuggestionAsync() : Guid.Empty;
        var statusBefore = id == Guid.Empty ? null : await StatusOfAsync(id);
        var countBefore = await CountAsync();

        var response = endpoint switch
        {
            "list" => await client.GetAsync("/complaints", Cancel),
            "get" => await client.GetAsync($"/complaints/{id}", Cancel),
            "receive" => await client.PostJsonAsync("/complaints", Complaint(scene.PropertyA, scene.A1201.UnitId)),
            "investigate" => await client.PostAsync($"/complaints/{id}/investigate", null, Cancel),
            "request work order" => await client.PostJsonAsync($"/complaints/{id}/work-orders", WorkOrder()),
            "commit reply time" => await client.PostJsonAsync($"/complaints/{id}/commit-reply-time", JsonSerializer.Serialize(new { replyBy = App.Time.GetUtcNow().AddDays(1) })),
            "feedback" => await client.PostJsonAsync($"/complaints/{id}/feedback", "{\"satisfied\":true}"),
            "close" => await client.PostJsonAsync($"/complaints/{id}/close", "{}"),
            "handover" => await client.PostJsonAsync($"/complaints/{id}/handover", JsonSerializer.Serialize(new { toPersonId = Guid.NewGuid(), toName = "前台刘洋", note = "交班" })),
            "escalate" => await client.PostJsonAsync($"/complaints/{id}/escalate", "{\"reason\":\"业主情绪激动\"}"),
            "compensation" => await client.PostJsonAsync($"/complaints/{id}/compensation", "{\"amount\":100,\"agreement\":\"赔偿\"}"),
            "statistics" => await client.GetAsync($"/statistics?propertyId={scene.PropertyA}", Cancel),
            "submit suggestion" => await client.PostJsonAsync("/suggestions", Suggestion()),
            "decide suggestion" => await client.PostJsonAsync($"/suggestions/{suggestion}/decide", "{\"adopted\":true,\"reason\":\"可行\"}"),
            _ => await client.PostJsonAsync($"/complaints/{id}/respond", Answer()),
        };

        if (Allowed[endpoint].Contains(role))
        {
            response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync(Cancel));
        }
        else
        {
            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            problem.GetProperty("detail").GetString().ShouldBe("Your roles do not allow this action.");
            (await CountAsync()).ShouldBe(countBefore);
            if (id != Guid.Empty)
            {
                (await StatusOfAsync(id)).ShouldBe(statusBefore);
                (await App.ScalarAsync<long>($"SELECT count(*) FROM complaint_work_order_requests WHERE complaint_id = '{id}'")).ShouldBe(0);
            }
        }
    }

    [Fact]
    public async Task Without_a_token_every_endpoint_answers_401_and_changes_nothing()
    {
        var id = await NewComplaintAsync(scene.A1201);
        var anonymous = App.CreateClient();
        var countBefore = await CountAsync();

        HttpResponseMessage[] responses =
        [
            await anonymous.GetAsync("/complaints", Cancel),
            await anonymous.GetAsync($"/complaints/{id}", Cancel),
            await anonymous.PostJsonAsync("/complaints", Complaint(scene.PropertyA, scene.A1201.UnitId)),
            await anonymous.PostAsync($"/complaints/{id}/investigate", null, Cancel),
            await anonymous.PostJsonAsync($"/complaints/{id}/respond", Answer()),
            await anonymous.PostJsonAsync($"/complaints/{id}/work-orders", WorkOrder()),
        ];

        foreach (var response in responses)
        {
            await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
            response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        }
        (await CountAsync()).ShouldBe(countBefore);
        (await StatusOfAsync(id)).ShouldBe("received");
    }

    [Theory]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Manager)]
    public async Task Another_propertys_complaint_answers_404_like_an_unknown_one_and_stays_as_it_was(string role)
    {
        var id = await NewComplaintAsync(scene.A1201);
        var atB = App.ClientAs(role, scene.PropertyB);

        await (await atB.GetAsync($"/complaints/{id}", Cancel)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await atB.PostAsync($"/complaints/{id}/investigate", null, Cancel)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await Clerk(scene.PropertyA).PostAsync($"/complaints/{id}/investigate", null, Cancel)).EnsureSuccessStatusCode();
        var refused = await (await atB.PostJsonAsync($"/complaints/{id}/respond", Answer())).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var unknown = Guid.NewGuid();
        var unknownAnswer = await (await atB.PostJsonAsync($"/complaints/{unknown}/respond", Answer())).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        refused.GetProperty("title").GetString().ShouldBe(unknownAnswer.GetProperty("title").GetString());
        (await StatusOfAsync(id)).ShouldBe("investigating");
    }

    [Fact]
    public async Task Another_occupants_complaint_answers_404_and_so_does_an_anonymous_one()
    {
        var fromNeighbour = await NewComplaintAsync(scene.A1202);
        var anonymous = await Created(Clerk(scene.PropertyA), Anonymous(scene.PropertyA));
        var occupant = App.ClientAsOccupant(Guid.NewGuid(), scene.PropertyA, scene.A1201.UnitId);

        await (await occupant.GetAsync($"/complaints/{fromNeighbour}", Cancel)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await occupant.GetAsync($"/complaints/{anonymous}", Cancel)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await App.ClientAsOccupant(Guid.NewGuid(), scene.PropertyA, scene.A1202.UnitId).GetAsync($"/complaints/{fromNeighbour}", Cancel))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_occupant_complains_from_their_own_unit_and_is_recorded_as_the_one_who_did()
    {
        var personId = Guid.NewGuid();
        var occupant = App.ClientAsOccupant(personId, scene.PropertyA, scene.A1201.UnitId);

        var response = await occupant.PostJsonAsync("/complaints", Complaint(scene.PropertyA, scene.A1201.UnitId));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
        var complaint = await occupant.GetFromJsonAsync<JsonElement>($"/complaints/{id}", Cancel);
        complaint.GetProperty("receivedBy").GetProperty("personId").GetGuid().ShouldBe(personId);
        complaint.GetProperty("receivedBy").GetProperty("name").GetString().ShouldBe("测试住户");
        // Without a unit an occupant complains only anonymously.
        var named = JsonSerializer.Serialize(new { propertyId = scene.PropertyA, complainantName = "王女士", channel = "occupant_app", category = "noise", description = "夜间噪音" });
        await (await occupant.PostJsonAsync("/complaints", named)).ShouldHaveFieldErrorAsync("unitId");
    }

    [Fact]
    public async Task A_complaint_for_a_unit_or_property_outside_ones_scope_gets_the_answer_of_an_unknown_one_and_stores_nothing()
    {
        var countBefore = await CountAsync();
        var clerkOfB = Clerk(scene.PropertyB);
        var neighbour = App.ClientAsOccupant(Guid.NewGuid(), scene.PropertyA, scene.A1202.UnitId);
        var unknownUnit = await ErrorsOfAsync(Clerk(scene.PropertyA), Complaint(scene.PropertyA, Guid.NewGuid()));
        var nowhere = Guid.NewGuid();
        var unknownProperty = await ErrorsOfAsync(Clerk(nowhere), Anonymous(nowhere));

        (await ErrorsOfAsync(clerkOfB, Complaint(scene.PropertyA, scene.A1201.UnitId))).ShouldBe(unknownUnit);
        (await ErrorsOfAsync(clerkOfB, Complaint(scene.PropertyB, scene.A1201.UnitId))).ShouldBe(unknownUnit);
        (await ErrorsOfAsync(neighbour, Complaint(scene.PropertyA, scene.A1201.UnitId))).ShouldBe(unknownUnit);
        (await ErrorsOfAsync(clerkOfB, Anonymous(scene.PropertyA))).ShouldBe(unknownProperty);

        (await CountAsync()).ShouldBe(countBefore);
    }

    [Fact]
    public async Task Lists_hold_only_the_complaints_in_the_callers_scope_whatever_is_asked_for()
    {
        var inA1201 = await NewComplaintAsync(scene.A1201);
        var inA1202 = await NewComplaintAsync(scene.A1202);
        var anonymousInA = await Created(Clerk(scene.PropertyA), Anonymous(scene.PropertyA));
        var inB = await Created(Clerk(scene.PropertyB), Complaint(scene.PropertyB, scene.B0801.UnitId));

        var clerkOfA = await ListAsync(Clerk(scene.PropertyA), "/complaints");
        clerkOfA.ShouldAllBe(c => c.PropertyId == scene.PropertyA);
        new[] { inA1201, inA1202, anonymousInA }.ShouldBeSubsetOf(clerkOfA.Select(c => c.Id));
        (await ListAsync(Clerk(scene.PropertyA), $"/complaints?propertyId={scene.PropertyB}")).ShouldBeEmpty();

        var managerOfB = await ListAsync(App.ClientAs(Roles.Manager, scene.PropertyB), "/complaints");
        managerOfB.ShouldAllBe(c => c.PropertyId == scene.PropertyB);
        managerOfB.Select(c => c.Id).ShouldContain(inB);

        var occupant = await ListAsync(App.ClientAsOccupant(Guid.NewGuid(), scene.PropertyA, scene.A1201.UnitId), $"/complaints?propertyId={scene.PropertyA}");
        occupant.ShouldAllBe(c => c.UnitId == scene.A1201.UnitId);
        occupant.Select(c => c.Id).ShouldContain(inA1201);

        new[] { inA1201, anonymousInA, inB }.ShouldBeSubsetOf((await ListAsync(App.ClientAsAdmin(), "/complaints")).Select(c => c.Id));
    }

    private HttpClient Clerk(Guid propertyId) => App.ClientAs(Roles.FrontDesk, propertyId);

    private Task<Guid> NewComplaintAsync(UnitRegistered unit) => Created(Clerk(unit.PropertyId), Complaint(unit.PropertyId, unit.UnitId));

    private async Task<string?> StatusOfAsync(Guid id) =>
        (await Clerk(scene.PropertyA).GetFromJsonAsync<JsonElement>($"/complaints/{id}", Cancel)).GetProperty("status").GetString();

    private Task<long> CountAsync() => App.ScalarAsync<long>("SELECT (SELECT count(*) FROM complaints) + (SELECT count(*) FROM suggestions) + (SELECT count(*) FROM outbox_messages)");

    private string Suggestion() => JsonSerializer.Serialize(new { propertyId = scene.PropertyA, unitId = scene.A1201.UnitId, title = "增设充电桩", content = "地库增设充电桩" });

    private async Task<Guid> NewSuggestionAsync()
    {
        var response = await Clerk(scene.PropertyA).PostJsonAsync("/suggestions", Suggestion());
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    private static async Task<string> ErrorsOfAsync(HttpClient client, string complaint)
    {
        var problem = await (await client.PostJsonAsync("/complaints", complaint)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        return problem.GetProperty("errors").GetRawText();
    }

    private static async Task<List<Row>> ListAsync(HttpClient client, string path)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"{path}{(path.Contains('?') ? '&' : '?')}pageSize=200", Cancel);
        var items = page.GetProperty("items").EnumerateArray()
            .Select(c => new Row(
                c.GetProperty("id").GetGuid(),
                c.GetProperty("propertyId").GetGuid(),
                c.GetProperty("unitId").ValueKind == JsonValueKind.Null ? (Guid?)null : c.GetProperty("unitId").GetGuid()))
            .ToList();
        page.GetProperty("total").GetInt32().ShouldBe(items.Count);
        return items;
    }

    private static async Task<Guid> Created(HttpClient client, string complaint)
    {
        var response = await client.PostJsonAsync("/complaints", complaint);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    private static string Complaint(Guid propertyId, Guid unitId) => JsonSerializer.Serialize(new
    {
        propertyId,
        unitId,
        complainantName = "王女士",
        channel = "occupant_app",
        category = "noise",
        description = "楼上装修噪音",
    });

    private static string Anonymous(Guid propertyId) => JsonSerializer.Serialize(new
    {
        propertyId,
        anonymous = true,
        channel = "letter",
        category = "cleaning",
        description = "大堂地面长期不清洁",
    });

    private sealed record Row(Guid Id, Guid PropertyId, Guid? UnitId);

    private static string WorkOrder() => JsonSerializer.Serialize(new { category = "plumbing", priority = "normal", description = "检修楼上管道" });

    private static string Answer() => JsonSerializer.Serialize(new { finding = "属实", actionTaken = "已协调装修单位", justified = true });
}
