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

    private Task<long> OutboxCountAsync() => App.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.ComplaintWorkOrderRequested,%'");

    private static string Order() => JsonSerializer.Serialize(new { category = "plumbing", priority = "high", description = "楼上漏水至1201天花板" });
}
