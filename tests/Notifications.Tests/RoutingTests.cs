using System.Net;
using System.Text.Json;
using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Contracts.Reception;
using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Notifications.Tests;

/// <summary>
/// Events without a consumer of their own reach the people of their route (the occupants of the unit, staff roles),
/// administrators change who hears what per property, and complaint and reception events reach their webhooks.
/// </summary>
public sealed class RoutingTests(TestInfrastructure infrastructure)
{
    private readonly Guid _propertyId = Guid.NewGuid();

    private readonly Guid _unitId = Guid.NewGuid();

    private readonly Guid _occupantId = Guid.NewGuid();

    [Fact]
    public async Task A_visitor_checking_in_reaches_the_occupant_of_the_unit_and_not_the_neighbours()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);
        await MoveInAsync(app, _occupantId, _unitId);
        await MoveInAsync(app, Guid.NewGuid(), Guid.NewGuid());
        var checkedIn = new VisitorCheckedIn(Guid.NewGuid(), DateTimeOffset.UtcNow, _propertyId, Guid.NewGuid(), _unitId, "1201", "陈先生", 2);

        var replayed = Guid.NewGuid();
        await app.PublishAsync(checkedIn);
        await app.PublishAsync(checkedIn, replayed);

        var entry = await Inbox.SingleAsync(app.ClientAsOccupant(_occupantId, _propertyId, _unitId));
        entry.GetProperty("title").GetString().ShouldBe("您的访客 陈先生 已到达");
        entry.GetProperty("link").GetString().ShouldBe($"/api/reception/visits/{checkedIn.VisitId}");
        await Inbox.HandledAsync(app, checkedIn.EventId, times: 1);
        await Inbox.HandledAsync(app, replayed, times: 1);
        (await app.ScalarAsync<long>($"SELECT count(*) FROM inbox_entries WHERE source_event_id = '{checkedIn.EventId}'")).ShouldBe(1);
    }

    [Fact]
    public async Task An_administrator_sends_new_repair_requests_to_the_supervisors_instead_of_the_front_desk_and_resets_it()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);
        var admin = app.ClientAsAdmin();

        var changed = await admin.PutAsJsonAsync(
            "/routing/WorkOrderSubmitted", new { propertyId = _propertyId, audiences = new[] { "supervisor" }, channels = new[] { "inbox" } }, Cancel);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var submitted = Submitted();
        await app.PublishAsync(submitted);

        var forSupervisors = await Inbox.SingleAsync(app.ClientAs(Roles.Supervisor, _propertyId), "/inbox?role=supervisor");
        forSupervisors.GetProperty("title").GetString().ShouldBe("新报修单 WO-20261207-0001：1201");
        forSupervisors.GetProperty("body").GetString().ShouldBe("卫生间漏水");
        await Inbox.HandledAsync(app, submitted.EventId, times: 1);
        (await app.ScalarAsync<long>("SELECT count(*) FROM inbox_entries WHERE recipient_role = 'Frontdesk'")).ShouldBe(0);

        var routes = await admin.GetFromJsonAsync<JsonElement>($"/routing?propertyId={_propertyId}", Cancel);
        var route = routes.EnumerateArray().Single(r => r.GetProperty("eventType").GetString() == "WorkOrderSubmitted");
        route.GetProperty("isDefault").GetBoolean().ShouldBeFalse();
        route.GetProperty("defaultAudiences").EnumerateArray().Single().GetString().ShouldBe("frontdesk");
        routes.EnumerateArray().ShouldContain(r => r.GetProperty("eventType").GetString() == "AccessCardLost");

        var reset = await admin.DeleteAsync($"/routing/WorkOrderSubmitted?propertyId={_propertyId}", Cancel);
        (await reset.ReadJsonAsync()).GetProperty("isDefault").GetBoolean().ShouldBeTrue();
        var again = Submitted();
        await app.PublishAsync(again);
        (await Inbox.SingleAsync(app.ClientAs(Roles.FrontDesk, _propertyId), "/inbox?role=frontdesk")).GetProperty("sourceEventId").GetGuid().ShouldBe(again.EventId);
    }

    [Fact]
    public async Task Routes_are_changed_by_administrators_only_for_known_events_and_their_own_properties()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);
        var body = new { propertyId = _propertyId, audiences = new[] { "supervisor" }, channels = new[] { "inbox" } };

        (await app.ClientAs(Roles.Manager, _propertyId).PutAsJsonAsync("/routing/WorkOrderSubmitted", body, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.ClientAs(Roles.Manager, _propertyId).GetAsync($"/routing?propertyId={_propertyId}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await app.ClientAsAdmin().PutAsJsonAsync("/routing/BillPaidTwice", body, Cancel)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await app.ClientAs(Roles.Admin, Guid.NewGuid()).PutAsJsonAsync("/routing/WorkOrderSubmitted", body, Cancel)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var noChannel = new { propertyId = _propertyId, audiences = new[] { "supervisor" }, channels = Array.Empty<string>() };
        await (await app.ClientAsAdmin().PutAsJsonAsync("/routing/WorkOrderSubmitted", noChannel, Cancel)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_templates_list_every_event_per_channel_in_chinese_and_english()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);

        var templates = await app.ClientAs(Roles.FrontDesk, _propertyId).GetFromJsonAsync<JsonElement>("/templates?eventType=VisitorCheckedIn", Cancel);

        templates.GetArrayLength().ShouldBe(6);
        var sms = templates.EnumerateArray().Single(t => t.GetProperty("channel").GetString() == "sms" && t.GetProperty("language").GetString() == "en");
        sms.GetProperty("body").GetString().ShouldBe("[PropertyPlatform] Your visitor {VisitorName} has arrived");
        (await app.ClientAsOccupant(_occupantId, _propertyId).GetAsync("/templates", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_subscription_to_complaint_and_reception_events_queues_them_for_its_receiver()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);
        var created = await app.ClientAsAdmin().PostAsJsonAsync(
            "/webhooks", new { propertyId = _propertyId, name = "客服系统", url = "http://127.0.0.1:9/hooks", eventTypes = new[] { "ComplaintReceived", "VisitorCheckedIn" } }, Cancel);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.ReadJsonAsync()).GetProperty("webhook").GetProperty("id").GetGuid();
        var received = new ComplaintReceived(
            Guid.NewGuid(), DateTimeOffset.UtcNow, _propertyId, Guid.NewGuid(), "TS-20261207-0001", _unitId, "1201", ComplaintChannel.Phone,
            ComplaintCategory.Noise, ComplaintTier.General, "楼上装修噪音");
        var checkedIn = new VisitorCheckedIn(Guid.NewGuid(), DateTimeOffset.UtcNow.AddSeconds(1), _propertyId, Guid.NewGuid(), _unitId, "1201", "陈先生", 2);
        var notSubscribed = new VisitorCheckedOut(Guid.NewGuid(), DateTimeOffset.UtcNow, _propertyId, checkedIn.VisitId, _unitId, "1201", "陈先生");

        await app.PublishAsync(received);
        await app.PublishAsync(checkedIn);
        await app.PublishAsync(notSubscribed);
        await Inbox.HandledAsync(app, notSubscribed.EventId, times: 1);

        var deliveries = await Eventually.ReturnsAsync(
            () => app.ClientAsAdmin().GetFromJsonAsync<JsonElement>($"/webhooks/{id}/deliveries", Cancel),
            page => page.GetProperty("total").GetInt32() >= 2,
            NotificationsApp.Patience);
        deliveries.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("eventType").GetString()).ShouldBe(["ComplaintReceived", "VisitorCheckedIn"]);
        var types = await app.ClientAsAdmin().GetFromJsonAsync<string[]>("/webhooks/event-types", Cancel);
        types.ShouldNotBeNull().ShouldContain("AccessCardIssued");
        types.ShouldContain("ComplaintEscalated");
    }

    private async Task MoveInAsync(NotificationsApp app, Guid occupantId, Guid unitId)
    {
        var started = new OccupancyStarted(Guid.NewGuid(), DateTimeOffset.UtcNow, _propertyId, Guid.NewGuid(), unitId, occupantId, OccupancyRole.Tenant, new DateOnly(2026, 1, 1));
        await app.PublishAsync(started);
        await Inbox.HandledAsync(app, started.EventId, times: 1);
    }

    private WorkOrderSubmitted Submitted() => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, _propertyId, Guid.NewGuid(), "WO-20261207-0001", _unitId, "1201", WorkOrderCategory.Plumbing,
        WorkOrderPriority.Normal, IntakeChannel.Phone, "卫生间漏水");
}
