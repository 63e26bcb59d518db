using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Complaints.Domain;

/// <summary>
/// A follow-up visit (回访) to an occupant or an area: how satisfied they are (1–5) and what they raised. Every piece of
/// feedback becomes an item tracked until someone handles it (回访处理率 100%): nothing said on a visit is lost.
/// </summary>
public sealed class FollowUpVisit : AggregateRoot
{
    public const int TextMaxLength = 1000;
    public const int MaxItems = 50;

    private readonly List<VisitFeedbackItem> _items = [];
    private readonly List<VisitAnswer> _answers = [];

    private FollowUpVisit()
    {
    }

    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    /// <summary>The unit visited; null for a visit to an area (a building, the car park).</summary>
    public Guid? UnitId { get; private set; }

    /// <summary>The area visited, or a note on whom (e.g. "A座 业主代表").</summary>
    public string? Area { get; private set; }

    public VisitMethod Method { get; private set; }

    public DateTimeOffset VisitedAt { get; private set; }

    public Guid VisitedById { get; private set; }

    public string VisitedByName { get; private set; } = "";

    /// <summary>1 (very dissatisfied) to 5 (very satisfied).</summary>
    public int Satisfaction { get; private set; }

    public string? Notes { get; private set; }

    /// <summary>Feedback items not handled yet; the visit's own column, so handling one moves the visit's version on.</summary>
    public int OpenItems { get; private set; }

    /// <summary>What was raised on the visit, in the order recorded.</summary>
    public IReadOnlyList<VisitFeedbackItem> Items => _items.OrderBy(i => i.Sequence).ToList();

    /// <summary>The questionnaire answered on the visit, if one was.</summary>
    public Guid? SurveyId { get; private set; }

    /// <summary>The average of the questionnaire's score answers (1–5); null without a questionnaire or scores.</summary>
    public decimal? SurveyScore { get; private set; }

    /// <summary>The answers given, in question order.</summary>
    public IReadOnlyList<VisitAnswer> Answers => _answers.OrderBy(a => a.Sequence).ToList();

    /// <summary>The due visit of a plan this visit made (回访计划); null for a visit outside a plan.</summary>
    public Guid? DueVisitId { get; private set; }

    /// <summary>Records a visit with its feedback items and raises <see cref="FollowUpVisitRecorded"/>.</summary>
    public static FollowUpVisit Record(
        Guid propertyId, UnitCopy? unit, string? area, VisitMethod method, int satisfaction, string? notes, IReadOnlyList<string> items, Actor by, DateTimeOffset now) =>
        Record(propertyId, unit, area, method, satisfaction, notes, items, by, now, null, [], null);

    /// <summary>
    /// Records a visit, with the answers to a questionnaire (checked by it) and completing the plan's due visit it makes,
    /// if any (the due visit's name is the visit's area when none is given).
    /// </summary>
    public static FollowUpVisit Record(
        Guid propertyId, UnitCopy? unit, string? area, VisitMethod method, int satisfaction, string? notes, IReadOnlyList<string> items, Actor by, DateTimeOffset now,
        Survey? survey, IReadOnlyList<(Guid QuestionId, int? Score, string? Text)> answers, DueVisit? due)
    {
        if (unit is not null && unit.PropertyId != propertyId)
        {
            throw new DomainRuleException("The unit belongs to another property.");
        }
        if (survey is not null && survey.PropertyId != propertyId)
        {
            throw new DomainRuleException("The questionnaire belongs to another property.");
        }
        if (survey is null && answers.Count > 0)
        {
            throw new DomainRuleException("Answers are to a questionnaire: name it.");
        }
        // A plan's due visit names whom it is to ("A座", "A座 1201"): the visit says so unless it names the place itself.
        if (string.IsNullOrWhiteSpace(area) && due is not null)
        {
            area = due.Name;
        }
        if (unit is null && string.IsNullOrWhiteSpace(area))
        {
            throw new DomainRuleException("A visit is to a unit or to an area: name one.");
        }
        if (satisfaction is < 1 or > 5)
        {
            throw new DomainRuleException("Satisfaction is from 1 to 5.");
        }
        if (items.Count > MaxItems || items.Any(string.IsNullOrWhiteSpace))
        {
            throw new DomainRuleException($"Each feedback item says what was raised; at most {MaxItems}.");
        }

        now = StoredTime.Of(now.ToUniversalTime());
        var visit = new FollowUpVisit
        {
            Id = Guid.CreateVersion7(now),
            PropertyId = propertyId,
            UnitId = unit?.Id,
            Area = Clean(area),
            Method = method,
            VisitedAt = now,
            VisitedById = by.PersonId,
            VisitedByName = by.Name,
            Satisfaction = satisfaction,
            Notes = Clean(notes),
        };
        foreach (var text in items)
        {
            visit._items.Add(VisitFeedbackItem.Create(visit.Id, visit._items.Count + 1, text.Trim()));
        }
        visit.OpenItems = visit._items.Count;
        if (survey is not null)
        {
            visit.SurveyId = survey.Id;
            visit._answers.AddRange(survey.Answer(visit.Id, answers));
            visit.SurveyScore = Survey.ScoreOf(visit._answers);
        }
        if (due is not null)
        {
            due.CompleteWith(visit);
            visit.DueVisitId = due.Id;
        }
        visit.Raise(new FollowUpVisitRecorded(Guid.CreateVersion7(now), now, propertyId, visit.Id, unit?.Id, satisfaction, visit._items.Count, by.PersonId, by.Name));
        return visit;
    }

    /// <summary>Marks one feedback item handled, saying how (处理结果); once.</summary>
    public void HandleItem(Guid itemId, string resolution, Actor by, DateTimeOffset now)
    {
        var item = _items.SingleOrDefault(i => i.Id == itemId) ?? throw new DomainRuleException("The visit has no such feedback item.");
        if (item.HandledAt is not null)
        {
            throw new DomainRuleException($"The item was already handled by {item.HandledByName}.");
        }
        if (string.IsNullOrWhiteSpace(resolution))
        {
            throw new DomainRuleException("Say how the item was handled.");
        }
        now = StoredTime.Of(now.ToUniversalTime());
        item.Handle(resolution.Trim(), by, now);
        OpenItems = _items.Count(i => i.HandledAt is null);
        Raise(new VisitFeedbackHandled(Guid.CreateVersion7(now), now, PropertyId, Id, item.Id, item.Text, item.Resolution!, by.PersonId, by.Name));
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>One thing raised on a visit, open until handled.</summary>
public sealed class VisitFeedbackItem
{
    private VisitFeedbackItem()
    {
    }

    public Guid Id { get; private set; }

    public Guid VisitId { get; private set; }

    public int Sequence { get; private set; }

    public string Text { get; private set; } = "";

    public DateTimeOffset? HandledAt { get; private set; }

    public Guid? HandledById { get; private set; }

    public string? HandledByName { get; private set; }

    public string? Resolution { get; private set; }

    internal static VisitFeedbackItem Create(Guid visitId, int sequence, string text) =>
        new() { Id = Guid.CreateVersion7(), VisitId = visitId, Sequence = sequence, Text = text };

    internal void Handle(string resolution, Actor by, DateTimeOffset now)
    {
        Resolution = resolution;
        HandledAt = now;
        HandledById = by.PersonId;
        HandledByName = by.Name;
    }
}

/// <summary>How a visit was made.</summary>
public enum VisitMethod
{
    /// <summary>上门</summary>
    InPerson,

    /// <summary>电话</summary>
    Phone,
}
