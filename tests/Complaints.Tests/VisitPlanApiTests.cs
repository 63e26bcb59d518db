using System.Net;
using System.Text;
using System.Text.Json;
using PropertyPlatform.Complaints.Domain;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Complaints.Tests;

/// <summary><c>/visit-plans</c>, <c>/surveys</c> and the follow-up figures over HTTP, on real PostgreSQL and RabbitMQ.</summary>
public sealed class VisitPlanApiTests(TestInfrastructure infrastructure)
{
    private static readonly PropertyCalendar Calendar = PropertyCalendar.ChinaStandardTime;

    [Fact]
    public async Task Plans_make_visits_due_once_per_period_and_a_visit_recorded_against_one_does_it()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var (a1201, a1202) = await OccupiedUnitsAsync(app);
        var property = a1201.PropertyId;
        var manager = app.ClientAs(Roles.Manager, property);
        var clerkId = Guid.NewGuid();
        var clerk = app.ClientAs(new AccessTokenContent(clerkId, "客服专员李娜", [Roles.FrontDesk], false, [property], []));

        // The building quarterly by its clerk; every occupied unit yearly by the director.
        var area = await manager.PostJsonAsync("/visit-plans", Json(new { propertyId = property, kind = "area", buildingId = a1201.BuildingId, assigneeId = clerkId, assigneeName = "客服专员李娜" }));
        area.StatusCode.ShouldBe(HttpStatusCode.Created, await area.Content.ReadAsStringAsync(Cancel));
        (await area.ReadJsonAsync()).GetProperty("cadence").GetString().ShouldBe("quarterly");
        var occupants = await manager.PostJsonAsync("/visit-plans", Json(new { propertyId = property, kind = "occupants", assigneeId = Guid.NewGuid(), assigneeName = "管理处主任陈明" }));
        occupants.StatusCode.ShouldBe(HttpStatusCode.Created, await occupants.Content.ReadAsStringAsync(Cancel));

        var today = Calendar.DayOf(app.Time.GetUtcNow());
        var due = await DueAsync(manager, property, "due");
        due.Count.ShouldBe(3);
        var buildingDue = due.Single(d => d.GetProperty("kind").GetString() == "area");
        buildingDue.GetProperty("period").GetString().ShouldBe(VisitPeriod.Containing(today, VisitCadence.Quarterly).Key);
        buildingDue.GetProperty("assignee").GetProperty("name").GetString().ShouldBe("客服专员李娜");
        due.Where(d => d.GetProperty("kind").GetString() == "occupants").Select(d => d.GetProperty("unitId").GetGuid()).ShouldBe([a1201.UnitId, a1202.UnitId], ignoreOrder: true);
        (await clerk.GetFromJsonAsync<JsonElement>($"/visit-plans/due-visits?propertyId={property}&mine=true", Cancel)).GetProperty("items")
            .EnumerateArray().ShouldHaveSingleItem().GetProperty("id").GetGuid().ShouldBe(buildingDue.GetProperty("id").GetGuid());

        // Generating again in the period creates nothing.
        var again = await clerk.PostJsonAsync("/visit-plans/generate", Json(new { propertyId = property }));
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.ReadJsonAsync()).GetProperty("created").GetInt32().ShouldBe(0);
        (await app.ScalarAsync<long>("SELECT count(*) FROM due_visits")).ShouldBe(3);

        // The clerk visits the building (the due visit names the area) and 1201 (the due visit names the unit).
        var unitDue = due.Single(d => d.GetProperty("unitId").ValueKind != JsonValueKind.Null && d.GetProperty("unitId").GetGuid() == a1201.UnitId);
        var buildingVisit = await clerk.PostJsonAsync("/visits", Json(new { propertyId = property, dueVisitId = buildingDue.GetProperty("id").GetGuid(), method = "in_person", satisfaction = 4, feedbackItems = new[] { "楼道灯不亮" } }));
        buildingVisit.StatusCode.ShouldBe(HttpStatusCode.Created, await buildingVisit.Content.ReadAsStringAsync(Cancel));
        (await buildingVisit.ReadJsonAsync()).GetProperty("area").GetString().ShouldBe(a1201.BuildingName);
        var unitVisit = await clerk.PostJsonAsync("/visits", Json(new { propertyId = property, dueVisitId = unitDue.GetProperty("id").GetGuid(), method = "phone", satisfaction = 5 }));
        unitVisit.StatusCode.ShouldBe(HttpStatusCode.Created);
        var unitVisitRead = await unitVisit.ReadJsonAsync();
        unitVisitRead.GetProperty("unitId").GetGuid().ShouldBe(a1201.UnitId);
        unitVisitRead.GetProperty("area").GetString().ShouldBe($"{a1201.BuildingName} 1201");
        (await DueAsync(manager, property, "done")).Count.ShouldBe(2);
        (await DueAsync(manager, property, "open")).ShouldHaveSingleItem().GetProperty("unitId").GetGuid().ShouldBe(a1202.UnitId);

        // A due visit is done once; a visit to another unit does not do it.
        var before = await app.ScalarAsync<long>("SELECT count(*) FROM follow_up_visits");
        await (await clerk.PostJsonAsync("/visits", Json(new { propertyId = property, dueVisitId = unitDue.GetProperty("id").GetGuid(), method = "phone", satisfaction = 5 })))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var open = (await DueAsync(manager, property, "open")).Single().GetProperty("id").GetGuid();
        await (await clerk.PostJsonAsync("/visits", Json(new { propertyId = property, unitId = a1201.UnitId, dueVisitId = open, method = "phone", satisfaction = 5 })))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await app.ScalarAsync<long>("SELECT count(*) FROM follow_up_visits")).ShouldBe(before);

        // The next quarter: the building is due again, and last quarter's undone visits are overdue.
        app.Time.Advance(TimeSpan.FromDays(100));
        var later = Calendar.DayOf(app.Time.GetUtcNow());
        var generated = await app.ClientAs(new AccessTokenContent(clerkId, "客服专员李娜", [Roles.FrontDesk], false, [property], []))
            .PostJsonAsync("/visit-plans/generate", Json(new { propertyId = property }));
        var newYear = later.Year != today.Year;
        (await generated.ReadJsonAsync()).GetProperty("created").GetInt32().ShouldBe(newYear ? 3 : 1);
        var overdue = await DueAsync(app.ClientAs(Roles.Manager, property), property, "overdue");
        overdue.Select(d => d.GetProperty("unitId").ValueKind == JsonValueKind.Null ? (Guid?)null : d.GetProperty("unitId").GetGuid())
            .ShouldBe(newYear ? new Guid?[] { a1202.UnitId } : [], ignoreOrder: true);
    }

    [Fact]
    public async Task A_new_quarters_visits_become_due_without_anyone_asking()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var (a1201, _) = await OccupiedUnitsAsync(app);
        var property = a1201.PropertyId;
        var manager = app.ClientAs(Roles.Manager, property);
        (await manager.PostJsonAsync("/visit-plans", Json(new { propertyId = property, kind = "area", buildingId = a1201.BuildingId, assigneeId = Guid.NewGuid(), assigneeName = "客服专员李娜" })))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var sweeper = app.Services.GetRequiredService<Infrastructure.DeadlineSweeper>();
        (await sweeper.GenerateDueVisitsAsync(Cancel)).ShouldBe(0); // this quarter's visit was made due with the plan

        app.Time.Advance(TimeSpan.FromDays(100));
        (await sweeper.GenerateDueVisitsAsync(Cancel)).ShouldBe(1);
        var nextQuarter = VisitPeriod.Containing(Calendar.DayOf(app.Time.GetUtcNow()), VisitCadence.Quarterly).Key;
        // A fresh token: the first one ran out in those hundred days.
        (await DueAsync(app.ClientAs(Roles.Manager, property), property, "due")).ShouldHaveSingleItem().GetProperty("period").GetString().ShouldBe(nextQuarter);
        (await sweeper.GenerateDueVisitsAsync(Cancel)).ShouldBe(0);
    }

    [Fact]
    public async Task A_plan_is_made_by_a_supervisor_or_manager_once_per_building_for_a_building_of_the_property()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var (a1201, _) = await OccupiedUnitsAsync(app);
        var property = a1201.PropertyId;
        var plan = Json(new { propertyId = property, kind = "area", buildingId = a1201.BuildingId, assigneeId = Guid.NewGuid(), assigneeName = "客服专员李娜" });

        foreach (var role in new[] { Roles.FrontDesk, Roles.Engineer, Roles.Admin })
        {
            var client = role == Roles.Admin ? app.ClientAsAdmin() : app.ClientAs(role, property);
            await (await client.PostJsonAsync("/visit-plans", plan)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        }
        await (await app.ClientAsOccupant(Guid.NewGuid(), property, a1201.UnitId).GetAsync("/visit-plans/due-visits", Cancel)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var supervisor = app.ClientAs(Roles.Supervisor, property);
        await (await supervisor.PostJsonAsync("/visit-plans", Json(new { propertyId = property, kind = "area", buildingId = Guid.NewGuid(), assigneeId = Guid.NewGuid(), assigneeName = "李娜" })))
            .ShouldHaveFieldErrorAsync("buildingId");
        await (await supervisor.PostJsonAsync("/visit-plans", Json(new { propertyId = property, kind = "area", buildingId = a1201.BuildingId, assigneeId = Guid.NewGuid() })))
            .ShouldHaveFieldErrorAsync("assigneeName");
        await (await app.ClientAs(Roles.Supervisor, Guid.NewGuid()).PostJsonAsync("/visit-plans", plan)).ShouldHaveFieldErrorAsync("propertyId");
        await (await supervisor.GetAsync("/visit-plans/due-visits?status=late", Cancel)).ShouldHaveFieldErrorAsync("status");
        (await app.ScalarAsync<long>("SELECT count(*) FROM visit_plans")).ShouldBe(0);

        (await supervisor.PostJsonAsync("/visit-plans", plan)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await (await supervisor.PostJsonAsync("/visit-plans", plan)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await app.ScalarAsync<long>("SELECT count(*) FROM visit_plans")).ShouldBe(1);
        (await app.ScalarAsync<long>("SELECT count(*) FROM due_visits")).ShouldBe(1);

        // Another property's staff see none of it.
        (await app.ClientAs(Roles.Manager, Guid.NewGuid()).GetFromJsonAsync<JsonElement>("/visit-plans", Cancel)).GetProperty("items").GetArrayLength().ShouldBe(0);
        (await app.ClientAs(Roles.Manager, Guid.NewGuid()).GetFromJsonAsync<JsonElement>("/visit-plans/due-visits", Cancel)).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_questionnaire_is_answered_on_a_visit_and_the_month_shows_the_follow_up_figures()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var (a1201, a1202) = await OccupiedUnitsAsync(app);
        var property = a1201.PropertyId;
        var manager = app.ClientAs(Roles.Manager, property);
        var clerk = app.ClientAs(Roles.FrontDesk, property);

        await (await clerk.PostJsonAsync("/surveys", Json(new { propertyId = property, title = "问卷", questions = new[] { new { text = "保洁", kind = "score" } } })))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.PostJsonAsync("/surveys", Json(new { propertyId = property, title = "空问卷", questions = Array.Empty<object>() }))).ShouldHaveFieldErrorAsync("questions");
        var created = await manager.PostJsonAsync("/surveys", Json(new
        {
            propertyId = property, title = "年度满意度调查",
            questions = new object[] { new { text = "保洁服务", kind = "score" }, new { text = "安保服务", kind = "score" }, new { text = "其他意见", kind = "text", required = false } },
        }));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Cancel));
        var survey = await created.ReadJsonAsync();
        var surveyId = survey.GetProperty("id").GetGuid();
        var q = survey.GetProperty("questions").EnumerateArray().Select(x => x.GetProperty("id").GetGuid()).ToList();

        // Answers that do not fit the questions are bad input and store nothing.
        await (await clerk.PostJsonAsync("/visits", Json(new { propertyId = property, unitId = a1201.UnitId, method = "in_person", satisfaction = 4, surveyId, answers = new[] { new { questionId = q[0], score = 4 } } })))
            .ShouldHaveFieldErrorAsync("answers");
        await (await clerk.PostJsonAsync("/visits", Json(new { propertyId = property, unitId = a1201.UnitId, method = "in_person", satisfaction = 4, answers = new[] { new { questionId = q[0], score = 4 } } })))
            .ShouldHaveFieldErrorAsync("answers");
        (await app.ScalarAsync<long>("SELECT count(*) FROM follow_up_visits")).ShouldBe(0);

        var visit = await clerk.PostJsonAsync("/visits", Json(new
        {
            propertyId = property, unitId = a1201.UnitId, method = "in_person", satisfaction = 4, surveyId,
            answers = new object[] { new { questionId = q[0], score = 4 }, new { questionId = q[1], score = 5 }, new { questionId = q[2], text = "希望增加绿化" } },
            feedbackItems = new[] { "楼道灯不亮", "希望增加绿化" },
        }));
        visit.StatusCode.ShouldBe(HttpStatusCode.Created, await visit.Content.ReadAsStringAsync(Cancel));
        var recorded = await visit.ReadJsonAsync();
        recorded.GetProperty("surveyScore").GetDecimal().ShouldBe(4.5m);
        recorded.GetProperty("answers").GetArrayLength().ShouldBe(3);
        var second = await clerk.PostJsonAsync("/visits", Json(new { propertyId = property, unitId = a1202.UnitId, method = "phone", satisfaction = 2, surveyId, answers = new[] { new { questionId = q[0], score = 2 }, new { questionId = q[1], score = 3 } } }));
        second.StatusCode.ShouldBe(HttpStatusCode.Created);

        var results = await manager.GetFromJsonAsync<JsonElement>($"/surveys/{surveyId}/results", Cancel);
        results.GetProperty("visits").GetInt32().ShouldBe(2);
        results.GetProperty("averageScore").GetDecimal().ShouldBe(3.5m);
        results.GetProperty("questions")[0].GetProperty("averageScore").GetDecimal().ShouldBe(3m);

        // One of the two items is handled: the follow-up completion rate (回访处理率) is 50% until the other is.
        var item = recorded.GetProperty("feedbackItems")[0].GetProperty("id").GetGuid();
        (await clerk.PostJsonAsync($"/visits/{recorded.GetProperty("id").GetGuid()}/items/{item}/handle", Json(new { resolution = "已更换灯泡" }))).EnsureSuccessStatusCode();
        var month = Calendar.DayOf(app.Time.GetUtcNow()).ToString("yyyy-MM");
        var followUps = (await manager.GetFromJsonAsync<JsonElement>($"/statistics?propertyId={property}&month={month}", Cancel)).GetProperty("followUps");
        followUps.GetProperty("visits").GetInt32().ShouldBe(2);
        followUps.GetProperty("averageSatisfaction").GetDecimal().ShouldBe(3m);
        followUps.GetProperty("feedbackItemsRaised").GetInt32().ShouldBe(2);
        followUps.GetProperty("feedbackItemsHandled").GetInt32().ShouldBe(1);
        followUps.GetProperty("followUpCompletionRate").GetDecimal().ShouldBe(0.5m);
        var csv = Encoding.UTF8.GetString(await manager.GetByteArrayAsync($"/statistics/export.csv?propertyId={property}&month={month}", Cancel));
        csv.ShouldContain("回访处理率,,0.5000\r\n");
        csv.ShouldContain("平均满意度,,3.00\r\n");

        // A retired questionnaire takes no more answers.
        (await manager.PostAsync($"/surveys/{surveyId}/retire", null, Cancel)).EnsureSuccessStatusCode();
        await (await clerk.PostJsonAsync("/visits", Json(new { propertyId = property, unitId = a1202.UnitId, method = "phone", satisfaction = 2, surveyId, answers = new[] { new { questionId = q[0], score = 2 }, new { questionId = q[1], score = 3 } } })))
            .ShouldHaveFieldErrorAsync("answers");
        (await manager.GetFromJsonAsync<JsonElement>($"/surveys?propertyId={property}&current=true", Cancel)).GetProperty("items").GetArrayLength().ShouldBe(0);
        await (await app.ClientAs(Roles.Manager, Guid.NewGuid()).GetAsync($"/surveys/{surveyId}", Cancel)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private static string Json(object body) => JsonSerializer.Serialize(body);

    private static async Task<List<JsonElement>> DueAsync(HttpClient client, Guid property, string status) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/visit-plans/due-visits?propertyId={property}&status={status}&pageSize=100", Cancel)).GetProperty("items").EnumerateArray()];

    /// <summary>Two units of one building of a new property, both occupied since a year ago.</summary>
    private static async Task<(UnitRegistered A1201, UnitRegistered A1202)> OccupiedUnitsAsync(ComplaintsApp app)
    {
        var a1201 = await app.RegisterUnitAsync("1201");
        var a1202 = new UnitRegistered(Guid.NewGuid(), DateTimeOffset.UtcNow, a1201.PropertyId, Guid.NewGuid(), a1201.BuildingId, a1201.BuildingName, "1202", 12, UnitType.Residence, 98.5m);
        await app.PublishAsync(a1202);
        await app.WaitForUnitAsync(a1201.UnitId);
        await app.WaitForUnitAsync(a1202.UnitId);
        var today = Calendar.DayOf(app.Time.GetUtcNow());
        foreach (var unit in new[] { a1201, a1202 })
        {
            await app.PublishAsync(new OccupancyStarted(Guid.NewGuid(), DateTimeOffset.UtcNow, unit.PropertyId, Guid.NewGuid(), unit.UnitId, Guid.NewGuid(),
                OccupancyRole.Tenant, today.AddYears(-1)));
        }
        await Eventually.ReturnsAsync(() => app.ScalarAsync<long>("SELECT count(*) FROM occupancies"), c => c == 2, ComplaintsApp.Patience);
        return (a1201, a1202);
    }
}
