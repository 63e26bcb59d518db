using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Directory.Domain;

/// <summary>
/// An occupant's hold on a unit, from the move-in or handover day (入伙/交付) to the move-out day (迁出).
/// It is current until it ends; ending records the day and keeps the record, so the unit's history stays.
/// A unit has at most one current owner and at most one current tenant; it may have many residents, who
/// are people. One occupant holds a unit in one role at a time.
/// </summary>
public sealed class Occupancy : AggregateRoot
{
    private Occupancy()
    {
    }

    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    public Guid UnitId { get; private set; }

    public Guid OccupantId { get; private set; }

    public OccupancyRole Role { get; private set; }

    /// <summary>The move-in or handover day.</summary>
    public DateOnly StartDate { get; private set; }

    /// <summary>The move-out day, the last day the occupant held the unit; null while current.</summary>
    public DateOnly? EndDate { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public bool IsCurrent => EndDate is null;

    /// <summary>Why a move-in on <paramref name="startDate"/> is refused when today is <paramref name="today"/>, or null.</summary>
    public static string? StartDateProblem(DateOnly startDate, DateOnly today) =>
        startDate > today ? $"The move-in date cannot be later than today ({today:yyyy-MM-dd}): record it on the day." : null;

    /// <summary>Why a move-out on <paramref name="endDate"/> is refused, or null.</summary>
    public static string? EndDateProblem(DateOnly startDate, DateOnly endDate, DateOnly today) =>
        endDate < startDate ? $"The move-out date cannot be before the move-in date ({startDate:yyyy-MM-dd})."
        : endDate > today ? $"The move-out date cannot be later than today ({today:yyyy-MM-dd}): record it on the day."
        : null;

    /// <summary>
    /// Records a move-in and raises <see cref="OccupancyStarted"/>. <paramref name="currentOfUnit"/> are the unit's
    /// current occupancies; a unique index on the table guards the same rules against concurrent requests.
    /// </summary>
    public static Occupancy Start(
        Unit unit, Occupant occupant, OccupancyRole role, DateOnly startDate, IEnumerable<Occupancy> currentOfUnit, DateTimeOffset now)
    {
        now = StoredTime.Of(now);
        Text.Defined(role, "occupancy role");
        if (occupant.PropertyId != unit.PropertyId)
        {
            throw new DomainRuleException($"{occupant.Name} is an occupant of another property than unit {unit.Number}.");
        }
        if (role == OccupancyRole.Resident && occupant.Kind != OccupantKind.Person)
        {
            throw new DomainRuleException("Only a person can be a resident; a company holds a unit as its owner or tenant.");
        }
        if (StartDateProblem(startDate, PropertyCalendar.ChinaStandardTime.DayOf(now)) is { } problem)
        {
            throw new DomainRuleException(problem);
        }

        var current = currentOfUnit.Where(o => o.UnitId == unit.Id && o.IsCurrent).ToList();
        if (current.Any(o => o.OccupantId == occupant.Id && o.Role == role))
        {
            throw new DomainRuleException($"{occupant.Name} already holds unit {unit.Number} as {Describe(role)}.");
        }
        if (role != OccupancyRole.Resident && current.Any(o => o.Role == role))
        {
            throw new DomainRuleException($"Unit {unit.Number} already has a current {Describe(role)}: record their move-out first.");
        }

        var occupancy = new Occupancy
        {
            Id = Guid.CreateVersion7(now),
            PropertyId = unit.PropertyId,
            UnitId = unit.Id,
            OccupantId = occupant.Id,
            Role = role,
            StartDate = startDate,
            StartedAt = now,
        };
        occupancy.Raise(new OccupancyStarted(
            Guid.CreateVersion7(now), now, occupancy.PropertyId, occupancy.Id, unit.Id, occupant.Id, role, startDate));
        return occupancy;
    }

    /// <summary>Records the move-out (迁出) and raises <see cref="OccupancyEnded"/>; the record is kept as history.</summary>
    public void End(DateOnly endDate, DateTimeOffset now)
    {
        now = StoredTime.Of(now);
        if (!IsCurrent)
        {
            throw new DomainRuleException($"This occupancy already ended on {EndDate:yyyy-MM-dd}.");
        }
        if (EndDateProblem(StartDate, endDate, PropertyCalendar.ChinaStandardTime.DayOf(now)) is { } problem)
        {
            throw new DomainRuleException(problem);
        }

        EndDate = endDate;
        EndedAt = now;
        Raise(new OccupancyEnded(Guid.CreateVersion7(now), now, PropertyId, Id, UnitId, OccupantId, Role, StartDate, endDate));
    }

    private static string Describe(OccupancyRole role) => role switch
    {
        OccupancyRole.Owner => "owner",
        OccupancyRole.Tenant => "tenant",
        _ => "resident",
    };
}
