using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Contracts.Reception;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.Notifications.Tests;

/// <summary>
/// The copy of occupants' contacts and units as the start-up fill writes it from Directory's occupants and occupancies
/// feeds (the fill itself is ServiceDefaults'), mixed with Directory's events in either order.
/// </summary>
public sealed class ContactCopyFillTests(TestInfrastructure infrastructure)
{
    private readonly Guid _propertyId = Guid.NewGuid();

    private readonly Guid _unitId = Guid.NewGuid();

    private readonly Guid _occupantId = Guid.NewGuid();

    [Fact]
    public async Task An_occupant_from_the_feeds_is_reachable_at_their_unit_and_a_newer_event_is_not_undone_by_an_older_read()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);
        var readAt = StoredTime.Of(DateTimeOffset.UtcNow);
        var occupant = new OccupantRecord(_occupantId, _propertyId, OccupantKind.Person, "韩梅梅", "13912345678", "han.meimei@example.com", readAt);
        var occupancy = new OccupancyRecord(Guid.NewGuid(), _propertyId, _unitId, _occupantId, OccupancyRole.Tenant, new DateOnly(2026, 1, 1), null, readAt);

        await ApplyAsync(app, occupant);
        await ApplyAsync(app, occupancy);

        (await StateAsync<OccupantRecord>(app)).ShouldBe(new LocalCopyState(1, readAt, false));
        (await StateAsync<OccupancyRecord>(app)).ShouldBe(new LocalCopyState(1, readAt, false));
        (await app.ScalarAsync<string>($"SELECT email_masked FROM contacts WHERE person_id = '{_occupantId}'")).ShouldBe("h***@example.com");
        var arrived = new VisitorCheckedIn(Guid.NewGuid(), DateTimeOffset.UtcNow, _propertyId, Guid.NewGuid(), _unitId, "1201", "陈先生", 1);
        await app.PublishAsync(arrived);
        (await Inbox.SingleAsync(app.ClientAsOccupant(_occupantId, _propertyId, _unitId))).GetProperty("title").GetString().ShouldBe("您的访客 陈先生 已到达");

        // Contacts changed and moved out after the read: the events arrive, then the same (older) read is applied again.
        var changed = new OccupantContactChanged(Guid.NewGuid(), readAt.AddSeconds(1), _propertyId, _occupantId, "韩梅梅", "13912345678", "mei@example.com");
        var ended = new OccupancyEnded(Guid.NewGuid(), readAt.AddSeconds(1), _propertyId, occupancy.OccupancyId, _unitId, _occupantId, OccupancyRole.Tenant,
            occupancy.StartDate, new DateOnly(2026, 12, 1));
        await app.PublishAsync(changed);
        await app.PublishAsync(ended);
        await Inbox.HandledAsync(app, changed.EventId, times: 1);
        await Inbox.HandledAsync(app, ended.EventId, times: 1);
        await ApplyAsync(app, occupant);
        await ApplyAsync(app, occupancy);

        (await app.ScalarAsync<string>($"SELECT email_masked FROM contacts WHERE person_id = '{_occupantId}'")).ShouldBe("m***@example.com");
        var again = arrived with { EventId = Guid.NewGuid(), VisitId = Guid.NewGuid() };
        await app.PublishAsync(again);
        await Inbox.HandledAsync(app, again.EventId, times: 1);
        (await app.ScalarAsync<long>($"SELECT count(*) FROM inbox_entries WHERE source_event_id = '{again.EventId}'")).ShouldBe(0);
    }

    private static async Task ApplyAsync<TRecord>(NotificationsApp app, TRecord record)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ILocalCopy<TRecord>>().ApplyAsync([record], TestContext.Current.CancellationToken);
    }

    private static async Task<LocalCopyState> StateAsync<TRecord>(NotificationsApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ILocalCopy<TRecord>>().ReadStateAsync(TestContext.Current.CancellationToken);
    }
}
