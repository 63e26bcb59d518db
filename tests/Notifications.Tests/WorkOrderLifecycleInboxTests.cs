using System.Net;
using System.Text.Json;
using PropertyPlatform.Contracts;
using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.Notifications.Tests;

/// <summary>
/// WorkOrders' lifecycle events reach the occupant who asked, the engineer on the order, the front desk and the
/// supervisors, over real RabbitMQ and PostgreSQL.
/// </summary>
public sealed class WorkOrderLifecycleInboxTests(TestInfrastructure infrastructure)
{
    private const string Number = "WO-20261122-0001";

    /// <summary>14:30 in China, where the platform's properties are.</summary>
    private static readonly DateTimeOffset DueAt = new(2026, 11, 22, 6, 30, 0, TimeSpan.Zero);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private readonly Guid _propertyId = Guid.NewGuid();

    private readonly Guid _unitId = Guid.NewGuid();

    private readonly Guid _occupantId = Guid.NewGuid();

    private readonly Guid _engineerId = Guid.NewGuid();

    [Fact]
    public async Task A_dispatch_tells_the_occupant_who_is_coming_and_the_engineer_that_the_order_is_theirs()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);
        var dispatched = Dispatched(_occupantId);

        await app.PublishAsync(dispatched);

        var forOccupant = await Inbox.SingleAsync(Occupant(app));
        forOccupant.GetProperty("title").GetString().ShouldBe($"您的报修 {Number} 已派给 张伟");
        forOccupant.GetProperty("body").GetString().ShouldBe("房号：1201\n维修人员：张伟");
        forOccupant.GetProperty("language").GetString().ShouldBe("zh-CN");
        forOccupant.GetProperty("recipient").GetProperty("personId").GetGuid().ShouldBe(_occupantId);
        forOccupant.GetProperty("recipient").GetProperty("role").ValueKind.ShouldBe(JsonValueKind.Null);
        forOccupant.GetProperty("link").GetString().ShouldBe($"/api/workorders/work-orders/{dispatched.WorkOrderId}");
        forOccupant.GetProperty("escalation").GetBoolean().ShouldBeFalse();
        (await Inbox.InEnglishAsync(Occupant(app), Id(forOccupant))).GetProperty("title").GetString()
            .ShouldBe($"Your repair {Number} has been dispatched to 张伟");

        var forEngineer = await Inbox.SingleAsync(Engineer(app));
        forEngineer.GetProperty("title").GetString().ShouldBe($"新派工单 {Number}：1201");
        forEngineer.GetProperty("body").GetString().ShouldBe("房号：1201\n派单人：王芳");
        forEngineer.GetProperty("recipient").GetProperty("personId").GetGuid().ShouldBe(_engineerId);
        var inEnglish = await Inbox.InEnglishAsync(Engineer(app), Id(forEngineer));
        inEnglish.GetProperty("title").GetString().ShouldBe($"New order dispatched to you: {Number}, unit 1201");
        inEnglish.GetProperty("body").GetString().ShouldBe("Unit: 1201\nDispatched by: 王芳");

        // Messages to one person are theirs alone: the desk that dispatched does not get them.
        (await Listed(app.ClientAs(Roles.FrontDesk, _propertyId))).ShouldBeEmpty();
        (await app.ScalarAsync<long>("SELECT count(*) FROM inbox_entries")).ShouldBe(2);
    }

    [Fact]
    public async Task A_dispatch_of_an_order_nobody_in_particular_asked_for_tells_only_the_engineer()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);
        var dispatched = Dispatched(requesterId: null);

        await app.PublishAsync(dispatched);

        await Inbox.HandledAsync(app, dispatched.EventId, times: 1);
        (await app.ScalarAsync<long>("SELECT count(*) FROM inbox_entries")).ShouldBe(1);
        (await app.ScalarAsync<Guid>("SELECT recipient_person_id FROM inbox_entries")).ShouldBe(_engineerId);
    }

    [Fact]
    public async Task An_occupant_reads_their_orders_dispatch_and_completion_and_nothing_of_another_occupants()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);
        var neighbourId = Guid.NewGuid();
        var completed = Completed(_occupantId);
        await app.PublishAsync(Dispatched(_occupantId));
        await app.PublishAsync(Dispatched(neighbourId) with { Number = "WO-20261122-0002" });
        await Inbox.WhenAsync(Occupant(app), "/inbox", total => total == 1);
        await app.PublishAsync(completed);

        var page = await Inbox.WhenAsync(Occupant(app), "/inbox", total => total == 2);
        var items = page.GetProperty("items").EnumerateArray().ToList();
        items.Select(e => e.GetProperty("title").GetString()).ShouldBe([$"您的报修 {Number} 已完工，请评价", $"您的报修 {Number} 已派给 张伟"]);
        items[0].GetProperty("body").GetString().ShouldBe("房号：1201\n处理结果：更换角阀，已试水无渗漏");
        var inEnglish = await Inbox.InEnglishAsync(Occupant(app), Id(items[0]));
        inEnglish.GetProperty("title").GetString().ShouldBe($"Your repair {Number} is completed, please rate it");
        inEnglish.GetProperty("body").GetString().ShouldBe("Unit: 1201\nWork done: 更换角阀，已试水无渗漏");

        var neighbour = app.ClientAsOccupant(neighbourId, _propertyId, Guid.NewGuid());
        await Inbox.SingleAsync(neighbour);
        foreach (var item in items)
        {
            await (await neighbour.GetAsync($"/inbox/{Id(item)}", Cancellation)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task A_completion_without_a_known_requester_tells_nobody()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);
        var completed = Completed(requesterId: null);

        await app.PublishAsync(completed);

        await Inbox.HandledAsync(app, completed.EventId, times: 1);
        (await app.ScalarAsync<long>("SELECT count(*) FROM inbox_entries")).ShouldBe(0);
    }

    [Fact]
    public async Task A_near_time_limit_warns_the_engineer_on_the_order_and_the_front_desk()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);
        var approaching = Approaching(_engineerId);
        var unassigned = Approaching(assigneeId: null) with { Number = "WO-20261122-0002" };

        await app.PublishAsync(approaching);
        await app.PublishAsync(unassigned);

        var forEngineer = await Inbox.SingleAsync(Engineer(app));
        forEngineer.GetProperty("title").GetString().ShouldBe($"工单 {Number} 即将超过响应时限");
        forEngineer.GetProperty("body").GetString().ShouldBe("响应时限于 11月22日 14:30 到期，请尽快处理。");
        var inEnglish = await Inbox.InEnglishAsync(Engineer(app), Id(forEngineer));
        inEnglish.GetProperty("title").GetString().ShouldBe($"Order {Number} is nearing its response time limit");
        inEnglish.GetProperty("body").GetString().ShouldBe("The response time limit ends at 22 Nov 14:30. Please act on it soon.");

        var frontDesk = app.ClientAs(Roles.FrontDesk, _propertyId);
        var forDesk = await Inbox.WhenAsync(frontDesk, "/inbox?role=frontdesk", total => total == 2);
        forDesk.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("sourceEventId").GetGuid())
            .ShouldBe([approaching.EventId, unassigned.EventId], ignoreOrder: true);
        (await app.ScalarAsync<long>("SELECT count(*) FROM inbox_entries")).ShouldBe(3);
    }

    [Fact]
    public async Task A_passed_time_limit_is_escalated_to_the_supervisors_of_the_property_only()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);
        var breached = Breached(assigneeId: null);
        var supervisor = app.ClientAs(Roles.Supervisor, _propertyId);

        await app.PublishAsync(breached);

        var entry = await Inbox.SingleAsync(supervisor);
        entry.GetProperty("recipient").GetProperty("role").GetString().ShouldBe("supervisor");
        entry.GetProperty("escalation").GetBoolean().ShouldBeTrue();
        entry.GetProperty("title").GetString().ShouldBe($"超时升级：工单 {Number} 已超过处理时限");
        entry.GetProperty("body").GetString().ShouldBe("处理时限已于 11月22日 14:30 到期，工单已升级至客服主管，请跟进。\n尚未派单。");
        var inEnglish = await Inbox.InEnglishAsync(supervisor, Id(entry));
        inEnglish.GetProperty("title").GetString().ShouldBe($"Escalation: order {Number} is past its resolution time limit");
        inEnglish.GetProperty("body").GetString()
            .ShouldBe("The resolution time limit ended at 22 Nov 14:30; the order is escalated to the supervisors.\nNo engineer is assigned yet.");

        (await Listed(app.ClientAs(Roles.FrontDesk, _propertyId))).ShouldBeEmpty();
        (await Listed(app.ClientAs(Roles.Engineer, _propertyId))).ShouldBeEmpty();
        (await Listed(app.ClientAs(Roles.Supervisor, Guid.NewGuid()))).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_reopened_order_goes_back_to_the_front_desk_to_be_dispatched_again()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);
        var reopened = new WorkOrderReopened(
            Guid.NewGuid(), DateTimeOffset.UtcNow, _propertyId, Guid.NewGuid(), Number, _unitId, _occupantId, Guid.NewGuid(), "李娜", "回访时业主反映仍有渗水");
        var frontDesk = app.ClientAs(Roles.FrontDesk, _propertyId);

        await app.PublishAsync(reopened);

        var entry = await Inbox.SingleAsync(frontDesk);
        entry.GetProperty("recipient").GetProperty("role").GetString().ShouldBe("frontdesk");
        entry.GetProperty("title").GetString().ShouldBe($"返修：工单 {Number} 需重新派单");
        entry.GetProperty("body").GetString().ShouldBe("原因：回访时业主反映仍有渗水\n操作人：李娜");
        entry.GetProperty("link").GetString().ShouldBe($"/api/workorders/work-orders/{reopened.WorkOrderId}");
        var inEnglish = await Inbox.InEnglishAsync(frontDesk, Id(entry));
        inEnglish.GetProperty("title").GetString().ShouldBe($"Reopened: order {Number} must be dispatched again");
        inEnglish.GetProperty("body").GetString().ShouldBe("Reason: 回访时业主反映仍有渗水\nReopened by: 李娜");
        (await Listed(Occupant(app))).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_pause_tells_the_occupant_why_and_when_work_goes_on_in_local_time()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);
        var held = new WorkOrderPutOnHold(
            Guid.NewGuid(), DateTimeOffset.UtcNow, _propertyId, Guid.NewGuid(), Number, _unitId, _occupantId, _engineerId, "张伟", "等待配件", DueAt);

        await app.PublishAsync(held);

        var entry = await Inbox.SingleAsync(Occupant(app));
        entry.GetProperty("title").GetString().ShouldBe($"您的报修 {Number} 暂停处理");
        entry.GetProperty("body").GetString().ShouldBe("原因：等待配件\n预计 11月22日 14:30 继续处理");
        (await Inbox.InEnglishAsync(Occupant(app), Id(entry))).GetProperty("body").GetString()
            .ShouldBe("Reason: 等待配件\nExpected to go on at 22 Nov 14:30");
    }

    [Fact]
    public async Task A_cancellation_by_the_desk_tells_the_occupant_and_their_own_cancellation_does_not()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);
        var byDesk = new WorkOrderCancelled(
            Guid.NewGuid(), DateTimeOffset.UtcNow, _propertyId, Guid.NewGuid(), Number, _unitId, _occupantId, Guid.NewGuid(), "王芳", "重复报修");
        var byThemselves = byDesk with { EventId = Guid.NewGuid(), WorkOrderId = Guid.NewGuid(), ActorId = _occupantId, ActorName = "李娜" };

        await app.PublishAsync(byThemselves);
        await app.PublishAsync(byDesk);
        await Inbox.HandledAsync(app, byThemselves.EventId, times: 1);

        var entry = await Inbox.SingleAsync(Occupant(app));
        entry.GetProperty("title").GetString().ShouldBe($"您的报修 {Number} 已取消");
        entry.GetProperty("body").GetString().ShouldBe("原因：重复报修\n操作人：王芳");
        entry.GetProperty("link").GetString().ShouldBe($"/api/workorders/work-orders/{byDesk.WorkOrderId}");
        await Inbox.HandledAsync(app, byDesk.EventId, times: 1);
        (await app.ScalarAsync<long>("SELECT count(*) FROM inbox_entries")).ShouldBe(1);
    }

    [Theory]
    [InlineData("dispatched", 2)]
    [InlineData("completed", 1)]
    [InlineData("approaching", 2)]
    [InlineData("breached", 1)]
    [InlineData("reopened", 1)]
    public async Task An_event_delivered_twice_and_replayed_under_a_new_id_writes_its_entries_once(string kind, int recipients)
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);
        var (eventId, publish) = kind switch
        {
            "dispatched" => Publisher(app, Dispatched(_occupantId)),
            "completed" => Publisher(app, Completed(_occupantId)),
            "approaching" => Publisher(app, Approaching(_engineerId)),
            "breached" => Publisher(app, Breached(_engineerId)),
            _ => Publisher(app, new WorkOrderReopened(
                Guid.NewGuid(), DateTimeOffset.UtcNow, _propertyId, Guid.NewGuid(), Number, _unitId, _occupantId, Guid.NewGuid(), "李娜", "仍漏水")),
        };
        var replayId = Guid.NewGuid();

        await publish(eventId);
        await publish(eventId);
        await Inbox.HandledAsync(app, eventId, times: 2);
        await publish(replayId);
        await Inbox.HandledAsync(app, replayId, times: 1);

        (await app.ScalarAsync<long>("SELECT count(*) FROM inbox_entries")).ShouldBe(recipients);
        (await app.ScalarAsync<long>("SELECT count(DISTINCT recipient_key) FROM inbox_entries")).ShouldBe(recipients);
    }

    private static (Guid EventId, Func<Guid, Task> Publish) Publisher<TEvent>(NotificationsApp app, TEvent integrationEvent)
        where TEvent : class, IIntegrationEvent =>
        (integrationEvent.EventId, messageId => app.PublishAsync(integrationEvent, messageId));

    private HttpClient Occupant(NotificationsApp app) => app.ClientAsOccupant(_occupantId, _propertyId, _unitId);

    private HttpClient Engineer(NotificationsApp app) =>
        app.ClientAs(new AccessTokenContent(_engineerId, "张伟", [Roles.Engineer], false, [_propertyId], []));

    private static Guid Id(JsonElement entry) => entry.GetProperty("id").GetGuid();

    private static async Task<List<Guid>> Listed(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/inbox", Cancellation)).GetProperty("items").EnumerateArray().Select(Id).ToList();

    private WorkOrderDispatched Dispatched(Guid? requesterId) => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, _propertyId, Guid.NewGuid(), Number, _unitId, "1201", requesterId, Guid.NewGuid(), "王芳", _engineerId, "张伟");

    private WorkOrderCompleted Completed(Guid? requesterId) => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, _propertyId, Guid.NewGuid(), Number, _unitId, "1201", requesterId, _engineerId, "张伟",
        "更换角阀，已试水无渗漏", DateTimeOffset.UtcNow.AddHours(24));

    private WorkOrderDeadlineApproaching Approaching(Guid? assigneeId) => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, _propertyId, Guid.NewGuid(), Number, _unitId, TimeLimitKind.Response, DueAt, assigneeId);

    private WorkOrderDeadlineBreached Breached(Guid? assigneeId) => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, _propertyId, Guid.NewGuid(), Number, _unitId, TimeLimitKind.Resolution, DueAt, assigneeId);
}
