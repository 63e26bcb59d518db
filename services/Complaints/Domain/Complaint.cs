using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Photos;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Complaints.Domain;

/// <summary>
/// A complaint (投诉) and its whole life (DOMAIN.md "Complaints"): received → investigating (调查核实, the same day) →
/// responded (finding, action, justified or not) → feedback (the complainant satisfied) → closed; not satisfied →
/// reopened → investigating again, until satisfied or a manager closes it with a reason. Whoever takes it owns it
/// (首问负责制) until they hand it over. Each step is a method that refuses a step out of order and changes nothing then;
/// each change is a timeline line and raises the event that tells the other services.
/// </summary>
public sealed class Complaint : AggregateRoot
{
    /// <summary>Complaints are numbered <c>TS-yyyyMMdd-NNNN</c> (投诉) per property and day; earlier ones kept <c>CP-</c>.</summary>
    public const string NumberPrefix = "TS";

    public const int DescriptionMaxLength = 2000;
    public const int ResponseTextMaxLength = 2000;
    public const int ReasonMaxLength = 500;
    public const int NameMaxLength = 100;
    public const int PhoneMaxLength = 32;
    public const int LocationMaxLength = 200;
    public const int MaxCoComplainants = 200;

    /// <summary>Photos a complaint keeps: six of 5 MB fit one upload through the gateway.</summary>
    public const int MaxPhotos = 6;

    /// <summary>The owner is reminded of a committed reply time this long before it (or halfway, for a shorter commitment).</summary>
    public static readonly TimeSpan ReminderLead = TimeSpan.FromHours(2);

    /// <summary>A reply time is committed at most this far ahead.</summary>
    public static readonly TimeSpan LongestReplyCommitment = TimeSpan.FromDays(60);

    private readonly List<ComplaintWorkOrderRequest> _workOrderRequests = [];
    private readonly List<ComplaintWorkOrder> _workOrders = [];
    private readonly List<ComplaintTimelineEntry> _timeline = [];
    private readonly List<CoComplainant> _coComplainants = [];

    private Complaint()
    {
    }

    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    /// <summary>Readable number per property and day, e.g. <c>TS-20261122-0001</c>.</summary>
    public string Number { get; private set; } = "";

    /// <summary>The complainant's unit; null for an anonymous complaint or one from outside the units (e.g. a passer-by).</summary>
    public Guid? UnitId { get; private set; }

    /// <summary>Where the problem is, when it is not (only) the unit: "B1 车库入口", "大堂".</summary>
    public string? Location { get; private set; }

    /// <summary>
    /// The complainant asked not to be known (匿名): the complaint carries no unit, and their name and phone, when given
    /// for the answer, are shown only to the complaint's owner and managers.
    /// </summary>
    public bool Anonymous { get; private set; }

    public string? ComplainantName { get; private set; }

    public string? ComplainantPhone { get; private set; }

    /// <summary>The occupant who submitted the complaint themselves (app/web): they follow it and give their feedback.</summary>
    public Guid? ComplainantId { get; private set; }

    public ComplaintChannel Channel { get; private set; }

    public ComplaintCategory Category { get; private set; }

    public ComplaintTier Tier { get; private set; }

    public string Description { get; private set; } = "";

    /// <summary>How many photos the complaint has (<see cref="ComplaintPhoto"/>, stored beside it).</summary>
    public int PhotoCount { get; private set; }

    public ComplaintStatus Status { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>Who took the complaint: a member of staff, or the occupant who submitted it. Null for complaints taken before sign-in.</summary>
    public Guid? ReceivedById { get; private set; }

    public string? ReceivedByName { get; private set; }

    /// <summary>The member of staff responsible for the complaint now (首问负责); null until staff first act on one submitted online.</summary>
    public Guid? OwnerId { get; private set; }

    public string? OwnerName { get; private set; }

    public Guid? InvestigatedById { get; private set; }

    public string? InvestigatedByName { get; private set; }

    public Guid? RespondedById { get; private set; }

    public string? RespondedByName { get; private set; }

    public DateTimeOffset? InvestigationStartedAt { get; private set; }

    /// <summary>The investigation starts the day the complaint is received (or reopened): the end of that local day.</summary>
    public DateTimeOffset? InvestigationDueAt { get; private set; }

    public bool InvestigationOverdue { get; private set; }

    /// <summary>When the answer is due: the end of the day of receipt, or the reply time the owner committed to (时间承诺).</summary>
    public DateTimeOffset? ReplyDueAt { get; private set; }

    /// <summary>When the owner last committed to a reply time; null when the answer is due the same day.</summary>
    public DateTimeOffset? ReplyCommittedAt { get; private set; }

    public ComplaintDeadlineFlag ReplyFlag { get; private set; }

    /// <summary>When the sweeper must look at the complaint next (a reminder or a due time); null when no clock runs.</summary>
    public DateTimeOffset? NextDeadlineAt { get; private set; }

    /// <summary>Whom the complaint was last escalated to: a manager at once for important and collective ones.</summary>
    public ComplaintEscalationLevel? EscalationLevel { get; private set; }

    public DateTimeOffset? EscalatedAt { get; private set; }

    public DateTimeOffset? RespondedAt { get; private set; }

    /// <summary>Whether the last answer came by its due time; null until answered.</summary>
    public bool? RespondedOnTime { get; private set; }

    /// <summary>What the investigation found (调查结果).</summary>
    public string? Finding { get; private set; }

    /// <summary>What was done about it (处理措施).</summary>
    public string? ActionTaken { get; private set; }

    /// <summary>Whether the complaint was justified (成立); null until answered. Justified ones count towards the valid complaint rate.</summary>
    public bool? Justified { get; private set; }

    /// <summary>The written explanation to the complainant; required for an unjustified complaint.</summary>
    public string? Explanation { get; private set; }

    public DateTimeOffset? FeedbackAt { get; private set; }

    /// <summary>The complainant's view of the last answer; null until given.</summary>
    public bool? Satisfied { get; private set; }

    public string? FeedbackComment { get; private set; }

    public int ReopenCount { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Why a manager closed a complaint the complainant was not (or could not say they were) satisfied with.</summary>
    public string? CloseReason { get; private set; }

    /// <summary>The agreed compensation (赔偿) in CNY, for a justified complaint that caused a loss.</summary>
    public decimal? CompensationAmount { get; private set; }

    public string? CompensationAgreement { get; private set; }

    public Guid? CompensationApprovedById { get; private set; }

    public string? CompensationApprovedByName { get; private set; }

    public DateTimeOffset? CompensationAgreedAt { get; private set; }

    /// <summary>Links complaints of the same category about the same place that were proposed together as hot.</summary>
    public Guid? SimilarGroupId { get; private set; }

    /// <summary>Proposed as hot (热点) for a supervisor to confirm by changing the tier; cleared once the tier is hot.</summary>
    public bool HotProposed { get; private set; }

    /// <summary>The work orders asked for on this complaint, oldest first.</summary>
    public IReadOnlyList<ComplaintWorkOrderRequest> WorkOrderRequests => _workOrderRequests.OrderBy(r => r.RequestedAt).ThenBy(r => r.Id).ToList();

    /// <summary>The work orders WorkOrders took on this complaint's requests, as the complaint follows them; oldest first.</summary>
    public IReadOnlyList<ComplaintWorkOrder> WorkOrders => _workOrders.OrderBy(o => o.Number).ToList();

    /// <summary>Every step, oldest first.</summary>
    public IReadOnlyList<ComplaintTimelineEntry> Timeline => _timeline.OrderBy(e => e.Sequence).ToList();

    /// <summary>The others who raised a collective complaint (集体投诉), in the order recorded.</summary>
    public IReadOnlyList<CoComplainant> CoComplainants => _coComplainants.OrderBy(c => c.Sequence).ToList();

    /// <summary>True while an answer is owed: the reply clock runs.</summary>
    public bool AwaitsAnswer => Status is ComplaintStatus.Received or ComplaintStatus.Investigating or ComplaintStatus.Reopened;

    /// <summary>
    /// Takes a complaint (已受理) for a property — from one of its units, from a named person, or anonymously — and
    /// raises <see cref="ComplaintReceived"/> (and <see cref="ComplaintEscalated"/> to a manager for an important or
    /// collective one). Staff who take it own it; one an occupant submits gets its owner when staff first act on it.
    /// </summary>
    public static Complaint Receive(
        Guid propertyId, UnitCopy? unit, DailyNumber number, ComplaintIntake intake, Actor by, bool byStaff, DateTimeOffset now, PropertyCalendar calendar)
    {
        if (unit is not null && unit.PropertyId != propertyId)
        {
            throw new DomainRuleException("The unit belongs to another property.");
        }
        if (AnonymityProblem(intake.Anonymous, unit is not null, intake.ComplainantName, intake.ComplainantPhone, byStaff) is { } anonymity)
        {
            throw new DomainRuleException(anonymity);
        }
        if (string.IsNullOrWhiteSpace(intake.Description))
        {
            throw new DomainRuleException("Describe the complaint.");
        }
        var coComplainants = intake.CoComplainants ?? [];
        CheckCollective(intake.Tier, intake.Anonymous, coComplainants.Count);

        now = Stored(now);
        var complaint = new Complaint
        {
            Id = Guid.CreateVersion7(now),
            PropertyId = propertyId,
            Number = number.Value,
            UnitId = unit?.Id,
            Location = Clean(intake.Location),
            Anonymous = intake.Anonymous,
            // An occupant complaining in their own name is the complainant.
            ComplainantName = Clean(intake.ComplainantName) ?? (byStaff || intake.Anonymous ? null : by.Name),
            ComplainantPhone = Clean(intake.ComplainantPhone),
            ComplainantId = byStaff ? null : by.PersonId,
            Channel = byStaff ? intake.Channel : ComplaintChannel.OccupantApp,
            Category = intake.Category,
            Tier = intake.Tier,
            Description = intake.Description.Trim(),
            Status = ComplaintStatus.Received,
            ReceivedAt = now,
            ReceivedById = by.PersonId,
            ReceivedByName = by.Name,
            OwnerId = byStaff ? by.PersonId : null,
            OwnerName = byStaff ? by.Name : null,
        };
        complaint.AddCoComplainants(coComplainants);
        complaint.StartClocks(now, calendar);
        complaint.Record(null, ComplaintStatus.Received, by, now, null);
        complaint.Raise(new ComplaintReceived(
            Guid.CreateVersion7(now), now, propertyId, complaint.Id, complaint.Number, unit?.Id, unit?.Number,
            complaint.Channel, complaint.Category, complaint.Tier, complaint.Description));
        if (NeedsManager(complaint.Tier))
        {
            complaint.EscalateTo(ComplaintEscalationLevel.Manager, TierName(complaint.Tier), by, now);
        }
        return complaint;
    }

    /// <summary>Starts (or, after reopening, starts again) the investigation and verification (调查核实).</summary>
    public void StartInvestigation(Actor by, DateTimeOffset now)
    {
        if (Status == ComplaintStatus.Investigating)
        {
            throw new DomainRuleException("The complaint is already being investigated.");
        }
        Require("investigated", ComplaintStatus.Received, ComplaintStatus.Reopened);

        now = Stored(now);
        InvestigationStartedAt = now;
        InvestigatedById = by.PersonId;
        InvestigatedByName = by.Name;
        // First-contact responsibility: a complaint submitted online belongs to whoever first takes it up.
        string? note = null;
        if (OwnerId is null)
        {
            OwnerId = by.PersonId;
            OwnerName = by.Name;
            note = $"负责人: {by.Name}";
        }
        Move(ComplaintStatus.Investigating, by, now, note);
        Raise(new ComplaintInvestigationStarted(Guid.CreateVersion7(now), now, PropertyId, Id, Number, UnitId, by.PersonId, by.Name, OwnerId, OwnerName));
    }

    /// <summary>
    /// When the centre cannot answer at once, the owner commits to a reply time (时间承诺); a later commitment replaces
    /// it. The owner is reminded before it, and the supervisor is told past it.
    /// </summary>
    public void CommitReplyTime(DateTimeOffset replyBy, string? note, Actor by, DateTimeOffset now)
    {
        Require("given a reply time", ComplaintStatus.Received, ComplaintStatus.Investigating, ComplaintStatus.Reopened);
        now = Stored(now);
        replyBy = Stored(replyBy.ToUniversalTime());
        if (replyBy <= now)
        {
            throw new DomainRuleException("The reply time must be in the future.");
        }
        if (replyBy - now > LongestReplyCommitment)
        {
            throw new DomainRuleException($"A reply time is committed at most {LongestReplyCommitment.TotalDays:0} days ahead.");
        }

        note = Clean(note);
        ReplyDueAt = replyBy;
        ReplyCommittedAt = now;
        ReplyFlag = ComplaintDeadlineFlag.None;
        Note(by, now, $"承诺答复时间: {replyBy:O}{(note is null ? "" : $"; {note}")}");
        NextDeadlineAt = NextDeadline();
        Raise(new ComplaintReplyTimeCommitted(Guid.CreateVersion7(now), now, PropertyId, Id, Number, UnitId, replyBy, note, OwnerId, by.PersonId, by.Name));
    }

    /// <summary>Answers an investigated complaint (已答复) and raises <see cref="ComplaintResponded"/>.</summary>
    public void Respond(ComplaintResponse response, Actor by, DateTimeOffset now)
    {
        if (Status != ComplaintStatus.Investigating)
        {
            throw new DomainRuleException(Status switch
            {
                ComplaintStatus.Received or ComplaintStatus.Reopened => "Investigate the complaint before answering it.",
                ComplaintStatus.Responded => "The complaint has already been answered.",
                _ => $"Only a complaint under investigation can be answered; this one is {Describe(Status)}.",
            });
        }
        if (string.IsNullOrWhiteSpace(response.Finding) || string.IsNullOrWhiteSpace(response.ActionTaken))
        {
            throw new DomainRuleException("An answer states the finding and the action taken.");
        }
        if (!response.Justified && string.IsNullOrWhiteSpace(response.Explanation))
        {
            // Even an unjustified complaint gets a polite written explanation.
            throw new DomainRuleException("An unjustified complaint still gets a written explanation.");
        }

        now = Stored(now);
        RespondedAt = now;
        RespondedOnTime = ReplyDueAt is not { } due || now <= due;
        RespondedById = by.PersonId;
        RespondedByName = by.Name;
        Finding = response.Finding.Trim();
        ActionTaken = response.ActionTaken.Trim();
        Justified = response.Justified;
        Explanation = Clean(response.Explanation);
        Satisfied = null;
        FeedbackAt = null;
        FeedbackComment = null;
        Move(ComplaintStatus.Responded, by, now, response.Justified ? "投诉成立" : "投诉不成立");
        Raise(new ComplaintResponded(
            Guid.CreateVersion7(now), now, PropertyId, Id, Number, UnitId, Tier, response.Justified, Finding, ActionTaken, ComplainantId));
    }

    /// <summary>
    /// The complainant's view of the answer (回访): satisfied moves the complaint to <c>feedback</c>, ready to close; not
    /// satisfied reopens it to be investigated again.
    /// </summary>
    public void GiveFeedback(bool satisfied, string? comment, Actor by, DateTimeOffset now, PropertyCalendar calendar)
    {
        Require("given feedback", ComplaintStatus.Responded);
        now = Stored(now);
        comment = Clean(comment);
        FeedbackAt = now;
        Satisfied = satisfied;
        FeedbackComment = comment;
        Raise(new ComplaintFeedbackGiven(Guid.CreateVersion7(now), now, PropertyId, Id, Number, UnitId, satisfied, comment, OwnerId));
        if (satisfied)
        {
            Move(ComplaintStatus.Feedback, by, now, comment is null ? "满意" : $"满意: {comment}");
        }
        else
        {
            ReopenBecause(comment is null ? "投诉人不满意" : $"投诉人不满意: {comment}", by, now, calendar);
        }
    }

    /// <summary>Reopens an answered or closed complaint that is not resolved after all (重新处理).</summary>
    public void Reopen(string reason, Actor by, DateTimeOffset now, PropertyCalendar calendar)
    {
        Require("reopened", ComplaintStatus.Responded, ComplaintStatus.Feedback, ComplaintStatus.Closed);
        ReopenBecause(RequireText(reason, "A reason for reopening"), by, Stored(now), calendar);
    }

    /// <summary>
    /// Closes a complaint. After the complainant's satisfied feedback anyone at the desk may; otherwise only a manager,
    /// with a reason (the complainant remained unsatisfied, could not be reached, or is anonymous).
    /// </summary>
    public void Close(string? reason, bool byManager, Actor by, DateTimeOffset now)
    {
        if (Status == ComplaintStatus.Closed)
        {
            throw new DomainRuleException("The complaint is already closed.");
        }
        reason = Clean(reason);
        if (Status != ComplaintStatus.Feedback)
        {
            if (!byManager)
            {
                throw new DomainRuleException("Only a manager closes a complaint the complainant has not said they are satisfied with.");
            }
            if (reason is null)
            {
                throw new DomainRuleException("A manager closing an unresolved complaint gives the reason.");
            }
        }

        now = Stored(now);
        ClosedAt = now;
        CloseReason = reason;
        Move(ComplaintStatus.Closed, by, now, reason);
        Raise(new ComplaintClosed(Guid.CreateVersion7(now), now, PropertyId, Id, Number, UnitId, Satisfied == true, reason, by.PersonId, by.Name));
    }

    /// <summary>Hands the complaint over to another member of staff (首问负责制: the record shows the new owner from now).</summary>
    public void HandOver(Actor to, string note, bool byLead, Actor by, DateTimeOffset now)
    {
        RequireOpen("handed over");
        note = RequireText(note, "A handover note");
        if (!byLead && OwnerId is { } owner && owner != by.PersonId)
        {
            throw new DomainRuleException($"Only its owner ({OwnerName}), a supervisor or a manager hands the complaint over.");
        }
        if (OwnerId == to.PersonId)
        {
            throw new DomainRuleException($"The complaint is already {to.Name}'s.");
        }
        if (to.PersonId == Guid.Empty || string.IsNullOrWhiteSpace(to.Name))
        {
            throw new DomainRuleException("Name the member of staff who takes the complaint over.");
        }

        now = Stored(now);
        var (fromId, fromName) = (OwnerId, OwnerName);
        OwnerId = to.PersonId;
        OwnerName = to.Name.Trim();
        Note(by, now, $"移交: {fromName ?? "—"} → {OwnerName}; {note}");
        Raise(new ComplaintHandedOver(Guid.CreateVersion7(now), now, PropertyId, Id, Number, UnitId, fromId, fromName, to.PersonId, OwnerName, note, by.PersonId, by.Name));
    }

    /// <summary>
    /// Changes the tier with a reason. Raising a complaint to important or collective sends it to a manager at once; a
    /// collective complaint names its co-complainants. Lowering an important or collective complaint is a manager's call.
    /// </summary>
    public void ChangeTier(ComplaintTier tier, string reason, IReadOnlyList<CoComplainantDetails>? coComplainants, bool byManager, Actor by, DateTimeOffset now)
    {
        RequireOpen("given another tier");
        reason = RequireText(reason, "A reason for the tier change");
        if (tier == Tier)
        {
            throw new DomainRuleException($"The complaint is already {TierName(tier)}.");
        }
        if (NeedsManager(Tier) && !byManager)
        {
            throw new DomainRuleException($"Only a manager changes the tier of a complaint that is {TierName(Tier)}.");
        }
        var added = coComplainants ?? [];
        CheckCollective(tier, Anonymous, _coComplainants.Count + added.Count);
        if (_coComplainants.Count + added.Count > MaxCoComplainants)
        {
            throw new DomainRuleException($"A complaint records at most {MaxCoComplainants} co-complainants.");
        }

        now = Stored(now);
        var from = Tier;
        Tier = tier;
        HotProposed = false;
        AddCoComplainants(added);
        Note(by, now, $"级别: {TierName(from)} → {TierName(tier)}; {reason}");
        Raise(new ComplaintTierChanged(Guid.CreateVersion7(now), now, PropertyId, Id, Number, UnitId, from, tier, reason, by.PersonId, by.Name));
        if (NeedsManager(tier))
        {
            EscalateTo(ComplaintEscalationLevel.Manager, $"{TierName(tier)}: {reason}", by, now);
        }
    }

    /// <summary>
    /// Links the complaint to others like it (same category, same place, within the window) and proposes it as hot, unless
    /// it is hot already or closed. Returns whether it changed.
    /// </summary>
    public bool ProposeHot(Guid groupId, DateTimeOffset now)
    {
        if (Status == ComplaintStatus.Closed || (SimilarGroupId == groupId && (HotProposed || Tier == ComplaintTier.Hot)))
        {
            return false;
        }
        SimilarGroupId = groupId;
        HotProposed = Tier != ComplaintTier.Hot;
        Note(Actor.System, Stored(now), "同类投诉达到热点数量, 建议定为热点投诉");
        return true;
    }

    /// <summary>The owner asks a supervisor or a manager to take a hand (上报), with the reason.</summary>
    public void Escalate(ComplaintEscalationLevel level, string reason, Actor by, DateTimeOffset now)
    {
        RequireOpen("escalated");
        reason = RequireText(reason, "A reason for the escalation");
        if (EscalationLevel == ComplaintEscalationLevel.Manager || EscalationLevel == level)
        {
            throw new DomainRuleException($"The complaint is already with the {(EscalationLevel == ComplaintEscalationLevel.Manager ? "manager" : "supervisor")}.");
        }
        EscalateTo(level, reason, by, Stored(now));
    }

    /// <summary>Records the compensation (赔偿) agreed for a justified complaint that caused a loss; a manager approves it.</summary>
    public void AgreeCompensation(decimal amount, string agreement, Actor approver, DateTimeOffset now)
    {
        if (Justified != true || Status is ComplaintStatus.Received or ComplaintStatus.Investigating or ComplaintStatus.Reopened)
        {
            throw new DomainRuleException("Compensation is agreed on a complaint answered as justified.");
        }
        if (CompensationAmount is not null)
        {
            throw new DomainRuleException("The complaint already carries a compensation record.");
        }
        if (amount <= 0 || decimal.Round(amount, 2) != amount)
        {
            throw new DomainRuleException("The amount is a positive sum in CNY with at most two decimals.");
        }
        agreement = RequireText(agreement, "The agreement");

        now = Stored(now);
        CompensationAmount = amount;
        CompensationAgreement = agreement;
        CompensationApprovedById = approver.PersonId;
        CompensationApprovedByName = approver.Name;
        CompensationAgreedAt = now;
        Note(approver, now, $"赔偿 ¥{amount:0.00}: {agreement}");
        Raise(new ComplaintCompensationAgreed(Guid.CreateVersion7(now), now, PropertyId, Id, Number, UnitId, amount, agreement, approver.PersonId, approver.Name));
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

        now = Stored(now);
        var request = ComplaintWorkOrderRequest.Create(Id, category, priority, description.Trim(), by.PersonId, by.Name, now);
        _workOrderRequests.Add(request);
        Note(by, now, $"申请工单: {request.Description}");
        Raise(new ComplaintWorkOrderRequested(
            request.Id, now, PropertyId, Id, Number, unitId, category, priority, request.Description, by.PersonId, by.Name));
    }

    /// <summary>
    /// Attaches photos of what the complaint is about (at most <see cref="MaxPhotos"/> in all) while it is open; all of
    /// them or none. Whoever may see the complaint may add them: the complainant at intake, the desk at any step.
    /// </summary>
    public IReadOnlyList<ComplaintPhoto> AddPhotos(IReadOnlyList<PhotoFile> files, Actor by, DateTimeOffset now)
    {
        RequireOpen("given more photos");
        if (files.Count == 0)
        {
            throw new DomainRuleException("At least one photo is required.");
        }
        if (PhotoCount + files.Count > MaxPhotos)
        {
            throw new DomainRuleException(
                $"A complaint keeps at most {MaxPhotos} photos; this one has {PhotoCount}, so {MaxPhotos - PhotoCount} more can be added.");
        }

        now = Stored(now);
        // Every file is checked before the count changes: one refused file refuses them all.
        var photos = files.Select((file, i) => ComplaintPhoto.Create(Id, PhotoCount + i + 1, file, by, now)).ToList();
        PhotoCount += photos.Count;
        Note(by, now, $"添加照片 {photos.Count} 张");
        return photos;
    }

    /// <summary>
    /// Follows a work order this complaint raised (事事有着落): WorkOrders took it, completed, closed or cancelled it. Each
    /// news is a timeline note by whoever acted in WorkOrders, in any state of the complaint (a closed one still shows what
    /// became of its order; a reopened order may be completed again). Returns false, changing nothing, when the intake arrives
    /// after the order's outcome (redeliveries are skipped before this, by message id).
    /// </summary>
    public bool FollowWorkOrder(WorkOrderNews news)
    {
        var at = Stored(news.At);
        var order = _workOrders.SingleOrDefault(o => o.WorkOrderId == news.WorkOrderId);
        if (order is not null && news.Status == ComplaintWorkOrderStatus.Submitted)
        {
            return false;
        }
        if (order is null)
        {
            order = ComplaintWorkOrder.Create(Id, news.WorkOrderId, news.Number, at);
            _workOrders.Add(order);
        }
        var outcome = Clean(news.Outcome);
        order.Update(news.Status, outcome, at);
        var what = news.Status switch
        {
            ComplaintWorkOrderStatus.Submitted => "已受理",
            ComplaintWorkOrderStatus.Completed => "已完工",
            ComplaintWorkOrderStatus.Closed => "已关闭",
            _ => "已取消",
        };
        Note(news.By, at, $"工单 {news.Number} {what}{(outcome is null ? "" : $": {outcome}")}");
        return true;
    }

    /// <summary>
    /// Called by the deadline sweeper at <see cref="NextDeadlineAt"/>: an investigation not started the day of receipt,
    /// and an answer past its due time, escalate to the supervisor; the owner is reminded before the reply time. Each once.
    /// </summary>
    public void CheckDeadlines(DateTimeOffset now)
    {
        now = Stored(now);
        if (!InvestigationOverdue && InvestigationDueAt is { } investigationDue && now >= investigationDue
            && Status is ComplaintStatus.Received or ComplaintStatus.Reopened)
        {
            InvestigationOverdue = true;
            Note(Actor.System, now, "未在当天开始调查核实, 已升级至客服主管");
            Raise(new ComplaintDeadlineBreached(Guid.CreateVersion7(now), now, PropertyId, Id, Number, UnitId, ComplaintDeadline.Investigation, investigationDue, OwnerId));
            EscalateTo(ComplaintEscalationLevel.Supervisor, "调查核实超时", Actor.System, now, onlyIfHigher: true);
        }
        if (AwaitsAnswer && ReplyDueAt is { } replyDue)
        {
            if (ReplyFlag != ComplaintDeadlineFlag.Overdue && now >= replyDue)
            {
                ReplyFlag = ComplaintDeadlineFlag.Overdue;
                Note(Actor.System, now, "超过答复时限, 已升级至客服主管");
                Raise(new ComplaintDeadlineBreached(Guid.CreateVersion7(now), now, PropertyId, Id, Number, UnitId, ComplaintDeadline.Reply, replyDue, OwnerId));
                EscalateTo(ComplaintEscalationLevel.Supervisor, "答复超时", Actor.System, now, onlyIfHigher: true);
            }
            else if (ReplyFlag == ComplaintDeadlineFlag.None && now >= ReminderAt(replyDue))
            {
                ReplyFlag = ComplaintDeadlineFlag.Approaching;
                Raise(new ComplaintDeadlineApproaching(Guid.CreateVersion7(now), now, PropertyId, Id, Number, UnitId, ComplaintDeadline.Reply, replyDue, OwnerId));
            }
        }
        NextDeadlineAt = NextDeadline();
    }

    /// <summary>
    /// An anonymous complaint names no unit (that would name the complainant); a name or phone given for the answer is
    /// kept confidential. Any other complaint taken by staff names a unit or a complainant, so a forgotten field is not
    /// mistaken for anonymity; an occupant is the complainant themselves.
    /// </summary>
    public static string? AnonymityProblem(bool anonymous, bool hasUnit, string? complainantName, string? complainantPhone, bool byStaff = true)
    {
        var named = !string.IsNullOrWhiteSpace(complainantName) || !string.IsNullOrWhiteSpace(complainantPhone);
        return (anonymous, hasUnit, named || !byStaff) switch
        {
            (true, true, _) => "An anonymous complaint names no unit.",
            (false, false, false) => "Name the complainant's unit or the complainant, or mark the complaint anonymous.",
            _ => null,
        };
    }

    /// <summary>The tier as the API writes it, and in the timeline: 一般, 重要, 热点, 集体.</summary>
    public static string TierName(ComplaintTier tier) => tier switch
    {
        ComplaintTier.General => "一般投诉",
        ComplaintTier.Important => "重要投诉",
        ComplaintTier.Hot => "热点投诉",
        ComplaintTier.Collective => "集体投诉",
        _ => tier.ToString(),
    };

    /// <summary>The state as the API writes it: <c>investigating</c>.</summary>
    public static string Describe(ComplaintStatus status) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString());

    private static bool NeedsManager(ComplaintTier tier) => tier is ComplaintTier.Important or ComplaintTier.Collective;

    private static void CheckCollective(ComplaintTier tier, bool anonymous, int coComplainants)
    {
        if (tier == ComplaintTier.Collective && anonymous)
        {
            throw new DomainRuleException("A collective complaint names the occupants who raised it; it cannot be anonymous.");
        }
        if (tier == ComplaintTier.Collective && coComplainants == 0)
        {
            throw new DomainRuleException("A collective complaint records its co-complainants.");
        }
    }

    private void AddCoComplainants(IReadOnlyList<CoComplainantDetails> added)
    {
        if (_coComplainants.Count + added.Count > MaxCoComplainants)
        {
            throw new DomainRuleException($"A complaint records at most {MaxCoComplainants} co-complainants.");
        }
        foreach (var details in added)
        {
            _coComplainants.Add(CoComplainant.Create(Id, _coComplainants.Count + 1, RequireText(details.Name, "A co-complainant's name"),
                Clean(details.Phone), Clean(details.Unit)));
        }
    }

    private void EscalateTo(ComplaintEscalationLevel level, string reason, Actor by, DateTimeOffset now, bool onlyIfHigher = false)
    {
        if (onlyIfHigher && EscalationLevel is { } current && current >= level)
        {
            return;
        }
        EscalationLevel = level;
        EscalatedAt = now;
        Note(by, now, $"上报{(level == ComplaintEscalationLevel.Manager ? "客服经理" : "客服主管")}: {reason}");
        Raise(new ComplaintEscalated(Guid.CreateVersion7(now), now, PropertyId, Id, Number, UnitId, Tier, level, reason, OwnerId, by.PersonId, by.Name));
    }

    private void ReopenBecause(string reason, Actor by, DateTimeOffset now, PropertyCalendar calendar)
    {
        ReopenCount++;
        ClosedAt = null;
        CloseReason = null;
        Move(ComplaintStatus.Reopened, by, now, reason);
        // A reopened complaint is investigated again the same day and answered that day unless a new time is committed.
        StartClocks(now, calendar);
        Raise(new ComplaintReopened(Guid.CreateVersion7(now), now, PropertyId, Id, Number, UnitId, reason, ReopenCount, OwnerId));
    }

    private void StartClocks(DateTimeOffset now, PropertyCalendar calendar)
    {
        var endOfDay = calendar.DayBounds(calendar.DayOf(now)).End;
        InvestigationDueAt = endOfDay;
        InvestigationOverdue = false;
        ReplyDueAt = endOfDay;
        ReplyCommittedAt = null;
        ReplyFlag = ComplaintDeadlineFlag.None;
        NextDeadlineAt = NextDeadline();
    }

    private DateTimeOffset ReminderAt(DateTimeOffset replyDue)
    {
        var window = replyDue - (ReplyCommittedAt ?? ReceivedAt);
        return replyDue - (window / 2 < ReminderLead ? window / 2 : ReminderLead);
    }

    private DateTimeOffset? NextDeadline()
    {
        DateTimeOffset? next = null;
        if (!InvestigationOverdue && InvestigationDueAt is { } investigationDue && Status is ComplaintStatus.Received or ComplaintStatus.Reopened)
        {
            next = investigationDue;
        }
        if (AwaitsAnswer && ReplyDueAt is { } replyDue)
        {
            DateTimeOffset? reply = ReplyFlag switch
            {
                ComplaintDeadlineFlag.None => ReminderAt(replyDue),
                ComplaintDeadlineFlag.Approaching => replyDue,
                _ => null,
            };
            if (reply is { } r && (next is null || r < next))
            {
                next = r;
            }
        }
        return next;
    }

    private void Require(string verb, params ComplaintStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new DomainRuleException($"A complaint that is {Describe(Status)} cannot be {verb}.");
        }
    }

    private void RequireOpen(string verb)
    {
        if (Status == ComplaintStatus.Closed)
        {
            throw new DomainRuleException($"A closed complaint cannot be {verb}.");
        }
    }

    private static string RequireText(string? text, string what) =>
        string.IsNullOrWhiteSpace(text) ? throw new DomainRuleException($"{what} is required.") : text.Trim();

    private void Move(ComplaintStatus to, Actor by, DateTimeOffset now, string? note)
    {
        var from = Status;
        Status = to;
        Record(from, to, by, now, note);
        NextDeadlineAt = NextDeadline();
    }

    private void Note(Actor by, DateTimeOffset now, string note) => Record(Status, Status, by, now, note, ComplaintTimelineKind.Note);

    private void Record(ComplaintStatus? from, ComplaintStatus to, Actor by, DateTimeOffset now, string? note, ComplaintTimelineKind kind = ComplaintTimelineKind.Transition) =>
        _timeline.Add(new ComplaintTimelineEntry(Guid.CreateVersion7(now), Id, _timeline.Count + 1, now, by.PersonId, by.Name, from, to,
            note is { Length: > ComplaintTimelineEntry.NoteMaxLength } ? note[..ComplaintTimelineEntry.NoteMaxLength] : note, kind));

    /// <summary>As PostgreSQL reads it back: in UTC and to the microsecond.</summary>
    private static DateTimeOffset Stored(DateTimeOffset time) => StoredTime.Of(time.ToUniversalTime());

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>What the front desk (or the occupant) records when taking a complaint.</summary>
public sealed record ComplaintIntake(
    ComplaintChannel Channel,
    ComplaintCategory Category,
    ComplaintTier Tier,
    string Description,
    bool Anonymous = false,
    string? ComplainantName = null,
    string? ComplainantPhone = null,
    string? Location = null,
    IReadOnlyList<CoComplainantDetails>? CoComplainants = null);

/// <summary>One of the occupants who raised a collective complaint together: a name, and a phone or unit when given.</summary>
public sealed record CoComplainantDetails(string Name, string? Phone = null, string? Unit = null);

/// <summary>The answer to a complaint after investigation.</summary>
public sealed record ComplaintResponse(string Finding, string ActionTaken, bool Justified, string? Explanation = null);

/// <summary>Where a complaint stands against its reply time.</summary>
public enum ComplaintDeadlineFlag
{
    None,
    Approaching,
    Overdue,
}
