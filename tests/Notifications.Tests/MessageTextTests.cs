using Microsoft.Net.Http.Headers;
using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.Notifications.Apis;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Notifications.Tests;

public sealed class MessageTextTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData("", "b", "t", "b")]
    [InlineData("t", " ", "t", "b")]
    [InlineData("t", "b", "", "b")]
    [InlineData("t", "b", "t", null)]
    public void A_message_is_written_in_both_languages(string titleZh, string bodyZh, string titleEn, string? bodyEn) =>
        Should.Throw<DomainRuleException>(() => new MessageText(titleZh, bodyZh, titleEn, bodyEn!));

    [Fact]
    public void Titles_and_bodies_have_a_length_limit()
    {
        Should.Throw<DomainRuleException>(() => new MessageText(new string('标', MessageText.TitleMaxLength + 1), "b", "t", "b"));
        Should.Throw<DomainRuleException>(() => new MessageText("t", "b", "t", new string('b', MessageText.BodyMaxLength + 1)));
        new MessageText(new string('标', MessageText.TitleMaxLength), "b", "t", new string('b', MessageText.BodyMaxLength))
            .TitleZhCn.Length.ShouldBe(MessageText.TitleMaxLength);
    }

    [Fact]
    public void A_submitted_work_order_tells_the_front_desk_its_number_unit_and_problem_in_both_languages()
    {
        var text = WorkOrderMessages.Submitted(Submitted("卫生间漏水"));

        text.TitleZhCn.ShouldBe("新报修单 WO-20261122-0001：1201 卫生间漏水");
        text.TitleEn.ShouldBe("New repair request WO-20261122-0001: 1201 卫生间漏水");
        text.BodyZhCn.ShouldBe("房号：1201\n类别：给排水\n优先级：紧急\n来源：电话\n描述：卫生间漏水");
        text.BodyEn.ShouldBe("Unit: 1201\nCategory: plumbing\nPriority: emergency\nReceived by: phone\nDescription: 卫生间漏水");
    }

    [Fact]
    public void A_long_description_is_shortened_in_the_title_and_kept_whole_in_the_body()
    {
        var description = new string('漏', 60) + "\n第二行";

        var text = WorkOrderMessages.Submitted(Submitted(description));

        text.TitleZhCn.ShouldBe($"新报修单 WO-20261122-0001：1201 {new string('漏', WorkOrderMessages.TitleDescriptionLength)}…");
        text.BodyZhCn.ShouldEndWith(description);
    }

    [Fact]
    public void Every_category_priority_and_channel_has_its_own_words()
    {
        // A new enum value without a translation would fall back to "other"/"normal" and read wrong.
        var texts = Enum.GetValues<WorkOrderCategory>().Select(c => WorkOrderMessages.Submitted(Submitted("x") with { Category = c }).BodyEn).ToList();
        texts.Distinct().Count().ShouldBe(texts.Count);
        var priorities = Enum.GetValues<WorkOrderPriority>().Select(p => WorkOrderMessages.Submitted(Submitted("x") with { Priority = p }).BodyZhCn).ToList();
        priorities.Distinct().Count().ShouldBe(priorities.Count);
        var channels = Enum.GetValues<IntakeChannel>().Select(c => WorkOrderMessages.Submitted(Submitted("x") with { Channel = c }).BodyZhCn).ToList();
        channels.Distinct().Count().ShouldBe(channels.Count);
    }

    [Fact]
    public void The_link_opens_the_work_order_through_the_gateway()
    {
        var id = Guid.NewGuid();

        WorkOrderMessages.Link(id).ShouldBe($"/api/workorders/work-orders/{id}");
    }

    [Fact]
    public void What_the_platform_did_itself_names_nobody_and_missing_details_leave_no_empty_lines()
    {
        var unitId = Guid.NewGuid();
        var dispatched = new WorkOrderDispatched(
            Guid.NewGuid(), Now, Guid.NewGuid(), Guid.NewGuid(), "WO-20261122-0001", unitId, "1201", null, Guid.Empty, "", Guid.NewGuid(), "张伟");
        var completed = new WorkOrderCompleted(
            Guid.NewGuid(), Now, Guid.NewGuid(), Guid.NewGuid(), "WO-20261122-0001", unitId, "1201", null, Guid.NewGuid(), "张伟", " ", Now);
        var reopened = new WorkOrderReopened(
            Guid.NewGuid(), Now, Guid.NewGuid(), Guid.NewGuid(), "WO-20261122-0001", unitId, null, Guid.Empty, "", "");

        WorkOrderMessages.DispatchedToAssignee(dispatched).BodyZhCn.ShouldBe("房号：1201");
        WorkOrderMessages.DispatchedToAssignee(dispatched).BodyEn.ShouldBe("Unit: 1201");
        WorkOrderMessages.CompletedForRequester(completed).BodyZhCn.ShouldBe("房号：1201");
        WorkOrderMessages.Reopened(reopened).BodyZhCn.ShouldBe("原因：未说明");
        WorkOrderMessages.Reopened(reopened).BodyEn.ShouldBe("Reason: not given");
    }

    [Fact]
    public void A_due_time_is_written_in_the_propertys_time_and_names_its_limit()
    {
        var dueAt = new DateTimeOffset(2026, 11, 22, 23, 30, 0, TimeSpan.Zero);
        var approaching = new WorkOrderDeadlineApproaching(
            Guid.NewGuid(), Now, Guid.NewGuid(), Guid.NewGuid(), "WO-20261122-0001", Guid.NewGuid(), TimeLimitKind.Resolution, dueAt, null);

        // 23:30 UTC is the next morning in China, and the day before in New York.
        var inChina = WorkOrderMessages.DeadlineApproaching(approaching, PropertyCalendar.ChinaStandardTime);
        inChina.TitleZhCn.ShouldBe("工单 WO-20261122-0001 即将超过处理时限");
        inChina.BodyZhCn.ShouldBe("处理时限于 11月23日 07:30 到期，请尽快处理。");
        inChina.BodyEn.ShouldBe("The resolution time limit ends at 23 Nov 07:30. Please act on it soon.");
        var inNewYork = WorkOrderMessages.DeadlineApproaching(approaching, new PropertyCalendar(TimeZoneInfo.FindSystemTimeZoneById("America/New_York")));
        inNewYork.BodyEn.ShouldBe("The resolution time limit ends at 22 Nov 18:30. Please act on it soon.");

        var response = WorkOrderMessages.DeadlineApproaching(approaching with { Kind = TimeLimitKind.Response }, PropertyCalendar.ChinaStandardTime);
        response.TitleEn.ShouldBe("Order WO-20261122-0001 is nearing its response time limit");
    }

    [Fact]
    public void A_breach_says_when_no_engineer_has_the_order_yet()
    {
        var breached = new WorkOrderDeadlineBreached(
            Guid.NewGuid(), Now, Guid.NewGuid(), Guid.NewGuid(), "WO-20261122-0001", Guid.NewGuid(), TimeLimitKind.Response,
            new DateTimeOffset(2026, 11, 22, 1, 0, 0, TimeSpan.Zero), Guid.NewGuid());

        var assigned = WorkOrderMessages.DeadlineBreached(breached, PropertyCalendar.ChinaStandardTime);
        var unassigned = WorkOrderMessages.DeadlineBreached(breached with { AssigneeId = null }, PropertyCalendar.ChinaStandardTime);

        assigned.TitleZhCn.ShouldBe("超时升级：工单 WO-20261122-0001 已超过响应时限");
        assigned.BodyZhCn.ShouldBe("响应时限已于 11月22日 09:00 到期，工单已升级至客服主管，请跟进。");
        unassigned.BodyZhCn.ShouldBe(assigned.BodyZhCn + "\n尚未派单。");
        unassigned.BodyEn.ShouldEndWith("\nNo engineer is assigned yet.");
    }

    [Theory]
    [InlineData(null, Language.ZhCn)]
    [InlineData("", Language.ZhCn)]
    [InlineData("en", Language.En)]
    [InlineData("en-GB", Language.En)]
    [InlineData("zh-CN", Language.ZhCn)]
    [InlineData("zh-Hans-CN,en;q=0.5", Language.ZhCn)]
    [InlineData("fr-FR,en;q=0.8,zh;q=0.5", Language.En)]
    [InlineData("zh;q=0.4,en;q=0.9", Language.En)]
    [InlineData("en;q=0,zh;q=0.1", Language.ZhCn)]
    [InlineData("de,fr", Language.ZhCn)]
    public void The_reader_gets_their_most_preferred_language_that_messages_are_written_in(string? header, Language expected)
    {
        var parsed = StringWithQualityHeaderValue.TryParseList(header is null ? [] : [header], out var values) ? values : [];

        AcceptLanguage.Preferred(parsed).ShouldBe(expected);
    }

    private static WorkOrderSubmitted Submitted(string description) => new(
        Guid.NewGuid(), Now, Guid.NewGuid(), Guid.NewGuid(), "WO-20261122-0001", Guid.NewGuid(), "1201",
        WorkOrderCategory.Plumbing, WorkOrderPriority.Emergency, IntakeChannel.Phone, description);
}
