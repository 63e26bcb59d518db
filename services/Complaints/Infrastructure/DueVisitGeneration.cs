using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Complaints.Domain;
using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.ServiceDefaults.Domain;

namespace PropertyPlatform.Complaints.Infrastructure;

/// <summary>
/// Makes the visits of the current period due for visit plans: when a plan is made, when the desk asks, and by the
/// deadline sweeper when a new day begins (so a new quarter's or year's visits appear without anyone asking).
/// The unique (plan, subject, period) index makes generating twice harmless.
/// </summary>
public static class DueVisitGeneration
{
    /// <summary>Adds (unsaved) the due visits missing for the plans of <paramref name="propertyId"/>, or of every property; returns how many.</summary>
    public static async Task<int> AddDueNowAsync(
        ComplaintsDbContext db, PropertyCalendar calendar, DateTimeOffset now, Guid? propertyId, CancellationToken cancellationToken)
    {
        var plans = await db.VisitPlans.Where(p => propertyId == null || p.PropertyId == propertyId).ToListAsync(cancellationToken);
        var created = new List<DueVisit>();
        foreach (var plan in plans)
        {
            created.AddRange(await DueNowAsync(plan, db, calendar, now, cancellationToken));
        }
        Add(db, created, now);
        return created.Count;
    }

    /// <summary>
    /// Adds (unsaved) due visits and tells each assignee how many became theirs (<see cref="FollowUpVisitsDue"/> through the
    /// outbox, so the message goes only if the visits are saved).
    /// </summary>
    public static void Add(ComplaintsDbContext db, IReadOnlyList<DueVisit> due, DateTimeOffset now)
    {
        db.DueVisits.AddRange(due);
        foreach (var mine in due.GroupBy(d => (d.PropertyId, d.AssigneeId)))
        {
            var visits = mine.OrderBy(d => d.DueBy).ThenBy(d => d.Name).ToList();
            db.Publish(new FollowUpVisitsDue(
                Guid.CreateVersion7(now), now, mine.Key.PropertyId, mine.Key.AssigneeId, visits[0].AssigneeName, visits.Count, visits[0].DueBy,
                visits.Take(FollowUpVisitsDue.MaxNames).Select(d => d.Name).ToList()));
        }
    }

    /// <summary>The plan's visits due in the current period that are not due yet.</summary>
    public static async Task<IReadOnlyList<DueVisit>> DueNowAsync(VisitPlan plan, ComplaintsDbContext db, PropertyCalendar calendar, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = calendar.DayOf(now);
        if (plan.HasEndedBy(today))
        {
            return [];
        }
        var period = VisitPeriod.Containing(today, plan.Cadence);
        List<VisitSubject> subjects;
        if (plan.Kind == VisitPlanKind.Area)
        {
            subjects = [new VisitSubject(plan.BuildingId!.Value, null, plan.Name)];
        }
        else
        {
            // The units occupied today (入住), from Directory's occupancies.
            subjects = await (from o in db.Occupancies
                              join u in db.Units on o.UnitId equals u.Id
                              where o.PropertyId == plan.PropertyId && o.StartDate <= today && (o.EndDate == null || o.EndDate >= today)
                              select new VisitSubject(u.Id, u.Id, u.BuildingName + " " + u.Number))
                .Distinct().ToListAsync(cancellationToken);
        }
        // Due already by this plan, or by an ended plan of the same kind the new one replaces: one visit per place and period.
        var already = (await db.DueVisits.Where(d => d.PropertyId == plan.PropertyId && d.Kind == plan.Kind && d.Period == period.Key).Select(d => d.SubjectId).ToListAsync(cancellationToken)).ToHashSet();
        return plan.Generate(today, subjects, already, now);
    }
}
