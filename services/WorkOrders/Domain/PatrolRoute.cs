using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.WorkOrders.Domain;

/// <summary>
/// A patrol route (巡查路线) of a property: the area guards or engineers walk every day and the checklist they answer
/// there (DOMAIN.md "Patrols"). Changing the checklist makes a new version; a record keeps a copy of the version it
/// answered, so past records read as they were made.
/// </summary>
public sealed class PatrolRoute
{
    public const int NameMaxLength = 100;
    public const int AreaMaxLength = 200;
    public const int ItemMaxLength = 200;
    public const int MaxItems = 50;

    private PatrolRoute()
    {
    }

    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>Where the route runs: a building, a floor, the car park, the lobby…</summary>
    public string Area { get; private set; } = "";

    /// <summary>The items of the current checklist, in the order they are checked.</summary>
    public List<string> Checklist { get; private set; } = [];

    /// <summary>1 for the first checklist, one more for each change of it.</summary>
    public int ChecklistVersion { get; private set; }

    /// <summary>An inactive route is kept with its records but takes no new ones.</summary>
    public bool Active { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static PatrolRoute Create(Guid propertyId, string name, string area, IReadOnlyList<string> checklist, bool active, DateTimeOffset now)
    {
        now = StoredTime.Of(now);
        var route = new PatrolRoute { Id = Guid.CreateVersion7(now), PropertyId = propertyId, CreatedAt = now, ChecklistVersion = 1 };
        route.Describe(name, area, active, now);
        route.Checklist = CleanChecklist(checklist);
        return route;
    }

    /// <summary>Renames, moves, (de)activates the route and sets its checklist; a different checklist is a new version.</summary>
    public void Change(string name, string area, IReadOnlyList<string> checklist, bool active, DateTimeOffset now)
    {
        now = StoredTime.Of(now);
        var cleaned = CleanChecklist(checklist);
        Describe(name, area, active, now);
        if (!cleaned.SequenceEqual(Checklist, StringComparer.Ordinal))
        {
            Checklist = cleaned;
            ChecklistVersion++;
        }
    }

    /// <summary>Records may only be made on an active route.</summary>
    public void RequireActive()
    {
        if (!Active)
        {
            throw new DomainRuleException($"The patrol route '{Name}' is inactive and takes no records.");
        }
    }

    private void Describe(string name, string area, bool active, DateTimeOffset now)
    {
        Name = RequireText(name, "A route name", NameMaxLength);
        Area = RequireText(area, "The route's area", AreaMaxLength);
        Active = active;
        UpdatedAt = now;
    }

    private static List<string> CleanChecklist(IReadOnlyList<string> checklist)
    {
        if (checklist.Count is 0 or > MaxItems)
        {
            throw new DomainRuleException($"A checklist has 1 to {MaxItems} items.");
        }

        var items = checklist.Select(item => RequireText(item, "Each checklist item", ItemMaxLength)).ToList();
        if (items.Distinct(StringComparer.Ordinal).Count() != items.Count)
        {
            throw new DomainRuleException("A checklist names each item once.");
        }
        return items;
    }

    private static string RequireText(string? text, string what, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException($"{what} is required.");
        }
        text = text.Trim();
        return text.Length > maxLength ? throw new DomainRuleException($"{what} has at most {maxLength} characters.") : text;
    }
}
