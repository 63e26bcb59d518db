using System.Net;
using System.Text.Json;
using PropertyPlatform.Complaints.Domain;
using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Complaints.Tests;

/// <summary>A complaint about a unit asks WorkOrders for a work order: the rule in the entity.</summary>
public sealed class ComplaintWorkOrderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly Guid PropertyId = Guid.NewGuid();

    private static readonly Actor Supervisor = new(Guid.NewGuid(), "客服主管刘洋");

    private static readonly DailyNumber Number = DailyNumber.For(Complaint.NumberPrefix, new DateOnly(2026, 11, 24), 3);

    [Fact]
    public void A_complaint_about_a_unit_records_the_request_and_raises_it_for_WorkOrders()
    {
        var unit = UnitCopy.From(new UnitRegistered(Guid.NewGuid(), Now, PropertyId, Guid.NewGuid(), Guid.NewGuid(), "A座", "1201", 12, UnitType.Residence, 98.5m));
        var complaint = Complaint.Receive(PropertyId, unit, Number, Intake(), Supervisor, true, Now, PropertyCalendar.ChinaStandardTime);

        complaint.RequestWorkOrder(WorkOrderCategory.Plumbing, WorkOrderPriority.High, " 楼上漏水至天花板 ", Supervisor, Now);

        var request = complaint.WorkOrderRequests.ShouldHaveSingleItem();
        request.Description.ShouldBe("楼上漏水至天花板");
        request.RequestedById.ShouldBe(Supervisor.PersonId);
        var requested = complaint.PendingEvents.OfType<ComplaintWorkOrderRequested>().ShouldHaveSingleItem();
        requested.EventId.ShouldBe(request.Id);
        requested.ComplaintId.ShouldBe(complaint.Id);
        requested.ComplaintNumber.ShouldBe("TS-20261124-0003");
        requested.UnitId.ShouldBe(unit.Id);
        requested.PropertyId.ShouldBe(PropertyId);
        requested.Category.ShouldBe(WorkOrderCategory.Plumbing);
        requested.Priority.ShouldBe(WorkOrderPriority.High);
        requested.RequestedByName.ShouldBe("客服主管刘洋");
    }

    [Fact]
    public void A_complaint_without_a_unit_cannot_ask_for_a_work_order()
    {
        var complaint = Complaint.Receive(PropertyId, null, Number, Intake() with { ComplainantName = "路人王先生" }, Supervisor, true, Now, PropertyCalendar.ChinaStandardTime);

        Should.Throw<DomainRuleException>(() => complaint.RequestWorkOrder(WorkOrderCategory.Cleaning, WorkOrderPriority.Normal, "清理", Supervisor, Now));
        complaint.WorkOrderRequests.ShouldBeEmpty();
        complaint.PendingEvents.OfType<ComplaintWorkOrderRequested>().ShouldBeEmpty();
    }

    [Fact]
    public void The_complaint_follows_its_work_order_from_intake_to_close_line_by_line()
    {
        var complaint = WithUnit();
        var orderId = Guid.NewGuid();
        var engineer = new Actor(Guid.NewGuid(), "维修工张师傅");

        complaint.FollowWorkOrder(new WorkOrderNews(orderId, "GD-20261124-0007", ComplaintWorkOrderStatus.Submitted, null, Actor.System, Now.AddMinutes(1))).ShouldBeTrue();
        complaint.FollowWorkOrder(new WorkOrderNews(orderId, "GD-20261124-0007", ComplaintWorkOrderStatus.Completed, " 更换上水管 ", engineer, Now.AddHours(3))).ShouldBeTrue();
        complaint.FollowWorkOrder(new WorkOrderNews(orderId, "GD-20261124-0007", ComplaintWorkOrderStatus.Closed, null, Supervisor, Now.AddDays(1))).ShouldBeTrue();

        var order = complaint.WorkOrders.ShouldHaveSingleItem();
        order.Status.ShouldBe(ComplaintWorkOrderStatus.Closed);
        order.Outcome.ShouldBe("更换上水管");
        order.UpdatedAt.ShouldBe(Now.AddDays(1).ToUniversalTime());
        complaint.Status.ShouldBe(ComplaintStatus.Received);
        var notes = complaint.Timeline.Where(e => e.Note?.StartsWith("工单") == true).ToList();
        notes.Select(e => e.Note).ShouldBe(["工单 GD-20261124-0007 已受理", "工单 GD-20261124-0007 已完工: 更换上水管", "工单 GD-20261124-0007 已关闭"]);
        notes[1].ActorName.ShouldBe("维修工张师傅");
        notes.ShouldAllBe(e => e.Kind == ComplaintTimelineKind.Note);
    }

    [Fact]
    public void An_intake_arriving_after_the_orders_outcome_changes_nothing()
    {
        var complaint = WithUnit();
        var orderId = Guid.NewGuid();
        complaint.FollowWorkOrder(new WorkOrderNews(orderId, "GD-20261124-0007", ComplaintWorkOrderStatus.Cancelled, "住户自行维修", Supervisor, Now.AddHours(1)));
        var lines = complaint.Timeline.Count;

        complaint.FollowWorkOrder(new WorkOrderNews(orderId, "GD-20261124-0007", ComplaintWorkOrderStatus.Submitted, null, Actor.System, Now)).ShouldBeFalse();

        complaint.WorkOrders.ShouldHaveSingleItem().Status.ShouldBe(ComplaintWorkOrderStatus.Cancelled);
        complaint.Timeline.Count.ShouldBe(lines);
    }

    [Fact]
    public void A_closed_complaint_still_shows_what_became_of_its_order()
    {
        var complaint = WithUnit();
        complaint.Close("住户联系不上", true, Supervisor, Now.AddHours(1));

        complaint.FollowWorkOrder(new WorkOrderNews(Guid.NewGuid(), "GD-20261124-0007", ComplaintWorkOrderStatus.Completed, "已修复", Supervisor, Now.AddHours(2))).ShouldBeTrue();

        complaint.Status.ShouldBe(ComplaintStatus.Closed);
        complaint.Timeline.Last().Note.ShouldBe("工单 GD-20261124-0007 已完工: 已修复");
    }

    private static Complaint WithUnit()
    {
        var unit = UnitCopy.From(new UnitRegistered(Guid.NewGuid(), Now, PropertyId, Guid.NewGuid(), Guid.NewGuid(), "A座", "1201", 12, UnitType.Residence, 98.5m));
        return Complaint.Receive(PropertyId, unit, Number, Intake(), Supervisor, true, Now, PropertyCalendar.ChinaStandardTime);
    }

    private static ComplaintIntake Intake() => new(ComplaintChannel.Phone, ComplaintCategory.RepairQuality, ComplaintTier.General, "楼上漏水");
}

/// <summary><c>POST /complaints/{id}/work-orders</c> over HTTP, on real PostgreSQL and RabbitMQ.</summary>
public sealed class ComplaintWorkOrderApiTests(ComplaintsScene scene) : IClassFixture<ComplaintsScene>
{
    private ComplaintsApp App => scene.App;

    [Fact]
    public async Task A_request_on_a_complaint_about_a_unit_is_recorded_and_published_through_the_outbox()
    {
        var supervisorId = Guid.NewGuid();
        var supervisor = App.ClientAs(new AccessTokenContent(supervisorId, "客服主管刘洋", [Roles.Supervisor], false, [scene.PropertyA], []));
        var id = await ReceiveAsync(new { propertyId = scene.PropertyA, unitId = scene.A1201.UnitId, channel = "phone", category = "repair_quality", description = "楼上漏水" });

        var response = await supervisor.PostJsonAsync($"/complaints/{id}/work-orders", Order());

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        var request = (await response.ReadJsonAsync()).GetProperty("workOrderRequests").EnumerateArray().ShouldHaveSingleItem();
        request.GetProperty("category").GetString().ShouldBe("plumbing");
        request.GetProperty("requestedBy").GetProperty("personId").GetGuid().ShouldBe(supervisorId);
        var read = await supervisor.GetFromJsonAsync<JsonElement>($"/complaints/{id}", Cancel);
        read.GetProperty("workOrderRequests").GetArrayLength().ShouldBe(1);

        var requestId = request.GetProperty("id").GetGuid();
        var body = JsonDocument.Parse(await Eventually.ReturnsAsync(
            () => App.ScalarAsync<string>($"SELECT body::text FROM outbox_messages WHERE message_id = '{requestId}' AND sent_at IS NOT NULL AND message_type LIKE '%.ComplaintWorkOrderRequested,%'"),
            text => text is not null, ComplaintsApp.Patience)).RootElement;
        body.GetProperty("complaintId").GetGuid().ShouldBe(id);
        body.GetProperty("unitId").GetGuid().ShouldBe(scene.A1201.UnitId);
        body.GetProperty("propertyId").GetGuid().ShouldBe(scene.PropertyA);
        body.GetProperty("description").GetString().ShouldBe("楼上漏水至1201天花板");
        body.GetProperty("requestedById").GetGuid().ShouldBe(supervisorId);
    }

    [Fact]
    public async Task A_complaint_without_a_unit_is_refused_and_nothing_is_published()
    {
        var clerk = App.ClientAs(Roles.FrontDesk, scene.PropertyA);
        var anonymous = await ReceiveAsync(new { propertyId = scene.PropertyA, anonymous = true, channel = "letter", category = "cleaning", description = "大堂不清洁" });
        var named = await ReceiveAsync(new { propertyId = scene.PropertyA, complainantName = "路人王先生", channel = "phone", category = "parking", description = "车位被占" });
        var outbox = await OutboxCountAsync();

        foreach (var id in new[] { anonymous, named })
        {
            var problem = await (await clerk.PostJsonAsync($"/complaints/{id}/work-orders", Order())).ShouldBeProblemAsync(HttpStatusCode.Conflict);
            problem.GetProperty("detail").GetString()!.ShouldContain("unit");
        }

        (await OutboxCountAsync()).ShouldBe(outbox);
        (await App.ScalarAsync<long>($"SELECT count(*) FROM complaint_work_order_requests WHERE complaint_id IN ('{anonymous}', '{named}')")).ShouldBe(0);
    }

    [Fact]
    public async Task A_bad_request_or_another_propertys_complaint_changes_nothing()
    {
        var id = await ReceiveAsync(new { propertyId = scene.PropertyA, unitId = scene.A1201.UnitId, channel = "phone", category = "noise", description = "噪音" });
        var outbox = await OutboxCountAsync();

        await (await App.ClientAs(Roles.FrontDesk, scene.PropertyA).PostJsonAsync($"/complaints/{id}/work-orders",
            JsonSerializer.Serialize(new { priority = "high", description = "修" }))).ShouldHaveFieldErrorAsync("category");
        await (await App.ClientAs(Roles.Manager, scene.PropertyB).PostJsonAsync($"/complaints/{id}/work-orders", Order()))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await OutboxCountAsync()).ShouldBe(outbox);
    }

    private async Task<Guid> ReceiveAsync(object complaint)
    {
        var response = await App.ClientAs(Roles.FrontDesk, scene.PropertyA).PostJsonAsync("/complaints", JsonSerializer.Serialize(complaint));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task The_outcome_of_the_order_it_raised_shows_on_the_complaint_once_even_when_delivered_twice()
    {
        var clerk = App.ClientAs(Roles.FrontDesk, scene.PropertyA);
        var id = await ReceiveAsync(new { propertyId = scene.PropertyA, unitId = scene.A1201.UnitId, channel = "phone", category = "engineering", description = "楼上漏水" });
        var before = await clerk.GetAsync($"/complaints/{id}", Cancel);
        var orderId = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow;
        var submitted = new WorkOrderSubmitted(Guid.NewGuid(), at, scene.PropertyA, orderId, "GD-20261124-0007", scene.A1201.UnitId, "1201",
            WorkOrderCategory.Plumbing, WorkOrderPriority.High, IntakeChannel.Complaint, "投诉: 楼上漏水", id);
        var completed = new WorkOrderCompleted(Guid.NewGuid(), at.AddHours(2), scene.PropertyA, orderId, "GD-20261124-0007", scene.A1201.UnitId, "1201",
            null, Guid.NewGuid(), "维修工张师傅", "更换上水管", at.AddDays(1), id);
        // An order nobody complained about is not the complaint's business.
        var unrelated = new WorkOrderClosed(Guid.NewGuid(), at, scene.PropertyA, Guid.NewGuid(), "GD-20261124-0008", scene.A1201.UnitId, null, Guid.NewGuid(), "客服主管刘洋");

        // Each event type has its own queue, so their order of arrival is not the order of publishing: the intake is
        // awaited first (an intake arriving after the outcome is ignored, as the entity tests show).
        await App.PublishAsync(submitted);
        await Eventually.ReturnsAsync(() => clerk.GetFromJsonAsync<JsonElement>($"/complaints/{id}", Cancel),
            c => c.GetProperty("workOrders").GetArrayLength() == 1, ComplaintsApp.Patience);
        await App.PublishAsync(completed);
        await App.PublishAsync(completed);
        await App.PublishAsync(unrelated);

        await Eventually.ReturnsAsync(() => Task.FromResult(App.Consumed.Count(completed.EventId) + App.Consumed.Count(unrelated.EventId)), n => n == 3, ComplaintsApp.Patience);
        var read = await Eventually.ReturnsAsync(() => clerk.GetFromJsonAsync<JsonElement>($"/complaints/{id}", Cancel),
            c => c.GetProperty("workOrders").EnumerateArray().Any(o => o.GetProperty("status").GetString() == "completed"), ComplaintsApp.Patience);
        var order = read.GetProperty("workOrders").EnumerateArray().ShouldHaveSingleItem();
        order.GetProperty("workOrderId").GetGuid().ShouldBe(orderId);
        order.GetProperty("number").GetString().ShouldBe("GD-20261124-0007");
        order.GetProperty("outcome").GetString().ShouldBe("更换上水管");
        var notes = read.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("note").GetString()).Where(n => n?.StartsWith("工单") == true).ToList();
        notes.ShouldBe(["工单 GD-20261124-0007 已受理", "工单 GD-20261124-0007 已完工: 更换上水管"]);
        // The version moved on: a step sent with the version read before is refused.
        var stale = new HttpRequestMessage(HttpMethod.Post, $"/complaints/{id}/investigate");
        stale.Headers.IfMatch.Add(before.Headers.ETag!);
        (await clerk.SendAsync(stale, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    private Task<long> OutboxCountAsync() => App.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.ComplaintWorkOrderRequested,%'");

    private static string Order() => JsonSerializer.Serialize(new { category = "plumbing", priority = "high", description = "楼上漏水至1201天花板" });
}
