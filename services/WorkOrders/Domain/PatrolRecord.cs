using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.WorkOrders.Domain;

/// <summary>
/// One walk of a patrol route (巡查记录表): who patrolled when, and the answer to every item of the checklist they
/// walked it with. A failed item at a unit raises a work order (channel <c>patrol</c>) in the same transaction; a
/// failed item in a common area without a unit (lobby, stairwell, car park) is recorded with its location and no order,
/// since an order needs a unit: the supervisor who reads the record follows it up.
/// </summary>
public sealed class PatrolRecord
{
    public const int NoteMaxLength = 1000;
    public const int LocationMaxLength = 200;

    /// <summary>Clocks of phones and servers differ a little; a patrol "in the future" beyond this is a mistake.</summary>
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(5);

    private readonly List<PatrolRecordItem> _items = [];

    private PatrolRecord()
    {
    }

    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    public Guid RouteId { get; private set; }

    /// <summary>The route's name when patrolled, as the record shows it.</summary>
    public string RouteName { get; private set; } = "";

    /// <summary>The version of the route's checklist the items answer.</summary>
    public int ChecklistVersion { get; private set; }

    /// <summary>When the patrol was walked.</summary>
    public DateTimeOffset PatrolledAt { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public Guid PatrollerId { get; private set; }

    public string PatrollerName { get; private set; } = "";

    /// <summary>The answers, one per checklist item, in checklist order.</summary>
    public IReadOnlyList<PatrolRecordItem> Items => _items.OrderBy(i => i.Item).ToList();

    /// <summary>Failed items at a unit that still need their work order.</summary>
    public IReadOnlyList<PatrolRecordItem> ItemsAwaitingOrders() => Items.Where(i => !i.Passed && i.UnitId is not null && i.WorkOrderId is null).ToList();

    /// <summary>
    /// Records a patrol of an active route: every item of the checklist version named is answered exactly once, a
    /// failed item says what was wrong (a note) and where (a unit of the route's property, or a location); one at a
    /// unit also gives the category and priority of the order it raises. Refuses anything else and records nothing.
    /// </summary>
    public static PatrolRecord Make(
        PatrolRoute route, int checklistVersion, DateTimeOffset patrolledAt, IReadOnlyList<PatrolAnswer> answers, Actor patroller, DateTimeOffset now)
    {
        route.RequireActive();
        if (checklistVersion != route.ChecklistVersion)
        {
            throw new DomainRuleException(
                $"The route's checklist has changed (it is version {route.ChecklistVersion}, the record answers version {checklistVersion}): reload the route and answer its current checklist.");
        }
        if (patrolledAt > now + ClockTolerance)
        {
            throw new DomainRuleException("A patrol cannot be recorded before it is walked: the patrol time is in the future.");
        }

        var items = Enumerable.Range(1, route.Checklist.Count).ToList();
        var unknown = answers.Select(a => a.Item).Where(i => !items.Contains(i)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            throw new DomainRuleException($"The checklist has items 1 to {items.Count}; there is no item {string.Join(", ", unknown)}.");
        }
        var twice = answers.GroupBy(a => a.Item).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (twice.Count > 0)
        {
            throw new DomainRuleException($"Each checklist item is answered once; item {string.Join(", ", twice)} is answered more than once.");
        }
        var missing = items.Except(answers.Select(a => a.Item)).ToList();
        if (missing.Count > 0)
        {
            throw new DomainRuleException($"Every checklist item must be answered; item {string.Join(", ", missing)} is not.");
        }

        now = StoredTime.Of(now);
        var record = new PatrolRecord
        {
            Id = Guid.CreateVersion7(now),
            PropertyId = route.PropertyId,
            RouteId = route.Id,
            RouteName = route.Name,
            ChecklistVersion = route.ChecklistVersion,
            PatrolledAt = StoredTime.Of(patrolledAt),
            RecordedAt = now,
            PatrollerId = patroller.PersonId,
            PatrollerName = patroller.Name,
        };
        foreach (var answer in answers)
        {
            record._items.Add(PatrolRecordItem.Answer(record, route.Checklist[answer.Item - 1], answer));
        }
        return record;
    }

    /// <summary>What the work order raised by a failed item says: the route, the item, the note, and this record.</summary>
    public WorkOrderIntake OrderIntakeFor(PatrolRecordItem item) => new(
        item.Category!.Value,
        item.Priority!.Value,
        IntakeChannel.Patrol,
        $"巡查发现 ({RouteName} · {item.Text}): {item.Note}",
        item.Location,
        PatrolRecordId: Id);

    /// <summary>Notes on the failed item the order it raised.</summary>
    public void Link(PatrolRecordItem item, WorkOrder order)
    {
        if (!_items.Contains(item) || item.Passed || item.WorkOrderId is not null)
        {
            throw new InvalidOperationException("Only a failed item of this record without an order can be linked to one.");
        }
        item.LinkTo(order);
    }
}

/// <summary>The patroller's answer to one checklist item (numbered from 1, in checklist order).</summary>
public sealed record PatrolAnswer(
    int Item,
    bool Passed,
    string? Note = null,
    UnitCopy? Unit = null,
    string? Location = null,
    WorkOrderCategory? Category = null,
    WorkOrderPriority? Priority = null);

/// <summary>One answered item of a patrol record, with the checklist text it answered and, for a failure, its work order.</summary>
public sealed class PatrolRecordItem
{
    private PatrolRecordItem()
    {
    }

    public Guid PatrolRecordId { get; private set; }

    /// <summary>The item's number in the checklist, from 1.</summary>
    public int Item { get; private set; }

    /// <summary>The checklist item as it read when the patrol was recorded.</summary>
    public string Text { get; private set; } = "";

    public bool Passed { get; private set; }

    public string? Note { get; private set; }

    public Guid? UnitId { get; private set; }

    public string? UnitNumber { get; private set; }

    public string? Location { get; private set; }

    public WorkOrderCategory? Category { get; private set; }

    public WorkOrderPriority? Priority { get; private set; }

    /// <summary>The order a failure at a unit raised.</summary>
    public Guid? WorkOrderId { get; private set; }

    public string? WorkOrderNumber { get; private set; }

    internal static PatrolRecordItem Answer(PatrolRecord record, string text, PatrolAnswer answer)
    {
        var note = Clean(answer.Note, PatrolRecord.NoteMaxLength, "A note");
        var location = Clean(answer.Location, PatrolRecord.LocationMaxLength, "A location");
        if (answer.Passed)
        {
            // A passed item may carry a remark, nothing else: there is nothing to repair.
            return new PatrolRecordItem { PatrolRecordId = record.Id, Item = answer.Item, Text = text, Passed = true, Note = note };
        }

        if (note is null)
        {
            throw new DomainRuleException($"Item {answer.Item} failed: say what is wrong in a note.");
        }
        if (answer.Unit is { } unit)
        {
            if (unit.PropertyId != record.PropertyId)
            {
                throw new DomainRuleException($"Item {answer.Item} failed at a unit of another property: name a unit of the route's property.");
            }
            if (answer.Category is null || answer.Priority is null)
            {
                throw new DomainRuleException($"Item {answer.Item} failed at a unit: give the category and priority of the work order it raises.");
            }
        }
        else if (location is null)
        {
            throw new DomainRuleException($"Item {answer.Item} failed: name the unit or the location where.");
        }

        return new PatrolRecordItem
        {
            PatrolRecordId = record.Id,
            Item = answer.Item,
            Text = text,
            Passed = false,
            Note = note,
            UnitId = answer.Unit?.Id,
            UnitNumber = answer.Unit?.Number,
            Location = location,
            Category = answer.Category,
            Priority = answer.Priority,
        };
    }

    internal void LinkTo(WorkOrder order)
    {
        WorkOrderId = order.Id;
        WorkOrderNumber = order.Number;
    }

    private static string? Clean(string? text, int maxLength, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        text = text.Trim();
        return text.Length > maxLength ? throw new DomainRuleException($"{what} has at most {maxLength} characters.") : text;
    }
}
