using System.Net;
using System.Text;
using System.Text.Json;
using PropertyPlatform.Complaints.Domain;
using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Complaints.Tests;

/// <summary>The monthly analysis and suggestions over HTTP, on real PostgreSQL and RabbitMQ.</summary>
public sealed class AnalysisAndSuggestionTests(TestInfrastructure infrastructure)
{
    [Fact]
    public async Task The_monthly_analysis_counts_tiers_categories_buildings_and_the_rates_and_exports_them_as_csv()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var a1201 = await app.RegisterUnitAsync("1201");
        var a1202 = await app.RegisterUnitAsync("1202", a1201.PropertyId);
        await app.WaitForUnitAsync(a1201.UnitId);
        await app.WaitForUnitAsync(a1202.UnitId);
        var today = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);
        foreach (var unit in new[] { a1201, a1202 })
        {
            await app.PublishAsync(new OccupancyStarted(Guid.NewGuid(), DateTimeOffset.UtcNow, unit.PropertyId, Guid.NewGuid(), unit.UnitId, Guid.NewGuid(),
                OccupancyRole.Tenant, today.AddYears(-1)));
        }
        await Eventually.ReturnsAsync(() => app.ScalarAsync<long>("SELECT count(*) FROM occupancies"), c => c == 2, ComplaintsApp.Patience);
        var property = a1201.PropertyId;
        var desk = app.ClientAs(Roles.FrontDesk, property);

        var justified = await Create(desk, property, a1201.UnitId, "noise", "general");
        var unjustified = await Create(desk, property, a1202.UnitId, "cleaning", "important");
        await Create(desk, property, null, "parking", "general");
        await Act(desk, justified, "investigate");
        await Act(desk, justified, "respond", new { finding = "属实", actionTaken = "已处理", justified = true });
        await Act(desk, justified, "feedback", new { satisfied = false });
        await Act(desk, unjustified, "investigate");
        await Act(desk, unjustified, "respond", new { finding = "不属实", actionTaken = "已说明", justified = false, explanation = "经核实为正常清洁时间" });

        var month = TimeZoneInfo.ConvertTime(app.Time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM");
        var manager = app.ClientAs(Roles.Manager, property);
        var figures = (await manager.GetFromJsonAsync<JsonElement>($"/statistics?propertyId={property}&month={month}", Cancel)).GetProperty("figures");

        figures.GetProperty("received").GetInt32().ShouldBe(3);
        int CountOf(string list, string key, string value) =>
            figures.GetProperty(list).EnumerateArray().Single(e => e.GetProperty(key).GetString() == value).GetProperty("count").GetInt32();
        CountOf("byTier", "tier", "general").ShouldBe(2);
        CountOf("byTier", "tier", "collective").ShouldBe(0);
        CountOf("byCategory", "category", "noise").ShouldBe(1);
        CountOf("byCategory", "category", "staff_conduct").ShouldBe(0);
        figures.GetProperty("byCategory").EnumerateArray().ShouldNotContain(e => e.GetProperty("category").GetString() == "service_attitude");
        var buildings = figures.GetProperty("byBuilding").EnumerateArray().ToList();
        buildings.Sum(b => b.GetProperty("count").GetInt32()).ShouldBe(3);
        buildings.Count(b => b.GetProperty("buildingName").ValueKind == JsonValueKind.Null).ShouldBe(1);
        figures.GetProperty("answered").GetInt32().ShouldBe(2);
        figures.GetProperty("justified").GetInt32().ShouldBe(1);
        figures.GetProperty("justifiedRate").GetDecimal().ShouldBe(0.5m);
        figures.GetProperty("occupiedUnits").GetInt32().ShouldBe(2);
        figures.GetProperty("validComplaintRate").GetDecimal().ShouldBe(0.5m);
        figures.GetProperty("onTimeReplyRate").GetDecimal().ShouldBe(1m);
        figures.GetProperty("reopened").GetInt32().ShouldBe(1);
        figures.GetProperty("reopenRate").GetDecimal().ShouldBe(0.3333m);
        figures.GetProperty("satisfactionRate").GetDecimal().ShouldBe(0m);

        var csv = await manager.GetAsync($"/statistics/export.csv?propertyId={property}&month={month}", Cancel);
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync(Cancel);
        bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var text = Encoding.UTF8.GetString(bytes[3..]);
        text.ShouldStartWith("指标,分组,数值\r\n");
        text.ShouldContain("有效投诉率,,0.5000\r\n");
        text.ShouldContain("按级别,重要投诉,1\r\n");
    }

    [Fact]
    public async Task The_analysis_is_for_supervisors_and_managers_of_the_property_and_a_bad_month_is_a_field_error()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var property = Guid.NewGuid();

        await (await app.ClientAs(Roles.FrontDesk, property).GetAsync($"/statistics?propertyId={property}", Cancel)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await app.ClientAs(Roles.Manager, Guid.NewGuid()).GetAsync($"/statistics?propertyId={property}", Cancel)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await app.ClientAs(Roles.Manager, property).GetAsync($"/statistics?propertyId={property}&month=2026-13", Cancel)).ShouldHaveFieldErrorAsync("month");
        await (await app.ClientAs(Roles.Manager, property).GetAsync("/statistics/export.csv", Cancel)).ShouldHaveFieldErrorAsync("propertyId");
        var empty = await app.ClientAs(Roles.Supervisor, property).GetFromJsonAsync<JsonElement>($"/statistics?propertyId={property}&month=2026-01", Cancel);
        empty.GetProperty("figures").GetProperty("received").GetInt32().ShouldBe(0);
        empty.GetProperty("figures").GetProperty("validComplaintRate").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task An_occupants_suggestion_is_adopted_by_a_manager_and_its_rectification_plan_published()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        await app.WaitForUnitAsync(unit.UnitId);
        var occupantId = Guid.NewGuid();
        var occupant = app.ClientAsOccupant(occupantId, unit.PropertyId, unit.UnitId);
        var manager = app.ClientAs(Roles.Manager, unit.PropertyId);

        var response = await occupant.PostJsonAsync("/suggestions", JsonSerializer.Serialize(new
        {
            propertyId = unit.PropertyId, unitId = unit.UnitId, title = "增设电动车充电桩", content = "地库可增设充电桩, 避免飞线充电",
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        var created = await response.ReadJsonAsync();
        var id = created.GetProperty("id").GetGuid();
        created.GetProperty("number").GetString()!.ShouldStartWith("JY-");
        created.GetProperty("suggesterName").GetString().ShouldBe("测试住户");

        await (await app.ClientAs(Roles.FrontDesk, unit.PropertyId).PostJsonAsync($"/suggestions/{id}/decide", "{\"adopted\":true,\"reason\":\"x\"}"))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.PostJsonAsync($"/suggestions/{id}/plan", "{\"plan\":\"先发布\"}")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await manager.PostJsonAsync($"/suggestions/{id}/decide", "{\"adopted\":true}")).ShouldHaveFieldErrorAsync("reason");
        (await (await manager.PostJsonAsync($"/suggestions/{id}/decide", "{\"adopted\":true,\"reason\":\"消除消防隐患\"}")).ReadJsonAsync())
            .GetProperty("status").GetString().ShouldBe("adopted");
        await (await manager.PostJsonAsync($"/suggestions/{id}/decide", "{\"adopted\":false,\"reason\":\"改主意\"}")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var published = await (await manager.PostJsonAsync($"/suggestions/{id}/plan", "{\"plan\":\"12月底前在B1增设20个充电桩\"}")).ReadJsonAsync();

        published.GetProperty("plan").GetString().ShouldBe("12月底前在B1增设20个充电桩");
        var seen = await occupant.GetFromJsonAsync<JsonElement>($"/suggestions/{id}", Cancel);
        seen.GetProperty("planPublishedAt").ValueKind.ShouldNotBe(JsonValueKind.Null);
        await (await app.ClientAsOccupant(Guid.NewGuid(), unit.PropertyId, Guid.NewGuid()).GetAsync($"/suggestions/{id}", Cancel))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await app.ClientAs(Roles.FrontDesk, unit.PropertyId).GetFromJsonAsync<JsonElement>("/suggestions?status=adopted", Cancel))
            .GetProperty("total").GetInt32().ShouldBe(1);
        await Eventually.ReturnsAsync(
            () => app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE sent_at IS NOT NULL AND message_type LIKE '%.SuggestionPlanPublished,%'"),
            count => count == 1, ComplaintsApp.Patience);
    }

    [Fact]
    public async Task A_suggestion_without_content_is_a_field_error_and_nothing_is_stored()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        await app.WaitForUnitAsync(unit.UnitId);

        await (await app.ClientAs(Roles.FrontDesk, unit.PropertyId).PostJsonAsync("/suggestions",
            JsonSerializer.Serialize(new { propertyId = unit.PropertyId, title = "建议" }))).ShouldHaveFieldErrorAsync("content");

        (await app.ScalarAsync<long>("SELECT count(*) FROM suggestions")).ShouldBe(0);
        (await app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages")).ShouldBe(0);
    }

    // The rules of a suggestion, pair by pair

    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, TimeSpan.FromHours(8));

    private static readonly Actor Manager = new(Guid.NewGuid(), "客服经理陈红");

    private static Suggestion NewSuggestion() => Suggestion.Submit(Guid.NewGuid(), null, DailyNumber.For(Suggestion.NumberPrefix, new DateOnly(2026, 11, 22), 1),
        " 增设充电桩 ", "地库增设充电桩", "王女士", null, new Actor(Guid.NewGuid(), "前台李静"), true, Now);

    [Fact]
    public void A_declined_suggestion_gets_no_plan()
    {
        var suggestion = NewSuggestion();
        suggestion.Decide(false, "预算不足", Manager, Now);

        Should.Throw<DomainRuleException>(() => suggestion.PublishPlan("计划", Manager, Now));
        suggestion.Plan.ShouldBeNull();
        suggestion.PendingEvents.OfType<SuggestionPlanPublished>().ShouldBeEmpty();
    }

    [Fact]
    public void An_adopted_suggestion_publishes_its_plan_once()
    {
        var suggestion = NewSuggestion();
        suggestion.Decide(true, "可行", Manager, Now);
        suggestion.PublishPlan(" 月底完成 ", Manager, Now);

        Should.Throw<DomainRuleException>(() => suggestion.PublishPlan("再次", Manager, Now));
        suggestion.Plan.ShouldBe("月底完成");
        suggestion.Title.ShouldBe("增设充电桩");
        suggestion.PendingEvents.OfType<SuggestionPlanPublished>().ShouldHaveSingleItem().Plan.ShouldBe("月底完成");
    }

    [Fact]
    public void A_decision_needs_a_reason_and_is_made_once()
    {
        var suggestion = NewSuggestion();

        Should.Throw<DomainRuleException>(() => suggestion.Decide(true, " ", Manager, Now));
        suggestion.Decide(true, "可行", Manager, Now);
        Should.Throw<DomainRuleException>(() => suggestion.Decide(false, "不可行", Manager, Now));

        suggestion.Status.ShouldBe(SuggestionStatus.Adopted);
        suggestion.PendingEvents.OfType<SuggestionDecided>().ShouldHaveSingleItem().Adopted.ShouldBeTrue();
    }

    private static async Task<Guid> Create(HttpClient desk, Guid property, Guid? unitId, string category, string tier)
    {
        var response = await desk.PostJsonAsync("/complaints", JsonSerializer.Serialize(new
        {
            propertyId = property, unitId, complainantName = "王女士", channel = "phone", category, tier, description = "投诉",
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    private static async Task Act(HttpClient client, Guid id, string action, object? body = null)
    {
        var response = await client.PostJsonAsync($"/complaints/{id}/{action}", JsonSerializer.Serialize(body ?? new { }));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{action}: {await response.Content.ReadAsStringAsync(Cancel)}");
    }
}
