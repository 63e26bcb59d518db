using System.Net;
using System.Text.Json;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Reception.Tests;

/// <summary>Exit passes over HTTP, on real PostgreSQL and RabbitMQ, with Directory's signers arriving as events.</summary>
public sealed class ExitPassApiTests(TestInfrastructure infrastructure)
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>A tenant company occupies the unit and names 赵总 its authorised signer, as Directory announces it.</summary>
    public static async Task<(Guid CompanyId, Guid SignerPersonId)> TenantWithSignerAsync(ReceptionApp app, UnitRegistered unit)
    {
        var companyId = Guid.NewGuid();
        var signerPersonId = Guid.NewGuid();
        var now = app.Time.GetUtcNow();
        await app.PublishAsync(new OccupancyStarted(Guid.NewGuid(), now, unit.PropertyId, Guid.NewGuid(), unit.UnitId, companyId,
            OccupancyRole.Tenant, DateOnly.FromDateTime(now.UtcDateTime).AddDays(-30)));
        await app.PublishAsync(new AuthorisedSignerAdded(Guid.NewGuid(), now, unit.PropertyId, companyId, Guid.NewGuid(), signerPersonId,
            "赵总", now.AddDays(-1)));
        await Eventually.ReturnsAsync(
            () => app.ScalarAsync<long>($"SELECT (SELECT count(*) FROM occupancies WHERE occupant_id = '{companyId}') + (SELECT count(*) FROM authorised_signers WHERE company_id = '{companyId}')"),
            count => count == 2, ReceptionApp.Patience);
        return (companyId, signerPersonId);
    }

    public static DateOnly Today(ReceptionApp app) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Time.GetUtcNow(), China).DateTime);

    public static string Application(Guid unitId, DateOnly exitDate, Guid? signerPersonId, string signerName) => JsonSerializer.Serialize(new
    {
        unitId,
        carrierName = "搬运工小刘",
        exitDate,
        signerPersonId,
        signerName,
        items = new[] { new { name = "显示器", quantity = 3 }, new { name = "文件柜", quantity = 1 } },
    });

    private static async Task<JsonElement> ApplyAsync(HttpClient client, string body)
    {
        var response = await client.PostJsonAsync("/exit-passes", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task A_tenants_pass_signed_by_an_authorised_signer_is_verified_and_released_at_the_gate()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        await app.WaitForUnitAsync(unit.UnitId);
        var (_, signer) = await TenantWithSignerAsync(app, unit);
        var tenant = app.ClientAsOccupant(Guid.NewGuid(), unit.PropertyId, unit.UnitId);

        var signers = await tenant.GetFromJsonAsync<JsonElement>($"/exit-passes/signers?unitId={unit.UnitId}", Cancel);
        signers.GetArrayLength().ShouldBe(1);
        signers[0].GetProperty("personName").GetString().ShouldBe("赵总");

        var pass = await ApplyAsync(tenant, Application(unit.UnitId, Today(app), signer, "赵总"));
        var id = pass.GetProperty("id").GetGuid();
        pass.GetProperty("status").GetString().ShouldBe("submitted");
        var guard = app.ClientAs(Roles.Security, unit.PropertyId);
        await (await guard.PostJsonAsync($"/exit-passes/{id}/release", JsonSerializer.Serialize(new { items = new[] { new { sequence = 1, quantity = 3 } } })))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        // The tenant cannot verify their own pass.
        (await tenant.PostAsync($"/exit-passes/{id}/verify", null, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var desk = app.ClientAs(Roles.FrontDesk, unit.PropertyId);
        var verified = await desk.PostAsync($"/exit-passes/{id}/verify", null, Cancel);
        verified.StatusCode.ShouldBe(HttpStatusCode.OK, await verified.Content.ReadAsStringAsync(Cancel));
        (await verified.ReadJsonAsync()).GetProperty("status").GetString().ShouldBe("verified");

        var released = await (await guard.PostJsonAsync($"/exit-passes/{id}/release", JsonSerializer.Serialize(new
        {
            items = new[] { new { sequence = 1, quantity = 2 }, new { sequence = 2, quantity = 1 } },
            note = "一台显示器留下",
        }))).ReadJsonAsync();
        released.GetProperty("status").GetString().ShouldBe("partly_released");
        released.GetProperty("items")[0].GetProperty("releasedQuantity").GetInt32().ShouldBe(2);

        // Archived and searchable by item.
        var found = await desk.GetFromJsonAsync<JsonElement>($"/exit-passes?propertyId={unit.PropertyId}&q=显示", Cancel);
        found.GetProperty("total").GetInt32().ShouldBe(1);
        (await desk.GetFromJsonAsync<JsonElement>($"/exit-passes?propertyId={unit.PropertyId}&q=沙发", Cancel)).GetProperty("total").GetInt32().ShouldBe(0);
        await Eventually.ReturnsAsync(
            () => app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE sent_at IS NOT NULL AND message_type LIKE '%.ExitPass%'"),
            count => count == 3, ReceptionApp.Patience);
    }

    [Fact]
    public async Task A_pass_signed_by_a_non_signer_is_refused_with_a_problem_and_stays_submitted()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        await app.WaitForUnitAsync(unit.UnitId);
        await TenantWithSignerAsync(app, unit);
        var tenant = app.ClientAsOccupant(Guid.NewGuid(), unit.PropertyId, unit.UnitId);
        var id = (await ApplyAsync(tenant, Application(unit.UnitId, Today(app), null, "王经理"))).GetProperty("id").GetGuid();
        var desk = app.ClientAs(Roles.FrontDesk, unit.PropertyId);

        var refused = await desk.PostAsync($"/exit-passes/{id}/verify", null, Cancel);

        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("not an authorised signer");
        (await desk.GetFromJsonAsync<JsonElement>($"/exit-passes/{id}", Cancel)).GetProperty("status").GetString().ShouldBe("submitted");
        var rejected = await (await desk.PostJsonAsync($"/exit-passes/{id}/reject", JsonSerializer.Serialize(new { reason = "签名人不在授权名单" }))).ReadJsonAsync();
        rejected.GetProperty("status").GetString().ShouldBe("rejected");
    }

    [Fact]
    public async Task A_signer_of_another_tenant_does_not_make_the_pass_valid()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        var other = await app.RegisterUnitAsync("1202", unit.PropertyId);
        await app.WaitForUnitAsync(unit.UnitId);
        await app.WaitForUnitAsync(other.UnitId);
        var (_, otherSigner) = await TenantWithSignerAsync(app, other);
        var tenant = app.ClientAsOccupant(Guid.NewGuid(), unit.PropertyId, unit.UnitId);
        var id = (await ApplyAsync(tenant, Application(unit.UnitId, Today(app), otherSigner, "赵总"))).GetProperty("id").GetGuid();

        await (await app.ClientAs(Roles.FrontDesk, unit.PropertyId).PostAsync($"/exit-passes/{id}/verify", null, Cancel))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_occupant_sees_only_their_own_units_passes()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        var other = await app.RegisterUnitAsync("1202", unit.PropertyId);
        await app.WaitForUnitAsync(unit.UnitId);
        await app.WaitForUnitAsync(other.UnitId);
        var tenant = app.ClientAsOccupant(Guid.NewGuid(), unit.PropertyId, unit.UnitId);
        var neighbour = app.ClientAsOccupant(Guid.NewGuid(), unit.PropertyId, other.UnitId);
        var id = (await ApplyAsync(tenant, Application(unit.UnitId, Today(app), null, "赵总"))).GetProperty("id").GetGuid();

        (await neighbour.GetFromJsonAsync<JsonElement>("/exit-passes", Cancel)).GetProperty("total").GetInt32().ShouldBe(0);
        await (await neighbour.GetAsync($"/exit-passes/{id}", Cancel)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await neighbour.PostJsonAsync("/exit-passes", Application(unit.UnitId, Today(app), null, "赵总"))).ShouldHaveFieldErrorAsync("unitId");
        (await tenant.GetFromJsonAsync<JsonElement>("/exit-passes", Cancel)).GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task A_pass_for_a_past_day_or_without_items_is_a_field_error()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        await app.WaitForUnitAsync(unit.UnitId);
        var tenant = app.ClientAsOccupant(Guid.NewGuid(), unit.PropertyId, unit.UnitId);

        await (await tenant.PostJsonAsync("/exit-passes", Application(unit.UnitId, Today(app).AddDays(-1), null, "赵总"))).ShouldHaveFieldErrorAsync("exitDate");
        await (await tenant.PostJsonAsync("/exit-passes", JsonSerializer.Serialize(new
        {
            unitId = unit.UnitId, carrierName = "小刘", exitDate = Today(app), signerName = "赵总", items = Array.Empty<object>(),
        }))).ShouldHaveFieldErrorAsync("items");
        (await app.ScalarAsync<long>("SELECT count(*) FROM exit_passes")).ShouldBe(0);
    }
}
