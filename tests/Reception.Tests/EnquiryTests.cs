using PropertyPlatform.Contracts.Reception;
using PropertyPlatform.Reception.Domain;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Reception.Tests;

/// <summary>Enquiries (咨询), rule by rule.</summary>
public sealed class EnquiryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid Property = Guid.NewGuid();
    private static readonly Actor Desk = new(Guid.NewGuid(), "前台小王");
    private static readonly EnquiryIntake Parking = new("王先生", "13500135000", EnquiryChannel.Phone, "月租车位还有吗？");

    [Fact]
    public void An_enquiry_answered_at_once_is_answered_and_owes_nothing()
    {
        var enquiry = Enquiry.Receive(Property, null, Parking, "B2 层还有 3 个", null, Desk, Now);

        enquiry.Status.ShouldBe(EnquiryStatus.Answered);
        enquiry.DueAt.ShouldBeNull();
        enquiry.Answer.ShouldBe("B2 层还有 3 个");
        enquiry.AnsweredByName.ShouldBe("前台小王");
        enquiry.IsOverdue(Now.AddYears(1)).ShouldBeFalse();
        enquiry.PendingEvents.Select(e => e.GetType()).ShouldBe([typeof(EnquiryRecorded), typeof(EnquiryAnswered)]);
    }

    [Fact]
    public void An_enquiry_not_answered_at_once_is_open_until_its_due_time_then_overdue()
    {
        var enquiry = Enquiry.Receive(Property, null, Parking, null, Now.AddHours(4), Desk, Now);

        enquiry.Status.ShouldBe(EnquiryStatus.Open);
        enquiry.DueAt.ShouldBe(Now.AddHours(4));
        enquiry.IsOverdue(Now.AddHours(4).AddTicks(-10)).ShouldBeFalse();
        enquiry.IsOverdue(Now.AddHours(4)).ShouldBeTrue();
        enquiry.PendingEvents.OfType<EnquiryRecorded>().Single().DueAt.ShouldBe(Now.AddHours(4));
    }

    [Fact]
    public void Without_an_answer_the_enquiry_needs_a_due_time_in_the_future()
    {
        Should.Throw<DomainRuleException>(() => Enquiry.Receive(Property, null, Parking, null, null, Desk, Now));
        Should.Throw<DomainRuleException>(() => Enquiry.Receive(Property, null, Parking, " ", Now.AddMinutes(-1), Desk, Now));
    }

    [Fact]
    public void An_enquiry_needs_who_asks_and_what()
    {
        Should.Throw<DomainRuleException>(() => Enquiry.Receive(Property, null, Parking with { Question = "" }, "好的", null, Desk, Now));
        Should.Throw<DomainRuleException>(() => Enquiry.Receive(Property, null, Parking with { EnquirerName = " " }, "好的", null, Desk, Now));
    }

    [Fact]
    public void A_late_answer_is_accepted_and_shows_as_late_and_nothing_is_answered_twice()
    {
        var enquiry = Enquiry.Receive(Property, null, Parking, null, Now.AddHours(4), Desk, Now);

        enquiry.Respond("已回电：B2 层还有 3 个", Desk, Now.AddHours(5));

        enquiry.Status.ShouldBe(EnquiryStatus.Answered);
        enquiry.AnsweredLate.ShouldBeTrue();
        enquiry.IsOverdue(Now.AddHours(6)).ShouldBeFalse();
        enquiry.PendingEvents.OfType<EnquiryAnswered>().Single().Late.ShouldBeTrue();
        Should.Throw<DomainRuleException>(() => enquiry.Respond("再答一次", Desk, Now.AddHours(6)));
    }

    [Fact]
    public void An_answer_on_time_is_not_late_and_must_say_something()
    {
        var enquiry = Enquiry.Receive(Property, null, Parking, null, Now.AddHours(4), Desk, Now);

        Should.Throw<DomainRuleException>(() => enquiry.Respond("  ", Desk, Now.AddHours(1)));
        enquiry.Respond("有", Desk, Now.AddHours(1));

        enquiry.AnsweredLate.ShouldBeFalse();
    }

    [Fact]
    public void An_enquiry_owed_an_answer_reminds_the_desk_once_when_it_falls_due()
    {
        var enquiry = Enquiry.Receive(Property, null, Parking, null, Now.AddHours(2), Desk, Now);
        enquiry.ReminderAt.ShouldBe(Now.AddHours(2));

        enquiry.RemindIfDue(Now.AddHours(1)).ShouldBeFalse();
        enquiry.RemindIfDue(Now.AddHours(2)).ShouldBeTrue();

        var due = enquiry.PendingEvents.OfType<EnquiryAnswerDue>().ShouldHaveSingleItem();
        due.DueAt.ShouldBe(Now.AddHours(2));
        due.EnquirerPhone.ShouldBe("13500135000");
        enquiry.ReminderAt.ShouldBeNull();
        enquiry.RemindIfDue(Now.AddHours(3)).ShouldBeFalse();
    }

    [Fact]
    public void An_answered_enquiry_reminds_nobody()
    {
        var early = Enquiry.Receive(Property, null, Parking, null, Now.AddHours(2), Desk, Now);
        early.Respond("还有两个", Desk, Now.AddHours(1));
        var atOnce = Enquiry.Receive(Property, null, Parking, "还有两个", null, Desk, Now);

        early.RemindIfDue(Now.AddHours(3)).ShouldBeFalse();
        atOnce.RemindIfDue(Now.AddHours(3)).ShouldBeFalse();
        early.PendingEvents.OfType<EnquiryAnswerDue>().ShouldBeEmpty();
    }
}
