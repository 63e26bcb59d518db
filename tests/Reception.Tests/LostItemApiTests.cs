using System.Net;
using System.Text.Json;
using MassTransit;
using PropertyPlatform.Contracts.Reception;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Reception.Tests;

/// <summary>Lost and found over HTTP, on real PostgreSQL and RabbitMQ: register, search, claim, dispose.</summary>
public sealed class LostItemApiTests(TestInfrastructure infrastructure)
{
    public static string Found(Guid propertyId, string item = "钱包", string category = "general", decimal? value = 800m,
        DateTimeOffset? foundAt = null, string place = "二楼电梯厅") => JsonSerializer.Serialize(new
    {
        propertyId,
        foundAt = foundAt ?? DateTimeOffset.UtcNow.AddMinutes(-20),
        item,
        category,
        features = "棕色皮质，内有银行卡两张",
        place,
        finderName = "保洁员王阿姨",
        finderPhone = "13900139000",
        estimatedValue = value,
    });

    public static string ClaimBody(bool features = true, bool place = true, string idNumber = "11010519491231002X") => JsonSerializer.Serialize(new
    {
        claimantName = "李四",
        claimantPhone = "13800138000",
        idType = "resident_id_card",
        idNumber,
        featuresVerified = features,
        placeVerified = place,
    });

    public static async Task<JsonElement> RegisterAsync(HttpClient client, string body)
    {
        var response = await client.PostJsonAsync("/lost-items", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task A_found_wallet_is_registered_as_a_valuable_in_the_admin_offices_custody_and_claimed_by_its_owner()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var property = Guid.NewGuid();
        var desk = app.ClientAs(Roles.FrontDesk, property);
        var announced = new TaskCompletionSource<LostItemRegistered>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listener = app.Services.GetRequiredService<IBus>().ConnectReceiveEndpoint($"test-listener-{Guid.NewGuid():N}",
            endpoint => endpoint.Handler<LostItemRegistered>(context =>
            {
                announced.TrySetResult(context.Message);
                return Task.CompletedTask;
            }));
        await listener.Ready.WaitAsync(ReceptionApp.Patience, Cancel);

        var response = await desk.PostJsonAsync("/lost-items", Found(property));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var wallet = await response.ReadJsonAsync();
        var id = wallet.GetProperty("id").GetGuid();
        response.Headers.Location!.ToString().ShouldBe($"/lost-items/{id}");
        wallet.GetProperty("isValuable").GetBoolean().ShouldBeTrue();
        wallet.GetProperty("custodian").GetString().ShouldBe("admin_office");
        wallet.GetProperty("status").GetString().ShouldBe("held");
        wallet.GetProperty("recordedByName").GetString().ShouldBe($"测试{Roles.FrontDesk}");
        wallet.GetProperty("custodyLog").EnumerateArray().Select(e => e.GetProperty("custodian").GetString())
            .ShouldBe(["front_desk", "admin_office"]);
        var foundAt = wallet.GetProperty("foundAt").GetDateTimeOffset();
        wallet.GetProperty("retainUntil").GetDateTimeOffset().ShouldBe(foundAt.AddYears(1));
        (await announced.Task.WaitAsync(ReceptionApp.Patience, Cancel)).LostItemId.ShouldBe(id);
        await listener.StopAsync(Cancel);

        var claimed = await desk.PostJsonAsync($"/lost-items/{id}/claim", ClaimBody());

        claimed.StatusCode.ShouldBe(HttpStatusCode.OK, await claimed.Content.ReadAsStringAsync(Cancel));
        var body = await claimed.Content.ReadAsStringAsync(Cancel);
        body.ShouldNotContain("11010519491231002X");
        var item = JsonDocument.Parse(body).RootElement;
        item.GetProperty("status").GetString().ShouldBe("claimed");
        item.GetProperty("claimantName").GetString().ShouldBe("李四");
        item.GetProperty("claimantIdNumberMasked").GetString().ShouldBe("110***********002X");
        item.GetProperty("custodyLog").GetArrayLength().ShouldBe(3);
        await (await desk.PostJsonAsync($"/lost-items/{id}/claim", ClaimBody())).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await desk.GetFromJsonAsync<JsonElement>($"/lost-items/{id}", Cancel)).GetProperty("status").GetString().ShouldBe("claimed");
    }

    [Fact]
    public async Task A_claimant_who_cannot_describe_the_item_is_refused_and_a_claim_without_id_is_a_field_error()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var property = Guid.NewGuid();
        var desk = app.ClientAs(Roles.FrontDesk, property);
        var id = (await RegisterAsync(desk, Found(property, "雨伞", value: null))).GetProperty("id").GetGuid();

        var refused = await (await desk.PostJsonAsync($"/lost-items/{id}/claim", ClaimBody(features: false)))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        refused.GetProperty("detail").GetString()!.ShouldContain("features");
        await (await desk.PostJsonAsync($"/lost-items/{id}/claim", ClaimBody(idNumber: ""))).ShouldHaveFieldErrorAsync("idNumber");
        await (await desk.PostJsonAsync($"/lost-items/{id}/claim", ClaimBody(idNumber: "123"))).ShouldHaveFieldErrorAsync("idNumber");

        (await app.ScalarAsync<string>($"SELECT status FROM lost_items WHERE id = '{id}'")).ShouldBe("Held");
    }

    [Theory]
    [InlineData("item", "")]
    [InlineData("place", "")]
    [InlineData("finderName", "")]
    [InlineData("estimatedValue", -5)]
    [InlineData("category", "jewel")]
    public async Task Incomplete_registrations_are_field_errors_and_store_nothing(string field, object value)
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var property = Guid.NewGuid();
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(Found(property))!;
        body[field] = value;

        var response = await app.ClientAs(Roles.FrontDesk, property).PostJsonAsync("/lost-items", JsonSerializer.Serialize(body));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.ScalarAsync<long>("SELECT count(*) FROM lost_items")).ShouldBe(0);
    }

    [Fact]
    public async Task Items_are_searched_by_status_property_found_day_and_words()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var property = Guid.NewGuid();
        var desk = app.ClientAs(Roles.FrontDesk, property);
        var now = DateTimeOffset.UtcNow;
        var wallet = await RegisterAsync(desk, Found(property));
        await RegisterAsync(desk, Found(property, "雨伞", value: null, place: "一楼大堂"));
        await RegisterAsync(desk, Found(property, "水杯", value: null, foundAt: now.AddDays(-3)));
        await desk.PostJsonAsync($"/lost-items/{wallet.GetProperty("id").GetGuid()}/claim", ClaimBody());

        (await Total(desk, $"/lost-items?propertyId={property}")).ShouldBe(3);
        (await Total(desk, $"/lost-items?propertyId={property}&status=held")).ShouldBe(2);
        (await Total(desk, $"/lost-items?propertyId={property}&status=claimed")).ShouldBe(1);
        (await Total(desk, $"/lost-items?q=大堂")).ShouldBe(1);
        (await Total(desk, $"/lost-items?q=银行卡")).ShouldBe(3);
        var localDay = TimeZoneInfo.ConvertTime(now.AddDays(-3), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        (await Total(desk, $"/lost-items?date={localDay:yyyy-MM-dd}")).ShouldBe(1);
        (await Total(desk, $"/lost-items?propertyId={Guid.NewGuid()}")).ShouldBe(0);
        await (await desk.GetAsync("/lost-items?status=lost", Cancel)).ShouldHaveFieldErrorAsync("status");
    }

    [Fact]
    public async Task Only_after_the_retention_period_does_a_manager_dispose_of_an_unclaimed_item()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var property = Guid.NewGuid();
        var umbrella = await RegisterAsync(app.ClientAs(Roles.FrontDesk, property), Found(property, "雨伞", value: null));
        var id = umbrella.GetProperty("id").GetGuid();
        var manager = app.ClientAs(Roles.Manager, property);
        var decision = JsonSerializer.Serialize(new { decision = "donated", note = "捐赠给社区" });

        var early = await (await manager.PostJsonAsync($"/lost-items/{id}/dispose", decision)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        early.GetProperty("detail").GetString()!.ShouldContain("3 months");
        (await Total(manager, "/lost-items?dueForDisposal=true")).ShouldBe(0);

        app.Time.Advance(TimeSpan.FromDays(93));
        // Tokens are signed for the moved clock: sign in again.
        manager = app.ClientAs(Roles.Manager, property);

        (await Total(manager, "/lost-items?dueForDisposal=true")).ShouldBe(1);
        await (await app.ClientAs(Roles.FrontDesk, property).PostJsonAsync($"/lost-items/{id}/dispose", decision))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.PostJsonAsync($"/lost-items/{id}/dispose", "{}")).ShouldHaveFieldErrorAsync("decision");
        var disposed = await manager.PostJsonAsync($"/lost-items/{id}/dispose", decision);
        disposed.StatusCode.ShouldBe(HttpStatusCode.OK, await disposed.Content.ReadAsStringAsync(Cancel));
        var item = await disposed.ReadJsonAsync();
        item.GetProperty("status").GetString().ShouldBe("disposed");
        item.GetProperty("disposal").GetString().ShouldBe("donated");
        item.GetProperty("disposedByName").GetString().ShouldBe($"测试{Roles.Manager}");
        (await Total(manager, "/lost-items?dueForDisposal=true")).ShouldBe(0);
    }

    [Fact]
    public async Task A_stale_version_is_refused_with_409()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var property = Guid.NewGuid();
        var desk = app.ClientAs(Roles.FrontDesk, property);
        var id = (await RegisterAsync(desk, Found(property))).GetProperty("id").GetGuid();
        var read = await desk.GetAsync($"/lost-items/{id}", Cancel);
        var etag = read.Headers.ETag!.Tag;

        using var stale = new HttpRequestMessage(HttpMethod.Post, $"/lost-items/{id}/claim")
        {
            Content = new StringContent(ClaimBody(), System.Text.Encoding.UTF8, "application/json"),
        };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        await (await desk.SendAsync(stale, Cancel)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        using var current = new HttpRequestMessage(HttpMethod.Post, $"/lost-items/{id}/claim")
        {
            Content = new StringContent(ClaimBody(), System.Text.Encoding.UTF8, "application/json"),
        };
        current.Headers.TryAddWithoutValidation("If-Match", etag);
        (await desk.SendAsync(current, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    public static async Task<int> Total(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.ReadJsonAsync()).GetProperty("total").GetInt32();
    }
}

/// <summary>Who may use the lost-and-found register, and that nobody sees another property's items.</summary>
public sealed class LostItemAccessTests(TestInfrastructure infrastructure) : IAsyncLifetime
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["list"] = [Roles.FrontDesk, Roles.Security, Roles.Supervisor, Roles.Manager, Roles.Admin],
        ["get"] = [Roles.FrontDesk, Roles.Security, Roles.Supervisor, Roles.Manager, Roles.Admin],
        ["register"] = [Roles.FrontDesk, Roles.Security, Roles.Supervisor, Roles.Manager, Roles.Admin],
        ["claim"] = [Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Admin],
        ["dispose"] = [Roles.Manager, Roles.Admin],
    };

    private readonly Guid _propertyA = Guid.NewGuid();
    private readonly Guid _propertyB = Guid.NewGuid();
    private ReceptionApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await ReceptionTestApp.StartAsync(infrastructure);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Each_role_may_call_exactly_the_endpoints_of_its_work_and_without_a_token_nothing_is_allowed()
    {
        var desk = _app.ClientAs(Roles.FrontDesk, _propertyA);
        foreach (var (endpoint, allowed) in Allowed)
        {
            foreach (var role in Roles.All)
            {
                // Found two years ago, so the retention is over and a disposal may succeed.
                var item = await LostItemApiTests.RegisterAsync(desk,
                    LostItemApiTests.Found(_propertyA, value: null, foundAt: DateTimeOffset.UtcNow.AddYears(-2)));
                var client = role == Roles.Occupant
                    ? _app.ClientAsOccupant(Guid.NewGuid(), _propertyA, Guid.NewGuid())
                    : _app.ClientAs(role, _propertyA);

                var response = await CallAsync(client, endpoint, item.GetProperty("id").GetGuid(), _propertyA);

                if (allowed.Contains(role))
                {
                    response.IsSuccessStatusCode.ShouldBeTrue($"{role} {endpoint}: {(int)response.StatusCode}");
                }
                else
                {
                    await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
                }
            }
            var anonymous = await CallAsync(_app.CreateClient(), endpoint, Guid.NewGuid(), _propertyA);
            await anonymous.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task Another_propertys_item_answers_404_and_stays_as_it_was()
    {
        var itemB = await LostItemApiTests.RegisterAsync(_app.ClientAs(Roles.FrontDesk, _propertyB),
            LostItemApiTests.Found(_propertyB, foundAt: DateTimeOffset.UtcNow.AddYears(-2)));
        var idB = itemB.GetProperty("id").GetGuid();
        var managerA = _app.ClientAs(Roles.Manager, _propertyA);

        foreach (var endpoint in new[] { "get", "claim", "dispose" })
        {
            await (await CallAsync(managerA, endpoint, idB, _propertyA)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }
        (await LostItemApiTests.Total(managerA, $"/lost-items?propertyId={_propertyB}")).ShouldBe(0);
        await (await managerA.PostJsonAsync("/lost-items", LostItemApiTests.Found(_propertyB))).ShouldHaveFieldErrorAsync("propertyId");
        (await _app.ScalarAsync<string>($"SELECT status FROM lost_items WHERE id = '{idB}'")).ShouldBe("Held");
    }

    private static Task<HttpResponseMessage> CallAsync(HttpClient client, string endpoint, Guid id, Guid property) => endpoint switch
    {
        "list" => client.GetAsync("/lost-items", Cancel),
        "get" => client.GetAsync($"/lost-items/{id}", Cancel),
        "register" => client.PostJsonAsync("/lost-items", LostItemApiTests.Found(property)),
        "claim" => client.PostJsonAsync($"/lost-items/{id}/claim", LostItemApiTests.ClaimBody()),
        "dispose" => client.PostJsonAsync($"/lost-items/{id}/dispose", JsonSerializer.Serialize(new { decision = "handed_to_police" })),
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint)),
    };
}
