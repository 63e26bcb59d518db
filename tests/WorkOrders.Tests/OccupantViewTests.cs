using System.Net;
using System.Text.Json;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;
using static PropertyPlatform.WorkOrders.Tests.OccupantsWithOrders;

namespace PropertyPlatform.WorkOrders.Tests;

/// <summary>
/// The occupant's side of a repair, through the API: report it, follow it in the timeline, comment, add photos,
/// cancel before work starts, answer a quote, rate the work; and nothing of it for another occupant.
/// </summary>
public sealed class OccupantViewTests(OccupantsWithOrders world) : IClassFixture<OccupantsWithOrders>
{
    [Fact]
    public async Task An_occupant_reports_comments_adds_a_photo_follows_the_timeline_and_cancels_before_work_starts()
    {
        var occupant = world.OccupantClient();
        var order = await world.SubmitAsync(occupant);

        var commented = await ActAsync(occupant, order, "comments", """{"text":"下午两点后家里有人"}""");
        (await UploadAsync(occupant, order, Jpeg())).StatusCode.ShouldBe(HttpStatusCode.OK);
        await ActAsync(world.StaffClient(Roles.FrontDesk), order, "comments", """{"text":"已联系工程部, 今天下午上门"}""");

        var comment = commented.GetProperty("timeline").EnumerateArray().Last();
        (comment.GetProperty("kind").GetString(), comment.GetProperty("note").GetString(), comment.GetProperty("actorId").GetGuid())
            .ShouldBe(("comment", "下午两点后家里有人", world.Occupant));
        comment.GetProperty("to").GetString().ShouldBe("submitted");

        var listed = await occupant.GetFromJsonAsync<JsonElement>("/work-orders?pageSize=200", Cancel);
        listed.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()).ShouldContain(order);
        var detail = await occupant.GetFromJsonAsync<JsonElement>($"/work-orders/{order}", Cancel);
        detail.GetProperty("timeline").EnumerateArray().Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("note").GetString())).ShouldBe(
        [
            ("transition", null), ("comment", "下午两点后家里有人"), ("note", "添加照片 1 张"), ("comment", "已联系工程部, 今天下午上门"),
        ]);
        detail.GetProperty("photos").GetArrayLength().ShouldBe(1);

        var cancelled = await ActAsync(occupant, order, "cancel", """{"reason":"自己修好了"}""");

        cancelled.GetProperty("status").GetString().ShouldBe("cancelled");
        cancelled.GetProperty("cancelReason").GetString().ShouldBe("自己修好了");
        await (await occupant.PostJsonAsync($"/work-orders/{order}/comments", """{"text":"还在吗"}""")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Once_work_has_started_the_occupant_cannot_cancel_but_rates_the_finished_work()
    {
        var occupant = world.OccupantClient();
        var order = await world.SubmitAsync(occupant);
        await ActAsync(world.StaffClient(Roles.FrontDesk), order, "dispatch", JsonSerializer.Serialize(new { assigneeId = world.EngineerId }));
        await ActAsync(world.EngineerClient(), order, "accept");
        await ActAsync(world.EngineerClient(), order, "start");

        await (await occupant.PostJsonAsync($"/work-orders/{order}/cancel", """{"reason":"不修了"}""")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await ActAsync(occupant, order, "comments", """{"text":"师傅辛苦了"}""");
        await ActAsync(world.EngineerClient(), order, "complete", """{"summary":"更换阀门","labourMinutes":30}""");

        var rated = await ActAsync(occupant, order, "follow-up", """{"satisfaction":5,"comment":"修得很好"}""");

        rated.GetProperty("status").GetString().ShouldBe("followed_up");
        rated.GetProperty("followUp").GetProperty("satisfaction").GetInt32().ShouldBe(5);
        rated.GetProperty("timeline").EnumerateArray().Last().GetProperty("actorId").GetGuid().ShouldBe(world.Occupant);

        await ActAsync(world.StaffClient(Roles.FrontDesk), order, "close");
        await (await occupant.PostJsonAsync($"/work-orders/{order}/comments", """{"text":"谢谢"}""")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await UploadAsync(occupant, order, Jpeg())).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_unsatisfied_occupant_reopens_their_order_and_answers_a_quote()
    {
        var occupant = world.OccupantClient();
        var order = await world.SubmitAsync(occupant);
        await world.CompleteAsync(order);

        (await ActAsync(occupant, order, "reopen", """{"reason":"又漏了"}""")).GetProperty("status").GetString().ShouldBe("reopened");
        await ActAsync(world.StaffClient(Roles.FrontDesk), order, "quote", """{"amount":120,"description":"更换整个龙头"}""");

        (await ActAsync(occupant, order, "quote/decline")).GetProperty("quote").GetProperty("status").GetString().ShouldBe("declined");
        await ActAsync(world.StaffClient(Roles.FrontDesk), order, "quote", """{"amount":100,"description":"更换整个龙头"}""");
        (await ActAsync(occupant, order, "quote/accept")).GetProperty("quote").GetProperty("status").GetString().ShouldBe("accepted");
    }

    public static TheoryData<string> OccupantActions() =>
        ["get", "comments", "photos", "list photos", "cancel", "follow-up", "reopen", "quote/accept", "quote/decline"];

    [Theory]
    [MemberData(nameof(OccupantActions))]
    public async Task Another_occupants_order_is_404_for_everything_and_stays_as_it_was(string action)
    {
        // The order is in the state each action needs, so only the scope can refuse it.
        var order = await world.SubmitAsync();
        if (action is "follow-up" or "reopen")
        {
            await world.CompleteAsync(order);
        }
        if (action.StartsWith("quote", StringComparison.Ordinal))
        {
            await ActAsync(world.StaffClient(Roles.FrontDesk), order, "quote", """{"amount":80,"description":"上门服务费"}""");
        }
        var before = await world.OccupantClient().GetFromJsonAsync<JsonElement>($"/work-orders/{order}", Cancel);
        var neighbour = world.NeighbourClient();

        var response = action switch
        {
            "get" => await neighbour.GetAsync($"/work-orders/{order}", Cancel),
            "list photos" => await neighbour.GetAsync($"/work-orders/{order}/photos", Cancel),
            "photos" => await UploadAsync(neighbour, order, Jpeg()),
            "comments" => await neighbour.PostJsonAsync($"/work-orders/{order}/comments", """{"text":"楼上的"}"""),
            "follow-up" => await neighbour.PostJsonAsync($"/work-orders/{order}/follow-up", """{"satisfaction":1}"""),
            "cancel" or "reopen" => await neighbour.PostJsonAsync($"/work-orders/{order}/{action}", """{"reason":"不要了"}"""),
            _ => await neighbour.PostJsonAsync($"/work-orders/{order}/{action}", "{}"),
        };

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem.GetProperty("title").GetString().ShouldBe("The work order was not found.");
        var after = await world.OccupantClient().GetFromJsonAsync<JsonElement>($"/work-orders/{order}", Cancel);
        after.GetProperty("status").GetString().ShouldBe(before.GetProperty("status").GetString());
        after.GetProperty("timeline").GetArrayLength().ShouldBe(before.GetProperty("timeline").GetArrayLength());
        after.GetProperty("photos").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Neighbours_lists_do_not_show_the_order()
    {
        var order = await world.SubmitAsync();

        var listed = await world.NeighbourClient().GetFromJsonAsync<JsonElement>("/work-orders?pageSize=200", Cancel);

        listed.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()).ShouldNotContain(order);
    }

    [Fact]
    public async Task A_comment_needs_text_and_roles_that_do_not_see_orders_get_403()
    {
        var order = await world.SubmitAsync();

        await (await world.OccupantClient().PostJsonAsync($"/work-orders/{order}/comments", """{"text":" "}""")).ShouldHaveFieldErrorAsync("text");
        await (await world.OccupantClient().PostJsonAsync($"/work-orders/{order}/comments", JsonSerializer.Serialize(new { text = new string('长', 1001) })))
            .ShouldHaveFieldErrorAsync("text");
        await (await world.StaffClient(Roles.Security).PostJsonAsync($"/work-orders/{order}/comments", """{"text":"看看"}""")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await world.App.CreateClient().PostJsonAsync($"/work-orders/{order}/comments", """{"text":"看看"}""")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await world.App.ClientAs(Roles.FrontDesk, world.PropertyB).PostJsonAsync($"/work-orders/{order}/comments", """{"text":"看看"}"""))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await world.OccupantClient().GetFromJsonAsync<JsonElement>($"/work-orders/{order}", Cancel)).GetProperty("timeline").GetArrayLength().ShouldBe(1);
    }
}
