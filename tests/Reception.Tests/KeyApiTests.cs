using System.Net;
using System.Text.Json;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Reception.Tests;

/// <summary>The key register of vacant units over HTTP, on real PostgreSQL and RabbitMQ.</summary>
public sealed class KeyApiTests(TestInfrastructure infrastructure)
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>Moves the service's clock to 10:00 tomorrow at the property, so "today" has hours left whenever the test runs.</summary>
    public static DateTimeOffset MoveToMorning(ReceptionApp app)
    {
        var local = TimeZoneInfo.ConvertTime(app.Time.GetUtcNow(), China);
        var morning = new DateTimeOffset(local.Date.AddDays(1).AddHours(10), local.Offset);
        app.Time.Advance(morning - local);
        return morning;
    }

    public static string SignOutBody(DateTimeOffset expectedReturnAt, string holder = "工程部张工") => JsonSerializer.Serialize(new
    {
        holderName = holder,
        holderPhone = "13600136000",
        reason = "检查漏水",
        expectedReturnAt,
    });

    public static async Task<(ReceptionApp App, Guid Property, Guid Unit)> StartAsync(TestInfrastructure infrastructure)
    {
        var app = await ReceptionTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync("0801");
        await app.WaitForUnitAsync(unit.UnitId);
        return (app, unit.PropertyId, unit.UnitId);
    }

    public static async Task<Guid> RegisterKeyAsync(HttpClient client, Guid unitId, string label = "大门钥匙")
    {
        var response = await client.PostJsonAsync("/keys", JsonSerializer.Serialize(new { unitId, label }));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_key_is_registered_signed_out_for_the_day_and_returned()
    {
        var (app, property, unit) = await StartAsync(infrastructure);
        await using var _ = app;
        var morning = MoveToMorning(app);
        var desk = app.ClientAs(Roles.FrontDesk, property);
        var id = await RegisterKeyAsync(desk, unit);
        await (await desk.PostJsonAsync("/keys", JsonSerializer.Serialize(new { unitId = unit, label = "大门钥匙" })))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var signedOut = await desk.PostJsonAsync($"/keys/{id}/sign-out", SignOutBody(morning.AddHours(3)));

        signedOut.StatusCode.ShouldBe(HttpStatusCode.OK, await signedOut.Content.ReadAsStringAsync(Cancel));
        var key = await signedOut.ReadJsonAsync();
        key.GetProperty("status").GetString().ShouldBe("signed_out");
        key.GetProperty("unitNumber").GetString().ShouldBe("0801");
        key.GetProperty("holderName").GetString().ShouldBe("工程部张工");
        key.GetProperty("dueBy").GetDateTimeOffset().ShouldBe(morning.AddHours(3));
        key.GetProperty("overdue").GetBoolean().ShouldBeFalse();
        await (await desk.PostJsonAsync($"/keys/{id}/sign-out", SignOutBody(morning.AddHours(4), "李工")))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var returned = await (await desk.PostAsync($"/keys/{id}/return", null, Cancel)).ReadJsonAsync();
        returned.GetProperty("status").GetString().ShouldBe("available");
        var loan = returned.GetProperty("loans")[0];
        loan.GetProperty("receivedByName").GetString().ShouldBe($"测试{Roles.FrontDesk}");
        loan.GetProperty("returnedLate").GetBoolean().ShouldBeFalse();
        await (await desk.PostAsync($"/keys/{id}/return", null, Cancel)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_return_time_tomorrow_or_a_missing_reason_is_a_field_error()
    {
        var (app, property, unit) = await StartAsync(infrastructure);
        await using var _ = app;
        var morning = MoveToMorning(app);
        var desk = app.ClientAs(Roles.FrontDesk, property);
        var id = await RegisterKeyAsync(desk, unit);

        await (await desk.PostJsonAsync($"/keys/{id}/sign-out", SignOutBody(morning.AddDays(1)))).ShouldHaveFieldErrorAsync("expectedReturnAt");
        await (await desk.PostJsonAsync($"/keys/{id}/sign-out", JsonSerializer.Serialize(new { holderName = "张工", reason = "", expectedReturnAt = morning.AddHours(1) })))
            .ShouldHaveFieldErrorAsync("reason");
        await (await desk.PostJsonAsync("/keys", JsonSerializer.Serialize(new { unitId = Guid.NewGuid(), label = "大门钥匙" })))
            .ShouldHaveFieldErrorAsync("unitId");
        (await app.ScalarAsync<string>($"SELECT status FROM unit_keys WHERE id = '{id}'")).ShouldBe("Available");
    }

    [Fact]
    public async Task A_key_not_returned_by_its_expected_time_is_listed_as_overdue_until_it_comes_back()
    {
        var (app, property, unit) = await StartAsync(infrastructure);
        await using var _ = app;
        var morning = MoveToMorning(app);
        var desk = app.ClientAs(Roles.FrontDesk, property);
        var id = await RegisterKeyAsync(desk, unit);
        await RegisterKeyAsync(desk, unit, "后门钥匙");
        (await desk.PostJsonAsync($"/keys/{id}/sign-out", SignOutBody(morning.AddHours(2)))).EnsureSuccessStatusCode();

        (await LostItemApiTests.Total(desk, "/keys?overdue=true")).ShouldBe(0);
        (await LostItemApiTests.Total(desk, "/keys?status=signed_out")).ShouldBe(1);

        app.Time.Advance(TimeSpan.FromHours(3));
        desk = app.ClientAs(Roles.FrontDesk, property);

        var overdue = await desk.GetFromJsonAsync<JsonElement>($"/keys?overdue=true&propertyId={property}", Cancel);
        overdue.GetProperty("total").GetInt32().ShouldBe(1);
        overdue.GetProperty("items")[0].GetProperty("id").GetGuid().ShouldBe(id);
        overdue.GetProperty("items")[0].GetProperty("overdue").GetBoolean().ShouldBeTrue();
        (await LostItemApiTests.Total(app.ClientAs(Roles.FrontDesk, Guid.NewGuid()), "/keys?overdue=true")).ShouldBe(0);

        var returned = await (await desk.PostAsync($"/keys/{id}/return", null, Cancel)).ReadJsonAsync();
        returned.GetProperty("loans")[0].GetProperty("returnedLate").GetBoolean().ShouldBeTrue();
        (await LostItemApiTests.Total(desk, "/keys?overdue=true")).ShouldBe(0);
    }

    [Fact]
    public async Task Each_role_may_use_the_key_register_as_its_work_needs_and_other_properties_keys_answer_404()
    {
        var (app, property, unit) = await StartAsync(infrastructure);
        await using var _ = app;
        var morning = MoveToMorning(app);
        var desk = app.ClientAs(Roles.FrontDesk, property);
        var allowed = new Dictionary<string, string[]>
        {
            ["list"] = [Roles.FrontDesk, Roles.Security, Roles.Supervisor, Roles.Manager, Roles.Admin],
            ["register"] = [Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Admin],
            ["sign-out"] = [Roles.FrontDesk, Roles.Security, Roles.Supervisor, Roles.Manager, Roles.Admin],
            ["return"] = [Roles.FrontDesk, Roles.Security, Roles.Supervisor, Roles.Manager, Roles.Admin],
        };
        var n = 0;
        foreach (var (endpoint, roles) in allowed)
        {
            foreach (var role in Roles.All)
            {
                var id = await RegisterKeyAsync(desk, unit, $"钥匙{++n}");
                if (endpoint == "return")
                {
                    (await desk.PostJsonAsync($"/keys/{id}/sign-out", SignOutBody(morning.AddHours(1)))).EnsureSuccessStatusCode();
                }
                var client = role == Roles.Occupant ? app.ClientAsOccupant(Guid.NewGuid(), property, unit) : app.ClientAs(role, property);

                var response = await CallAsync(client, endpoint, id, unit, morning, n);

                if (roles.Contains(role))
                {
                    response.IsSuccessStatusCode.ShouldBeTrue($"{role} {endpoint}: {(int)response.StatusCode}");
                }
                else
                {
                    await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
                }
            }
            await (await CallAsync(app.CreateClient(), endpoint, Guid.NewGuid(), unit, morning, 0)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        }

        var key = await RegisterKeyAsync(desk, unit, "外人不可见");
        var elsewhere = app.ClientAs(Roles.Manager, Guid.NewGuid());
        foreach (var endpoint in new[] { "get", "sign-out", "return" })
        {
            await (await CallAsync(elsewhere, endpoint, key, unit, morning, 0)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }
        await (await CallAsync(elsewhere, "register", key, unit, morning, 999)).ShouldHaveFieldErrorAsync("unitId");
        (await app.ScalarAsync<string>($"SELECT status FROM unit_keys WHERE id = '{key}'")).ShouldBe("Available");
    }

    private static Task<HttpResponseMessage> CallAsync(HttpClient client, string endpoint, Guid id, Guid unit, DateTimeOffset morning, int n) => endpoint switch
    {
        "list" => client.GetAsync("/keys", Cancel),
        "get" => client.GetAsync($"/keys/{id}", Cancel),
        "register" => client.PostJsonAsync("/keys", JsonSerializer.Serialize(new { unitId = unit, label = $"新钥匙{n}" })),
        "sign-out" => client.PostJsonAsync($"/keys/{id}/sign-out", SignOutBody(morning.AddHours(1))),
        "return" => client.PostAsync($"/keys/{id}/return", null, Cancel),
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint)),
    };
}
