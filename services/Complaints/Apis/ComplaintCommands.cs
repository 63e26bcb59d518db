using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Complaints.Domain;
using PropertyPlatform.Complaints.Infrastructure;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Complaints.Apis;

/// <summary>
/// The one way a command endpoint changes a complaint: find it within the caller's scope (else 404), check the version
/// the client read (<c>If-Match</c>; a stale one is a 409), let the complaint apply its rule (a refused step is a 409 and
/// changes nothing), save it with its events, and answer the new state with its ETag.
/// </summary>
public sealed class ComplaintCommands(ComplaintsDbContext db, TimeProvider time, PropertyCalendar calendar)
{
    public async Task<Complaint?> FindVisibleAsync(Guid id, Caller caller, CancellationToken cancellationToken)
    {
        var complaint = await db.Complaints
            .Include(c => c.WorkOrderRequests).Include(c => c.WorkOrders).Include(c => c.Timeline).Include(c => c.CoComplainants)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return complaint is not null && caller.CanSee(complaint) ? complaint : null;
    }

    public async Task<Results<Ok<ComplaintView>, ProblemHttpResult>> RunAsync(
        Guid id, Caller caller, HttpContext http, Action<Complaint, ComplaintStep> change, CancellationToken cancellationToken)
    {
        var complaint = await FindVisibleAsync(id, caller, cancellationToken);
        if (complaint is null)
        {
            return ProblemResults.NotFound("complaint", id);
        }

        var expected = http.Request.Headers.IfMatch.ToString();
        if (expected.Length > 0 && expected != "*" && expected != ETagOf(complaint))
        {
            return ProblemResults.Conflict(
                $"The complaint changed since you read it (you sent {expected}, it is now {ETagOf(complaint)}): reload it and try again.");
        }

        change(complaint, new ComplaintStep(caller.AsActor(), time.GetUtcNow(), caller, calendar));
        // The row version is checked again on save: a change committed since the read above is a 409 too.
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await ViewAsync(complaint, caller, http, cancellationToken));
    }

    /// <summary>The complaint as the caller may see it, with its ETag set on the response.</summary>
    public async Task<ComplaintView> ViewAsync(Complaint complaint, Caller caller, HttpContext http, CancellationToken cancellationToken)
    {
        http.Response.Headers.ETag = ETagOf(complaint);
        var unit = complaint.UnitId is { } unitId ? await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, cancellationToken) : null;
        return ComplaintView.From(complaint, unit, caller, withTimeline: true);
    }

    /// <summary>PostgreSQL's row version of the complaint, as a strong entity tag.</summary>
    private string ETagOf(Complaint complaint) => $"\"{db.Entry(complaint).Property<uint>("xmin").CurrentValue}\"";
}

/// <summary>Who takes a step and when, as the complaint's methods need them.</summary>
public sealed record ComplaintStep(Actor By, DateTimeOffset Now, Caller Caller, PropertyCalendar Calendar)
{
    public bool ByManager => Caller.IsInRole(Roles.Manager);

    /// <summary>A supervisor or a manager: they may hand over anyone's complaint.</summary>
    public bool ByLead => Caller.IsInAnyRole(Roles.Supervisor, Roles.Manager);
}
