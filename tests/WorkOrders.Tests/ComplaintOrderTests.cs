using System.Text.Json;
using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.WorkOrders.Tests;

/// <summary>A complaint asks for a work order through <see cref="ComplaintWorkOrderRequested"/>; WorkOrders takes it once.</summary>
public sealed class ComplaintOrderTests(TestInfrastructure infrastructure)
{
    [Fact]
    public async Task A_complaints_request_becomes_one_order_taken_by_the_requester_even_when_delivered_twice()
    {
        await using var app = await WorkOrdersApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        await app.WaitForUnitAsync(unit.UnitId);
        var requested = Request(unit.PropertyId, unit.UnitId);

        await app.PublishAsync(requested);
        await app.PublishAsync(requested);

        await Eventually.ReturnsAsync(() => Task.FromResult(app.Consumed.Count(requested.EventId)), count => count == 2, WorkOrdersApp.Patience);
        (await app.ScalarAsync<long>($"SELECT count(*) FROM work_orders WHERE complaint_id = '{requested.ComplaintId}'")).ShouldBe(1);
        var orderId = await app.ScalarAsync<Guid>($"SELECT id FROM work_orders WHERE complaint_id = '{requested.ComplaintId}'");
        var order = await app.ClientAs(Roles.FrontDesk, unit.PropertyId).GetFromJsonAsync<JsonElement>($"/work-orders/{orderId}", Cancel);
        order.GetProperty("channel").GetString().ShouldBe("complaint");
        order.GetProperty("complaintId").GetGuid().ShouldBe(requested.ComplaintId);
        order.GetProperty("unitId").GetGuid().ShouldBe(unit.UnitId);
        order.GetProperty("category").GetString().ShouldBe("plumbing");
        order.GetProperty("priority").GetString().ShouldBe("high");
        order.GetProperty("takenById").GetGuid().ShouldBe(requested.RequestedById);
        order.GetProperty("takenByName").GetString().ShouldBe("客服主管刘洋");
        order.GetProperty("description").GetString().ShouldBe("投诉 CP-20261124-0003: 楼上漏水至1201天花板");
        order.GetProperty("status").GetString().ShouldBe("submitted");
        await Eventually.ReturnsAsync(
            () => app.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE sent_at IS NOT NULL AND body->>'workOrderId' = '{orderId}' AND message_type LIKE '%WorkOrderSubmitted%'"),
            count => count == 1, WorkOrdersApp.Patience);
    }

    [Fact]
    public async Task A_request_for_a_unit_not_known_yet_is_retried_until_the_unit_arrives()
    {
        await using var app = await WorkOrdersApp.StartAsync(infrastructure);
        var propertyId = Guid.NewGuid();
        var unit = new Contracts.Directory.UnitRegistered(
            Guid.NewGuid(), DateTimeOffset.UtcNow, propertyId, Guid.NewGuid(), Guid.NewGuid(), "A座", "1201", 12, Contracts.Directory.UnitType.Office, 120.5m);
        var requested = Request(propertyId, unit.UnitId);

        await app.PublishAsync(requested);
        // Within the consumer's retries (about 6 s in all): Directory's unit event arrives a little after the complaint's request.
        await Task.Delay(TimeSpan.FromMilliseconds(300), Cancel);
        (await app.ScalarAsync<long>($"SELECT count(*) FROM work_orders WHERE complaint_id = '{requested.ComplaintId}'")).ShouldBe(0);
        await app.PublishAsync(unit);

        await Eventually.ReturnsAsync(
            () => app.ScalarAsync<long>($"SELECT count(*) FROM work_orders WHERE complaint_id = '{requested.ComplaintId}'"), count => count == 1,
            WorkOrdersApp.Patience);
    }

    private static ComplaintWorkOrderRequested Request(Guid propertyId, Guid unitId) => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, propertyId, Guid.NewGuid(), "CP-20261124-0003", unitId,
        WorkOrderCategory.Plumbing, WorkOrderPriority.High, "楼上漏水至1201天花板", Guid.NewGuid(), "客服主管刘洋");
}
