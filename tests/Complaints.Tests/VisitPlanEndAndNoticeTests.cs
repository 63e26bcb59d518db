using System.Net;
using System.Text.Json;
using MassTransit;
using PropertyPlatform.Complaints.Domain;
using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Complaints.Tests;

/// <summary>Ending a visit plan: the rules in the plan.</summary>
public sealed class VisitPlanEndTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly Today = new(2026, 12, 6);
    private static readonly Guid BuildingId = Guid.NewGuid();
    private static readonly Actor Supervisor = new(Guid.NewGuid(), "客服主管王芳");
    private static readonly Actor Clerk = new(Guid.NewGuid(), "客服专员李娜");

    private static VisitPlan Plan() => VisitPlan.ForArea(Guid.NewGuid(), BuildingId, "A座", Clerk, Supervisor, Now);

    private static IReadOnlyList<DueVisit> Generate(VisitPlan plan, DateOnly day) =>
        plan.Generate(day, [new VisitSubject(BuildingId, null, "A座")], new HashSet<Guid>(), Now);

    [Fact]
    public void An_ended_plan_makes_no_visits_due_from_its_end_date_on()
    {
        var plan = Plan();

        plan.End(new DateOnly(2027, 1, 1), Today, Supervisor, Now);

        plan.EndsOn.ShouldBe(new DateOnly(2027, 1, 1));
        plan.EndedById.ShouldBe(Supervisor.PersonId);
        Generate(plan, new DateOnly(2026, 12, 31)).ShouldHaveSingleItem().Period.ShouldBe("2026-Q4");
        Generate(plan, new DateOnly(2027, 1, 1)).ShouldBeEmpty();
        Generate(plan, new DateOnly(2027, 4, 1)).ShouldBeEmpty();
    }

    [Fact]
    public void A_plan_ends_today_or_later_and_only_once()
    {
        var plan = Plan();

        Should.Throw<DomainRuleException>(() => plan.End(Today.AddDays(-1), Today, Supervisor, Now)).Message.ShouldContain("today or later");
        plan.EndsOn.ShouldBeNull();
        plan.End(Today, Today, Supervisor, Now);
        Generate(plan, Today).ShouldBeEmpty();
        Should.Throw<DomainRuleException>(() => plan.End(Today.AddDays(5), Today, Supervisor, Now)).Message.ShouldContain("already ends");
        plan.EndsOn.ShouldBe(Today);
    }

    [Fact]
    public void An_ended_plan_is_not_reassigned()
    {
        var plan = Plan();
        plan.End(Today, Today, Supervisor, Now);

        Should.Throw<DomainRuleException>(() => plan.Reassign(new Actor(Guid.NewGuid(), "客服专员赵敏")));
        plan.AssigneeId.ShouldBe(Clerk.PersonId);
    }
}

/// <summary><c>POST /visit-plans/{id}/end</c> and <c>FollowUpVisitsDue</c> over HTTP and the bus, on real PostgreSQL and RabbitMQ.</summary>
public sealed class VisitPlanEndApiTests(TestInfrastructure infrastructure)
{
    private static readonly PropertyCalendar Calendar = PropertyCalendar.ChinaStandardTime;

    [Fact]
    public async Task Visits_made_due_tell_their_visitor_once_through_the_bus()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        await app.WaitForUnitAsync(unit.UnitId);
        var told = new List<FollowUpVisitsDue>();
        var first = new TaskCompletionSource<FollowUpVisitsDue>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listener = app.Services.GetRequiredService<IBus>().ConnectReceiveEndpoint($"test-listener-{Guid.NewGuid():N}",
            endpoint => endpoint.Handler<FollowUpVisitsDue>(context =>
            {
                lock (told)
                {
                    told.Add(context.Message);
                }
                first.TrySetResult(context.Message);
                return Task.CompletedTask;
            }));
        await listener.Ready.WaitAsync(ComplaintsApp.Patience, Cancel);
        var clerkId = Guid.NewGuid();
        var manager = app.ClientAs(Roles.Manager, unit.PropertyId);

        (await manager.PostJsonAsync("/visit-plans", Json(new { propertyId = unit.PropertyId, kind = "area", buildingId = unit.BuildingId, assigneeId = clerkId, assigneeName = "客服专员李娜" })))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        // Generating again in the period makes nothing due, so it tells nobody.
        (await app.ClientAs(Roles.FrontDesk, unit.PropertyId).PostJsonAsync("/visit-plans/generate", Json(new { propertyId = unit.PropertyId }))).EnsureSuccessStatusCode();

        var due = await first.Task.WaitAsync(ComplaintsApp.Patience, Cancel);
        due.PropertyId.ShouldBe(unit.PropertyId);
        due.AssigneeId.ShouldBe(clerkId);
        due.AssigneeName.ShouldBe("客服专员李娜");
        due.Count.ShouldBe(1);
        due.Names.ShouldBe([unit.BuildingName]);
        due.DueBy.ShouldBe(VisitPeriod.Containing(Calendar.DayOf(app.Time.GetUtcNow()), VisitCadence.Quarterly).To);
        await Eventually.ReturnsAsync(
            () => app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE sent_at IS NOT NULL AND message_type LIKE '%.FollowUpVisitsDue,%'"),
            count => count == 1, ComplaintsApp.Patience);
        lock (told)
        {
            told.Count.ShouldBe(1);
        }
        await listener.StopAsync(Cancel);
    }

    [Fact]
    public async Task An_ended_plan_keeps_its_due_visits_makes_no_new_ones_and_makes_way_for_a_new_plan()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        await app.WaitForUnitAsync(unit.UnitId);
        var property = unit.PropertyId;
        var manager = app.ClientAs(Roles.Manager, property);
        var created = await manager.PostJsonAsync("/visit-plans", Json(new { propertyId = property, kind = "area", buildingId = unit.BuildingId, assigneeId = Guid.NewGuid(), assigneeName = "客服专员李娜" }));
        var planId = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
        var today = Calendar.DayOf(app.Time.GetUtcNow());

        // Outside the planners or the property: refused, nothing changed.
        await (await app.ClientAs(Roles.FrontDesk, property).PostJsonAsync($"/visit-plans/{planId}/end", "{}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await app.ClientAs(Roles.Manager, Guid.NewGuid()).PostJsonAsync($"/visit-plans/{planId}/end", "{}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await manager.PostJsonAsync($"/visit-plans/{planId}/end", Json(new { endsOn = today.AddDays(-1) }))).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var ended = await manager.PostJsonAsync($"/visit-plans/{planId}/end", "{}");

        ended.StatusCode.ShouldBe(HttpStatusCode.OK, await ended.Content.ReadAsStringAsync(Cancel));
        var plan = await ended.ReadJsonAsync();
        plan.GetProperty("endsOn").GetString().ShouldBe(today.ToString("yyyy-MM-dd"));
        plan.GetProperty("endedBy").GetProperty("personId").GetGuid().ShouldNotBe(Guid.Empty);
        await (await manager.PostJsonAsync($"/visit-plans/{planId}/end", "{}")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await manager.PostJsonAsync($"/visit-plans/{planId}/assign", Json(new { assigneeId = Guid.NewGuid(), assigneeName = "客服专员赵敏" })))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);

        // The visit due this quarter stays; the next quarter makes none for the ended plan.
        (await DueAsync(manager, property)).ShouldHaveSingleItem().GetProperty("planId").GetGuid().ShouldBe(planId);
        app.Time.Advance(TimeSpan.FromDays(100));
        // A token issued 100 days ago has long expired.
        manager = app.ClientAs(Roles.Manager, property);
        var generated = await manager.PostJsonAsync("/visit-plans/generate", Json(new { propertyId = property }));
        (await generated.ReadJsonAsync()).GetProperty("created").GetInt32().ShouldBe(0);

        // A new plan for the building makes its quarter due.
        var replaced = await manager.PostJsonAsync("/visit-plans", Json(new { propertyId = property, kind = "area", buildingId = unit.BuildingId, assigneeId = Guid.NewGuid(), assigneeName = "客服专员赵敏" }));
        replaced.StatusCode.ShouldBe(HttpStatusCode.Created, await replaced.Content.ReadAsStringAsync(Cancel));
        var due = await DueAsync(manager, property);
        due.Count.ShouldBe(2);
        due.ShouldContain(d => d.GetProperty("assignee").GetProperty("name").GetString() == "客服专员赵敏" && d.GetProperty("status").GetString() == "due");
    }

    private static string Json(object body) => JsonSerializer.Serialize(body);

    private static async Task<List<JsonElement>> DueAsync(HttpClient client, Guid property) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/visit-plans/due-visits?propertyId={property}&pageSize=100", Cancel)).GetProperty("items").EnumerateArray()];
}
