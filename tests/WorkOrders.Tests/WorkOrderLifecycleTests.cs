using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;
using PropertyPlatform.WorkOrders.Domain;
using static PropertyPlatform.WorkOrders.Domain.WorkOrderStatus;

namespace PropertyPlatform.WorkOrders.Tests;

/// <summary>The state machine of DOMAIN.md "Work orders", every command from every state, and the rules around it.</summary>
public sealed class WorkOrderLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);
    private static readonly Actor FrontDesk = new(Guid.NewGuid(), "王前台");
    private static readonly Actor Engineer = new(Guid.NewGuid(), "李工");
    private static readonly Actor OtherEngineer = new(Guid.NewGuid(), "赵工");
    private static readonly UnitCopy Unit1201 = UnitCopy.From(new UnitRegistered(
        Guid.NewGuid(), Now, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "A座", "1201", 12, UnitType.Office, 120.5m));

    /// <summary>Each command, and the states it is allowed from.</summary>
    private static readonly Dictionary<string, (Action<WorkOrder> Run, WorkOrderStatus[] AllowedFrom, WorkOrderStatus To)> Commands = new()
    {
        ["dispatch"] = (o => o.Dispatch(OtherEngineer.PersonId, OtherEngineer.Name, FrontDesk, Now.AddMinutes(30)), [Submitted, Dispatched, Reopened], Dispatched),
        ["accept"] = (o => o.Accept(Engineer, Now.AddMinutes(30)), [Dispatched], Accepted),
        ["start"] = (o => o.Start(Engineer, Now.AddMinutes(30)), [Accepted], InProgress),
        ["hold"] = (o => o.Hold("等配件", Now.AddDays(1), Engineer, Now.AddMinutes(30)), [InProgress], OnHold),
        ["resume"] = (o => o.Resume(Engineer, Now.AddMinutes(30)), [OnHold], InProgress),
        ["complete"] = (o => o.Complete("更换阀门", "阀门 x1", 45, Engineer, Now.AddMinutes(30)), [InProgress], Completed),
        ["follow-up"] = (o => o.FollowUp(5, "很好", true, FrontDesk, Now.AddMinutes(30)), [Completed], FollowedUp),
        ["close"] = (o => o.Close(FrontDesk, Now.AddMinutes(30)), [FollowedUp], Closed),
        ["cancel"] = (o => o.Cancel("业主自行处理", FrontDesk, Now.AddMinutes(30)), [Submitted, Dispatched, Accepted, Reopened], Cancelled),
        ["reopen"] = (o => o.Reopen("又漏了", FrontDesk, Now.AddMinutes(30)), [Completed, FollowedUp, Closed], Reopened),
    };

    public static TheoryData<string, WorkOrderStatus> EveryCommandFromEveryState()
    {
        var data = new TheoryData<string, WorkOrderStatus>();
        foreach (var command in Commands.Keys)
        {
            foreach (var state in Enum.GetValues<WorkOrderStatus>())
            {
                data.Add(command, state);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCommandFromEveryState))]
    public void A_command_moves_the_order_only_from_the_states_that_allow_it(string command, WorkOrderStatus from)
    {
        var order = OrderIn(from);
        var (run, allowedFrom, to) = Commands[command];
        var timeline = order.Timeline.Count;
        var events = order.PendingEvents.Count;

        if (allowedFrom.Contains(from))
        {
            run(order);
            order.Status.ShouldBe(to);
            var entry = order.Timeline[^1];
            (entry.From, entry.To).ShouldBe((from, to));
            order.PendingEvents.Count.ShouldBeGreaterThan(events, "every transition is published");
        }
        else
        {
            var refused = Should.Throw<DomainRuleException>(() => run(order));
            refused.Message.ShouldContain(WorkOrder.Describe(from));
            order.Status.ShouldBe(from, "a refused command changes nothing");
            order.Timeline.Count.ShouldBe(timeline);
            order.PendingEvents.Count.ShouldBe(events);
        }
    }

    [Fact]
    public void The_timeline_keeps_who_moved_the_order_from_which_state_to_which_and_why()
    {
        var order = OrderIn(Completed);

        order.Timeline.Select(e => (e.From, e.To)).ShouldBe(
        [
            (null, Submitted), (Submitted, Dispatched), (Dispatched, Accepted), (Accepted, InProgress), (InProgress, Completed),
        ]);
        order.Timeline[0].ActorName.ShouldBe("王前台");
        order.Timeline[2].ActorId.ShouldBe(Engineer.PersonId);
        order.Timeline[^1].Note.ShouldBe("更换阀门");
    }

    [Fact]
    public void Each_transition_raises_its_own_event_with_the_number_and_the_actor()
    {
        var order = OrderIn(Completed);

        order.PendingEvents.Select(e => e.GetType().Name).ShouldBe(
            ["WorkOrderSubmitted", "WorkOrderDispatched", "WorkOrderAccepted", "WorkOrderStarted", "WorkOrderCompleted"]);
        var dispatched = order.PendingEvents.OfType<WorkOrderDispatched>().Single();
        (dispatched.Number, dispatched.AssigneeId, dispatched.ActorName).ShouldBe(("WO-20261122-0001", Engineer.PersonId, "王前台"));
        order.PendingEvents.OfType<WorkOrderCompleted>().Single().FollowUpDueAt.ShouldBe(order.CompletedAt!.Value.AddHours(24));
    }

    [Fact]
    public void Dispatching_again_before_acceptance_reassigns_but_not_to_the_same_engineer()
    {
        var order = OrderIn(Dispatched);

        Should.Throw<DomainRuleException>(() => order.Dispatch(Engineer.PersonId, Engineer.Name, FrontDesk, Now));
        order.Dispatch(OtherEngineer.PersonId, OtherEngineer.Name, FrontDesk, Now);

        order.AssigneeName.ShouldBe("赵工");
        order.Timeline[^1].Note!.ShouldContain("李工");
    }

    [Fact]
    public void An_engineer_covering_for_the_dispatched_one_becomes_the_assignee_and_the_timeline_says_so()
    {
        var order = OrderIn(Dispatched);

        order.Accept(OtherEngineer, Now.AddMinutes(10));

        order.AssigneeId.ShouldBe(OtherEngineer.PersonId);
        order.Timeline[^1].Note!.ShouldContain("李工");
    }

    [Fact]
    public void A_pause_needs_a_reason_and_a_resume_time_in_the_future()
    {
        var order = OrderIn(InProgress);

        Should.Throw<DomainRuleException>(() => order.Hold(" ", Now.AddDays(1), Engineer, Now));
        Should.Throw<DomainRuleException>(() => order.Hold("等配件", Now, Engineer, Now));
        order.Status.ShouldBe(InProgress);
    }

    [Fact]
    public void Time_on_hold_moves_the_resolution_due_time_and_does_not_count()
    {
        var order = OrderIn(InProgress);
        var due = order.ResolutionDueAt;

        order.Hold("等配件", Now.AddDays(2), Engineer, Now.AddHours(1));
        order.NextDeadlineAt.ShouldBeNull("no clock runs on hold");
        order.Resume(Engineer, Now.AddHours(6));
        order.Complete("更换阀门", null, 30, Engineer, Now.AddHours(7));

        order.ResolutionDueAt.ShouldBe(due.AddHours(5));
        order.TimeOnHold.ShouldBe(TimeSpan.FromHours(5));
        order.ResolutionTime.ShouldBe(TimeSpan.FromHours(2));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(5, false)]
    public void An_unsatisfied_or_unresolved_follow_up_reopens_the_order_with_fresh_time_limits(int satisfaction, bool resolved)
    {
        var order = OrderIn(Completed);
        var later = Now.AddDays(1);

        order.FollowUp(satisfaction, "还是漏水", resolved, FrontDesk, later);

        order.Status.ShouldBe(Reopened);
        order.Satisfaction.ShouldBe(satisfaction);
        order.ReopenCount.ShouldBe(1);
        order.Timeline.TakeLast(2).Select(e => e.To).ShouldBe([FollowedUp, Reopened]);
        order.PendingEvents.OfType<WorkOrderReopened>().ShouldHaveSingleItem();
        order.ResponseDueAt.ShouldBe(later.AddHours(1), "high priority: answered again within an hour");
        order.ResponseFlag.ShouldBe(DeadlineFlag.None);
    }

    [Fact]
    public void A_satisfied_follow_up_leaves_the_order_followed_up_ready_to_close()
    {
        var order = OrderIn(Completed);

        order.FollowUp(3, null, true, FrontDesk, Now.AddHours(5));

        order.Status.ShouldBe(FollowedUp);
        order.PendingEvents.OfType<WorkOrderReopened>().ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Satisfaction_is_rated_from_one_to_five(int satisfaction)
    {
        var order = OrderIn(Completed);

        Should.Throw<DomainRuleException>(() => order.FollowUp(satisfaction, null, true, FrontDesk, Now));
        order.Status.ShouldBe(Completed);
    }

    [Fact]
    public void At_80_percent_of_the_response_limit_the_order_is_flagged_and_past_it_escalated_once()
    {
        var order = NewOrder(WorkOrderPriority.Normal); // 4 h to respond
        order.NextDeadlineAt.ShouldBe(Now.AddHours(3.2));

        order.CheckDeadlines(Now.AddHours(3.1));
        order.ResponseFlag.ShouldBe(DeadlineFlag.None);
        order.CheckDeadlines(Now.AddHours(3.2));
        order.ResponseFlag.ShouldBe(DeadlineFlag.Approaching);
        order.NextDeadlineAt.ShouldBe(Now.AddHours(4));
        order.CheckDeadlines(Now.AddHours(4));
        order.CheckDeadlines(Now.AddHours(5));

        order.ResponseFlag.ShouldBe(DeadlineFlag.Overdue);
        order.EscalatedAt.ShouldBe(Now.AddHours(4));
        order.PendingEvents.OfType<WorkOrderDeadlineApproaching>().ShouldHaveSingleItem().Kind.ShouldBe(TimeLimitKind.Response);
        order.PendingEvents.OfType<WorkOrderDeadlineBreached>().ShouldHaveSingleItem().DueAt.ShouldBe(Now.AddHours(4));
        order.NextDeadlineAt.ShouldBe(Now.AddHours(72 * 0.8), "the resolution clock still runs");
    }

    [Fact]
    public void An_accepted_order_no_longer_runs_against_the_response_limit()
    {
        var order = NewOrder(WorkOrderPriority.Emergency);
        order.Dispatch(Engineer.PersonId, Engineer.Name, FrontDesk, Now.AddMinutes(2));
        order.Accept(Engineer, Now.AddMinutes(10));

        order.CheckDeadlines(Now.AddMinutes(20));

        order.ResponseFlag.ShouldBe(DeadlineFlag.None);
        order.ResponseTime.ShouldBe(TimeSpan.FromMinutes(10));
        order.NextDeadlineAt.ShouldBe(Now.AddHours(4 * 0.8));
    }

    [Fact]
    public void A_sweep_that_comes_late_escalates_without_a_warning_first()
    {
        var order = NewOrder(WorkOrderPriority.High);

        order.CheckDeadlines(Now.AddHours(2));

        order.ResponseFlag.ShouldBe(DeadlineFlag.Overdue);
        order.PendingEvents.OfType<WorkOrderDeadlineApproaching>().ShouldBeEmpty();
        order.Timeline[^1].Note!.ShouldContain("升级");
    }

    [Fact]
    public void A_paid_service_starts_only_after_the_occupant_accepts_the_quote_and_is_charged_on_completion()
    {
        var order = OrderIn(Accepted);
        order.Quote(180m, "空调清洗", Engineer, Now);

        Should.Throw<DomainRuleException>(() => order.Start(Engineer, Now)).Message.ShouldContain("quote");
        order.AcceptQuote(FrontDesk, Now);
        order.Start(Engineer, Now.AddMinutes(5));
        order.Complete("清洗完成", null, 60, Engineer, Now.AddHours(1));

        var charged = order.PendingEvents.OfType<PaidServiceCompleted>().ShouldHaveSingleItem();
        (charged.Amount, charged.Description, charged.UnitId).ShouldBe((180m, "空调清洗", Unit1201.Id));
    }

    [Fact]
    public void A_declined_quote_blocks_the_work_and_an_order_without_a_quote_is_not_charged()
    {
        var declined = OrderIn(Accepted);
        declined.Quote(180m, "空调清洗", Engineer, Now);
        declined.DeclineQuote(FrontDesk, Now);
        Should.Throw<DomainRuleException>(() => declined.Start(Engineer, Now));
        Should.Throw<DomainRuleException>(() => declined.AcceptQuote(FrontDesk, Now), "the answer was given");

        OrderIn(Completed).PendingEvents.OfType<PaidServiceCompleted>().ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(10.005)]
    public void A_quote_is_a_positive_amount_in_fen(decimal amount) =>
        Should.Throw<DomainRuleException>(() => OrderIn(Submitted).Quote(amount, "空调清洗", Engineer, Now));

    [Fact]
    public void A_property_cannot_set_a_resolution_limit_shorter_than_its_response_limit() =>
        Should.Throw<DomainRuleException>(() => PropertyTimeLimit.Set(Guid.NewGuid(), WorkOrderPriority.High,
            new TimeLimit(TimeSpan.FromHours(2), TimeSpan.FromHours(1))));

    private static WorkOrder NewOrder(WorkOrderPriority priority = WorkOrderPriority.High) =>
        WorkOrder.Submit(Unit1201, DailyNumber.For(WorkOrder.NumberPrefix, new DateOnly(2026, 11, 22), 1),
            new WorkOrderIntake(WorkOrderCategory.Plumbing, priority, IntakeChannel.Phone, "卫生间漏水"),
            TimeLimit.DefaultFor(priority), FrontDesk, Now);

    /// <summary>An order walked to <paramref name="state"/> the way the centre would get it there.</summary>
    private static WorkOrder OrderIn(WorkOrderStatus state)
    {
        var order = NewOrder();
        var path = state switch
        {
            Submitted => [],
            Dispatched => ["dispatch"],
            Accepted => ["dispatch", "accept"],
            InProgress => ["dispatch", "accept", "start"],
            OnHold => ["dispatch", "accept", "start", "hold"],
            Completed => ["dispatch", "accept", "start", "complete"],
            FollowedUp => ["dispatch", "accept", "start", "complete", "follow-up"],
            Closed => ["dispatch", "accept", "start", "complete", "follow-up", "close"],
            Reopened => ["dispatch", "accept", "start", "complete", "reopen"],
            Cancelled => new[] { "cancel" },
            _ => throw new ArgumentOutOfRangeException(nameof(state)),
        };
        foreach (var step in path)
        {
            if (step == "dispatch")
            {
                order.Dispatch(Engineer.PersonId, Engineer.Name, FrontDesk, Now.AddMinutes(1));
                continue;
            }
            Commands[step].Run(order);
        }
        order.Status.ShouldBe(state);
        return order;
    }
}
