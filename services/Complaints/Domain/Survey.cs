using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Complaints.Domain;

/// <summary>
/// A questionnaire (满意度调查问卷) of a property: questions answered with a score (1 very dissatisfied … 5 very satisfied)
/// or a text. Its questions are fixed once made, so answers always mean what was asked; a new questionnaire replaces it.
/// </summary>
public sealed class Survey
{
    public const int TitleMaxLength = 200;
    public const int QuestionMaxLength = 500;
    public const int MaxQuestions = 30;

    private readonly List<SurveyQuestion> _questions = [];

    private Survey()
    {
    }

    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    public string Title { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid CreatedById { get; private set; }

    public string CreatedByName { get; private set; } = "";

    /// <summary>Retired questionnaires keep their answers but take no new ones.</summary>
    public bool Retired { get; private set; }

    public IReadOnlyList<SurveyQuestion> Questions => _questions.OrderBy(q => q.Sequence).ToList();

    public static Survey Create(Guid propertyId, string title, IReadOnlyList<(string Text, QuestionKind Kind, bool Required)> questions, Actor by, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainRuleException("A questionnaire has a title.");
        }
        if (questions.Count is 0 or > MaxQuestions)
        {
            throw new DomainRuleException($"A questionnaire asks 1 to {MaxQuestions} questions.");
        }
        if (questions.Any(q => string.IsNullOrWhiteSpace(q.Text)))
        {
            throw new DomainRuleException("Each question says what it asks.");
        }
        if (questions.Select(q => q.Text.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != questions.Count)
        {
            throw new DomainRuleException("A question is asked once.");
        }
        now = StoredTime.Of(now.ToUniversalTime());
        var survey = new Survey
        {
            Id = Guid.CreateVersion7(now),
            PropertyId = propertyId,
            Title = title.Trim(),
            CreatedAt = now,
            CreatedById = by.PersonId,
            CreatedByName = by.Name,
        };
        foreach (var (text, kind, required) in questions)
        {
            survey._questions.Add(new SurveyQuestion(Guid.CreateVersion7(now), survey.Id, survey._questions.Count + 1, text.Trim(), kind, required));
        }
        return survey;
    }

    public void Retire()
    {
        if (Retired)
        {
            throw new DomainRuleException("The questionnaire is already retired.");
        }
        Retired = true;
    }

    /// <summary>
    /// Checks a visit's answers against the questions: each answer to one of them, once; a score 1–5 for a score question,
    /// a text for a text question; every required question answered. Returns the answers in question order.
    /// </summary>
    public IReadOnlyList<VisitAnswer> Answer(Guid visitId, IReadOnlyList<(Guid QuestionId, int? Score, string? Text)> answers)
    {
        if (Retired)
        {
            throw new DomainRuleException("The questionnaire is retired: answer the current one.");
        }
        if (answers.Select(a => a.QuestionId).Distinct().Count() != answers.Count)
        {
            throw new DomainRuleException("Each question is answered once.");
        }
        var result = new List<VisitAnswer>();
        foreach (var question in Questions)
        {
            var given = answers.Where(a => a.QuestionId == question.Id).ToList();
            if (given.Count == 0 || (given[0].Score is null && string.IsNullOrWhiteSpace(given[0].Text)))
            {
                if (question.Required)
                {
                    throw new DomainRuleException($"Question {question.Sequence} (\"{question.Text}\") must be answered.");
                }
                continue;
            }
            var (_, score, text) = given[0];
            if (question.Kind == QuestionKind.Score && (score is not (>= 1 and <= 5) || !string.IsNullOrWhiteSpace(text)))
            {
                throw new DomainRuleException($"Question {question.Sequence} is answered with a score from 1 to 5.");
            }
            if (question.Kind == QuestionKind.Text && (score is not null || string.IsNullOrWhiteSpace(text)))
            {
                throw new DomainRuleException($"Question {question.Sequence} is answered with a text.");
            }
            result.Add(new VisitAnswer(visitId, question.Id, question.Sequence, score, string.IsNullOrWhiteSpace(text) ? null : text.Trim()));
        }
        if (answers.Any(a => _questions.All(q => q.Id != a.QuestionId)))
        {
            throw new DomainRuleException("An answer is to a question this questionnaire does not ask.");
        }
        return result;
    }

    /// <summary>The average of score answers (1–5, two decimals); null without any.</summary>
    public static decimal? ScoreOf(IEnumerable<VisitAnswer> answers)
    {
        var scores = answers.Where(a => a.Score is not null).Select(a => a.Score!.Value).ToList();
        return scores.Count == 0 ? null : Math.Round((decimal)scores.Sum() / scores.Count, 2, MidpointRounding.AwayFromZero);
    }
}

public enum QuestionKind
{
    /// <summary>满意度评分 1–5.</summary>
    Score,

    /// <summary>意见 (free text).</summary>
    Text,
}

public sealed class SurveyQuestion
{
    private SurveyQuestion()
    {
    }

    internal SurveyQuestion(Guid id, Guid surveyId, int sequence, string text, QuestionKind kind, bool required) =>
        (Id, SurveyId, Sequence, Text, Kind, Required) = (id, surveyId, sequence, text, kind, required);

    public Guid Id { get; private set; }

    public Guid SurveyId { get; private set; }

    public int Sequence { get; private set; }

    public string Text { get; private set; } = "";

    public QuestionKind Kind { get; private set; }

    public bool Required { get; private set; }
}

/// <summary>One answer given on a visit to a questionnaire's question.</summary>
public sealed class VisitAnswer
{
    private VisitAnswer()
    {
    }

    internal VisitAnswer(Guid visitId, Guid questionId, int sequence, int? score, string? text) =>
        (Id, VisitId, QuestionId, Sequence, Score, Text) = (Guid.CreateVersion7(), visitId, questionId, sequence, score, text);

    public Guid Id { get; private set; }

    public Guid VisitId { get; private set; }

    public Guid QuestionId { get; private set; }

    public int Sequence { get; private set; }

    public int? Score { get; private set; }

    public string? Text { get; private set; }
}
