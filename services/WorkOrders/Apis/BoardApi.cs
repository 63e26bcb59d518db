using System.Linq.Expressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Problems;
using PropertyPlatform.WorkOrders.Domain;
using PropertyPlatform.WorkOrders.Infrastructure;

namespace PropertyPlatform.WorkOrders.Apis;

/// <summary>The morning meeting's board (晨会): what of one property needs chasing now.</summary>
public static class BoardApi
{
    /// <summary>A section lists at most this many orders (the longest waiting); its count is always the full one.</summary>
    public const int MaxItemsPerSection = 200;

    public static IEndpointRouteBuilder MapBoardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/board", GetBoard).WithName("GetBoard").WithTags("Board")
            .RequireRoles(Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Admin);
        return app;
    }

    public static async Task<Results<Ok<Board>, ProblemHttpResult, ValidationProblem>> GetBoard(
        Guid? propertyId, Caller caller, WorkOrdersDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (propertyId is not { } property)
        {
            return ProblemResults.Invalid("propertyId", "Say which property's board to show.");
        }
        if (!caller.CanSeeProperty(property))
        {
            return ProblemResults.NotFound("property", property);
        }

        var now = time.GetUtcNow();
        var orders = db.WorkOrders.AsNoTracking().Where(o => o.PropertyId == property);
        return TypedResults.Ok(new Board(
            property,
            now,
            (int)WorkOrderAttention.NoFeedbackAfter.TotalMinutes,
            await SectionAsync(orders.Where(WorkOrderAttention.WithoutFeedback(now)), o => o.DispatchedAt, db, now, cancellationToken),
            await SectionAsync(orders.Where(WorkOrderAttention.PastTimeLimit), o => o.SubmittedAt, db, now, cancellationToken),
            await SectionAsync(orders.Where(WorkOrderAttention.PastResumeTime(now)), o => o.ResumeAt, db, now, cancellationToken),
            await SectionAsync(orders.Where(WorkOrderAttention.AwaitingFollowUp), o => o.FollowUpDueAt, db, now, cancellationToken)));
    }

    /// <summary>One section: the full count, and the orders oldest first by <paramref name="waitingSince"/>.</summary>
    private static async Task<BoardSection> SectionAsync<TKey>(
        IQueryable<WorkOrder> orders, Expression<Func<WorkOrder, TKey>> waitingSince, WorkOrdersDbContext db, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var count = await orders.CountAsync(cancellationToken);
        var listed = await orders.OrderBy(waitingSince).ThenBy(o => o.Id).Take(MaxItemsPerSection).ToListAsync(cancellationToken);
        // Buildings apart: a join around the limited query would not keep its order.
        var unitIds = listed.Select(o => o.UnitId).Distinct().ToList();
        var buildings = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.BuildingName, cancellationToken);
        return new BoardSection(count, listed.Select(o => BoardItem.From(o, buildings.GetValueOrDefault(o.UnitId, ""), now)).ToList());
    }
}

/// <summary>
/// The board of one property at <see cref="At"/>: dispatched orders nobody accepted within
/// <see cref="NoFeedbackAfterMinutes"/>, orders past a time limit, orders on hold past their resume time, and
/// completed orders waiting for the follow-up.
/// </summary>
public sealed record Board(
    Guid PropertyId,
    DateTimeOffset At,
    int NoFeedbackAfterMinutes,
    BoardSection DispatchedWithoutFeedback,
    BoardSection Overdue,
    BoardSection OnHoldPastResumeTime,
    BoardSection FollowUpsDue);

public sealed record BoardSection(int Count, IReadOnlyList<BoardItem> Orders);

/// <summary>An order on the board: who has it, and the times that make it late.</summary>
public sealed record BoardItem(
    Guid Id,
    string Number,
    Guid UnitId,
    string UnitNumber,
    string BuildingName,
    WorkOrderCategory Category,
    WorkOrderPriority Priority,
    WorkOrderStatus Status,
    Guid? AssigneeId,
    string? AssigneeName,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? DispatchedAt,
    DateTimeOffset ResponseDueAt,
    DateTimeOffset ResolutionDueAt,
    bool ResponseOverdue,
    bool ResolutionOverdue,
    string? HoldReason,
    DateTimeOffset? ResumeAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? FollowUpDueAt,
    bool FollowUpOverdue)
{
    public static BoardItem From(WorkOrder o, string buildingName, DateTimeOffset now) => new(
        o.Id, o.Number, o.UnitId, o.UnitNumber, buildingName, o.Category, o.Priority, o.Status, o.AssigneeId, o.AssigneeName,
        o.SubmittedAt, o.DispatchedAt, o.ResponseDueAt, o.ResolutionDueAt,
        o.ResponseFlag == DeadlineFlag.Overdue, o.ResolutionFlag == DeadlineFlag.Overdue,
        o.Status == WorkOrderStatus.OnHold ? o.HoldReason : null, o.Status == WorkOrderStatus.OnHold ? o.ResumeAt : null,
        o.CompletedAt, o.FollowUpDueAt, WorkOrderAttention.FollowUpOverdue(o, now));
}
