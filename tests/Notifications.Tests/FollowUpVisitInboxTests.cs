using System.Text.Json;
using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Notifications.Tests;

/// <summary>Due follow-up visits (回访) reach the member of staff they were given to, over real RabbitMQ and PostgreSQL.</summary>
public sealed class FollowUpVisitInboxTests(TestInfrastructure infrastructure)
{
    private readonly Guid _propertyId = Guid.NewGuid();

    private readonly Guid _assigneeId = Guid.NewGuid();

    [Fact]
    public async Task Due_visits_reach_their_assignee_once_with_a_link_to_their_due_visits()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);
        var due = new FollowUpVisitsDue(Guid.NewGuid(), DateTimeOffset.UtcNow, _propertyId, _assigneeId, "客服专员李娜", 2, new DateOnly(2026, 12, 31), ["A座", "B座"]);

        await app.PublishAsync(due);
        await app.PublishAsync(due);
        await Inbox.HandledAsync(app, due.EventId, times: 2);

        var assignee = app.ClientAs(new AccessTokenContent(_assigneeId, "客服专员李娜", [Roles.FrontDesk], false, [_propertyId], []));
        var entry = await Inbox.SingleAsync(assignee);
        entry.GetProperty("title").GetString().ShouldBe("您有 2 次回访待完成（2026-12-31 前）");
        entry.GetProperty("body").GetString()!.ShouldContain("A座、B座");
        entry.GetProperty("link").GetString().ShouldBe("/api/complaints/visit-plans/due-visits?mine=true");
        (await app.ClientAs(Roles.FrontDesk, _propertyId).GetFromJsonAsync<JsonElement>("/inbox", Cancel)).GetProperty("total").GetInt32().ShouldBe(0);
        (await app.ScalarAsync<long>("SELECT count(*) FROM inbox_entries")).ShouldBe(1);
    }

    [Fact]
    public void The_message_names_the_first_visits_and_counts_the_rest_in_both_languages()
    {
        var due = new FollowUpVisitsDue(Guid.NewGuid(), DateTimeOffset.UtcNow, _propertyId, _assigneeId, "管理处主任陈明", 12, new DateOnly(2026, 12, 31),
            Enumerable.Range(1, FollowUpVisitsDue.MaxNames).Select(i => $"A座 {i:00}01").ToList());

        var text = FollowUpVisitMessages.Due(due);

        text.BodyZhCn.ShouldContain("A座 0101、A座 0201");
        text.BodyZhCn.ShouldContain("等（另 2 处）");
        text.TitleEn.ShouldBe("You have 12 follow-up visits to make (by 2026-12-31)");
        text.BodyEn.ShouldContain("and 2 more");
    }
}
