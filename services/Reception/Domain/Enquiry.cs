using PropertyPlatform.Contracts.Reception;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Reception.Domain;

/// <summary>
/// An enquiry (咨询) at the front desk, in person or by phone. The desk answers at once, or records it with the time
/// by which the answer is owed and answers later; an enquiry still unanswered at that time is overdue.
/// </summary>
public sealed class Enquiry : AggregateRoot
{
    public const int NameMaxLength = 100;
    public const int PhoneMaxLength = 32;
    public const int QuestionMaxLength = 1000;
    public const int AnswerMaxLength = 2000;

    private Enquiry()
    {
    }

    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    /// <summary>The unit the enquirer speaks for, when they name one.</summary>
    public Guid? UnitId { get; private set; }

    public string EnquirerName { get; private set; } = "";

    public string? EnquirerPhone { get; private set; }

    public EnquiryChannel Channel { get; private set; }

    public string Question { get; private set; } = "";

    public DateTimeOffset ReceivedAt { get; private set; }

    public Guid ReceivedById { get; private set; }

    public string ReceivedByName { get; private set; } = "";

    public EnquiryStatus Status { get; private set; }

    /// <summary>When the answer is owed; null for an enquiry answered at once.</summary>
    public DateTimeOffset? DueAt { get; private set; }

    public string? Answer { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public Guid? AnsweredById { get; private set; }

    public string? AnsweredByName { get; private set; }

    /// <summary>
    /// When the sweeper is to remind the desk (the due time of an enquiry owed a later answer); null once reminded or
    /// answered. In the database so a restart loses no reminder.
    /// </summary>
    public DateTimeOffset? ReminderAt { get; private set; }

    public bool IsOverdue(DateTimeOffset now) => Status == EnquiryStatus.Open && now >= DueAt;

    public static string? DueAtProblem(DateTimeOffset dueAt, DateTimeOffset now) =>
        dueAt <= now ? "The answer must be due later than now." : null;

    /// <summary>
    /// Records an enquiry: with <paramref name="answer"/> it is answered now; without, it needs <paramref name="dueAt"/>,
    /// when the answer is owed.
    /// </summary>
    public static Enquiry Receive(
        Guid propertyId, Guid? unitId, EnquiryIntake intake, string? answer, DateTimeOffset? dueAt, Actor receivedBy, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(intake.EnquirerName) || string.IsNullOrWhiteSpace(intake.Question))
        {
            throw new DomainRuleException("An enquiry needs who asks and what they ask.");
        }
        var answered = !string.IsNullOrWhiteSpace(answer);
        if (!answered && dueAt is null)
        {
            throw new DomainRuleException("Answer the enquiry now, or say by when it will be answered.");
        }
        if (!answered && DueAtProblem(dueAt!.Value, now) is { } problem)
        {
            throw new DomainRuleException(problem);
        }

        now = Stored(now);
        var enquiry = new Enquiry
        {
            Id = Guid.CreateVersion7(now),
            PropertyId = propertyId,
            UnitId = unitId,
            EnquirerName = intake.EnquirerName.Trim(),
            EnquirerPhone = string.IsNullOrWhiteSpace(intake.EnquirerPhone) ? null : intake.EnquirerPhone.Trim(),
            Channel = intake.Channel,
            Question = intake.Question.Trim(),
            ReceivedAt = now,
            ReceivedById = receivedBy.PersonId,
            ReceivedByName = receivedBy.Name,
            Status = EnquiryStatus.Open,
            DueAt = answered ? null : Stored(dueAt!.Value),
        };
        enquiry.ReminderAt = enquiry.DueAt;
        enquiry.Raise(new EnquiryRecorded(
            Guid.CreateVersion7(now), now, propertyId, enquiry.Id, unitId, enquiry.EnquirerName, enquiry.Question, enquiry.DueAt));
        if (answered)
        {
            enquiry.Respond(answer!, receivedBy, now);
        }
        return enquiry;
    }

    /// <summary>Gives the answer that was owed; late answers are accepted and show as such.</summary>
    public void Respond(string answer, Actor by, DateTimeOffset now)
    {
        if (Status == EnquiryStatus.Answered)
        {
            throw new DomainRuleException("The enquiry has already been answered.");
        }
        if (string.IsNullOrWhiteSpace(answer))
        {
            throw new DomainRuleException("Write the answer given.");
        }

        now = Stored(now);
        var late = DueAt is { } due && now > due;
        Status = EnquiryStatus.Answered;
        ReminderAt = null;
        Answer = answer.Trim();
        AnsweredAt = now;
        AnsweredById = by.PersonId;
        AnsweredByName = by.Name;
        Raise(new EnquiryAnswered(Guid.CreateVersion7(now), now, PropertyId, Id, UnitId, late));
    }

    /// <summary>
    /// The sweeper's step: an enquiry still unanswered when its answer falls due reminds the desk once
    /// (<see cref="EnquiryAnswerDue"/>). Returns whether it did.
    /// </summary>
    public bool RemindIfDue(DateTimeOffset now)
    {
        if (Status != EnquiryStatus.Open || ReminderAt is not { } at || now < at)
        {
            return false;
        }
        ReminderAt = null;
        now = Stored(now);
        Raise(new EnquiryAnswerDue(Guid.CreateVersion7(now), now, PropertyId, Id, UnitId, EnquirerName, EnquirerPhone, Question, DueAt!.Value));
        return true;
    }

    /// <summary>Answered after the time it was due.</summary>
    public bool AnsweredLate => AnsweredAt is { } at && DueAt is { } due && at > due;

    private static DateTimeOffset Stored(DateTimeOffset time) => StoredTime.Of(time.ToUniversalTime());
}

public enum EnquiryStatus
{
    Open,
    Answered,
}

public enum EnquiryChannel
{
    InPerson,
    Phone,
    Other,
}

/// <summary>Who asks what, and how they asked.</summary>
public sealed record EnquiryIntake(string EnquirerName, string? EnquirerPhone, EnquiryChannel Channel, string Question);
