using PropertyPlatform.Contracts.Reception;
using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Reception.Domain;

/// <summary>
/// An inspection of vacant units (空置房巡查), with the keys from the key register: weekly by area, and the full
/// inspection of every vacant unit on the 20th of each month. What was found is recorded per unit; a finding that
/// needs a repair asks WorkOrders for a work order (<see cref="InspectionWorkOrderRequested"/>), as a complaint does.
/// </summary>
public sealed class VacantUnitInspection : AggregateRoot
{
    public const int AreaMaxLength = 100;
    public const int NotesMaxLength = 2000;
    public const int FindingMaxLength = 1000;
    public const int MaxFindings = 100;

    /// <summary>The day of the month of the full inspection.</summary>
    public const int FullInspectionDay = 20;

    private readonly List<InspectionFinding> _findings = [];

    private VacantUnitInspection()
    {
    }

    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    public InspectionKind Kind { get; private set; }

    /// <summary>The area walked in a weekly inspection (e.g. "A座 8–12层"); null for the full inspection.</summary>
    public string? Area { get; private set; }

    /// <summary>The property's local day of the inspection.</summary>
    public DateOnly InspectedOn { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public Guid InspectorId { get; private set; }

    public string InspectorName { get; private set; } = "";

    public string? Notes { get; private set; }

    public IReadOnlyList<InspectionFinding> Findings => _findings.OrderBy(f => f.Sequence).ToList();

    /// <summary>Why an inspection of <paramref name="kind"/> cannot be recorded for <paramref name="day"/>, or null.</summary>
    public static string? Problem(InspectionKind kind, string? area, DateOnly day, DateOnly today)
    {
        if (day > today)
        {
            return "An inspection is recorded when it has been done, not in advance.";
        }
        if (kind == InspectionKind.WeeklyArea && string.IsNullOrWhiteSpace(area))
        {
            return "A weekly inspection is by area: say which area was inspected.";
        }
        return kind == InspectionKind.Full && day.Day != FullInspectionDay
            ? $"The full inspection of the vacant units is done on the {FullInspectionDay}th of the month."
            : null;
    }

    public static VacantUnitInspection Record(
        Guid propertyId, InspectionKind kind, string? area, DateOnly inspectedOn, string? notes,
        IReadOnlyList<(UnitCopy Unit, string Finding, WorkOrderCategory? Category, WorkOrderPriority? Priority)> findings,
        Actor inspector, DateTimeOffset now, PropertyCalendar calendar)
    {
        if (Problem(kind, area, inspectedOn, calendar.DayOf(now)) is { } problem)
        {
            throw new DomainRuleException(problem);
        }
        if (findings.Any(f => f.Unit.PropertyId != propertyId))
        {
            throw new DomainRuleException("A finding is about a unit of the inspected property.");
        }
        if (findings.Any(f => string.IsNullOrWhiteSpace(f.Finding)))
        {
            throw new DomainRuleException("Say what was found in each unit.");
        }

        now = StoredTime.Of(now.ToUniversalTime());
        var inspection = new VacantUnitInspection
        {
            Id = Guid.CreateVersion7(now),
            PropertyId = propertyId,
            Kind = kind,
            Area = kind == InspectionKind.Full ? null : area!.Trim(),
            InspectedOn = inspectedOn,
            RecordedAt = now,
            InspectorId = inspector.PersonId,
            InspectorName = inspector.Name,
            Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim(),
        };
        foreach (var (unit, finding, category, priority) in findings)
        {
            var item = new InspectionFinding(
                Guid.CreateVersion7(now), inspection.Id, inspection._findings.Count + 1, unit.Id, unit.BuildingName, unit.Number,
                finding.Trim(), category is not null);
            inspection._findings.Add(item);
            if (category is { } wanted)
            {
                // WorkOrders takes the order from this request, as it does a complaint's.
                inspection.Raise(new InspectionWorkOrderRequested(
                    Guid.CreateVersion7(now), now, propertyId, inspection.Id, item.Sequence, unit.Id, wanted, priority ?? WorkOrderPriority.Normal,
                    $"空置房巡查 {unit.BuildingName} {unit.Number}：{item.Finding}", inspector.PersonId, inspector.Name));
            }
        }
        inspection.Raise(new VacantUnitsInspected(
            Guid.CreateVersion7(now), now, propertyId, inspection.Id, kind == InspectionKind.Full, inspection.Area, inspectedOn,
            inspection._findings.Count, inspection._findings.Count(f => f.WorkOrderRequested), inspector.Name));
        return inspection;
    }
}

/// <summary>What an inspection found in one unit; <c>WorkOrderRequested</c>: a work order was asked for.</summary>
public sealed class InspectionFinding(
    Guid id, Guid inspectionId, int sequence, Guid unitId, string buildingName, string unitNumber, string finding, bool workOrderRequested)
{
    public Guid Id { get; private set; } = id;

    public Guid InspectionId { get; private set; } = inspectionId;

    public int Sequence { get; private set; } = sequence;

    public Guid UnitId { get; private set; } = unitId;

    public string BuildingName { get; private set; } = buildingName;

    public string UnitNumber { get; private set; } = unitNumber;

    public string Finding { get; private set; } = finding;

    public bool WorkOrderRequested { get; private set; } = workOrderRequested;
}

public enum InspectionKind
{
    /// <summary>The weekly inspection of one area's vacant units.</summary>
    WeeklyArea,
    /// <summary>The full inspection of every vacant unit, on the 20th.</summary>
    Full,
}
