using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Complaints.Domain;

/// <summary>
/// A complaint (投诉). It is received, investigated and verified (调查核实), and answered with the finding,
/// the action taken and whether it was justified (成立/不成立). Each step is a method that refuses a step
/// out of order and changes nothing then; each change raises the event that tells the other services.
/// </summary>
public sealed class Complaint : AggregateRoot
{
    /// <summary>Complaints are numbered <c>CP-yyyyMMdd-NNNN</c> per property and day.</summary>
    public const string NumberPrefix = "CP";

    public const int DescriptionMaxLength = 2000;
    public const int ResponseTextMaxLength = 2000;
    public const int NameMaxLength = 100;
    public const int PhoneMaxLength = 32;

    private readonly List<ComplaintWorkOrderRequest> _workOrderRequests = [];

    private Complaint()
    {
    }

    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    /// <summary>Readable number per property and day, e.g. <c>CP-20261122-0001</c>.</summary>
    public string Number { get; private set; } = "";

    /// <summary>The complainant's unit; null for an anonymous complaint or one from outside the units (e.g. a passer-by).</summary>
    public Guid? UnitId { get; private set; }

    /// <summary>The complainant chose not to be known: the complaint then carries no unit and no contact.</summary>
    public bool Anonymous { get; private set; }

    public string? ComplainantName { get; private set; }

    public string? ComplainantPhone { get; private set; }

    public ComplaintChannel Channel { get; private set; }

    public ComplaintCategory Category { get; private set; }

    public ComplaintTier Tier { get; private set; }

    public string Description { get; private set; } = "";

    public ComplaintStatus Status { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>Who took the complaint (首问负责): a front-desk clerk, or the occupant who submitted it. Null for complaints taken before sign-in.</summary>
    public Guid? ReceivedById { get; private set; }

    public string? ReceivedByName { get; private set; }

    public Guid? InvestigatedById { get; private set; }

    public string? InvestigatedByName { get; private set; }

    public Guid? RespondedById { get; private set; }

    public string? RespondedByName { get; private set; }

    public DateTimeOffset? InvestigationStartedAt { get; private set; }

    public DateTimeOffset? RespondedAt { get; private set; }

    /// <summary>What the investigation found (调查结果).</summary>
    public string? Finding { get; private set; }

    /// <summary>What was done about it (处理措施), or the explanation given for an unjustified complaint.</summary>
    public string? ActionTaken { get; private set; }

    /// <summary>Whether the complaint was justified (成立); null until answered. Justified ones count towards the valid complaint rate.</summary>
    public bool? Justified { get; private set; }

    /// <summary>The work orders asked for on this complaint, oldest first.</summary>
    public IReadOnlyList<ComplaintWorkOrderRequest> WorkOrderRequests => _workOrderRequests.OrderBy(r => r.RequestedAt).ThenBy(r => r.Id).ToList();

    /// <summary>
    /// Takes a complaint (已受理) for a property — from one of its units, from a named person, or anonymously —
    /// and raises <see cref="ComplaintReceived"/>.
    /// </summary>
    public static Complaint Receive(Guid propertyId, UnitCopy? unit, DailyNumber number, ComplaintIntake intake, Actor by, DateTimeOffset now)
    {
        if (unit is not null && unit.PropertyId != propertyId)
        {
            throw new DomainRuleException("The unit belongs to another property.");
        }
        if (AnonymityProblem(intake.Anonymous, unit is not null, intake.ComplainantName, intake.ComplainantPhone) is { } anonymity)
        {
            throw new DomainRuleException(anonymity);
        }
        if (string.IsNullOrWhiteSpace(intake.Description))
        {
            throw new DomainRuleException("Describe the complaint.");
        }

        var complaint = new Complaint
        {
            Id = Guid.CreateVersion7(now),
            PropertyId = propertyId,
            Number = number.Value,
            UnitId = unit?.Id,
            Anonymous = intake.Anonymous,
            ComplainantName = Clean(intake.ComplainantName),
            ComplainantPhone = Clean(intake.ComplainantPhone),
            Channel = intake.Channel,
            Category = intake.Category,
            Tier = intake.Tier,
            Description = intake.Description.Trim(),
            Status = ComplaintStatus.Received,
            ReceivedAt = Stored(now),
            ReceivedById = by.PersonId,
            ReceivedByName = by.Name,
        };
        complaint.Raise(new ComplaintReceived(
            Guid.CreateVersion7(now), now, propertyId, complaint.Id, complaint.Number, unit?.Id, unit?.Number,
            complaint.Channel, complaint.Category, complaint.Tier, complaint.Description));
        return complaint;
    }

    /// <summary>Starts the investigation and verification (调查核实) of a received complaint.</summary>
    public void StartInvestigation(Actor by, DateTimeOffset now)
    {
        if (Status != ComplaintStatus.Received)
        {
            throw new DomainRuleException(Status == ComplaintStatus.Investigating
                ? "The complaint is already being investigated."
                : $"Only a received complaint can be investigated; this one is {Describe(Status)}.");
        }

        Status = ComplaintStatus.Investigating;
        InvestigationStartedAt = Stored(now);
        InvestigatedById = by.PersonId;
        InvestigatedByName = by.Name;
    }

    /// <summary>Answers an investigated complaint (已答复) and raises <see cref="ComplaintResponded"/>.</summary>
    public void Respond(ComplaintResponse response, Actor by, DateTimeOffset now)
    {
        if (Status != ComplaintStatus.Investigating)
        {
            throw new DomainRuleException(Status switch
            {
                ComplaintStatus.Received => "Investigate the complaint before answering it.",
                ComplaintStatus.Responded => "The complaint has already been answered.",
                _ => $"Only a complaint under investigation can be answered; this one is {Describe(Status)}.",
            });
        }
        if (string.IsNullOrWhiteSpace(response.Finding) || string.IsNullOrWhiteSpace(response.ActionTaken))
        {
            // Even an unjustified complaint gets a written explanation.
            throw new DomainRuleException("An answer states the finding and the action taken.");
        }

        Status = ComplaintStatus.Responded;
        RespondedAt = Stored(now);
        RespondedById = by.PersonId;
        RespondedByName = by.Name;
        Finding = response.Finding.Trim();
        ActionTaken = response.ActionTaken.Trim();
        Justified = response.Justified;
        Raise(new ComplaintResponded(
            Guid.CreateVersion7(now), now, PropertyId, Id, Number, UnitId, Tier, response.Justified, Finding, ActionTaken));
    }

    /// <summary>
    /// Asks WorkOrders for a work order at the complaint's unit (e.g. the leak the complaint is about) and raises
    /// <see cref="ComplaintWorkOrderRequested"/>. Orders belong to units: a complaint without one cannot ask for an order.
    /// </summary>
    public void RequestWorkOrder(WorkOrderCategory category, WorkOrderPriority priority, string description, Actor by, DateTimeOffset now)
    {
        if (UnitId is not { } unitId)
        {
            throw new DomainRuleException("A work order is taken for a unit; this complaint names none. Take the order at the unit concerned instead.");
        }
        if (Status == ComplaintStatus.Closed)
        {
            throw new DomainRuleException("A closed complaint raises no more work orders.");
        }
        if (string.IsNullOrWhiteSpace(description))
        {
            throw new DomainRuleException("Describe the work the order is for.");
        }

        var request = ComplaintWorkOrderRequest.Create(Id, category, priority, description.Trim(), by.PersonId, by.Name, Stored(now));
        _workOrderRequests.Add(request);
        Raise(new ComplaintWorkOrderRequested(
            request.Id, now, PropertyId, Id, Number, unitId, category, priority, request.Description, by.PersonId, by.Name));
    }

    /// <summary>
    /// An anonymous complaint names neither unit nor complainant; any other complaint names at least one,
    /// so a forgotten field is not mistaken for anonymity.
    /// </summary>
    public static string? AnonymityProblem(bool anonymous, bool hasUnit, string? complainantName, string? complainantPhone)
    {
        var identified = hasUnit || !string.IsNullOrWhiteSpace(complainantName) || !string.IsNullOrWhiteSpace(complainantPhone);
        return (anonymous, identified) switch
        {
            (true, true) => "An anonymous complaint names no unit and no complainant.",
            (false, false) => "Name the complainant's unit or the complainant, or mark the complaint anonymous.",
            _ => null,
        };
    }

    private static string Describe(ComplaintStatus status) => status switch
    {
        ComplaintStatus.Received => "received",
        ComplaintStatus.Investigating => "under investigation",
        ComplaintStatus.Responded => "answered",
        ComplaintStatus.Feedback => "waiting for the complainant's feedback",
        ComplaintStatus.Closed => "closed",
        ComplaintStatus.Reopened => "reopened",
        _ => status.ToString(),
    };

    /// <summary>As PostgreSQL reads it back: in UTC and to the microsecond.</summary>
    private static DateTimeOffset Stored(DateTimeOffset time) => StoredTime.Of(time.ToUniversalTime());

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>What the front desk records when taking a complaint.</summary>
public sealed record ComplaintIntake(
    ComplaintChannel Channel,
    ComplaintCategory Category,
    ComplaintTier Tier,
    string Description,
    bool Anonymous = false,
    string? ComplainantName = null,
    string? ComplainantPhone = null);

/// <summary>The answer to a complaint after investigation.</summary>
public sealed record ComplaintResponse(string Finding, string ActionTaken, bool Justified);
