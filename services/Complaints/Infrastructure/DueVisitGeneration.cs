using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Complaints.Domain;
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
        var created = 0;
        foreach (var plan in plans)
        {
            var due = await DueNowAsync(plan, db, calendar, now, cancellationToken);
            db.DueVisits.AddRange(due);
            created += due.Count;
        }
        return created;
    }

    /// <summary>The plan's visits due in the current period that are not due yet.</summary>
    public static async Task<IReadOnlyList<DueVisit>> DueNowAsync(VisitPlan plan, ComplaintsDbContext db, PropertyCalendar calendar, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = calendar.DayOf(now);
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
        var already = (await db.DueVisits.Where(d => d.PlanId == plan.Id && d.Period == period.Key).Select(d => d.SubjectId).ToListAsync(cancellationToken)).ToHashSet();
        return plan.Generate(today, subjects, already, now);
    }
}
