using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Complaints.Domain;
using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Messaging;

namespace PropertyPlatform.Complaints.Infrastructure;

/// <summary>
/// Follows the work orders complaints raised: WorkOrders' events name the complaint (<c>ComplaintId</c>) of such an order;
/// the others (nearly all of them) are acknowledged without touching the database. Once per message: the inbox skips a
/// redelivery.
/// </summary>
public abstract class WorkOrderNewsConsumer<TMessage>(ComplaintsDbContext db, TimeProvider time) : IdempotentConsumer<TMessage, ComplaintsDbContext>(db, time)
    where TMessage : class
{
    /// <summary>The complaint that raised the order, when one did.</summary>
    protected abstract Guid? ComplaintIdOf(TMessage message);

    protected override bool Concerns(TMessage message) => ComplaintIdOf(message) is not null;

    protected async Task FollowAsync(Guid? complaintId, WorkOrderNews news, CancellationToken cancellationToken)
    {
        if (complaintId is not { } id)
        {
            return;
        }
        var complaint = await Db.Complaints.Include(c => c.Timeline).Include(c => c.WorkOrders)
            .AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (complaint is null || !complaint.FollowWorkOrder(news))
        {
            return;
        }
        // The news changes only the complaint's children; touching its row bumps the version (clients holding the old
        // ETag get a 409 and reload) and makes a concurrent step on the complaint conflict instead of doubling a line number.
        Db.Entry(complaint).Property(c => c.Status).IsModified = true;
    }
}

public sealed class WorkOrderSubmittedConsumer(ComplaintsDbContext db, TimeProvider time) : WorkOrderNewsConsumer<WorkOrderSubmitted>(db, time)
{
    protected override Guid? ComplaintIdOf(WorkOrderSubmitted m) => m.ComplaintId;

    protected override Task HandleAsync(WorkOrderSubmitted m, CancellationToken cancellationToken) =>
        FollowAsync(m.ComplaintId, new WorkOrderNews(m.WorkOrderId, m.Number, ComplaintWorkOrderStatus.Submitted, null, Actor.System, m.OccurredAt), cancellationToken);
}

public sealed class WorkOrderCompletedConsumer(ComplaintsDbContext db, TimeProvider time) : WorkOrderNewsConsumer<WorkOrderCompleted>(db, time)
{
    protected override Guid? ComplaintIdOf(WorkOrderCompleted m) => m.ComplaintId;

    protected override Task HandleAsync(WorkOrderCompleted m, CancellationToken cancellationToken) =>
        FollowAsync(m.ComplaintId, new WorkOrderNews(m.WorkOrderId, m.Number, ComplaintWorkOrderStatus.Completed, m.Summary, new Actor(m.ActorId, m.ActorName), m.OccurredAt), cancellationToken);
}

public sealed class WorkOrderClosedConsumer(ComplaintsDbContext db, TimeProvider time) : WorkOrderNewsConsumer<WorkOrderClosed>(db, time)
{
    protected override Guid? ComplaintIdOf(WorkOrderClosed m) => m.ComplaintId;

    protected override Task HandleAsync(WorkOrderClosed m, CancellationToken cancellationToken) =>
        FollowAsync(m.ComplaintId, new WorkOrderNews(m.WorkOrderId, m.Number, ComplaintWorkOrderStatus.Closed, null, new Actor(m.ActorId, m.ActorName), m.OccurredAt), cancellationToken);
}

public sealed class WorkOrderCancelledConsumer(ComplaintsDbContext db, TimeProvider time) : WorkOrderNewsConsumer<WorkOrderCancelled>(db, time)
{
    protected override Guid? ComplaintIdOf(WorkOrderCancelled m) => m.ComplaintId;

    protected override Task HandleAsync(WorkOrderCancelled m, CancellationToken cancellationToken) =>
        FollowAsync(m.ComplaintId, new WorkOrderNews(m.WorkOrderId, m.Number, ComplaintWorkOrderStatus.Cancelled, m.Reason, new Actor(m.ActorId, m.ActorName), m.OccurredAt), cancellationToken);
}
