using PropertyPlatform.Complaints.Domain;
using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Complaints.Tests;

public sealed class ComplaintTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, TimeSpan.FromHours(8));

    private static readonly Guid PropertyId = Guid.NewGuid();

    private static readonly UnitCopy Unit1201 = UnitCopy.From(new UnitRegistered(
        Guid.NewGuid(), Now, PropertyId, Guid.NewGuid(), Guid.NewGuid(), "A座", "1201", 12, UnitType.Residence, 98.5m));

    private static readonly Actor Clerk = new(Guid.NewGuid(), "前台李静");

    private static readonly Actor Investigator = new(Guid.NewGuid(), "客服主管张伟");

    private static readonly DailyNumber Number = DailyNumber.For(Complaint.NumberPrefix, new DateOnly(2026, 11, 22), 3);

    [Fact]
    public void A_received_complaint_from_a_unit_belongs_to_the_property_and_waits_for_investigation()
    {
        var complaint = Complaint.Receive(PropertyId, Unit1201, Number, Intake(), Clerk, Now);

        complaint.PropertyId.ShouldBe(PropertyId);
        complaint.UnitId.ShouldBe(Unit1201.Id);
        complaint.Number.ShouldBe("CP-20261122-0003");
        complaint.Status.ShouldBe(ComplaintStatus.Received);
        complaint.ReceivedAt.ShouldBe(Now);
        complaint.ReceivedAt.Offset.ShouldBe(TimeSpan.Zero);
        complaint.Anonymous.ShouldBeFalse();
        complaint.Tier.ShouldBe(ComplaintTier.Important);
        complaint.ReceivedById.ShouldBe(Clerk.PersonId);
        complaint.ReceivedByName.ShouldBe("前台李静");
    }

    [Fact]
    public void Receiving_raises_one_ComplaintReceived_carrying_the_tier_for_the_managers()
    {
        var complaint = Complaint.Receive(PropertyId, Unit1201, Number, Intake() with { Tier = ComplaintTier.Collective }, Clerk, Now);

        var received = complaint.PendingEvents.ShouldHaveSingleItem().ShouldBeOfType<ComplaintReceived>();
        received.ComplaintId.ShouldBe(complaint.Id);
        received.PropertyId.ShouldBe(PropertyId);
        received.Number.ShouldBe("CP-20261122-0003");
        received.UnitId.ShouldBe(Unit1201.Id);
        received.UnitNumber.ShouldBe("1201");
        received.Tier.ShouldBe(ComplaintTier.Collective);
        received.Category.ShouldBe(ComplaintCategory.Noise);
        received.Channel.ShouldBe(ComplaintChannel.Phone);
        received.Description.ShouldBe("楼上装修噪音");
        received.OccurredAt.ShouldBe(Now);
        received.EventId.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public void An_anonymous_complaint_carries_no_unit_and_no_complainant()
    {
        var complaint = Complaint.Receive(PropertyId, null, Number,
            Intake() with { Anonymous = true, ComplainantName = null, ComplainantPhone = null }, Clerk, Now);

        complaint.Anonymous.ShouldBeTrue();
        complaint.UnitId.ShouldBeNull();
        complaint.ComplainantName.ShouldBeNull();
        complaint.ComplainantPhone.ShouldBeNull();
        complaint.PendingEvents.OfType<ComplaintReceived>().ShouldHaveSingleItem().UnitId.ShouldBeNull();
    }

    [Fact]
    public void An_anonymous_complaint_naming_a_unit_is_refused() =>
        Should.Throw<DomainRuleException>(() => Complaint.Receive(PropertyId, Unit1201, Number,
            Intake() with { Anonymous = true, ComplainantName = null, ComplainantPhone = null }, Clerk, Now)).Message.ShouldContain("anonymous");

    [Theory]
    [InlineData("王女士", null)]
    [InlineData(null, "13800138000")]
    public void An_anonymous_complaint_naming_the_complainant_is_refused(string? name, string? phone) =>
        Should.Throw<DomainRuleException>(() => Complaint.Receive(PropertyId, null, Number,
            Intake() with { Anonymous = true, ComplainantName = name, ComplainantPhone = phone }, Clerk, Now));

    [Fact]
    public void A_complaint_from_someone_outside_the_units_names_the_complainant()
    {
        var complaint = Complaint.Receive(PropertyId, null, Number, Intake() with { ComplainantName = " 路人王先生 " }, Clerk, Now);

        complaint.UnitId.ShouldBeNull();
        complaint.Anonymous.ShouldBeFalse();
        complaint.ComplainantName.ShouldBe("路人王先生");
    }

    [Fact]
    public void A_complaint_that_names_nobody_must_be_marked_anonymous() =>
        Should.Throw<DomainRuleException>(() => Complaint.Receive(PropertyId, null, Number,
            Intake() with { ComplainantName = " ", ComplainantPhone = null }, Clerk, Now)).Message.ShouldContain("mark the complaint anonymous");

    [Fact]
    public void A_unit_of_another_property_is_refused() =>
        Should.Throw<DomainRuleException>(() => Complaint.Receive(Guid.NewGuid(), Unit1201, Number, Intake(), Clerk, Now))
            .Message.ShouldContain("another property");

    [Fact]
    public void A_complaint_needs_a_description() =>
        Should.Throw<DomainRuleException>(() => Complaint.Receive(PropertyId, Unit1201, Number, Intake() with { Description = " \n" }, Clerk, Now));

    [Fact]
    public void Free_text_is_stored_without_surrounding_whitespace_and_blank_contacts_as_none()
    {
        var complaint = Complaint.Receive(PropertyId, Unit1201, Number,
            Intake() with { Description = "  楼上装修噪音 \n", ComplainantName = " 王女士 ", ComplainantPhone = "  " }, Clerk, Now);

        complaint.Description.ShouldBe("楼上装修噪音");
        complaint.ComplainantName.ShouldBe("王女士");
        complaint.ComplainantPhone.ShouldBeNull();
    }

    [Fact]
    public void A_received_complaint_is_investigated()
    {
        var complaint = Received();

        complaint.StartInvestigation(Investigator, Now.AddHours(1));

        complaint.Status.ShouldBe(ComplaintStatus.Investigating);
        complaint.InvestigationStartedAt.ShouldBe(Now.AddHours(1));
        complaint.InvestigatedById.ShouldBe(Investigator.PersonId);
        complaint.InvestigatedByName.ShouldBe("客服主管张伟");
    }

    [Fact]
    public void A_complaint_under_investigation_cannot_start_again()
    {
        var complaint = Investigating();

        Should.Throw<DomainRuleException>(() => complaint.StartInvestigation(Investigator, Now.AddHours(2))).Message.ShouldContain("already");
        complaint.InvestigationStartedAt.ShouldBe(Now.AddHours(1));
    }

    [Fact]
    public void An_answered_complaint_cannot_go_back_to_investigation()
    {
        var complaint = Responded();

        Should.Throw<DomainRuleException>(() => complaint.StartInvestigation(Investigator, Now.AddHours(4)));
        complaint.Status.ShouldBe(ComplaintStatus.Responded);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_investigated_complaint_is_answered_with_finding_action_and_verdict(bool justified)
    {
        var complaint = Investigating();
        var at = Now.AddHours(3);

        complaint.Respond(new ComplaintResponse(" 装修超时施工属实 ", " 已责令装修单位按规定时间施工 ", justified), Investigator, at);

        complaint.Status.ShouldBe(ComplaintStatus.Responded);
        complaint.RespondedAt.ShouldBe(at);
        complaint.RespondedById.ShouldBe(Investigator.PersonId);
        complaint.Finding.ShouldBe("装修超时施工属实");
        complaint.ActionTaken.ShouldBe("已责令装修单位按规定时间施工");
        complaint.Justified.ShouldBe(justified);
        var responded = complaint.PendingEvents.OfType<ComplaintResponded>().ShouldHaveSingleItem();
        responded.ComplaintId.ShouldBe(complaint.Id);
        responded.PropertyId.ShouldBe(PropertyId);
        responded.Number.ShouldBe(complaint.Number);
        responded.UnitId.ShouldBe(Unit1201.Id);
        responded.Tier.ShouldBe(ComplaintTier.Important);
        responded.Justified.ShouldBe(justified);
        responded.Finding.ShouldBe("装修超时施工属实");
        responded.OccurredAt.ShouldBe(at);
    }

    [Fact]
    public void A_complaint_cannot_be_answered_before_it_is_investigated()
    {
        var complaint = Received();
        var eventsBefore = complaint.PendingEvents.Count;

        Should.Throw<DomainRuleException>(() => complaint.Respond(Answer(), Investigator, Now.AddHours(1))).Message.ShouldContain("Investigate");

        complaint.Status.ShouldBe(ComplaintStatus.Received);
        complaint.Finding.ShouldBeNull();
        complaint.Justified.ShouldBeNull();
        complaint.PendingEvents.Count.ShouldBe(eventsBefore);
    }

    [Fact]
    public void A_complaint_cannot_be_answered_twice()
    {
        var complaint = Responded();
        var eventsBefore = complaint.PendingEvents.Count;

        Should.Throw<DomainRuleException>(() => complaint.Respond(Answer() with { Finding = "changed" }, Investigator, Now.AddHours(5)))
            .Message.ShouldContain("already been answered");

        complaint.Finding.ShouldBe("属实");
        complaint.PendingEvents.Count.ShouldBe(eventsBefore);
    }

    [Theory]
    [InlineData("", "已处理")]
    [InlineData("属实", " ")]
    public void An_answer_needs_a_finding_and_the_action_taken(string finding, string actionTaken)
    {
        var complaint = Investigating();

        Should.Throw<DomainRuleException>(() => complaint.Respond(new ComplaintResponse(finding, actionTaken, false), Investigator, Now.AddHours(2)));
        complaint.Status.ShouldBe(ComplaintStatus.Investigating);
    }

    [Theory]
    [InlineData(1, "CP-20261122-0001")]
    [InlineData(42, "CP-20261122-0042")]
    [InlineData(10000, "CP-20261122-10000")]
    public void Numbers_carry_the_day_and_a_zero_padded_sequence(int sequence, string expected) =>
        DailyNumber.For(Complaint.NumberPrefix, new DateOnly(2026, 11, 22), sequence).Value.ShouldBe(expected);

    [Fact]
    public void A_number_sequence_starts_at_one() =>
        Should.Throw<ArgumentOutOfRangeException>(() => DailyNumber.For(Complaint.NumberPrefix, new DateOnly(2026, 11, 22), 0));

    private static ComplaintIntake Intake() =>
        new(ComplaintChannel.Phone, ComplaintCategory.Noise, ComplaintTier.Important, "楼上装修噪音", ComplainantName: "王女士");

    private static ComplaintResponse Answer() => new("属实", "已协调", true);

    private static Complaint Received() => Complaint.Receive(PropertyId, Unit1201, Number, Intake(), Clerk, Now);

    private static Complaint Investigating()
    {
        var complaint = Received();
        complaint.StartInvestigation(Investigator, Now.AddHours(1));
        return complaint;
    }

    private static Complaint Responded()
    {
        var complaint = Investigating();
        complaint.Respond(Answer(), Investigator, Now.AddHours(3));
        return complaint;
    }
}
