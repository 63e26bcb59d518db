using System.Net;
using System.Text.Json;
using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.Notifications.Tests;

/// <summary>The front desk's inbox fills from WorkOrders' events over real RabbitMQ and PostgreSQL.</summary>
public sealed class InboxTests(TestInfrastructure infrastructure)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_submitted_work_order_reaches_the_front_desk_of_its_property_in_Chinese_by_default()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);
        var submitted = Submitted();
        var client = app.ClientAs(Roles.FrontDesk, submitted.PropertyId);

        await app.PublishAsync(submitted, submitted.EventId);

        var page = await Inbox.WhenAsync(client, $"/inbox?propertyId={submitted.PropertyId}&role=frontdesk&unread=true", total => total == 1);
        var entry = page.GetProperty("items")[0];
        entry.GetProperty("title").GetString().ShouldBe("新报修单 WO-20261122-0001：1201 卫生间漏水");
        entry.GetProperty("body").GetString()!.ShouldContain("描述：卫生间漏水");
        entry.GetProperty("language").GetString().ShouldBe("zh-CN");
        entry.GetProperty("link").GetString().ShouldBe($"/api/workorders/work-orders/{submitted.WorkOrderId}");
        entry.GetProperty("sourceEventId").GetGuid().ShouldBe(submitted.EventId);
        entry.GetProperty("propertyId").GetGuid().ShouldBe(submitted.PropertyId);
        entry.GetProperty("recipient").GetProperty("role").GetString().ShouldBe("frontdesk");
        entry.GetProperty("escalation").GetBoolean().ShouldBeFalse();
        entry.GetProperty("readAt").ValueKind.ShouldBe(JsonValueKind.Null);

        // Other properties' desks do not see it.
        var elsewhere = await app.ClientAs(Roles.FrontDesk, Guid.NewGuid()).GetFromJsonAsync<JsonElement>("/inbox", Cancellation);
        elsewhere.GetProperty("total").GetInt32().ShouldBe(0);
        var otherRole = await client.GetFromJsonAsync<JsonElement>($"/inbox?propertyId={submitted.PropertyId}&role=engineer", Cancellation);
        otherRole.GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task A_reader_who_prefers_English_gets_the_English_text()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);
        var submitted = Submitted();
        var client = app.ClientAs(Roles.FrontDesk, submitted.PropertyId);
        await app.PublishAsync(submitted, submitted.EventId);
        var id = (await Inbox.WhenAsync(client, "/inbox", total => total == 1)).GetProperty("items")[0].GetProperty("id").GetGuid();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/inbox/{id}");
        request.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9,zh-CN;q=0.5");
        var response = await client.SendAsync(request, Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentLanguage.ShouldBe(["en"]);
        var entry = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        entry.GetProperty("language").GetString().ShouldBe("en");
        entry.GetProperty("title").GetString().ShouldBe("New repair request WO-20261122-0001: 1201 卫生间漏水");
        entry.GetProperty("body").GetString()!.ShouldContain("Priority: high");
    }

    [Fact]
    public async Task The_same_message_delivered_twice_makes_one_entry()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);
        var submitted = Submitted();
        var client = app.ClientAs(Roles.FrontDesk, submitted.PropertyId);

        await app.PublishAsync(submitted, submitted.EventId);
        await app.PublishAsync(submitted, submitted.EventId);

        // Both deliveries were handled before counting, so a second entry would be there by now.
        await Inbox.HandledAsync(app, submitted.EventId, times: 2);
        (await client.GetFromJsonAsync<JsonElement>("/inbox", Cancellation)).GetProperty("total").GetInt32().ShouldBe(1);
        (await app.ScalarAsync<long>("SELECT count(*) FROM inbox_entries")).ShouldBe(1);
    }

    [Fact]
    public async Task The_same_event_sent_again_under_a_new_message_id_still_makes_one_entry()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);
        var submitted = Submitted();
        var client = app.ClientAs(Roles.FrontDesk, submitted.PropertyId);
        var replayId = Guid.NewGuid();

        await app.PublishAsync(submitted, submitted.EventId);
        await Inbox.HandledAsync(app, submitted.EventId, times: 1);
        await app.PublishAsync(submitted, replayId);

        await Inbox.HandledAsync(app, replayId, times: 1);
        (await client.GetFromJsonAsync<JsonElement>("/inbox", Cancellation)).GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Entries_are_listed_newest_first_and_reading_one_takes_it_off_the_unread_list_once()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);
        var propertyId = Guid.NewGuid();
        var client = app.ClientAs(Roles.FrontDesk, propertyId);
        var first = Submitted(propertyId) with { Number = "WO-20261122-0001" };
        var second = Submitted(propertyId) with { Number = "WO-20261122-0002" };
        await app.PublishAsync(first, first.EventId);
        await Inbox.WhenAsync(client, "/inbox", total => total == 1);
        await app.PublishAsync(second, second.EventId);

        var page = await Inbox.WhenAsync(client, $"/inbox?propertyId={propertyId}&role=frontdesk", total => total == 2);
        var items = page.GetProperty("items").EnumerateArray().ToList();
        items.Select(e => e.GetProperty("sourceEventId").GetGuid()).ShouldBe([second.EventId, first.EventId]);
        var id = items[1].GetProperty("id").GetGuid();

        var read = await client.PostAsync($"/inbox/{id}/read", null, Cancellation);
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        var readAt = (await read.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("readAt").GetDateTimeOffset();

        var again = await client.PostAsync($"/inbox/{id}/read", null, Cancellation);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("readAt").GetDateTimeOffset().ShouldBe(readAt);
        (await client.GetFromJsonAsync<JsonElement>($"/inbox/{id}", Cancellation)).GetProperty("readAt").GetDateTimeOffset().ShouldBe(readAt);

        var unread = await client.GetFromJsonAsync<JsonElement>($"/inbox?propertyId={propertyId}&role=frontdesk&unread=true", Cancellation);
        unread.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("sourceEventId").GetGuid()).ShouldBe([second.EventId]);
        var readOnly = await client.GetFromJsonAsync<JsonElement>($"/inbox?propertyId={propertyId}&unread=false", Cancellation);
        readOnly.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ShouldBe([id]);
    }

    [Fact]
    public async Task An_unknown_entry_is_a_404_problem_for_reading_and_marking()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);
        var client = app.ClientAs(Roles.FrontDesk, Guid.NewGuid());
        var id = Guid.NewGuid();

        await ShouldBeProblemAsync(await client.GetAsync($"/inbox/{id}", Cancellation), HttpStatusCode.NotFound);
        await ShouldBeProblemAsync(await client.PostAsync($"/inbox/{id}/read", null, Cancellation), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/inbox?role=boss", "role")]
    [InlineData("/inbox?unread=maybe", null)]
    [InlineData("/inbox?propertyId=not-a-guid", null)]
    public async Task A_bad_filter_is_a_400_problem(string path, string? field)
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);

        var client = app.ClientAs(Roles.FrontDesk, Guid.NewGuid());

        var problem = await ShouldBeProblemAsync(await client.GetAsync(path, Cancellation), HttpStatusCode.BadRequest);

        if (field is not null)
        {
            problem.GetProperty("errors").GetProperty(field).GetArrayLength().ShouldBe(1);
        }
    }

    private static async Task<JsonElement> ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync(Cancellation));
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        return problem;
    }

    private static WorkOrderSubmitted Submitted(Guid? propertyId = null) => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, propertyId ?? Guid.NewGuid(), Guid.NewGuid(), "WO-20261122-0001", Guid.NewGuid(), "1201",
        WorkOrderCategory.Plumbing, WorkOrderPriority.High, IntakeChannel.Phone, "卫生间漏水");
}
