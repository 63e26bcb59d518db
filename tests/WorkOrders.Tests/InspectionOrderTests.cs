using System.Text.Json;
using PropertyPlatform.Contracts.Reception;
using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.WorkOrders.Tests;

/// <summary>An inspection of vacant units asks for a work order through <see cref="InspectionWorkOrderRequested"/>; WorkOrders takes it once.</summary>
public sealed class InspectionOrderTests(TestInfrastructure infrastructure)
{
    [Fact]
    public async Task An_inspections_finding_becomes_one_order_found_on_a_round_and_taken_by_the_inspector_even_when_delivered_twice()
    {
        await using var app = await WorkOrdersApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        await app.WaitForUnitAsync(unit.UnitId);
        var requested = new InspectionWorkOrderRequested(
            Guid.NewGuid(), DateTimeOffset.UtcNow, unit.PropertyId, Guid.NewGuid(), 1, unit.UnitId, WorkOrderCategory.Plumbing,
            WorkOrderPriority.High, "空置房巡查 A座 1201：卫生间水管渗水", Guid.NewGuid(), "保安赵勇");

        await app.PublishAsync(requested);
        await app.PublishAsync(requested);

        await Eventually.ReturnsAsync(() => Task.FromResult(app.Consumed.Count(requested.EventId)), count => count == 2, WorkOrdersApp.Patience);
        const string Found = "description = '空置房巡查 A座 1201：卫生间水管渗水'";
        (await app.ScalarAsync<long>($"SELECT count(*) FROM work_orders WHERE {Found}")).ShouldBe(1);
        var orderId = await app.ScalarAsync<Guid>($"SELECT id FROM work_orders WHERE {Found}");
        var order = await app.ClientAs(Roles.FrontDesk, unit.PropertyId).GetFromJsonAsync<JsonElement>($"/work-orders/{orderId}", Cancel);
        order.GetProperty("channel").GetString().ShouldBe("patrol");
        order.GetProperty("unitId").GetGuid().ShouldBe(unit.UnitId);
        order.GetProperty("category").GetString().ShouldBe("plumbing");
        order.GetProperty("priority").GetString().ShouldBe("high");
        order.GetProperty("takenByName").GetString().ShouldBe("保安赵勇");
        order.GetProperty("status").GetString().ShouldBe("submitted");
    }
}
