using PropertyPlatform.Complaints.Domain;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Complaints.Tests;

/// <summary>Visit plans (回访计划) and the visits they make due: the rules in the entities.</summary>
public sealed class VisitPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly Today = new(2026, 12, 6);
    private static readonly Guid PropertyId = Guid.NewGuid();
    private static readonly Guid BuildingId = Guid.NewGuid();
    private static readonly Actor Supervisor = new(Guid.NewGuid(), "客服主管王芳");
    private static readonly Actor Clerk = new(Guid.NewGuid(), "客服专员李娜");
    private static readonly Actor Director = new(Guid.NewGuid(), "管理处主任陈明");
    private static readonly UnitCopy A1201 = Unit("1201");
    private static readonly UnitCopy A1202 = Unit("1202");

    [Theory]
    [InlineData("2026-12-06", "2026-Q4", "2026-10-01", "2026-12-31")]
    [InlineData("2026-10-01", "2026-Q4", "2026-10-01", "2026-12-31")]
    [InlineData("2027-01-01", "2027-Q1", "2027-01-01", "2027-03-31")]
    [InlineData("2028-03-31", "2028-Q1", "2028-01-01", "2028-03-31")]
    [InlineData("2026-06-30", "2026-Q2", "2026-04-01", "2026-06-30")]
    public void An_area_is_visited_each_quarter(string day, string key, string from, string to) =>
        VisitPeriod.Containing(DateOnly.Parse(day), VisitCadence.Quarterly).ShouldBe(new VisitPeriod(key, DateOnly.Parse(from), DateOnly.Parse(to)));

    [Fact]
    public void The_occupants_are_visited_each_year() =>
        VisitPeriod.Containing(Today, VisitCadence.Yearly).ShouldBe(new VisitPeriod("2026", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));

    [Fact]
    public void An_area_plan_makes_one_visit_due_this_quarter_given_to_its_staff_member()
    {
        var plan = VisitPlan.ForArea(PropertyId, BuildingId, "A座", Clerk, Supervisor, Now);

        plan.Cadence.ShouldBe(VisitCadence.Quarterly);
        var due = plan.Generate(Today, [new VisitSubject(BuildingId, null, "A座")], new HashSet<Guid>(), Now).ShouldHaveSingleItem();
        due.Period.ShouldBe("2026-Q4");
        due.DueBy.ShouldBe(new DateOnly(2026, 12, 31));
        due.AssigneeName.ShouldBe("客服专员李娜");
        due.Name.ShouldBe("A座");
        due.UnitId.ShouldBeNull();
    }

    [Fact]
    public void Generating_again_in_the_period_makes_nothing_new()
    {
        var plan = VisitPlan.ForOccupants(PropertyId, Director, Supervisor, Now);
        var subjects = new[] { Subject(A1201), Subject(A1202) };
        var first = plan.Generate(Today, subjects, new HashSet<Guid>(), Now);

        plan.Generate(Today, subjects, first.Select(d => d.SubjectId).ToHashSet(), Now).ShouldBeEmpty();
        // A unit occupied since is due now, the others are not again.
        var a1203 = Unit("1203");
        plan.Generate(Today, [.. subjects, Subject(a1203)], first.Select(d => d.SubjectId).ToHashSet(), Now)
            .ShouldHaveSingleItem().UnitId.ShouldBe(a1203.Id);
    }

    [Fact]
    public void The_occupants_plan_makes_each_occupied_unit_due_once_this_year_given_to_the_director()
    {
        var plan = VisitPlan.ForOccupants(PropertyId, Director, Supervisor, Now);

        // Two occupants of one unit (owner and tenant) make one visit to the unit.
        var due = plan.Generate(Today, [Subject(A1201), Subject(A1202), Subject(A1201)], new HashSet<Guid>(), Now);

        due.Select(d => d.UnitId).ShouldBe([A1201.Id, A1202.Id], ignoreOrder: true);
        due.ShouldAllBe(d => d.Period == "2026" && d.DueBy == new DateOnly(2026, 12, 31) && d.AssigneeId == Director.PersonId);
    }

    [Fact]
    public void An_area_plan_visits_its_own_building_only()
    {
        var plan = VisitPlan.ForArea(PropertyId, BuildingId, "A座", Clerk, Supervisor, Now);
        Should.Throw<DomainRuleException>(() => plan.Generate(Today, [new VisitSubject(Guid.NewGuid(), null, "B座")], new HashSet<Guid>(), Now));
    }

    [Fact]
    public void A_plan_names_who_makes_its_visits() =>
        Should.Throw<DomainRuleException>(() => VisitPlan.ForArea(PropertyId, BuildingId, "A座", new Actor(Guid.Empty, " "), Supervisor, Now));

    [Fact]
    public void A_due_visit_is_overdue_after_its_period_unless_made()
    {
        var plan = VisitPlan.ForOccupants(PropertyId, Director, Supervisor, Now);
        var due = plan.Generate(Today, [Subject(A1201)], new HashSet<Guid>(), Now).Single();

        due.IsOverdue(new DateOnly(2026, 12, 31)).ShouldBeFalse();
        due.IsOverdue(new DateOnly(2027, 1, 1)).ShouldBeTrue();

        FollowUpVisit.Record(PropertyId, A1201, null, VisitMethod.InPerson, 5, null, [], Director, Now.AddDays(30), null, [], due);
        due.IsOverdue(new DateOnly(2027, 1, 1)).ShouldBeFalse();
    }

    [Fact]
    public void Recording_a_visit_against_a_due_visit_does_it_once()
    {
        var plan = VisitPlan.ForOccupants(PropertyId, Director, Supervisor, Now);
        var due = plan.Generate(Today, [Subject(A1201)], new HashSet<Guid>(), Now).Single();

        var visit = FollowUpVisit.Record(PropertyId, A1201, null, VisitMethod.InPerson, 4, null, ["门禁卡失效"], Director, Now, null, [], due);

        visit.DueVisitId.ShouldBe(due.Id);
        due.VisitId.ShouldBe(visit.Id);
        due.DoneAt.ShouldBe(visit.VisitedAt);
        Should.Throw<DomainRuleException>(() => FollowUpVisit.Record(PropertyId, A1201, null, VisitMethod.Phone, 4, null, [], Director, Now, null, [], due))
            .Message.ShouldContain("already");
        due.VisitId.ShouldBe(visit.Id);
    }

    [Fact]
    public void A_unit_s_due_visit_is_not_done_by_a_visit_to_another_unit()
    {
        var plan = VisitPlan.ForOccupants(PropertyId, Director, Supervisor, Now);
        var due = plan.Generate(Today, [Subject(A1201)], new HashSet<Guid>(), Now).Single();

        Should.Throw<DomainRuleException>(() => FollowUpVisit.Record(PropertyId, A1202, null, VisitMethod.InPerson, 4, null, [], Director, Now, null, [], due));
        due.VisitId.ShouldBeNull();
    }

    [Fact]
    public void An_area_s_due_visit_names_the_area_when_the_visit_does_not()
    {
        var plan = VisitPlan.ForArea(PropertyId, BuildingId, "A座", Clerk, Supervisor, Now);
        var due = plan.Generate(Today, [new VisitSubject(BuildingId, null, "A座")], new HashSet<Guid>(), Now).Single();

        FollowUpVisit.Record(PropertyId, null, null, VisitMethod.InPerson, 4, null, [], Clerk, Now, null, [], due).Area.ShouldBe("A座");
    }

    private static VisitSubject Subject(UnitCopy unit) => new(unit.Id, unit.Id, $"{unit.BuildingName} {unit.Number}");

    private static UnitCopy Unit(string number) =>
        UnitCopy.From(new UnitRegistered(Guid.NewGuid(), Now, PropertyId, Guid.NewGuid(), BuildingId, "A座", number, 12, UnitType.Residence, 98.5m));
}

/// <summary>Questionnaires (满意度调查) and the answers given on a visit: the rules in the entity.</summary>
public sealed class SurveyTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly Guid PropertyId = Guid.NewGuid();
    private static readonly Actor Supervisor = new(Guid.NewGuid(), "客服主管王芳");
    private static readonly UnitCopy Unit = UnitCopy.From(new UnitRegistered(Guid.NewGuid(), Now, PropertyId, Guid.NewGuid(), Guid.NewGuid(), "A座", "1201", 12, UnitType.Residence, 98.5m));

    private static Survey NewSurvey() => Survey.Create(PropertyId, " 2026年度满意度调查 ",
        [("保洁服务满意度", QuestionKind.Score, true), ("安保服务满意度", QuestionKind.Score, true), ("其他意见", QuestionKind.Text, false)], Supervisor, Now);

    [Fact]
    public void A_questionnaire_keeps_its_questions_in_order()
    {
        var survey = NewSurvey();
        survey.Title.ShouldBe("2026年度满意度调查");
        survey.Questions.Select(q => (q.Sequence, q.Text, q.Kind)).ShouldBe([(1, "保洁服务满意度", QuestionKind.Score), (2, "安保服务满意度", QuestionKind.Score), (3, "其他意见", QuestionKind.Text)]);
    }

    [Fact]
    public void A_questionnaire_asks_at_least_one_question_each_once()
    {
        Should.Throw<DomainRuleException>(() => Survey.Create(PropertyId, "空问卷", [], Supervisor, Now));
        Should.Throw<DomainRuleException>(() => Survey.Create(PropertyId, "重复", [("保洁", QuestionKind.Score, true), (" 保洁 ", QuestionKind.Text, false)], Supervisor, Now));
        Should.Throw<DomainRuleException>(() => Survey.Create(PropertyId, "空问题", [(" ", QuestionKind.Score, true)], Supervisor, Now));
    }

    [Fact]
    public void The_answers_give_the_visit_its_survey_score()
    {
        var survey = NewSurvey();
        var q = survey.Questions;

        var visit = FollowUpVisit.Record(PropertyId, Unit, null, VisitMethod.InPerson, 4, null, [], Supervisor, Now, survey,
            [(q[0].Id, 4, null), (q[1].Id, 5, null), (q[2].Id, null, " 希望增加绿化 ")], null);

        visit.SurveyId.ShouldBe(survey.Id);
        visit.SurveyScore.ShouldBe(4.5m);
        visit.Answers.Select(a => (a.Sequence, a.Score, a.Text)).ShouldBe([(1, 4, null), (2, 5, null), (3, (int?)null, "希望增加绿化")]);
    }

    [Fact]
    public void An_optional_question_may_be_left_out_a_required_one_not()
    {
        var survey = NewSurvey();
        var q = survey.Questions;

        survey.Answer(Guid.NewGuid(), [(q[0].Id, 3, null), (q[1].Id, 3, null)]).Count.ShouldBe(2);
        Should.Throw<DomainRuleException>(() => survey.Answer(Guid.NewGuid(), [(q[0].Id, 3, null)])).Message.ShouldContain("安保服务满意度");
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(6, null)]
    [InlineData(null, "很好")]
    [InlineData(4, "很好")]
    public void A_score_question_is_answered_with_a_score_from_1_to_5(int? score, string? text)
    {
        var survey = NewSurvey();
        var q = survey.Questions;
        Should.Throw<DomainRuleException>(() => survey.Answer(Guid.NewGuid(), [(q[0].Id, score, text), (q[1].Id, 3, null)]));
    }

    [Fact]
    public void A_text_question_is_answered_with_a_text()
    {
        var survey = NewSurvey();
        var q = survey.Questions;
        Should.Throw<DomainRuleException>(() => survey.Answer(Guid.NewGuid(), [(q[0].Id, 3, null), (q[1].Id, 3, null), (q[2].Id, 5, null)]));
    }

    [Fact]
    public void Answers_are_to_the_questionnaire_s_own_questions_each_once()
    {
        var survey = NewSurvey();
        var q = survey.Questions;
        Should.Throw<DomainRuleException>(() => survey.Answer(Guid.NewGuid(), [(q[0].Id, 3, null), (q[1].Id, 3, null), (Guid.NewGuid(), 3, null)]));
        Should.Throw<DomainRuleException>(() => survey.Answer(Guid.NewGuid(), [(q[0].Id, 3, null), (q[0].Id, 4, null), (q[1].Id, 3, null)]));
    }

    [Fact]
    public void A_retired_questionnaire_takes_no_answers()
    {
        var survey = NewSurvey();
        var q = survey.Questions;
        survey.Retire();

        Should.Throw<DomainRuleException>(() => survey.Answer(Guid.NewGuid(), [(q[0].Id, 3, null), (q[1].Id, 3, null)]));
        Should.Throw<DomainRuleException>(survey.Retire);
    }

    [Fact]
    public void Answers_without_a_questionnaire_are_refused() =>
        Should.Throw<DomainRuleException>(() =>
            FollowUpVisit.Record(PropertyId, Unit, null, VisitMethod.Phone, 4, null, [], Supervisor, Now, null, [(Guid.NewGuid(), 4, null)], null));
}

/// <summary>The month's follow-up figures (回访处理率, visits done against due, satisfaction).</summary>
public sealed class FollowUpFiguresTests
{
    private static readonly PropertyCalendar Calendar = PropertyCalendar.ChinaStandardTime;
    private static readonly DateOnly December = new(2026, 12, 1);
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly Guid PropertyId = Guid.NewGuid();
    private static readonly Actor Clerk = new(Guid.NewGuid(), "客服专员李娜");

    [Fact]
    public void The_follow_up_completion_rate_is_items_handled_over_items_raised()
    {
        var one = FollowUpVisit.Record(PropertyId, null, "A座", VisitMethod.InPerson, 3, null, ["楼道灯不亮", "电梯异响"], Clerk, Now);
        var two = FollowUpVisit.Record(PropertyId, null, "B座", VisitMethod.Phone, 4, null, ["快递柜不足"], Clerk, Now);
        one.HandleItem(one.Items[0].Id, "已更换灯泡", Clerk, Now.AddHours(1));
        // A visit of another month counts there, not here.
        var november = FollowUpVisit.Record(PropertyId, null, "C座", VisitMethod.Phone, 1, null, ["噪音"], Clerk, Now.AddMonths(-1));

        var (from, to) = (Calendar.DayBounds(December).Start, Calendar.DayBounds(December.AddMonths(1)).Start);
        var figures = FollowUpFigures.Of([one, two, november], [], December, from, to);

        figures.Visits.ShouldBe(2);
        figures.AverageSatisfaction.ShouldBe(3.5m);
        figures.FeedbackItemsRaised.ShouldBe(3);
        figures.FeedbackItemsHandled.ShouldBe(1);
        figures.FollowUpCompletionRate.ShouldBe(0.3333m);
    }

    [Fact]
    public void Visits_due_in_the_month_are_counted_against_those_done()
    {
        var plan = VisitPlan.ForArea(PropertyId, Guid.NewGuid(), "A座", Clerk, Clerk, Now);
        var b = VisitPlan.ForArea(PropertyId, Guid.NewGuid(), "B座", Clerk, Clerk, Now);
        var dueA = plan.Generate(new DateOnly(2026, 12, 6), [new VisitSubject(plan.BuildingId!.Value, null, "A座")], new HashSet<Guid>(), Now).Single();
        var dueB = b.Generate(new DateOnly(2026, 12, 6), [new VisitSubject(b.BuildingId!.Value, null, "B座")], new HashSet<Guid>(), Now).Single();
        var visit = FollowUpVisit.Record(PropertyId, null, null, VisitMethod.InPerson, 5, null, [], Clerk, Now, null, [], dueA);

        var (from, to) = (Calendar.DayBounds(December).Start, Calendar.DayBounds(December.AddMonths(1)).Start);
        var figures = FollowUpFigures.Of([visit], [dueA, dueB], December, from, to);

        figures.VisitsDue.ShouldBe(2);
        figures.VisitsDone.ShouldBe(1);
        figures.VisitCompletionRate.ShouldBe(0.5m);
        // Nothing raised: no rate rather than a made-up 100%.
        figures.FollowUpCompletionRate.ShouldBeNull();
    }
}
