using System.Globalization;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Complaints.Domain;

/// <summary>
/// A follow-up visit plan (回访计划, 客户意见调查和回访规定): an area (a building) visited every quarter by the staff member
/// responsible for it, or every occupied unit of a property visited once a year by the director. The plan generates the
/// visits due in the current period; each due visit is done when a visit is recorded against it.
/// </summary>
public sealed class VisitPlan
{
    public const int NameMaxLength = 200;

    private VisitPlan()
    {
    }

    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    public VisitPlanKind Kind { get; private set; }

    /// <summary>The building of an area plan; null for the occupants' plan.</summary>
    public Guid? BuildingId { get; private set; }

    /// <summary>What the plan covers as people read it: the building's name, or "全体住户".</summary>
    public string Name { get; private set; } = "";

    /// <summary>Who makes the visits: the area's staff member, or the director (总经理/主任).</summary>
    public Guid AssigneeId { get; private set; }

    public string AssigneeName { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid CreatedById { get; private set; }

    public string CreatedByName { get; private set; } = "";

    /// <summary>The first local day the plan no longer makes visits due (结束); null while it runs. Visits already due stay.</summary>
    public DateOnly? EndsOn { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public Guid? EndedById { get; private set; }

    public string? EndedByName { get; private set; }

    /// <summary>Whether the plan makes no more visits due on <paramref name="day"/>.</summary>
    public bool HasEndedBy(DateOnly day) => EndsOn is { } end && day >= end;

    /// <summary>An area's visits are quarterly, the occupants' yearly (the procedure's rhythm).</summary>
    public VisitCadence Cadence => Kind == VisitPlanKind.Area ? VisitCadence.Quarterly : VisitCadence.Yearly;

    public static VisitPlan ForArea(Guid propertyId, Guid buildingId, string buildingName, Actor assignee, Actor by, DateTimeOffset now) =>
        Create(propertyId, VisitPlanKind.Area, buildingId, buildingName, assignee, by, now);

    public static VisitPlan ForOccupants(Guid propertyId, Actor director, Actor by, DateTimeOffset now) =>
        Create(propertyId, VisitPlanKind.Occupants, null, "全体住户", director, by, now);

    private static VisitPlan Create(Guid propertyId, VisitPlanKind kind, Guid? buildingId, string name, Actor assignee, Actor by, DateTimeOffset now)
    {
        if (assignee.PersonId == Guid.Empty || string.IsNullOrWhiteSpace(assignee.Name))
        {
            throw new DomainRuleException("Name the person who makes the plan's visits.");
        }
        now = StoredTime.Of(now.ToUniversalTime());
        return new VisitPlan
        {
            Id = Guid.CreateVersion7(now),
            PropertyId = propertyId,
            Kind = kind,
            BuildingId = buildingId,
            Name = name.Trim(),
            AssigneeId = assignee.PersonId,
            AssigneeName = assignee.Name.Trim(),
            CreatedAt = now,
            CreatedById = by.PersonId,
            CreatedByName = by.Name,
        };
    }

    /// <summary>Hands the plan's visits to someone else; visits already due stay with whom they were given to.</summary>
    public void Reassign(Actor assignee)
    {
        if (EndsOn is { } end)
        {
            throw new DomainRuleException($"The plan ends on {end:yyyy-MM-dd}: make a new plan instead.");
        }
        if (assignee.PersonId == Guid.Empty || string.IsNullOrWhiteSpace(assignee.Name))
        {
            throw new DomainRuleException("Name the person who makes the plan's visits.");
        }
        (AssigneeId, AssigneeName) = (assignee.PersonId, assignee.Name.Trim());
    }

    /// <summary>
    /// Ends the plan from <paramref name="endsOn"/> (today or later, the property's local day): from that day it makes no
    /// more visits due; those already due stay to be made. Once: an ended plan is not resumed, a new one is made.
    /// </summary>
    public void End(DateOnly endsOn, DateOnly today, Actor by, DateTimeOffset now)
    {
        if (EndsOn is { } end)
        {
            throw new DomainRuleException($"The plan already ends on {end:yyyy-MM-dd}.");
        }
        if (endsOn < today)
        {
            throw new DomainRuleException($"A plan ends today or later, not on {endsOn:yyyy-MM-dd}: the visits already due stay either way.");
        }
        EndsOn = endsOn;
        EndedAt = StoredTime.Of(now.ToUniversalTime());
        (EndedById, EndedByName) = (by.PersonId, by.Name);
    }

    /// <summary>
    /// The visits due in the period containing <paramref name="today"/> (the property's local day) for the subjects the
    /// plan covers now (its building; the units occupied today), leaving out those already due: generating twice in a
    /// period creates nothing new.
    /// </summary>
    public IReadOnlyList<DueVisit> Generate(DateOnly today, IReadOnlyList<VisitSubject> subjects, IReadOnlySet<Guid> alreadyDue, DateTimeOffset now)
    {
        if (HasEndedBy(today))
        {
            return [];
        }
        var period = VisitPeriod.Containing(today, Cadence);
        if (Kind == VisitPlanKind.Area && subjects.Any(s => s.SubjectId != BuildingId || s.UnitId is not null))
        {
            throw new DomainRuleException("An area plan visits its own building only.");
        }
        if (Kind == VisitPlanKind.Occupants && subjects.Any(s => s.UnitId is null))
        {
            throw new DomainRuleException("The occupants' plan visits units.");
        }
        return subjects
            .DistinctBy(s => s.SubjectId)
            .Where(s => !alreadyDue.Contains(s.SubjectId))
            .Select(s => DueVisit.Create(this, s, period, now))
            .ToList();
    }
}

/// <summary>Whom a due visit is to: a building (area plans) or a unit (the occupants' plan), and its name.</summary>
public sealed record VisitSubject(Guid SubjectId, Guid? UnitId, string Name);

public enum VisitPlanKind
{
    /// <summary>An area (a building), quarterly, by its staff member.</summary>
    Area,

    /// <summary>Every occupied unit, yearly, by the director.</summary>
    Occupants,
}

public enum VisitCadence
{
    Quarterly,
    Yearly,
}

/// <summary>A plan's period: <c>2026-Q4</c> (1 Oct to 31 Dec) or <c>2026</c>; days inclusive.</summary>
public sealed record VisitPeriod(string Key, DateOnly From, DateOnly To)
{
    public static VisitPeriod Containing(DateOnly day, VisitCadence cadence)
    {
        if (cadence == VisitCadence.Yearly)
        {
            return new VisitPeriod(day.Year.ToString(CultureInfo.InvariantCulture), new DateOnly(day.Year, 1, 1), new DateOnly(day.Year, 12, 31));
        }
        var quarter = (day.Month - 1) / 3;
        var from = new DateOnly(day.Year, quarter * 3 + 1, 1);
        return new VisitPeriod(string.Create(CultureInfo.InvariantCulture, $"{day.Year}-Q{quarter + 1}"), from, from.AddMonths(3).AddDays(-1));
    }
}

/// <summary>
/// One visit a plan says is due in a period (应回访): open until a visit is recorded against it, overdue after the period's
/// last day. Unique per plan, subject and period, so generating twice, even at once, creates one.
/// </summary>
public sealed class DueVisit
{
    private DueVisit()
    {
    }

    public Guid Id { get; private set; }

    public Guid PlanId { get; private set; }

    public Guid PropertyId { get; private set; }

    public VisitPlanKind Kind { get; private set; }

    /// <summary>The building or the unit visited: with <see cref="Period"/> what makes it unique within the plan.</summary>
    public Guid SubjectId { get; private set; }

    public Guid? UnitId { get; private set; }

    public string Name { get; private set; } = "";

    public string Period { get; private set; } = "";

    public DateOnly DueFrom { get; private set; }

    /// <summary>The last day of the period: after it an undone visit is overdue.</summary>
    public DateOnly DueBy { get; private set; }

    public Guid AssigneeId { get; private set; }

    public string AssigneeName { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The visit that did it; null while due.</summary>
    public Guid? VisitId { get; private set; }

    public DateTimeOffset? DoneAt { get; private set; }

    public bool IsOverdue(DateOnly today) => VisitId is null && today > DueBy;

    internal static DueVisit Create(VisitPlan plan, VisitSubject subject, VisitPeriod period, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        PlanId = plan.Id,
        PropertyId = plan.PropertyId,
        Kind = plan.Kind,
        SubjectId = subject.SubjectId,
        UnitId = subject.UnitId,
        Name = subject.Name,
        Period = period.Key,
        DueFrom = period.From,
        DueBy = period.To,
        AssigneeId = plan.AssigneeId,
        AssigneeName = plan.AssigneeName,
        CreatedAt = StoredTime.Of(now.ToUniversalTime()),
    };

    /// <summary>Marks the due visit done by <paramref name="visit"/>: the same property and, for a unit, the same unit; once.</summary>
    public void CompleteWith(FollowUpVisit visit)
    {
        if (VisitId is not null)
        {
            throw new DomainRuleException("This due visit was already made.");
        }
        if (visit.PropertyId != PropertyId || (UnitId is { } unit && visit.UnitId != unit))
        {
            throw new DomainRuleException("The visit recorded is not to the place this due visit is for.");
        }
        VisitId = visit.Id;
        DoneAt = visit.VisitedAt;
    }
}
