using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Photos;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.WorkOrders.Domain;

/// <summary>
/// A repair or service request (信息处理单) and its whole life (DOMAIN.md "Work orders"): intake, dispatch,
/// acceptance, work with pauses, completion, follow-up (回访), closing, reopening and cancelling; its time
/// limits; and, for a paid service (特约服务), the quote the occupant accepts before work. Every transition is
/// checked against the current state, kept in the timeline and raised as an integration event; a refused
/// command throws <see cref="DomainRuleException"/> before changing anything.
/// </summary>
public sealed class WorkOrder : AggregateRoot
{
    public const int DescriptionMaxLength = 2000;
    public const int ReasonMaxLength = 500;
    public const int SummaryMaxLength = 2000;
    public const int CommentMaxLength = 1000;

    /// <summary>Photos an order keeps at most, over its whole life.</summary>
    public const int MaxPhotos = 6;

    /// <summary>Work orders are numbered <c>WO-yyyyMMdd-NNNN</c> per property and day.</summary>
    public const string NumberPrefix = "WO";

    /// <summary>A follow-up (回访) is due within this time of completion.</summary>
    public static readonly TimeSpan FollowUpWindow = TimeSpan.FromHours(24);

    private readonly List<WorkOrderTimelineEntry> _timeline = [];

    private WorkOrder()
    {
    }

    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    /// <summary>Readable number per property and day, e.g. <c>WO-20261122-0007</c>.</summary>
    public string Number { get; private set; } = "";

    public Guid UnitId { get; private set; }

    /// <summary>The unit's number when the order was taken, as events and the timeline show it.</summary>
    public string UnitNumber { get; private set; } = "";

    public WorkOrderCategory Category { get; private set; }

    public WorkOrderPriority Priority { get; private set; }

    public IntakeChannel Channel { get; private set; }

    public string Description { get; private set; } = "";

    public string? Location { get; private set; }

    public string? ContactName { get; private set; }

    public string? ContactPhone { get; private set; }

    public DateTimeOffset? PreferredTime { get; private set; }

    /// <summary>The occupant who asked for the work, when known: notified of its progress, may follow it and rate it.</summary>
    public Guid? RequesterId { get; private set; }

    /// <summary>Who took the request: under first-contact responsibility (首问负责制) they own it until it closes.</summary>
    public Guid TakenById { get; private set; }

    public string TakenByName { get; private set; } = "";

    public WorkOrderStatus Status { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public Guid? AssigneeId { get; private set; }

    public string? AssigneeName { get; private set; }

    public DateTimeOffset? DispatchedAt { get; private set; }

    /// <summary>When an engineer last accepted the order: the response ends here.</summary>
    public DateTimeOffset? AcceptedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public string? HoldReason { get; private set; }

    public DateTimeOffset? HeldAt { get; private set; }

    /// <summary>When work on hold is expected to go on; an order still on hold after it shows on the daily board.</summary>
    public DateTimeOffset? ResumeAt { get; private set; }

    /// <summary>Time spent on hold since the resolution clock last started; it does not count against the limit.</summary>
    public TimeSpan TimeOnHold { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public string? CompletionSummary { get; private set; }

    public string? Materials { get; private set; }

    public int? LabourMinutes { get; private set; }

    public DateTimeOffset? FollowUpDueAt { get; private set; }

    public DateTimeOffset? FollowedUpAt { get; private set; }

    /// <summary>The occupant's satisfaction at the last follow-up, 1 (very unsatisfied) to 5 (very satisfied).</summary>
    public int? Satisfaction { get; private set; }

    public string? FollowUpComment { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public string? CancelReason { get; private set; }

    public int ReopenCount { get; private set; }

    /// <summary>When the response and resolution clocks last started: intake, or the last reopening.</summary>
    public DateTimeOffset ClockStartedAt { get; private set; }

    public TimeSpan ResponseLimit { get; private set; }

    public TimeSpan ResolutionLimit { get; private set; }

    public DateTimeOffset ResponseDueAt { get; private set; }

    /// <summary>Moves later by the time spent on hold.</summary>
    public DateTimeOffset ResolutionDueAt { get; private set; }

    public DeadlineFlag ResponseFlag { get; private set; }

    public DeadlineFlag ResolutionFlag { get; private set; }

    /// <summary>When a time limit was first breached and the order escalated to the supervisor.</summary>
    public DateTimeOffset? EscalatedAt { get; private set; }

    /// <summary>When the deadline sweeper must look at this order next (a warning or a due time); null when no clock runs.</summary>
    public DateTimeOffset? NextDeadlineAt { get; private set; }

    public QuoteStatus QuoteStatus { get; private set; }

    /// <summary>The price of a paid service (特约服务) in CNY, quoted before work.</summary>
    public decimal? QuoteAmount { get; private set; }

    public string? QuoteDescription { get; private set; }

    /// <summary>How many photos the order has; the photos themselves are rows of their own, loaded only when shown.</summary>
    public int PhotoCount { get; private set; }

    /// <summary>The patrol record (巡查记录) whose failed item raised the order, for orders taken on a patrol.</summary>
    public Guid? PatrolRecordId { get; private set; }

    /// <summary>The complaint that asked for the order, for orders raised from a complaint.</summary>
    public Guid? ComplaintId { get; private set; }

    /// <summary>Every transition, oldest first.</summary>
    public IReadOnlyList<WorkOrderTimelineEntry> Timeline => _timeline.OrderBy(e => e.Sequence).ToList();

    /// <summary>True while the response clock runs: nobody has accepted the order since intake or reopening.</summary>
    public bool AwaitsResponse => Status is WorkOrderStatus.Submitted or WorkOrderStatus.Dispatched or WorkOrderStatus.Reopened;

    /// <summary>True while the resolution clock runs (it stops on hold and at completion).</summary>
    public bool AwaitsResolution => AwaitsResponse || Status is WorkOrderStatus.Accepted or WorkOrderStatus.InProgress;

    /// <summary>Takes a request for a known unit (已受理) and raises <see cref="WorkOrderSubmitted"/>.</summary>
    public static WorkOrder Submit(UnitCopy unit, DailyNumber number, WorkOrderIntake intake, TimeLimit limit, Actor takenBy, DateTimeOffset now)
    {
        now = StoredTime.Of(now);
        var order = new WorkOrder
        {
            Id = Guid.CreateVersion7(now),
            PropertyId = unit.PropertyId,
            Number = number.Value,
            UnitId = unit.Id,
            UnitNumber = unit.Number,
            Category = intake.Category,
            Priority = intake.Priority,
            Channel = intake.Channel,
            Description = intake.Description.Trim(),
            Location = intake.Location?.Trim(),
            ContactName = intake.ContactName?.Trim(),
            ContactPhone = intake.ContactPhone?.Trim(),
            PreferredTime = intake.PreferredTime,
            RequesterId = intake.RequesterId,
            PatrolRecordId = intake.PatrolRecordId,
            ComplaintId = intake.ComplaintId,
            TakenById = takenBy.PersonId,
            TakenByName = takenBy.Name,
            Status = WorkOrderStatus.Submitted,
            SubmittedAt = now,
        };
        order.StartClocks(limit, now);
        order.NextDeadlineAt = order.NextDeadline();
        order.Record(null, WorkOrderStatus.Submitted, takenBy, now, null);
        order.Raise(new WorkOrderSubmitted(
            Guid.CreateVersion7(now), now, order.PropertyId, order.Id, order.Number, unit.Id, unit.Number,
            order.Category, order.Priority, order.Channel, order.Description, order.ComplaintId));
        return order;
    }

    /// <summary>Gives the order to an engineer (派单), or to another one (改派) before it is accepted.</summary>
    public void Dispatch(Guid assigneeId, string assigneeName, Actor by, DateTimeOffset now)
    {
        Require("dispatched", WorkOrderStatus.Submitted, WorkOrderStatus.Dispatched, WorkOrderStatus.Reopened);
        if (Status == WorkOrderStatus.Dispatched && AssigneeId == assigneeId)
        {
            throw new DomainRuleException($"The work order is already dispatched to {AssigneeName}.");
        }

        now = StoredTime.Of(now);
        var note = Status == WorkOrderStatus.Dispatched ? $"改派: {AssigneeName} → {assigneeName}" : $"派给 {assigneeName}";
        AssigneeId = assigneeId;
        AssigneeName = assigneeName;
        DispatchedAt = now;
        Move(WorkOrderStatus.Dispatched, by, now, note);
        Raise(new WorkOrderDispatched(
            Guid.CreateVersion7(now), now, PropertyId, Id, Number, UnitId, UnitNumber, RequesterId, by.PersonId, by.Name, assigneeId, assigneeName));
    }

    /// <summary>An engineer takes the order on (接单). An engineer covering for the one dispatched becomes the assignee.</summary>
    public void Accept(Actor by, DateTimeOffset now)
    {
        Require("accepted", WorkOrderStatus.Dispatched);
        now = StoredTime.Of(now);
        var note = AssigneeId == by.PersonId ? null : $"代 {AssigneeName} 接单";
        AssigneeId = by.PersonId;
        AssigneeName = by.Name;
        AcceptedAt = now;
        Move(WorkOrderStatus.Accepted, by, now, note);
        Raise(new WorkOrderAccepted(Guid.CreateVersion7(now), now, PropertyId, Id, Number, UnitId, RequesterId, by.PersonId, by.Name));
    }

    /// <summary>Work begins on site. A paid service starts only once the occupant accepted its quote.</summary>
    public void Start(Actor by, DateTimeOffset now)
    {
        Require("started", WorkOrderStatus.Accepted);
        if (QuoteStatus is QuoteStatus.Pending or QuoteStatus.Declined)
        {
            throw new DomainRuleException("A paid service starts only after the occupant has accepted its quote.");
        }

        now = StoredTime.Of(now);
        StartedAt ??= now;
        Move(WorkOrderStatus.InProgress, by, now, null);
        Raise(new WorkOrderStarted(Guid.CreateVersion7(now), now, PropertyId, Id, Number, UnitId, RequesterId, by.PersonId, by.Name));
    }

    /// <summary>Pauses work (挂起) for parts or access, until about <paramref name="resumeAt"/>; the time on hold does not count.</summary>
    public void Hold(string reason, DateTimeOffset resumeAt, Actor by, DateTimeOffset now)
    {
        Require("put on hold", WorkOrderStatus.InProgress);
        reason = RequireText(reason, "A reason for the pause");
        if (resumeAt <= now)
        {
            throw new DomainRuleException("The expected resume time must be in the future.");
        }

        now = StoredTime.Of(now);
        HoldReason = reason;
        HeldAt = now;
        ResumeAt = StoredTime.Of(resumeAt);
        Move(WorkOrderStatus.OnHold, by, now, reason);
        Raise(new WorkOrderPutOnHold(Guid.CreateVersion7(now), now, PropertyId, Id, Number, UnitId, RequesterId, by.PersonId, by.Name, reason, ResumeAt.Value));
    }

    /// <summary>Paused work goes on; the resolution due time moves later by the time on hold.</summary>
    public void Resume(Actor by, DateTimeOffset now)
    {
        Require("resumed", WorkOrderStatus.OnHold);
        now = StoredTime.Of(now);
        var paused = now - HeldAt!.Value;
        TimeOnHold += paused;
        ResolutionDueAt += paused;
        HeldAt = null;
        ResumeAt = null;
        Move(WorkOrderStatus.InProgress, by, now, null);
        Raise(new WorkOrderResumed(Guid.CreateVersion7(now), now, PropertyId, Id, Number, UnitId, RequesterId, by.PersonId, by.Name));
    }

    /// <summary>The work is done (完工); the follow-up is due within 24 hours. A paid service is charged now.</summary>
    public void Complete(string summary, string? materials, int labourMinutes, Actor by, DateTimeOffset now)
    {
        Require("completed", WorkOrderStatus.InProgress);
        summary = RequireText(summary, "A summary of the work");
        if (labourMinutes is < 0 or > 60 * 24 * 30)
        {
            throw new DomainRuleException("Labour minutes must be between 0 and 43200.");
        }

        now = StoredTime.Of(now);
        CompletedAt = now;
        CompletionSummary = summary;
        Materials = string.IsNullOrWhiteSpace(materials) ? null : materials.Trim();
        LabourMinutes = labourMinutes;
        FollowUpDueAt = now + FollowUpWindow;
        Move(WorkOrderStatus.Completed, by, now, summary);
        Raise(new WorkOrderCompleted(
            Guid.CreateVersion7(now), now, PropertyId, Id, Number, UnitId, UnitNumber, RequesterId, by.PersonId, by.Name, summary, FollowUpDueAt.Value, ComplaintId));
        if (QuoteStatus == QuoteStatus.Accepted)
        {
            Raise(new PaidServiceCompleted(Guid.CreateVersion7(now), now, PropertyId, Id, Number, UnitId, RequesterId, QuoteAmount!.Value, QuoteDescription!));
        }
    }

    /// <summary>
    /// Records the follow-up (回访). A satisfaction of 1–2, or the occupant saying it is not fixed, reopens the order.
    /// </summary>
    public void FollowUp(int satisfaction, string? comment, bool resolved, Actor by, DateTimeOffset now)
    {
        Require("followed up", WorkOrderStatus.Completed);
        if (satisfaction is < 1 or > 5)
        {
            throw new DomainRuleException("Satisfaction is rated from 1 to 5.");
        }

        now = StoredTime.Of(now);
        Satisfaction = satisfaction;
        FollowUpComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        FollowedUpAt = now;
        Move(WorkOrderStatus.FollowedUp, by, now, $"满意度 {satisfaction}/5{(resolved ? "" : ", 未解决")}{(FollowUpComment is null ? "" : $": {FollowUpComment}")}");
        Raise(new WorkOrderFollowedUp(Guid.CreateVersion7(now), now, PropertyId, Id, Number, UnitId, RequesterId, by.PersonId, by.Name, satisfaction, resolved));
        if (satisfaction <= 2 || !resolved)
        {
            ReopenBecause(resolved ? $"回访不满意 ({satisfaction}/5)" : "回访: 问题未解决", by, now);
        }
    }

    /// <summary>Closes a followed-up order (关闭).</summary>
    public void Close(Actor by, DateTimeOffset now)
    {
        Require("closed", WorkOrderStatus.FollowedUp);
        now = StoredTime.Of(now);
        ClosedAt = now;
        Move(WorkOrderStatus.Closed, by, now, null);
        Raise(new WorkOrderClosed(Guid.CreateVersion7(now), now, PropertyId, Id, Number, UnitId, RequesterId, by.PersonId, by.Name, ComplaintId));
    }

    /// <summary>Cancels the order before work starts, with a reason.</summary>
    public void Cancel(string reason, Actor by, DateTimeOffset now)
    {
        Require("cancelled", WorkOrderStatus.Submitted, WorkOrderStatus.Dispatched, WorkOrderStatus.Accepted, WorkOrderStatus.Reopened);
        reason = RequireText(reason, "A reason for cancelling");
        now = StoredTime.Of(now);
        CancelledAt = now;
        CancelReason = reason;
        Move(WorkOrderStatus.Cancelled, by, now, reason);
        Raise(new WorkOrderCancelled(Guid.CreateVersion7(now), now, PropertyId, Id, Number, UnitId, RequesterId, by.PersonId, by.Name, reason, ComplaintId));
    }

    /// <summary>Opens a completed, followed-up or closed order again (返修): it is dispatched anew, its history kept.</summary>
    public void Reopen(string reason, Actor by, DateTimeOffset now)
    {
        Require("reopened", WorkOrderStatus.Completed, WorkOrderStatus.FollowedUp, WorkOrderStatus.Closed);
        ReopenBecause(RequireText(reason, "A reason for reopening"), by, StoredTime.Of(now));
    }

    /// <summary>Prices a paid service (特约服务) before work; the occupant accepts or declines the quote.</summary>
    public void Quote(decimal amount, string description, Actor by, DateTimeOffset now)
    {
        Require("quoted", WorkOrderStatus.Submitted, WorkOrderStatus.Dispatched, WorkOrderStatus.Accepted, WorkOrderStatus.Reopened);
        if (amount <= 0 || amount > 1_000_000 || decimal.Round(amount, 2) != amount)
        {
            throw new DomainRuleException("A quote is a positive amount in yuan with at most two decimals.");
        }

        QuoteAmount = amount;
        QuoteDescription = RequireText(description, "What the quote covers");
        QuoteStatus = QuoteStatus.Pending;
        Note(by, StoredTime.Of(now), $"报价 ¥{amount:0.00}: {QuoteDescription}");
    }

    /// <summary>The occupant agrees to the price; work may start.</summary>
    public void AcceptQuote(Actor by, DateTimeOffset now)
    {
        RequirePendingQuote();
        QuoteStatus = QuoteStatus.Accepted;
        Note(by, StoredTime.Of(now), $"接受报价 ¥{QuoteAmount:0.00}");
    }

    /// <summary>The occupant refuses the price; the order waits for a new quote or is cancelled.</summary>
    public void DeclineQuote(Actor by, DateTimeOffset now)
    {
        RequirePendingQuote();
        QuoteStatus = QuoteStatus.Declined;
        Note(by, StoredTime.Of(now), $"拒绝报价 ¥{QuoteAmount:0.00}");
    }

    /// <summary>
    /// Attaches photos (at most <see cref="MaxPhotos"/> in all) while the order is open; all of them or none.
    /// Without a stage, the order's state says which one it is.
    /// </summary>
    public IReadOnlyList<WorkOrderPhoto> AddPhotos(IReadOnlyList<PhotoFile> files, PhotoStage? stage, Actor by, DateTimeOffset now)
    {
        RequireOpen("given more photos");
        if (files.Count == 0)
        {
            throw new DomainRuleException("At least one photo is required.");
        }
        if (PhotoCount + files.Count > MaxPhotos)
        {
            throw new DomainRuleException(
                $"A work order keeps at most {MaxPhotos} photos; this one has {PhotoCount}, so {MaxPhotos - PhotoCount} more can be added.");
        }

        now = StoredTime.Of(now);
        var taken = stage ?? CurrentPhotoStage;
        // Every file is checked before the count changes: one refused file refuses them all.
        var photos = files.Select((file, i) => WorkOrderPhoto.Create(Id, PhotoCount + i + 1, file, taken, by, now)).ToList();
        PhotoCount += photos.Count;
        Note(by, now, $"添加照片 {photos.Count} 张");
        return photos;
    }

    /// <summary>A remark by the occupant or staff on an open order; it shows in the timeline and changes no state.</summary>
    public void Comment(string text, Actor by, DateTimeOffset now)
    {
        RequireOpen("commented on");
        text = RequireText(text, "A comment");
        if (text.Length > CommentMaxLength)
        {
            throw new DomainRuleException($"A comment may be at most {CommentMaxLength} characters.");
        }
        Record(Status, Status, by, StoredTime.Of(now), text, WorkOrderTimelineKind.Comment);
    }

    private PhotoStage CurrentPhotoStage => Status switch
    {
        WorkOrderStatus.InProgress or WorkOrderStatus.OnHold => PhotoStage.Work,
        WorkOrderStatus.Completed or WorkOrderStatus.FollowedUp => PhotoStage.Completion,
        _ => PhotoStage.Intake,
    };

    /// <summary>
    /// Called by the deadline sweeper at <see cref="NextDeadlineAt"/>: flags an order past 80% of a time limit,
    /// and escalates one past the limit, each once per clock.
    /// </summary>
    public void CheckDeadlines(DateTimeOffset now)
    {
        now = StoredTime.Of(now);
        if (AwaitsResponse)
        {
            ResponseFlag = CheckDeadline(TimeLimitKind.Response, ResponseFlag, ResponseDueAt, ResponseLimit, now);
        }
        if (AwaitsResolution)
        {
            ResolutionFlag = CheckDeadline(TimeLimitKind.Resolution, ResolutionFlag, ResolutionDueAt, ResolutionLimit, now);
        }
        NextDeadlineAt = NextDeadline();
    }

    /// <summary>How long the order waited for an engineer to accept it, for statistics; null until accepted.</summary>
    public TimeSpan? ResponseTime => AcceptedAt is { } accepted ? accepted - ClockStartedAt : null;

    /// <summary>How long the work took from intake (or reopening) to completion, time on hold not counted.</summary>
    public TimeSpan? ResolutionTime => CompletedAt is { } completed ? completed - ClockStartedAt - TimeOnHold : null;

    private DeadlineFlag CheckDeadline(TimeLimitKind kind, DeadlineFlag flag, DateTimeOffset dueAt, TimeSpan limit, DateTimeOffset now)
    {
        if (flag != DeadlineFlag.Overdue && now >= dueAt)
        {
            EscalatedAt ??= now;
            var what = kind == TimeLimitKind.Response ? "响应" : "处理";
            Note(Actor.System, now, $"超过{what}时限, 已升级至客服主管");
            Raise(new WorkOrderDeadlineBreached(Guid.CreateVersion7(now), now, PropertyId, Id, Number, UnitId, kind, dueAt, AssigneeId));
            return DeadlineFlag.Overdue;
        }
        if (flag == DeadlineFlag.None && now >= WarningAt(dueAt, limit))
        {
            Raise(new WorkOrderDeadlineApproaching(Guid.CreateVersion7(now), now, PropertyId, Id, Number, UnitId, kind, dueAt, AssigneeId));
            return DeadlineFlag.Approaching;
        }
        return flag;
    }

    private static DateTimeOffset WarningAt(DateTimeOffset dueAt, TimeSpan limit) => dueAt - limit * (1 - TimeLimit.WarningShare);

    private DateTimeOffset? NextDeadline()
    {
        DateTimeOffset? next = null;
        if (AwaitsResponse)
        {
            next = Next(ResponseFlag, ResponseDueAt, ResponseLimit);
        }
        if (AwaitsResolution && Next(ResolutionFlag, ResolutionDueAt, ResolutionLimit) is { } resolution && (next is null || resolution < next))
        {
            next = resolution;
        }
        return next;

        static DateTimeOffset? Next(DeadlineFlag flag, DateTimeOffset dueAt, TimeSpan limit) => flag switch
        {
            DeadlineFlag.None => WarningAt(dueAt, limit),
            DeadlineFlag.Approaching => dueAt,
            _ => null,
        };
    }

    private void StartClocks(TimeLimit limit, DateTimeOffset now)
    {
        ClockStartedAt = now;
        ResponseLimit = limit.Response;
        ResolutionLimit = limit.Resolution;
        ResponseDueAt = now + limit.Response;
        ResolutionDueAt = now + limit.Resolution;
        ResponseFlag = DeadlineFlag.None;
        ResolutionFlag = DeadlineFlag.None;
        TimeOnHold = TimeSpan.Zero;
    }

    private void ReopenBecause(string reason, Actor by, DateTimeOffset now)
    {
        ReopenCount++;
        // A reopened order is answered and fixed again within the limits of its priority, from now.
        StartClocks(new TimeLimit(ResponseLimit, ResolutionLimit), now);
        AcceptedAt = null;
        CompletedAt = null;
        FollowUpDueAt = null;
        ClosedAt = null;
        Move(WorkOrderStatus.Reopened, by, now, reason);
        Raise(new WorkOrderReopened(Guid.CreateVersion7(now), now, PropertyId, Id, Number, UnitId, RequesterId, by.PersonId, by.Name, reason));
    }

    private void RequirePendingQuote()
    {
        if (QuoteStatus != QuoteStatus.Pending)
        {
            throw new DomainRuleException("There is no quote waiting for an answer.");
        }
        Require("answered on its quote", WorkOrderStatus.Submitted, WorkOrderStatus.Dispatched, WorkOrderStatus.Accepted, WorkOrderStatus.Reopened);
    }

    private void Require(string verb, params WorkOrderStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new DomainRuleException($"A work order that is {Describe(Status)} cannot be {verb}.");
        }
    }

    /// <summary>A closed or cancelled order is a finished record: nothing more is added to it.</summary>
    private void RequireOpen(string verb)
    {
        if (Status is WorkOrderStatus.Closed or WorkOrderStatus.Cancelled)
        {
            throw new DomainRuleException($"A work order that is {Describe(Status)} cannot be {verb}.");
        }
    }

    private static string RequireText(string? text, string what) =>
        string.IsNullOrWhiteSpace(text) ? throw new DomainRuleException($"{what} is required.") : text.Trim();

    private void Move(WorkOrderStatus to, Actor by, DateTimeOffset now, string? note)
    {
        var from = Status;
        Status = to;
        Record(from, to, by, now, note);
        NextDeadlineAt = NextDeadline();
    }

    /// <summary>A timeline line that is not a transition (a quote, an escalation).</summary>
    private void Note(Actor by, DateTimeOffset now, string note) => Record(Status, Status, by, now, note, WorkOrderTimelineKind.Note);

    private void Record(
        WorkOrderStatus? from, WorkOrderStatus to, Actor by, DateTimeOffset now, string? note, WorkOrderTimelineKind kind = WorkOrderTimelineKind.Transition) =>
        _timeline.Add(new WorkOrderTimelineEntry(Guid.CreateVersion7(now), Id, _timeline.Count + 1, now, by.PersonId, by.Name, from, to, note, kind));

    /// <summary>The state as the API writes it: <c>in_progress</c>.</summary>
    public static string Describe(WorkOrderStatus status) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString());
}

/// <summary>What the front desk (or the occupant) writes on the information form when taking a request.</summary>
public sealed record WorkOrderIntake(
    WorkOrderCategory Category,
    WorkOrderPriority Priority,
    IntakeChannel Channel,
    string Description,
    string? Location = null,
    string? ContactName = null,
    string? ContactPhone = null,
    DateTimeOffset? PreferredTime = null,
    Guid? RequesterId = null,
    Guid? PatrolRecordId = null,
    Guid? ComplaintId = null);

/// <summary>One line of an order's timeline: who moved it from which state to which, when, and why; or a note or comment.</summary>
public sealed class WorkOrderTimelineEntry(
    Guid id, Guid workOrderId, int sequence, DateTimeOffset at, Guid actorId, string actorName, WorkOrderStatus? from, WorkOrderStatus to, string? note,
    WorkOrderTimelineKind kind)
{
    public Guid Id { get; private set; } = id;

    public Guid WorkOrderId { get; private set; } = workOrderId;

    /// <summary>1 for the intake, then one more per line: the order of lines written in the same instant.</summary>
    public int Sequence { get; private set; } = sequence;

    public DateTimeOffset At { get; private set; } = at;

    public Guid ActorId { get; private set; } = actorId;

    public string ActorName { get; private set; } = actorName;

    /// <summary>Null for the intake itself.</summary>
    public WorkOrderStatus? From { get; private set; } = from;

    public WorkOrderStatus To { get; private set; } = to;

    public string? Note { get; private set; } = note;

    public WorkOrderTimelineKind Kind { get; private set; } = kind;
}

/// <summary>What a timeline line records.</summary>
public enum WorkOrderTimelineKind
{
    /// <summary>A transition (or a reassignment); <c>Note</c> says why.</summary>
    Transition,

    /// <summary>Something the platform or staff recorded without a transition: a quote, an escalation, photos added.</summary>
    Note,

    /// <summary>A remark by the occupant or staff; <c>Note</c> is its text.</summary>
    Comment,
}

/// <summary>Where an order stands against one of its time limits.</summary>
public enum DeadlineFlag
{
    None,
    Approaching,
    Overdue,
}

/// <summary>The quote of a paid service (特约服务).</summary>
public enum QuoteStatus
{
    None,
    Pending,
    Accepted,
    Declined,
}
