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

    private static readonly PropertyCalendar Calendar = PropertyCalendar.ChinaStandardTime;

    private static readonly DailyNumber Number = DailyNumber.For(Complaint.NumberPrefix, new DateOnly(2026, 11, 22), 3);

    [Fact]
    public void A_received_complaint_from_a_unit_belongs_to_the_property_and_waits_for_investigation()
    {
        var complaint = Complaint.Receive(PropertyId, Unit1201, Number, Intake(), Clerk, true, Now, Calendar);

        complaint.PropertyId.ShouldBe(PropertyId);
        complaint.UnitId.ShouldBe(Unit1201.Id);
        complaint.Number.ShouldBe("TS-20261122-0003");
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
        var complaint = Complaint.Receive(PropertyId, Unit1201, Number, Intake() with { Tier = ComplaintTier.Collective, CoComplainants = [new("李先生")] }, Clerk, true, Now, Calendar);

        var received = complaint.PendingEvents.OfType<ComplaintReceived>().ShouldHaveSingleItem();
        received.ComplaintId.ShouldBe(complaint.Id);
        received.PropertyId.ShouldBe(PropertyId);
        received.Number.ShouldBe("TS-20261122-0003");
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
            Intake() with { Anonymous = true, ComplainantName = null, ComplainantPhone = null }, Clerk, true, Now, Calendar);

        complaint.Anonymous.ShouldBeTrue();
        complaint.UnitId.ShouldBeNull();
        complaint.ComplainantName.ShouldBeNull();
        complaint.ComplainantPhone.ShouldBeNull();
        complaint.PendingEvents.OfType<ComplaintReceived>().ShouldHaveSingleItem().UnitId.ShouldBeNull();
    }

    [Fact]
    public void An_anonymous_complaint_naming_a_unit_is_refused() =>
        Should.Throw<DomainRuleException>(() => Complaint.Receive(PropertyId, Unit1201, Number,
            Intake() with { Anonymous = true, ComplainantName = null, ComplainantPhone = null }, Clerk, true, Now, Calendar)).Message.ShouldContain("anonymous");

    [Theory]
    [InlineData("王女士", null)]
    [InlineData(null, "13800138000")]
    public void An_anonymous_complaint_may_keep_a_contact_for_the_answer(string? name, string? phone)
    {
        var complaint = Complaint.Receive(PropertyId, null, Number,
            Intake() with { Tier = ComplaintTier.General, Anonymous = true, ComplainantName = name, ComplainantPhone = phone }, Clerk, true, Now, Calendar);

        complaint.Anonymous.ShouldBeTrue();
        complaint.ComplainantName.ShouldBe(name);
        complaint.ComplainantPhone.ShouldBe(phone);
    }

    [Fact]
    public void A_complaint_from_someone_outside_the_units_names_the_complainant()
    {
        var complaint = Complaint.Receive(PropertyId, null, Number, Intake() with { ComplainantName = " 路人王先生 " }, Clerk, true, Now, Calendar);

        complaint.UnitId.ShouldBeNull();
        complaint.Anonymous.ShouldBeFalse();
        complaint.ComplainantName.ShouldBe("路人王先生");
    }

    [Fact]
    public void A_complaint_that_names_nobody_must_be_marked_anonymous() =>
        Should.Throw<DomainRuleException>(() => Complaint.Receive(PropertyId, null, Number,
            Intake() with { ComplainantName = " ", ComplainantPhone = null }, Clerk, true, Now, Calendar)).Message.ShouldContain("mark the complaint anonymous");

    [Fact]
    public void A_unit_of_another_property_is_refused() =>
        Should.Throw<DomainRuleException>(() => Complaint.Receive(Guid.NewGuid(), Unit1201, Number, Intake(), Clerk, true, Now, Calendar))
            .Message.ShouldContain("another property");

    [Fact]
    public void A_complaint_needs_a_description() =>
        Should.Throw<DomainRuleException>(() => Complaint.Receive(PropertyId, Unit1201, Number, Intake() with { Description = " \n" }, Clerk, true, Now, Calendar));

    [Fact]
    public void Free_text_is_stored_without_surrounding_whitespace_and_blank_contacts_as_none()
    {
        var complaint = Complaint.Receive(PropertyId, Unit1201, Number,
            Intake() with { Description = "  楼上装修噪音 \n", ComplainantName = " 王女士 ", ComplainantPhone = "  " }, Clerk, true, Now, Calendar);

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

        complaint.Respond(new ComplaintResponse(" 装修超时施工属实 ", " 已责令装修单位按规定时间施工 ", justified, "已向您说明"), Investigator, at);

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
        // Staff took it: no occupant of the platform to tell.
        responded.ComplainantId.ShouldBeNull();
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

        Should.Throw<DomainRuleException>(() => complaint.Respond(new ComplaintResponse(finding, actionTaken, false, "解释"), Investigator, Now.AddHours(2)));
        complaint.Status.ShouldBe(ComplaintStatus.Investigating);
    }

    [Theory]
    [InlineData(1, "TS-20261122-0001")]
    [InlineData(42, "TS-20261122-0042")]
    [InlineData(10000, "TS-20261122-10000")]
    public void Numbers_carry_the_day_and_a_zero_padded_sequence(int sequence, string expected) =>
        DailyNumber.For(Complaint.NumberPrefix, new DateOnly(2026, 11, 22), sequence).Value.ShouldBe(expected);

    [Fact]
    public void A_number_sequence_starts_at_one() =>
        Should.Throw<ArgumentOutOfRangeException>(() => DailyNumber.For(Complaint.NumberPrefix, new DateOnly(2026, 11, 22), 0));

    private static ComplaintIntake Intake() =>
        new(ComplaintChannel.Phone, ComplaintCategory.Noise, ComplaintTier.Important, "楼上装修噪音", ComplainantName: "王女士");

    private static ComplaintResponse Answer() => new("属实", "已协调", true);

    private static Complaint Received() => Complaint.Receive(PropertyId, Unit1201, Number, Intake(), Clerk, true, Now, Calendar);

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

    private static readonly Actor Manager = new(Guid.NewGuid(), "客服经理陈红");

    private static readonly Actor Occupant = new(Guid.NewGuid(), "住户王女士");

    /// <summary>The end of 22 November in China: the investigation and the same-day answer are due then.</summary>
    private static readonly DateTimeOffset EndOfDay = new(2026, 11, 23, 0, 0, 0, TimeSpan.FromHours(8));

    private static Complaint General() =>
        Complaint.Receive(PropertyId, Unit1201, Number, Intake() with { Tier = ComplaintTier.General }, Clerk, true, Now, Calendar);

    private static Complaint Answered(bool justified = true)
    {
        var complaint = General();
        complaint.StartInvestigation(Investigator, Now.AddHours(1));
        complaint.Respond(new ComplaintResponse("属实", "已协调", justified, justified ? null : "经核实为正常施工时间"), Investigator, Now.AddHours(3));
        return complaint;
    }

    // Intake: owner, clocks, manager at once

    [Fact]
    public void Staff_who_take_a_complaint_own_it_and_the_timeline_starts_with_the_intake()
    {
        var complaint = General();

        complaint.OwnerId.ShouldBe(Clerk.PersonId);
        complaint.OwnerName.ShouldBe("前台李静");
        complaint.ComplainantId.ShouldBeNull();
        var intake = complaint.Timeline.ShouldHaveSingleItem();
        intake.From.ShouldBeNull();
        intake.To.ShouldBe(ComplaintStatus.Received);
        intake.ActorId.ShouldBe(Clerk.PersonId);
    }

    [Fact]
    public void A_complaint_an_occupant_submits_has_no_owner_until_staff_take_it_up_and_is_theirs_to_follow()
    {
        var complaint = Complaint.Receive(PropertyId, Unit1201, Number, Intake() with { Tier = ComplaintTier.General, ComplainantName = null, Channel = ComplaintChannel.Phone },
            Occupant, false, Now, Calendar);

        complaint.OwnerId.ShouldBeNull();
        complaint.ComplainantId.ShouldBe(Occupant.PersonId);
        complaint.ComplainantName.ShouldBe("住户王女士");
        complaint.Channel.ShouldBe(ComplaintChannel.OccupantApp);

        complaint.StartInvestigation(Investigator, Now.AddHours(1));

        complaint.OwnerId.ShouldBe(Investigator.PersonId);
        complaint.PendingEvents.OfType<ComplaintInvestigationStarted>().ShouldHaveSingleItem().OwnerId.ShouldBe(Investigator.PersonId);
    }

    [Fact]
    public void The_answer_to_an_occupants_own_complaint_names_them_so_they_can_be_told()
    {
        var complaint = Complaint.Receive(PropertyId, null, Number, Intake() with { Tier = ComplaintTier.General, Anonymous = true, ComplainantName = null },
            Occupant, false, Now, Calendar);
        complaint.StartInvestigation(Investigator, Now.AddHours(1));

        complaint.Respond(new ComplaintResponse("属实", "已整改", true), Investigator, Now.AddHours(2));

        complaint.PendingEvents.OfType<ComplaintResponded>().ShouldHaveSingleItem().ComplainantId.ShouldBe(Occupant.PersonId);
    }

    [Fact]
    public void Investigating_keeps_the_owner_who_took_the_complaint()
    {
        var complaint = General();

        complaint.StartInvestigation(Investigator, Now.AddHours(1));

        complaint.OwnerId.ShouldBe(Clerk.PersonId);
    }

    [Fact]
    public void An_occupant_may_complain_anonymously_without_a_unit()
    {
        var complaint = Complaint.Receive(PropertyId, null, Number, Intake() with { Tier = ComplaintTier.General, Anonymous = true, ComplainantName = null },
            Occupant, false, Now, Calendar);

        complaint.Anonymous.ShouldBeTrue();
        complaint.ComplainantName.ShouldBeNull();
        complaint.ComplainantId.ShouldBe(Occupant.PersonId);
    }

    [Fact]
    public void The_investigation_and_the_answer_are_due_the_day_the_complaint_is_received()
    {
        var complaint = General();

        complaint.InvestigationDueAt.ShouldBe(EndOfDay);
        complaint.ReplyDueAt.ShouldBe(EndOfDay);
        complaint.ReplyCommittedAt.ShouldBeNull();
        complaint.NextDeadlineAt.ShouldBe(EndOfDay - Complaint.ReminderLead);
    }

    [Theory]
    [InlineData(ComplaintTier.Important)]
    [InlineData(ComplaintTier.Collective)]
    public void Important_and_collective_complaints_go_to_a_manager_at_once(ComplaintTier tier)
    {
        var complaint = Complaint.Receive(PropertyId, Unit1201, Number,
            Intake() with { Tier = tier, CoComplainants = [new("李先生", Unit: "1202")] }, Clerk, true, Now, Calendar);

        complaint.EscalationLevel.ShouldBe(ComplaintEscalationLevel.Manager);
        var escalated = complaint.PendingEvents.OfType<ComplaintEscalated>().ShouldHaveSingleItem();
        escalated.Level.ShouldBe(ComplaintEscalationLevel.Manager);
        escalated.Tier.ShouldBe(tier);
    }

    [Theory]
    [InlineData(ComplaintTier.General)]
    [InlineData(ComplaintTier.Hot)]
    public void General_and_hot_complaints_stay_with_their_owner(ComplaintTier tier)
    {
        var complaint = Complaint.Receive(PropertyId, Unit1201, Number, Intake() with { Tier = tier }, Clerk, true, Now, Calendar);

        complaint.EscalationLevel.ShouldBeNull();
        complaint.PendingEvents.OfType<ComplaintEscalated>().ShouldBeEmpty();
    }

    [Fact]
    public void A_collective_complaint_records_its_co_complainants()
    {
        var complaint = Complaint.Receive(PropertyId, Unit1201, Number,
            Intake() with { Tier = ComplaintTier.Collective, CoComplainants = [new(" 李先生 ", "13900000000", "1202"), new("赵女士")] }, Clerk, true, Now, Calendar);

        complaint.CoComplainants.Select(c => c.Name).ShouldBe(["李先生", "赵女士"]);
        complaint.CoComplainants[0].Unit.ShouldBe("1202");
    }

    [Fact]
    public void A_collective_complaint_without_co_complainants_is_refused() =>
        Should.Throw<DomainRuleException>(() => Complaint.Receive(PropertyId, Unit1201, Number, Intake() with { Tier = ComplaintTier.Collective }, Clerk, true, Now, Calendar))
            .Message.ShouldContain("co-complainants");

    [Fact]
    public void A_collective_complaint_cannot_be_anonymous() =>
        Should.Throw<DomainRuleException>(() => Complaint.Receive(PropertyId, null, Number,
            Intake() with { Tier = ComplaintTier.Collective, Anonymous = true, CoComplainants = [new("李先生")] }, Clerk, true, Now, Calendar));

    // Reply time (时间承诺) and the sweeper's reminders and escalations

    [Fact]
    public void A_committed_reply_time_replaces_the_same_day_answer_and_is_announced()
    {
        var complaint = General();
        var replyBy = Now.AddDays(2);

        complaint.CommitReplyTime(replyBy, " 需协调装修单位 ", Clerk, Now.AddHours(1));

        complaint.ReplyDueAt.ShouldBe(replyBy);
        complaint.ReplyCommittedAt.ShouldBe(Now.AddHours(1));
        complaint.NextDeadlineAt.ShouldBe(EndOfDay); // the investigation is still due today
        var committed = complaint.PendingEvents.OfType<ComplaintReplyTimeCommitted>().ShouldHaveSingleItem();
        committed.ReplyDueAt.ShouldBe(replyBy);
        committed.Note.ShouldBe("需协调装修单位");
        committed.OwnerId.ShouldBe(Clerk.PersonId);
    }

    [Fact]
    public void A_reply_time_in_the_past_is_refused_and_changes_nothing()
    {
        var complaint = General();

        Should.Throw<DomainRuleException>(() => complaint.CommitReplyTime(Now.AddMinutes(-1), null, Clerk, Now));

        complaint.ReplyDueAt.ShouldBe(EndOfDay);
        complaint.PendingEvents.OfType<ComplaintReplyTimeCommitted>().ShouldBeEmpty();
    }

    [Fact]
    public void A_reply_time_further_than_sixty_days_is_refused() =>
        Should.Throw<DomainRuleException>(() => General().CommitReplyTime(Now.AddDays(61), null, Clerk, Now));

    [Fact]
    public void An_answered_complaint_takes_no_reply_time() =>
        Should.Throw<DomainRuleException>(() => Answered().CommitReplyTime(Now.AddDays(1), null, Clerk, Now.AddHours(4)));

    [Fact]
    public void Before_the_reply_time_the_owner_is_reminded_once()
    {
        var complaint = General();
        complaint.StartInvestigation(Investigator, Now.AddHours(1));
        complaint.CommitReplyTime(Now.AddDays(2), null, Clerk, Now.AddHours(1));

        complaint.CheckDeadlines(Now.AddDays(2) - Complaint.ReminderLead);
        complaint.CheckDeadlines(Now.AddDays(2) - TimeSpan.FromMinutes(30));

        complaint.ReplyFlag.ShouldBe(ComplaintDeadlineFlag.Approaching);
        var reminder = complaint.PendingEvents.OfType<ComplaintDeadlineApproaching>().ShouldHaveSingleItem();
        reminder.Deadline.ShouldBe(ComplaintDeadline.Reply);
        reminder.OwnerId.ShouldBe(Clerk.PersonId);
        complaint.NextDeadlineAt.ShouldBe(Now.AddDays(2));
    }

    [Fact]
    public void Nothing_happens_before_the_reminder_is_due()
    {
        var complaint = General();
        complaint.StartInvestigation(Investigator, Now.AddHours(1));
        complaint.CommitReplyTime(Now.AddDays(2), null, Clerk, Now.AddHours(1));

        complaint.CheckDeadlines(Now.AddDays(1));

        complaint.ReplyFlag.ShouldBe(ComplaintDeadlineFlag.None);
        complaint.PendingEvents.OfType<ComplaintDeadlineApproaching>().ShouldBeEmpty();
    }

    [Fact]
    public void Past_the_reply_time_the_complaint_is_escalated_to_the_supervisor_once()
    {
        var complaint = General();
        complaint.StartInvestigation(Investigator, Now.AddHours(1));

        complaint.CheckDeadlines(EndOfDay.AddMinutes(1));
        complaint.CheckDeadlines(EndOfDay.AddHours(5));

        complaint.ReplyFlag.ShouldBe(ComplaintDeadlineFlag.Overdue);
        complaint.EscalationLevel.ShouldBe(ComplaintEscalationLevel.Supervisor);
        complaint.PendingEvents.OfType<ComplaintDeadlineBreached>().ShouldHaveSingleItem().Deadline.ShouldBe(ComplaintDeadline.Reply);
        complaint.PendingEvents.OfType<ComplaintEscalated>().ShouldHaveSingleItem().Level.ShouldBe(ComplaintEscalationLevel.Supervisor);
        complaint.NextDeadlineAt.ShouldBeNull();
        complaint.Timeline.Last().ActorId.ShouldBe(Guid.Empty);
    }

    [Fact]
    public void An_investigation_not_started_the_same_day_is_escalated()
    {
        var complaint = General();

        complaint.CheckDeadlines(EndOfDay);

        complaint.InvestigationOverdue.ShouldBeTrue();
        complaint.PendingEvents.OfType<ComplaintDeadlineBreached>().Select(e => e.Deadline)
            .ShouldBe([ComplaintDeadline.Investigation, ComplaintDeadline.Reply], ignoreOrder: true);
        complaint.PendingEvents.OfType<ComplaintEscalated>().ShouldHaveSingleItem();
    }

    [Fact]
    public void A_complaint_already_with_the_manager_is_not_escalated_down_to_the_supervisor()
    {
        var complaint = Received(); // important: with the manager from the start
        var escalations = complaint.PendingEvents.OfType<ComplaintEscalated>().Count();

        complaint.CheckDeadlines(EndOfDay);

        complaint.EscalationLevel.ShouldBe(ComplaintEscalationLevel.Manager);
        complaint.PendingEvents.OfType<ComplaintEscalated>().Count().ShouldBe(escalations);
        complaint.PendingEvents.OfType<ComplaintDeadlineBreached>().ShouldNotBeEmpty();
    }

    [Fact]
    public void An_answer_in_time_stops_the_clocks_and_counts_as_on_time()
    {
        var complaint = Answered();

        complaint.RespondedOnTime.ShouldBe(true);
        complaint.NextDeadlineAt.ShouldBeNull();
        complaint.CheckDeadlines(EndOfDay.AddDays(1));
        complaint.PendingEvents.OfType<ComplaintDeadlineBreached>().ShouldBeEmpty();
    }

    [Fact]
    public void An_answer_after_the_reply_time_counts_as_late()
    {
        var complaint = General();
        complaint.StartInvestigation(Investigator, Now.AddHours(1));

        complaint.Respond(Answer(), Investigator, EndOfDay.AddHours(1));

        complaint.RespondedOnTime.ShouldBe(false);
    }

    // Response

    [Fact]
    public void An_unjustified_complaint_still_gets_a_written_explanation()
    {
        var complaint = General();
        complaint.StartInvestigation(Investigator, Now.AddHours(1));

        Should.Throw<DomainRuleException>(() => complaint.Respond(new ComplaintResponse("不属实", "已说明", false, " "), Investigator, Now.AddHours(2)))
            .Message.ShouldContain("explanation");
        complaint.Status.ShouldBe(ComplaintStatus.Investigating);

        complaint.Respond(new ComplaintResponse("不属实", "已说明", false, " 施工在允许时段内 "), Investigator, Now.AddHours(2));
        complaint.Explanation.ShouldBe("施工在允许时段内");
    }

    // Feedback, reopening, closing

    [Fact]
    public void A_satisfied_complainant_moves_the_complaint_to_feedback_ready_to_close()
    {
        var complaint = Answered();

        complaint.GiveFeedback(true, " 很满意 ", Occupant, Now.AddHours(5), Calendar);

        complaint.Status.ShouldBe(ComplaintStatus.Feedback);
        complaint.Satisfied.ShouldBe(true);
        complaint.FeedbackComment.ShouldBe("很满意");
        complaint.PendingEvents.OfType<ComplaintFeedbackGiven>().ShouldHaveSingleItem().Satisfied.ShouldBeTrue();
    }

    [Fact]
    public void A_complainant_not_satisfied_reopens_the_complaint_with_fresh_same_day_clocks()
    {
        var complaint = Answered();
        var at = Now.AddDays(3);

        complaint.GiveFeedback(false, "噪音仍在", Occupant, at, Calendar);

        complaint.Status.ShouldBe(ComplaintStatus.Reopened);
        complaint.ReopenCount.ShouldBe(1);
        complaint.ReplyDueAt.ShouldBe(EndOfDay.AddDays(3));
        complaint.InvestigationDueAt.ShouldBe(EndOfDay.AddDays(3));
        complaint.PendingEvents.OfType<ComplaintReopened>().ShouldHaveSingleItem().Reason.ShouldContain("噪音仍在");
    }

    [Fact]
    public void A_reopened_complaint_is_investigated_and_answered_again()
    {
        var complaint = Answered();
        complaint.GiveFeedback(false, null, Occupant, Now.AddHours(5), Calendar);

        complaint.StartInvestigation(Investigator, Now.AddHours(6));
        complaint.Respond(new ComplaintResponse("复查属实", "已更换设备", true), Investigator, Now.AddHours(7));
        complaint.GiveFeedback(true, null, Occupant, Now.AddHours(8), Calendar);
        complaint.Close(null, false, Clerk, Now.AddHours(9));

        complaint.Status.ShouldBe(ComplaintStatus.Closed);
        complaint.Finding.ShouldBe("复查属实");
        complaint.Satisfied.ShouldBe(true);
        complaint.Timeline.Where(e => e.Kind == ComplaintTimelineKind.Transition).Select(e => e.To).ShouldBe([
            ComplaintStatus.Received, ComplaintStatus.Investigating, ComplaintStatus.Responded, ComplaintStatus.Reopened,
            ComplaintStatus.Investigating, ComplaintStatus.Responded, ComplaintStatus.Feedback, ComplaintStatus.Closed]);
    }

    [Fact]
    public void Feedback_before_an_answer_is_refused() =>
        Should.Throw<DomainRuleException>(() => Investigating().GiveFeedback(true, null, Occupant, Now.AddHours(2), Calendar));

    [Fact]
    public void A_complaint_with_satisfied_feedback_is_closed_by_the_desk()
    {
        var complaint = Answered();
        complaint.GiveFeedback(true, null, Occupant, Now.AddHours(5), Calendar);

        complaint.Close(null, false, Clerk, Now.AddHours(6));

        complaint.Status.ShouldBe(ComplaintStatus.Closed);
        complaint.ClosedAt.ShouldBe(Now.AddHours(6));
        complaint.PendingEvents.OfType<ComplaintClosed>().ShouldHaveSingleItem().Satisfied.ShouldBeTrue();
    }

    [Fact]
    public void Only_a_manager_closes_an_unresolved_complaint()
    {
        var complaint = Answered();

        Should.Throw<DomainRuleException>(() => complaint.Close("投诉人联系不上", false, Clerk, Now.AddHours(5))).Message.ShouldContain("manager");

        complaint.Status.ShouldBe(ComplaintStatus.Responded);
    }

    [Fact]
    public void A_manager_closes_an_unresolved_complaint_only_with_a_reason()
    {
        var complaint = Answered();
        complaint.GiveFeedback(false, null, Occupant, Now.AddHours(5), Calendar);

        Should.Throw<DomainRuleException>(() => complaint.Close(" ", true, Manager, Now.AddHours(6))).Message.ShouldContain("reason");
        complaint.Close("已多次处理, 诉求超出物业服务范围", true, Manager, Now.AddHours(6));

        complaint.Status.ShouldBe(ComplaintStatus.Closed);
        complaint.CloseReason.ShouldBe("已多次处理, 诉求超出物业服务范围");
        complaint.PendingEvents.OfType<ComplaintClosed>().ShouldHaveSingleItem().Satisfied.ShouldBeFalse();
    }

    [Fact]
    public void A_closed_complaint_cannot_be_closed_again_but_can_be_reopened()
    {
        var complaint = Answered();
        complaint.GiveFeedback(true, null, Occupant, Now.AddHours(5), Calendar);
        complaint.Close(null, false, Clerk, Now.AddHours(6));

        Should.Throw<DomainRuleException>(() => complaint.Close("再次", true, Manager, Now.AddHours(7)));
        complaint.Reopen("问题再次出现", Occupant, Now.AddDays(2), Calendar);

        complaint.Status.ShouldBe(ComplaintStatus.Reopened);
        complaint.ClosedAt.ShouldBeNull();
    }

    [Fact]
    public void A_complaint_under_investigation_cannot_be_reopened() =>
        Should.Throw<DomainRuleException>(() => Investigating().Reopen("x", Clerk, Now.AddHours(2), Calendar));

    // Handover

    [Fact]
    public void The_owner_hands_the_complaint_over_and_the_record_names_the_new_owner()
    {
        var complaint = General();
        var colleague = new Actor(Guid.NewGuid(), "前台刘洋");

        complaint.HandOver(colleague, " 交班, 待回复业主 ", false, Clerk, Now.AddHours(8));

        complaint.OwnerId.ShouldBe(colleague.PersonId);
        complaint.OwnerName.ShouldBe("前台刘洋");
        complaint.Timeline.Last().Note!.ShouldContain("前台李静 → 前台刘洋");
        var handedOver = complaint.PendingEvents.OfType<ComplaintHandedOver>().ShouldHaveSingleItem();
        handedOver.FromPersonId.ShouldBe(Clerk.PersonId);
        handedOver.ToPersonId.ShouldBe(colleague.PersonId);
        handedOver.Note.ShouldBe("交班, 待回复业主");
    }

    [Fact]
    public void Someone_else_at_the_desk_cannot_hand_over_the_owners_complaint()
    {
        var complaint = General();
        var other = new Actor(Guid.NewGuid(), "前台刘洋");

        Should.Throw<DomainRuleException>(() => complaint.HandOver(other, "我来处理", false, other, Now.AddHours(1)));

        complaint.OwnerId.ShouldBe(Clerk.PersonId);
    }

    [Fact]
    public void A_supervisor_hands_over_anyones_complaint()
    {
        var complaint = General();
        var other = new Actor(Guid.NewGuid(), "前台刘洋");

        complaint.HandOver(other, "李静休假", true, Investigator, Now.AddHours(1));

        complaint.OwnerId.ShouldBe(other.PersonId);
    }

    [Fact]
    public void Handing_over_to_the_owner_or_without_a_note_is_refused()
    {
        var complaint = General();

        Should.Throw<DomainRuleException>(() => complaint.HandOver(Clerk, "x", false, Clerk, Now.AddHours(1)));
        Should.Throw<DomainRuleException>(() => complaint.HandOver(new Actor(Guid.NewGuid(), "刘洋"), " ", false, Clerk, Now.AddHours(1)));
        complaint.PendingEvents.OfType<ComplaintHandedOver>().ShouldBeEmpty();
    }

    // Tier changes and escalation

    [Fact]
    public void Raising_the_tier_to_important_records_the_reason_and_goes_to_the_manager()
    {
        var complaint = General();

        complaint.ChangeTier(ComplaintTier.Important, "涉及人身安全", null, false, Clerk, Now.AddHours(1));

        complaint.Tier.ShouldBe(ComplaintTier.Important);
        complaint.EscalationLevel.ShouldBe(ComplaintEscalationLevel.Manager);
        var changed = complaint.PendingEvents.OfType<ComplaintTierChanged>().ShouldHaveSingleItem();
        (changed.From, changed.To, changed.Reason).ShouldBe((ComplaintTier.General, ComplaintTier.Important, "涉及人身安全"));
        complaint.PendingEvents.OfType<ComplaintEscalated>().ShouldHaveSingleItem();
    }

    [Fact]
    public void Making_a_complaint_collective_needs_its_co_complainants()
    {
        var complaint = General();

        Should.Throw<DomainRuleException>(() => complaint.ChangeTier(ComplaintTier.Collective, "多户联名", null, false, Clerk, Now.AddHours(1)));
        complaint.ChangeTier(ComplaintTier.Collective, "多户联名", [new("李先生", Unit: "1202")], false, Clerk, Now.AddHours(1));

        complaint.Tier.ShouldBe(ComplaintTier.Collective);
        complaint.CoComplainants.ShouldHaveSingleItem().Name.ShouldBe("李先生");
    }

    [Fact]
    public void Only_a_manager_lowers_an_important_complaint()
    {
        var complaint = Received();

        Should.Throw<DomainRuleException>(() => complaint.ChangeTier(ComplaintTier.General, "误判", null, false, Clerk, Now.AddHours(1)));
        complaint.Tier.ShouldBe(ComplaintTier.Important);

        complaint.ChangeTier(ComplaintTier.General, "误判", null, true, Manager, Now.AddHours(1));
        complaint.Tier.ShouldBe(ComplaintTier.General);
    }

    [Fact]
    public void A_tier_change_needs_a_reason_and_a_different_tier()
    {
        var complaint = General();

        Should.Throw<DomainRuleException>(() => complaint.ChangeTier(ComplaintTier.Hot, " ", null, false, Clerk, Now));
        Should.Throw<DomainRuleException>(() => complaint.ChangeTier(ComplaintTier.General, "同级", null, false, Clerk, Now));
        complaint.PendingEvents.OfType<ComplaintTierChanged>().ShouldBeEmpty();
    }

    [Fact]
    public void The_owner_escalates_to_the_supervisor_then_the_manager_but_not_twice()
    {
        var complaint = General();

        complaint.Escalate(ComplaintEscalationLevel.Supervisor, "业主情绪激动", Clerk, Now.AddHours(1));
        Should.Throw<DomainRuleException>(() => complaint.Escalate(ComplaintEscalationLevel.Supervisor, "再次", Clerk, Now.AddHours(2)));
        complaint.Escalate(ComplaintEscalationLevel.Manager, "需经理决定赔偿", Investigator, Now.AddHours(2));
        Should.Throw<DomainRuleException>(() => complaint.Escalate(ComplaintEscalationLevel.Supervisor, "x", Clerk, Now.AddHours(3)));

        complaint.EscalationLevel.ShouldBe(ComplaintEscalationLevel.Manager);
        complaint.PendingEvents.OfType<ComplaintEscalated>().Select(e => e.Level)
            .ShouldBe([ComplaintEscalationLevel.Supervisor, ComplaintEscalationLevel.Manager]);
    }

    // Compensation

    [Fact]
    public void A_justified_complaint_carries_the_compensation_a_manager_approved()
    {
        var complaint = Answered();

        complaint.AgreeCompensation(350.50m, " 赔偿地板修复费用 ", Manager, Now.AddHours(4));

        complaint.CompensationAmount.ShouldBe(350.50m);
        complaint.CompensationAgreement.ShouldBe("赔偿地板修复费用");
        complaint.CompensationApprovedById.ShouldBe(Manager.PersonId);
        complaint.PendingEvents.OfType<ComplaintCompensationAgreed>().ShouldHaveSingleItem().Amount.ShouldBe(350.50m);
    }

    [Fact]
    public void An_unjustified_or_unanswered_complaint_carries_no_compensation()
    {
        Should.Throw<DomainRuleException>(() => Answered(justified: false).AgreeCompensation(100m, "x", Manager, Now.AddHours(4)));
        Should.Throw<DomainRuleException>(() => Investigating().AgreeCompensation(100m, "x", Manager, Now.AddHours(4)));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("10.001")]
    public void A_compensation_is_a_positive_sum_to_the_fen(string amount) =>
        Should.Throw<DomainRuleException>(() => Answered().AgreeCompensation(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), "x", Manager, Now.AddHours(4)));

    [Fact]
    public void A_second_compensation_is_refused()
    {
        var complaint = Answered();
        complaint.AgreeCompensation(100m, "一次", Manager, Now.AddHours(4));

        Should.Throw<DomainRuleException>(() => complaint.AgreeCompensation(200m, "两次", Manager, Now.AddHours(5)));
        complaint.CompensationAmount.ShouldBe(100m);
    }

    // A closed complaint is a finished record

    [Fact]
    public void A_closed_complaint_takes_no_handover_tier_change_or_escalation()
    {
        var complaint = Answered();
        complaint.Close("已妥善处理", true, Manager, Now.AddHours(5));

        Should.Throw<DomainRuleException>(() => complaint.HandOver(new Actor(Guid.NewGuid(), "刘洋"), "x", true, Manager, Now.AddHours(6)));
        Should.Throw<DomainRuleException>(() => complaint.ChangeTier(ComplaintTier.Hot, "x", null, true, Manager, Now.AddHours(6)));
        Should.Throw<DomainRuleException>(() => complaint.Escalate(ComplaintEscalationLevel.Manager, "x", Clerk, Now.AddHours(6)));
    }
}
