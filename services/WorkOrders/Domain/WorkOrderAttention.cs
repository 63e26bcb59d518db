using System.Linq.Expressions;
using static PropertyPlatform.WorkOrders.Domain.WorkOrderStatus;

namespace PropertyPlatform.WorkOrders.Domain;

/// <summary>
/// Which orders need someone's attention now (DOMAIN.md "Daily board"): the rules the board and the list's
/// <c>overdue</c> filter share, as expressions so the database does the filtering.
/// </summary>
public static class WorkOrderAttention
{
    /// <summary>A dispatched order not accepted within this time counts as "dispatched without feedback" (已派单未反馈).</summary>
    public static readonly TimeSpan NoFeedbackAfter = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Past a time limit while work is still owed. The deadline sweeper sets the flags (within its interval); a
    /// finished or cancelled order keeps its flags as history but is no longer overdue.
    /// </summary>
    public static Expression<Func<WorkOrder, bool>> PastTimeLimit { get; } = o =>
        (o.ResponseFlag == DeadlineFlag.Overdue || o.ResolutionFlag == DeadlineFlag.Overdue)
        && (o.Status == Submitted || o.Status == Dispatched || o.Status == Accepted || o.Status == InProgress || o.Status == OnHold || o.Status == Reopened);

    /// <summary>Completed and waiting for the follow-up (回访): every such order is due within 24 hours of completion.</summary>
    public static Expression<Func<WorkOrder, bool>> AwaitingFollowUp { get; } = o => o.Status == Completed;

    /// <summary>Past a time limit, or completed and its follow-up past due: the list's <c>overdue=true</c>.</summary>
    public static Expression<Func<WorkOrder, bool>> Overdue(DateTimeOffset now) => o =>
        ((o.ResponseFlag == DeadlineFlag.Overdue || o.ResolutionFlag == DeadlineFlag.Overdue)
            && (o.Status == Submitted || o.Status == Dispatched || o.Status == Accepted || o.Status == InProgress || o.Status == OnHold || o.Status == Reopened))
        // "!= null" keeps the rule two-valued in SQL, so overdue=false (its negation) finds the orders without a due time too.
        || (o.Status == Completed && o.FollowUpDueAt != null && o.FollowUpDueAt < now);

    /// <summary>Dispatched at least <see cref="NoFeedbackAfter"/> ago and nobody has accepted it.</summary>
    public static Expression<Func<WorkOrder, bool>> WithoutFeedback(DateTimeOffset now)
    {
        var dispatchedBefore = now - NoFeedbackAfter;
        return o => o.Status == Dispatched && o.DispatchedAt <= dispatchedBefore;
    }

    /// <summary>Still on hold after the time work was expected to go on.</summary>
    public static Expression<Func<WorkOrder, bool>> PastResumeTime(DateTimeOffset now) => o => o.Status == OnHold && o.ResumeAt < now;

    /// <summary>Whether the follow-up of a completed order is past due.</summary>
    public static bool FollowUpOverdue(WorkOrder order, DateTimeOffset now) => order.Status == Completed && order.FollowUpDueAt < now;
}
