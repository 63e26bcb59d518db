using System.Net;
using System.Text.Json;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.WorkOrders.Tests;

/// <summary><c>GET /board</c>: the morning meeting's sections, each filled by driving orders through the API.</summary>
public sealed class BoardTests(TestInfrastructure infrastructure)
{
    private static readonly DateTimeOffset Morning = new(2027, 5, 10, 8, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Each_section_holds_the_orders_that_need_chasing_and_only_those()
    {
        await using var app = await WorkOrderDriver.StartAsync(infrastructure);
        var driver = new WorkOrderDriver(app);
        var property = Guid.NewGuid();
        var (unit, _) = await driver.UnitAsync("1201", property);
        var engineer = await driver.EngineerAsync(property);

        // Yesterday morning.
        driver.At(Morning.AddDays(-1));
        var unanswered = await driver.SubmitAsync(property, unit, description: "派单后无人接单");
        await driver.DispatchAsync(property, unanswered, engineer);
        var undispatched = await driver.SubmitAsync(property, unit, priority: "emergency", description: "紧急未派单");
        var waitingForParts = await driver.SubmitAsync(property, unit, description: "等配件");
        await driver.DispatchAsync(property, waitingForParts, engineer);
        await driver.AcceptAndStartAsync(property, waitingForParts, engineer);
        await driver.HoldAsync(property, waitingForParts, engineer, Morning.AddDays(-1).AddHours(2));
        var waitingForAccess = await driver.SubmitAsync(property, unit, description: "等业主在家");
        await driver.DispatchAsync(property, waitingForAccess, engineer);
        await driver.AcceptAndStartAsync(property, waitingForAccess, engineer);
        await driver.HoldAsync(property, waitingForAccess, engineer, Morning.AddDays(2));
        var doneYesterday = await driver.SubmitAsync(property, unit, description: "昨天完工");
        await driver.DispatchAsync(property, doneYesterday, engineer);
        await driver.AcceptAndStartAsync(property, doneYesterday, engineer);
        await driver.CompleteAsync(property, doneYesterday, engineer);
        var followedUp = await driver.SubmitAsync(property, unit, description: "已回访");
        await driver.DispatchAsync(property, followedUp, engineer);
        await driver.AcceptAndStartAsync(property, followedUp, engineer);
        await driver.CompleteAsync(property, followedUp, engineer);
        await driver.FollowUpAsync(property, followedUp, 5);

        // This morning, an hour after yesterday's follow-up fell due: the sweeper flags what passed its limits overnight;
        // new work comes in.
        driver.At(Morning.AddHours(1));
        await driver.SweepAsync();
        var justDispatched = await driver.SubmitAsync(property, unit, description: "刚派单");
        await driver.DispatchAsync(property, justDispatched, engineer);
        var doneNow = await driver.SubmitAsync(property, unit, description: "刚完工");
        await driver.DispatchAsync(property, doneNow, engineer);
        await driver.AcceptAndStartAsync(property, doneNow, engineer);
        await driver.CompleteAsync(property, doneNow, engineer);

        var board = await WorkOrderDriver.GetJsonAsync(driver.As(Roles.FrontDesk, property), $"/board?propertyId={property}");

        board.GetProperty("noFeedbackAfterMinutes").GetInt32().ShouldBe(30);
        Section(board, "dispatchedWithoutFeedback").ShouldBe([unanswered]);
        Section(board, "overdue").ShouldBe([unanswered, undispatched], "past the 4 h response limit, and the emergency's 15 min and 4 h");
        Section(board, "onHoldPastResumeTime").ShouldBe([waitingForParts]);
        Section(board, "followUpsDue").ShouldBe([doneYesterday, doneNow], "the one due first first");

        var emergency = Item(board, "overdue", undispatched);
        (emergency.GetProperty("responseOverdue").GetBoolean(), emergency.GetProperty("resolutionOverdue").GetBoolean()).ShouldBe((true, true));
        emergency.GetProperty("priority").GetString().ShouldBe("emergency");
        emergency.GetProperty("unitNumber").GetString().ShouldBe("1201");
        emergency.GetProperty("number").GetString()!.ShouldStartWith("WO-20270509-");
        Item(board, "dispatchedWithoutFeedback", unanswered).GetProperty("assigneeName").GetString().ShouldBe("李工");
        var held = Item(board, "onHoldPastResumeTime", waitingForParts);
        held.GetProperty("resumeAt").GetDateTimeOffset().ShouldBe(Morning.AddDays(-1).AddHours(2));
        held.GetProperty("holdReason").GetString().ShouldBe("等配件");
        Item(board, "followUpsDue", doneYesterday).GetProperty("followUpOverdue").GetBoolean().ShouldBeTrue();
        Item(board, "followUpsDue", doneNow).GetProperty("followUpOverdue").GetBoolean().ShouldBeFalse();
        string[] sections = ["dispatchedWithoutFeedback", "overdue", "onHoldPastResumeTime", "followUpsDue"];
        var onTheBoard = sections.SelectMany(s => Section(board, s)).ToList();
        onTheBoard.ShouldNotContain(waitingForAccess, "its resume time is still ahead");
        onTheBoard.ShouldNotContain(followedUp);
        onTheBoard.ShouldNotContain(justDispatched, "dispatched less than 30 minutes ago");
    }

    [Fact]
    public async Task The_board_is_for_the_desk_and_management_of_the_property()
    {
        await using var app = await WorkOrderDriver.StartAsync(infrastructure);
        var driver = new WorkOrderDriver(app);
        var property = Guid.NewGuid();

        foreach (var role in new[] { Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Admin })
        {
            var board = await WorkOrderDriver.GetJsonAsync(driver.As(role, property), $"/board?propertyId={property}");
            board.GetProperty("overdue").GetProperty("count").GetInt32().ShouldBe(0);
        }
        foreach (var role in new[] { Roles.Engineer, Roles.Security, Roles.Finance, Roles.Occupant })
        {
            await (await driver.As(role, property).GetAsync($"/board?propertyId={property}", Cancel)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        }
        await (await driver.As(Roles.Supervisor, Guid.NewGuid()).GetAsync($"/board?propertyId={property}", Cancel))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await driver.As(Roles.Supervisor, property).GetAsync("/board", Cancel)).ShouldHaveFieldErrorAsync("propertyId");
    }

    private static List<Guid> Section(JsonElement board, string name)
    {
        var section = board.GetProperty(name);
        var ids = section.GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()).ToList();
        section.GetProperty("count").GetInt32().ShouldBe(ids.Count);
        return ids;
    }

    private static JsonElement Item(JsonElement board, string section, Guid id) =>
        board.GetProperty(section).GetProperty("orders").EnumerateArray().Single(o => o.GetProperty("id").GetGuid() == id);
}
