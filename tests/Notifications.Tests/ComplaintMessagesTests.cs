using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.ServiceDefaults.Domain;

namespace PropertyPlatform.Notifications.Tests;

/// <summary>What people read about complaints, in both languages.</summary>
public sealed class ComplaintMessagesTests
{
    private const string Number = "TS-20261206-0001";

    /// <summary>18:00 in China, where the platform's properties are.</summary>
    private static readonly DateTimeOffset DueAt = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_received_complaint_tells_the_desk_its_unit_category_tier_channel_and_what_it_says()
    {
        var text = ComplaintMessages.Received(Received("1201", "楼上装修噪音"));

        text.TitleZhCn.ShouldBe($"新投诉 {Number}：1201 楼上装修噪音");
        text.BodyZhCn.ShouldBe("房号：1201\n类别：噪音\n级别：重要\n来源：电话\n内容：楼上装修噪音");
        text.TitleEn.ShouldBe($"New complaint {Number}: 1201 楼上装修噪音");
        text.BodyEn.ShouldBe("Unit: 1201\nCategory: noise\nTier: important\nReceived by: phone\nComplaint: 楼上装修噪音");
    }

    [Fact]
    public void An_anonymous_complaint_names_no_unit_and_a_long_one_is_shortened_in_the_title()
    {
        var description = new string('吵', 50);

        var text = ComplaintMessages.Received(Received(null, description));

        text.TitleZhCn.ShouldBe($"新投诉 {Number}：{new string('吵', ComplaintMessages.TitleDescriptionLength)}…");
        text.BodyZhCn.ShouldStartWith("房号：匿名\n");
        text.BodyZhCn.ShouldEndWith(description);
        text.BodyEn.ShouldStartWith("Unit: anonymous\n");
    }

    [Fact]
    public void An_escalation_names_who_it_goes_to_and_why()
    {
        var escalated = new ComplaintEscalated(
            Guid.NewGuid(), DueAt, Guid.NewGuid(), Guid.NewGuid(), Number, null, ComplaintTier.Collective, ComplaintEscalationLevel.Manager,
            "集体投诉", null, Guid.NewGuid(), "王芳");

        var text = ComplaintMessages.Escalated(escalated);

        text.TitleZhCn.ShouldBe($"投诉升级：{Number}（集体）");
        text.BodyZhCn.ShouldBe("已升级至经理，请跟进。\n原因：集体投诉\n操作人：王芳");
        text.TitleEn.ShouldBe($"Complaint escalated: {Number} (collective)");
        text.BodyEn.ShouldBe("Escalated to the managers; please follow it up.\nReason: 集体投诉\nEscalated by: 王芳");
        ComplaintMessages.Escalated(escalated with { Level = ComplaintEscalationLevel.Supervisor }).BodyZhCn.ShouldStartWith("已升级至客服主管");
    }

    [Fact]
    public void The_complainant_reads_the_finding_the_action_and_whether_it_was_upheld()
    {
        var responded = new ComplaintResponded(
            Guid.NewGuid(), DueAt, Guid.NewGuid(), Guid.NewGuid(), Number, Guid.NewGuid(), ComplaintTier.General, true, "装修超时施工", "已责令停工整改", Guid.NewGuid());

        var text = ComplaintMessages.RespondedToComplainant(responded);

        text.TitleZhCn.ShouldBe($"您的投诉 {Number} 已答复，请反馈是否满意");
        text.BodyZhCn.ShouldBe("核实结果：装修超时施工\n处理措施：已责令停工整改\n经核实，投诉成立。");
        text.BodyEn.ShouldEndWith("The complaint was upheld.");
        ComplaintMessages.RespondedToComplainant(responded with { Justified = false }).BodyZhCn.ShouldEndWith("经核实，投诉不成立。");
    }

    [Fact]
    public void Deadline_messages_give_the_due_time_in_the_propertys_time()
    {
        var approaching = new ComplaintDeadlineApproaching(
            Guid.NewGuid(), DueAt, Guid.NewGuid(), Guid.NewGuid(), Number, null, ComplaintDeadline.Reply, DueAt, Guid.NewGuid());
        var breached = new ComplaintDeadlineBreached(
            Guid.NewGuid(), DueAt, Guid.NewGuid(), Guid.NewGuid(), Number, null, ComplaintDeadline.Investigation, DueAt, Guid.NewGuid());

        var soon = ComplaintMessages.DeadlineApproaching(approaching, PropertyCalendar.ChinaStandardTime);
        var past = ComplaintMessages.DeadlineBreached(breached, PropertyCalendar.ChinaStandardTime);

        soon.TitleZhCn.ShouldBe($"投诉 {Number} 即将超过答复时限");
        soon.BodyZhCn.ShouldBe("答复时限于 12月6日 18:00 到期，请尽快处理。");
        soon.BodyEn.ShouldBe("The reply time limit ends at 6 Dec 18:00. Please act on it soon.");
        past.TitleZhCn.ShouldBe($"投诉 {Number} 已超过调查核实时限");
        past.BodyEn.ShouldBe("The investigation time limit ended at 6 Dec 18:00; the supervisors have been told. Please act on it now.");
    }

    [Fact]
    public void A_hand_over_names_who_handed_it_over_and_their_note()
    {
        var handedOver = new ComplaintHandedOver(
            Guid.NewGuid(), DueAt, Guid.NewGuid(), Guid.NewGuid(), Number, null, Guid.NewGuid(), "王芳", Guid.NewGuid(), "李强", "工程问题转工程部", Guid.NewGuid(), "王芳");

        var text = ComplaintMessages.HandedOver(handedOver);

        text.TitleZhCn.ShouldBe($"投诉 {Number} 已转交给您");
        text.BodyZhCn.ShouldBe("转交人：王芳\n说明：工程问题转工程部");
        text.BodyEn.ShouldBe("Handed over by: 王芳\nNote: 工程问题转工程部");
    }

    private static ComplaintReceived Received(string? unitNumber, string description) => new(
        Guid.NewGuid(), DueAt, Guid.NewGuid(), Guid.NewGuid(), Number, unitNumber is null ? null : Guid.NewGuid(), unitNumber,
        ComplaintChannel.Phone, ComplaintCategory.Noise, ComplaintTier.Important, description);
}
