using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;
using PropertyPlatform.WorkOrders.Domain;
using PropertyPlatform.WorkOrders.Infrastructure;

namespace PropertyPlatform.WorkOrders.Apis;

/// <summary>
/// The one way a command endpoint changes an order: find it within the caller's scope (else 404), check the
/// version the client read (<c>If-Match</c>; a stale one is a 409), let the order apply its rule (a refused
/// transition is a 409 and changes nothing), save it with its events, and answer the new state with its ETag.
/// </summary>
public sealed class WorkOrderCommands(WorkOrdersDbContext db, TimeProvider time)
{
    public async Task<WorkOrder?> FindVisibleAsync(Guid id, Caller caller, CancellationToken cancellationToken)
    {
        var order = await db.WorkOrders.Include(o => o.Timeline).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        return order is not null && caller.CanSee(order.PropertyId, order.UnitId) ? order : null;
    }

    public async Task<Results<Ok<WorkOrderDetail>, ProblemHttpResult>> RunAsync(
        Guid id, Caller caller, HttpContext http, Action<WorkOrder, Actor, DateTimeOffset> change, CancellationToken cancellationToken)
    {
        var order = await FindVisibleAsync(id, caller, cancellationToken);
        if (order is null)
        {
            return ProblemResults.NotFound("work order", id);
        }

        var expected = http.Request.Headers.IfMatch.ToString();
        if (expected.Length > 0 && expected != "*" && expected != ETagOf(order))
        {
            return ProblemResults.Conflict(
                $"The work order changed since you read it (you sent {expected}, it is now {ETagOf(order)}): reload it and try again.");
        }

        change(order, caller.AsActor(), time.GetUtcNow());
        // The row version is checked again on save: a change committed since the read above is a 409 too.
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await DetailAsync(order, http, cancellationToken));
    }

    /// <summary>The order as the API shows it, with its ETag set on the response.</summary>
    public async Task<WorkOrderDetail> DetailAsync(WorkOrder order, HttpContext http, CancellationToken cancellationToken)
    {
        http.Response.Headers.ETag = ETagOf(order);
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == order.UnitId, cancellationToken);
        var photos = await WorkOrderPhotoView.ListAsync(db, order.Id, cancellationToken);
        return WorkOrderDetail.From(order, unit, photos, time.GetUtcNow());
    }

    /// <summary>PostgreSQL's row version of the order, as a strong entity tag.</summary>
    private string ETagOf(WorkOrder order) => ETagOf(db.Entry(order).Property<uint>("xmin").CurrentValue);

    /// <summary>A row version as a strong entity tag.</summary>
    public static string ETagOf(uint version) => $"\"{version}\"";
}
