using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.WorkOrders.Tests;

/// <summary>
/// WorkOrders' copy of staff as the start-up fill writes it from Directory's staff feed (the fill itself is
/// ServiceDefaults', tested against a real Directory there), mixed with StaffChanged events in either order.
/// </summary>
public sealed class StaffCopyFillTests(TestInfrastructure infrastructure)
{
    [Fact]
    public async Task Staff_from_the_feed_get_a_row_per_property_and_a_newer_event_is_not_undone_by_an_older_read()
    {
        await using var app = await WorkOrdersApp.StartAsync(infrastructure);
        var tower = Guid.NewGuid();
        var park = Guid.NewGuid();
        var staffId = Guid.NewGuid();
        var readAt = PropertyPlatform.ServiceDefaults.Domain.StoredTime.Of(DateTimeOffset.UtcNow);
        var record = new StaffRecord(staffId, "李工", "13900139000", Department.Engineering, [StaffRole.Engineer], [tower, park], readAt);

        await ApplyAsync(app, record);

        (await DispatchableAsync(app, staffId, tower)).ShouldBeTrue();
        (await DispatchableAsync(app, staffId, park)).ShouldBeTrue();
        (await StateAsync(app)).ShouldBe(new LocalCopyState(1, readAt, false));

        // Taken off the tower after the read: the event arrives, then the same (older) read is applied again.
        var takenOff = new StaffChanged(Guid.NewGuid(), readAt.AddSeconds(1), tower, staffId, false, "李工", "13900139000",
            Department.Engineering, [StaffRole.Engineer], [park]);
        await app.PublishAsync(takenOff);
        await Eventually.ReturnsAsync(() => DispatchableAsync(app, staffId, tower), dispatchable => !dispatchable, WorkOrdersApp.Patience);
        await ApplyAsync(app, record);

        (await DispatchableAsync(app, staffId, tower)).ShouldBeFalse();
        (await DispatchableAsync(app, staffId, park)).ShouldBeTrue();
    }

    private static async Task ApplyAsync(WorkOrdersApp app, StaffRecord record)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ILocalCopy<StaffRecord>>().ApplyAsync([record], TestContext.Current.CancellationToken);
    }

    private static async Task<LocalCopyState> StateAsync(WorkOrdersApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ILocalCopy<StaffRecord>>().ReadStateAsync(TestContext.Current.CancellationToken);
    }

    private static Task<bool> DispatchableAsync(WorkOrdersApp app, Guid staffId, Guid propertyId) =>
        app.ScalarAsync<bool>($"SELECT can_be_dispatched FROM engineers WHERE person_id = '{staffId}' AND property_id = '{propertyId}'");
}
