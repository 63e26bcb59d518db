using System.Text.Json;
using PropertyPlatform.Contracts;
using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Notifications.Tests;

/// <summary>
/// Complaints' events reach the front desk, the complaint's owner, the supervisors or managers, and the occupant who
/// complained, over real RabbitMQ and PostgreSQL; once per event and recipient.
/// </summary>
public sealed class ComplaintInboxTests(TestInfrastructure infrastructure)
{
    private const string Number = "TS-20261206-0001";

    private readonly Guid _propertyId = Guid.NewGuid();

    private readonly Guid _complaintId = Guid.NewGuid();

    private readonly Guid _unitId = Guid.NewGuid();

    private readonly Guid _occupantId = Guid.NewGuid();

    private readonly Guid _ownerId = Guid.NewGuid();

    [Fact]
    public async Task A_received_complaint_reaches_the_front_desk_of_its_property_with_a_link_to_it()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);

        await app.PublishAsync(Received());

        var entry = await Inbox.SingleAsync(app.ClientAs(Roles.FrontDesk, _propertyId));
        entry.GetProperty("title").GetString().ShouldBe($"新投诉 {Number}：1201 楼上装修噪音");
        entry.GetProperty("recipient").GetProperty("role").GetString().ShouldBe("frontdesk");
        entry.GetProperty("link").GetString().ShouldBe($"/api/complaints/complaints/{_complaintId}");
        entry.GetProperty("escalation").GetBoolean().ShouldBeFalse();
        (await Listed(app.ClientAs(Roles.FrontDesk, Guid.NewGuid()))).ShouldBeEmpty();
        (await Listed(app.ClientAsOccupant(_occupantId, _propertyId, _unitId))).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_escalation_to_the_managers_reaches_them_as_an_escalation_and_not_the_front_desk()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);
        var escalated = Escalated(ComplaintEscalationLevel.Manager);

        await app.PublishAsync(escalated);

        var entry = await Inbox.SingleAsync(app.ClientAs(Roles.Manager, _propertyId), "/inbox?role=manager");
        entry.GetProperty("title").GetString().ShouldBe($"投诉升级：{Number}（集体）");
        entry.GetProperty("escalation").GetBoolean().ShouldBeTrue();
        (await Listed(app.ClientAs(Roles.FrontDesk, _propertyId))).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_answer_reaches_the_occupant_who_complained_and_nobody_when_staff_took_it_for_someone()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);
        var forOccupant = Responded(_occupantId);
        var takenByStaff = Responded(complainantId: null);

        await app.PublishAsync(takenByStaff);
        await app.PublishAsync(forOccupant);
        await Inbox.HandledAsync(app, takenByStaff.EventId, times: 1);

        var entry = await Inbox.SingleAsync(app.ClientAsOccupant(_occupantId, _propertyId, _unitId));
        entry.GetProperty("sourceEventId").GetGuid().ShouldBe(forOccupant.EventId);
        entry.GetProperty("title").GetString().ShouldBe($"您的投诉 {Number} 已答复，请反馈是否满意");
        (await Inbox.InEnglishAsync(app.ClientAsOccupant(_occupantId, _propertyId, _unitId), entry.GetProperty("id").GetGuid()))
            .GetProperty("body").GetString().ShouldBe("Finding: 装修超时施工\nAction taken: 已责令停工整改\nThe complaint was upheld.");
        await Inbox.HandledAsync(app, forOccupant.EventId, times: 1);
        (await app.ScalarAsync<long>("SELECT count(*) FROM inbox_entries")).ShouldBe(1);
        (await Listed(app.ClientAsOccupant(Guid.NewGuid(), _propertyId, _unitId))).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_reminder_goes_to_the_owner_and_while_nobody_owns_the_complaint_to_the_front_desk()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);
        var owned = Approaching(_ownerId);
        var unowned = Approaching(ownerId: null);

        await app.PublishAsync(owned);
        await app.PublishAsync(unowned);

        // The owner works at the desk too: their own message is the one addressed to them.
        var forOwner = await Inbox.SingleAsync(Owner(app), $"/inbox?personId={_ownerId}");
        forOwner.GetProperty("sourceEventId").GetGuid().ShouldBe(owned.EventId);
        forOwner.GetProperty("recipient").GetProperty("personId").GetGuid().ShouldBe(_ownerId);
        var forDesk = await Inbox.SingleAsync(app.ClientAs(Roles.FrontDesk, _propertyId), "/inbox?role=frontdesk");
        forDesk.GetProperty("sourceEventId").GetGuid().ShouldBe(unowned.EventId);
        forDesk.GetProperty("body").GetString().ShouldBe("答复时限于 12月6日 18:00 到期，请尽快处理。");
    }

    [Fact]
    public async Task A_breached_deadline_tells_the_owner_while_the_supervisors_hear_it_once_through_the_escalation()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);
        var breached = new ComplaintDeadlineBreached(
            Guid.NewGuid(), DateTimeOffset.UtcNow, _propertyId, _complaintId, Number, _unitId, ComplaintDeadline.Reply, DueAt, _ownerId);
        var escalated = Escalated(ComplaintEscalationLevel.Supervisor);

        await app.PublishAsync(breached);
        await app.PublishAsync(escalated);

        (await Inbox.SingleAsync(Owner(app))).GetProperty("title").GetString().ShouldBe($"投诉 {Number} 已超过答复时限");
        var forSupervisors = await Inbox.SingleAsync(app.ClientAs(Roles.Supervisor, _propertyId), "/inbox?role=supervisor");
        forSupervisors.GetProperty("sourceEventId").GetGuid().ShouldBe(escalated.EventId);
        await Inbox.HandledAsync(app, breached.EventId, times: 1);
        (await app.ScalarAsync<long>("SELECT count(*) FROM inbox_entries")).ShouldBe(2);
    }

    [Fact]
    public async Task A_hand_over_tells_the_new_owner_unless_they_took_it_over_themselves()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);
        var handedOver = new ComplaintHandedOver(
            Guid.NewGuid(), DateTimeOffset.UtcNow, _propertyId, _complaintId, Number, _unitId, Guid.NewGuid(), "王芳", _ownerId, "李强", "转工程部", Guid.NewGuid(), "王芳");
        var tookItThemselves = handedOver with { EventId = Guid.NewGuid(), ComplaintId = Guid.NewGuid(), ByPersonId = _ownerId, ByName = "李强" };

        await app.PublishAsync(tookItThemselves);
        await app.PublishAsync(handedOver);
        await Inbox.HandledAsync(app, tookItThemselves.EventId, times: 1);

        (await Inbox.SingleAsync(Owner(app))).GetProperty("sourceEventId").GetGuid().ShouldBe(handedOver.EventId);
        await Inbox.HandledAsync(app, handedOver.EventId, times: 1);
        (await app.ScalarAsync<long>("SELECT count(*) FROM inbox_entries")).ShouldBe(1);
    }

    [Theory]
    [InlineData("received")]
    [InlineData("escalated")]
    [InlineData("responded")]
    [InlineData("reopened")]
    [InlineData("hot")]
    public async Task An_event_delivered_twice_and_replayed_under_a_new_id_writes_one_entry(string kind)
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);
        var (eventId, publish) = kind switch
        {
            "received" => Publisher(app, Received()),
            "escalated" => Publisher(app, Escalated(ComplaintEscalationLevel.Supervisor)),
            "responded" => Publisher(app, Responded(_occupantId)),
            "reopened" => Publisher(app, new ComplaintReopened(
                Guid.NewGuid(), DateTimeOffset.UtcNow, _propertyId, _complaintId, Number, _unitId, "业户不满意", 1, _ownerId)),
            _ => Publisher(app, new ComplaintsProposedAsHot(
                Guid.NewGuid(), DateTimeOffset.UtcNow, _propertyId, Guid.NewGuid(), [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()], ComplaintCategory.Noise, "3号楼")),
        };
        var replayId = Guid.NewGuid();

        await publish(eventId);
        await publish(eventId);
        await Inbox.HandledAsync(app, eventId, times: 2);
        await publish(replayId);
        await Inbox.HandledAsync(app, replayId, times: 1);

        (await app.ScalarAsync<long>("SELECT count(*) FROM inbox_entries")).ShouldBe(1);
    }

    /// <summary>18:00 in China.</summary>
    private static readonly DateTimeOffset DueAt = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    private static (Guid EventId, Func<Guid, Task> Publish) Publisher<TEvent>(NotificationsApp app, TEvent integrationEvent)
        where TEvent : class, IIntegrationEvent =>
        (integrationEvent.EventId, messageId => app.PublishAsync(integrationEvent, messageId));

    private HttpClient Owner(NotificationsApp app) =>
        app.ClientAs(new AccessTokenContent(_ownerId, "李强", [Roles.FrontDesk], false, [_propertyId], []));

    private static async Task<List<Guid>> Listed(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/inbox", Cancel)).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();

    private ComplaintReceived Received() => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, _propertyId, _complaintId, Number, _unitId, "1201",
        ComplaintChannel.OccupantApp, ComplaintCategory.Noise, ComplaintTier.General, "楼上装修噪音");

    private ComplaintEscalated Escalated(ComplaintEscalationLevel level) => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, _propertyId, _complaintId, Number, _unitId, ComplaintTier.Collective, level, "集体投诉", _ownerId, Guid.NewGuid(), "王芳");

    private ComplaintResponded Responded(Guid? complainantId) => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, _propertyId, Guid.NewGuid(), Number, _unitId, ComplaintTier.General, true, "装修超时施工", "已责令停工整改", complainantId);

    private ComplaintDeadlineApproaching Approaching(Guid? ownerId) => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, _propertyId, Guid.NewGuid(), Number, _unitId, ComplaintDeadline.Reply, DueAt, ownerId);
}
