using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Complaints.Domain;

/// <summary>
/// A rationalisation proposal (合理化建议) from an occupant: recorded, decided by a manager (adopted or declined, with the
/// reason), and, when adopted, answered with a rectification plan (整改方案) published to the property's occupants.
/// </summary>
public sealed class Suggestion : AggregateRoot
{
    /// <summary>Suggestions are numbered <c>JY-yyyyMMdd-NNNN</c> (建议); the day's sequence is shared with complaints.</summary>
    public const string NumberPrefix = "JY";

    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 4000;
    public const int ReasonMaxLength = 500;

    private Suggestion()
    {
    }

    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    public string Number { get; private set; } = "";

    public Guid? UnitId { get; private set; }

    public string Title { get; private set; } = "";

    public string Content { get; private set; } = "";

    public string? SuggesterName { get; private set; }

    public string? SuggesterPhone { get; private set; }

    /// <summary>The occupant who made the suggestion themselves (app/web).</summary>
    public Guid? SuggesterId { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public Guid SubmittedById { get; private set; }

    public string SubmittedByName { get; private set; } = "";

    public SuggestionStatus Status { get; private set; }

    public string? DecisionReason { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public Guid? DecidedById { get; private set; }

    public string? DecidedByName { get; private set; }

    /// <summary>The rectification plan of an adopted suggestion, as published to the occupants.</summary>
    public string? Plan { get; private set; }

    public DateTimeOffset? PlanPublishedAt { get; private set; }

    public Guid? PlanPublishedById { get; private set; }

    public string? PlanPublishedByName { get; private set; }

    public static Suggestion Submit(
        Guid propertyId, UnitCopy? unit, DailyNumber number, string title, string content, string? suggesterName, string? suggesterPhone,
        Actor by, bool byStaff, DateTimeOffset now)
    {
        if (unit is not null && unit.PropertyId != propertyId)
        {
            throw new DomainRuleException("The unit belongs to another property.");
        }
        now = StoredTime.Of(now.ToUniversalTime());
        var suggestion = new Suggestion
        {
            Id = Guid.CreateVersion7(now),
            PropertyId = propertyId,
            Number = number.Value,
            UnitId = unit?.Id,
            Title = RequireText(title, "A title"),
            Content = RequireText(content, "The suggestion"),
            SuggesterName = Clean(suggesterName) ?? (byStaff ? null : by.Name),
            SuggesterPhone = Clean(suggesterPhone),
            SuggesterId = byStaff ? null : by.PersonId,
            SubmittedAt = now,
            SubmittedById = by.PersonId,
            SubmittedByName = by.Name,
            Status = SuggestionStatus.Submitted,
        };
        suggestion.Raise(new SuggestionSubmitted(Guid.CreateVersion7(now), now, propertyId, suggestion.Id, suggestion.Number, suggestion.UnitId, suggestion.Title));
        return suggestion;
    }

    /// <summary>A manager adopts or declines the suggestion, with the reason (once).</summary>
    public void Decide(bool adopted, string reason, Actor by, DateTimeOffset now)
    {
        if (Status != SuggestionStatus.Submitted)
        {
            throw new DomainRuleException($"The suggestion has already been {(Status == SuggestionStatus.Adopted ? "adopted" : "declined")}.");
        }
        reason = RequireText(reason, "A reason for the decision");
        now = StoredTime.Of(now.ToUniversalTime());
        Status = adopted ? SuggestionStatus.Adopted : SuggestionStatus.Declined;
        DecisionReason = reason;
        DecidedAt = now;
        DecidedById = by.PersonId;
        DecidedByName = by.Name;
        Raise(new SuggestionDecided(Guid.CreateVersion7(now), now, PropertyId, Id, Number, UnitId, adopted, reason, by.PersonId, by.Name));
    }

    /// <summary>Publishes the rectification plan of an adopted suggestion to the occupants of the property (once).</summary>
    public void PublishPlan(string plan, Actor by, DateTimeOffset now)
    {
        if (Status != SuggestionStatus.Adopted)
        {
            throw new DomainRuleException("Only an adopted suggestion gets a rectification plan.");
        }
        if (PlanPublishedAt is not null)
        {
            throw new DomainRuleException("The rectification plan has already been published.");
        }
        plan = RequireText(plan, "The rectification plan");
        now = StoredTime.Of(now.ToUniversalTime());
        Plan = plan;
        PlanPublishedAt = now;
        PlanPublishedById = by.PersonId;
        PlanPublishedByName = by.Name;
        Raise(new SuggestionPlanPublished(Guid.CreateVersion7(now), now, PropertyId, Id, Number, Title, plan));
    }

    private static string RequireText(string? text, string what) =>
        string.IsNullOrWhiteSpace(text) ? throw new DomainRuleException($"{what} is required.") : text.Trim();

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public enum SuggestionStatus
{
    /// <summary>Waiting for a manager's decision.</summary>
    Submitted,
    /// <summary>采纳</summary>
    Adopted,
    /// <summary>不采纳</summary>
    Declined,
}
