using PropertyPlatform.Contracts.Reception;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Reception.Domain;

/// <summary>
/// A pre-registered visit (来访登记): who is coming to which unit and when, and the pass code that lets them
/// in. Security checks the visitor in inside the agreed window and out again; a visit that has not begun
/// can be cancelled. Every change raises the event that tells the other services.
/// </summary>
public sealed class Visit : AggregateRoot
{
    public const int VisitorNameMaxLength = 100;
    public const int PurposeMaxLength = 200;
    public const int PlateNumberMaxLength = 16;
    public const int ReasonMaxLength = 500;
    public const int MinPartySize = 1;
    public const int MaxPartySize = 50;

    /// <summary>How far in the past a window may start: the front desk often registers a visitor who is already at the door.</summary>
    public static readonly TimeSpan PastTolerance = TimeSpan.FromMinutes(5);

    /// <summary>How long a walk-in waits at the desk for the host's answer before the request expires.</summary>
    public static readonly TimeSpan HostConfirmationTimeout = TimeSpan.FromMinutes(15);

    /// <summary>How long a walk-in may stay when the desk names no end.</summary>
    public static readonly TimeSpan WalkInStay = TimeSpan.FromHours(4);

    private Visit()
    {
    }

    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    /// <summary>The host unit the visitor is going to.</summary>
    public Guid UnitId { get; private set; }

    public string VisitorName { get; private set; } = "";

    public string VisitorPhone { get; private set; } = "";

    public IdDocumentType IdType { get; private set; }

    /// <summary>The number as views show it (<see cref="IdentityDocument.Mask"/>).</summary>
    public string IdNumberMasked { get; private set; } = "";

    /// <summary>The full number, encrypted: only security reads it back, at check-in.</summary>
    public string IdNumberCiphertext { get; private set; } = "";

    public string? PlateNumber { get; private set; }

    public string Purpose { get; private set; } = "";

    public int PartySize { get; private set; }

    public DateTimeOffset ExpectedFrom { get; private set; }

    public DateTimeOffset ExpectedUntil { get; private set; }

    /// <summary>Unique among the property's expected and checked-in visits.</summary>
    public string PassCode { get; private set; } = "";

    public VisitStatus Status { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public DateTimeOffset? CheckedInAt { get; private set; }

    public DateTimeOffset? CheckedOutAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public string? CancelReason { get; private set; }

    /// <summary>Registered at the desk without an invitation: the host is asked to confirm before entry.</summary>
    public bool IsWalkIn { get; private set; }

    /// <summary>A walk-in's deadline for the host's answer; past it the request reads as expired.</summary>
    public DateTimeOffset? ConfirmBy { get; private set; }

    /// <summary>When the host confirmed or declined a walk-in.</summary>
    public DateTimeOffset? HostAnsweredAt { get; private set; }

    public string? HostAnsweredByName { get; private set; }

    public string? DeclineReason { get; private set; }

    /// <summary>VIP, government and media visits (政府或媒体来访) are the manager's to know of.</summary>
    public VisitorCategory Category { get; private set; }

    /// <summary>Registers a visit to a known unit and raises <see cref="VisitRegistered"/>.</summary>
    public static Visit Register(UnitCopy hostUnit, VisitRegistration registration, PassCode passCode, DateTimeOffset now)
    {
        var visit = Build(hostUnit, registration, passCode, now);
        visit.Raise(new VisitRegistered(
            Guid.CreateVersion7(now), now, visit.PropertyId, visit.Id, hostUnit.Id, hostUnit.Number, visit.VisitorName,
            visit.PartySize, visit.Purpose, visit.ExpectedFrom, visit.ExpectedUntil));
        visit.TellTheManagerIfNotable(hostUnit, now);
        return visit;
    }

    /// <summary>A VIP, government or media visitor: <see cref="NotableVisitorExpected"/> tells the manager, for walk-ins too.</summary>
    private void TellTheManagerIfNotable(UnitCopy hostUnit, DateTimeOffset now)
    {
        if (Category != VisitorCategory.Ordinary)
        {
            Raise(new NotableVisitorExpected(
                Guid.CreateVersion7(now), now, PropertyId, Id, UnitId, hostUnit.Number, VisitorName, Category.ToString().ToLowerInvariant(),
                PartySize, Purpose, ExpectedFrom, IsWalkIn));
        }
    }

    private static Visit Build(UnitCopy hostUnit, VisitRegistration registration, PassCode passCode, DateTimeOffset now)
    {
        if (PartySizeProblem(registration.PartySize) is { } partySize)
        {
            throw new DomainRuleException(partySize);
        }
        if ((WindowOrderProblem(registration.ExpectedFrom, registration.ExpectedUntil)
            ?? WindowStartProblem(registration.ExpectedFrom, now)) is { } window)
        {
            throw new DomainRuleException(window);
        }
        if (string.IsNullOrWhiteSpace(registration.VisitorName) || string.IsNullOrWhiteSpace(registration.Purpose))
        {
            throw new DomainRuleException("A visit needs the visitor's name and the purpose of the visit.");
        }

        var visit = new Visit
        {
            Id = Guid.CreateVersion7(now),
            PropertyId = hostUnit.PropertyId,
            UnitId = hostUnit.Id,
            VisitorName = registration.VisitorName.Trim(),
            VisitorPhone = registration.VisitorPhone.Trim(),
            IdType = registration.IdNumber.Type,
            IdNumberMasked = registration.IdNumber.Masked,
            IdNumberCiphertext = registration.IdNumber.Ciphertext,
            PlateNumber = NormalizePlate(registration.PlateNumber),
            Purpose = registration.Purpose.Trim(),
            PartySize = registration.PartySize,
            ExpectedFrom = Stored(registration.ExpectedFrom),
            ExpectedUntil = Stored(registration.ExpectedUntil),
            PassCode = passCode.Value,
            Category = registration.Category,
            Status = VisitStatus.Expected,
            RegisteredAt = Stored(now),
        };
        return visit;
    }

    /// <summary>
    /// Registers a walk-in at the desk (报告有关部门后再约时接待): the visitor waits while the host is asked to confirm
    /// within <see cref="HostConfirmationTimeout"/>. The pass code is drawn now and admits the visitor once the host
    /// confirms. Raises <see cref="WalkInAwaitingHost"/> so the host hears of it.
    /// </summary>
    public static Visit RegisterWalkIn(UnitCopy hostUnit, VisitRegistration registration, PassCode passCode, DateTimeOffset now)
    {
        var visit = Build(hostUnit, registration with { ExpectedFrom = now }, passCode, now);
        visit.IsWalkIn = true;
        visit.Status = VisitStatus.AwaitingHost;
        visit.ConfirmBy = Stored(now + HostConfirmationTimeout);
        visit.Raise(new WalkInAwaitingHost(
            Guid.CreateVersion7(now), now, visit.PropertyId, visit.Id, hostUnit.Id, hostUnit.Number, visit.VisitorName,
            visit.PartySize, visit.Purpose, visit.ConfirmBy.Value));
        visit.TellTheManagerIfNotable(hostUnit, now);
        return visit;
    }

    /// <summary>Checked in and still on site after the visit's window closed (an overstay, 超时滞留): listed, not refused.</summary>
    public bool IsOverstayingAt(DateTimeOffset now) => Status == VisitStatus.CheckedIn && now > ExpectedUntil;

    /// <summary>The status as people read it at <paramref name="now"/>: a walk-in nobody answered in time is expired.</summary>
    public VisitStatus StatusAt(DateTimeOffset now) =>
        Status == VisitStatus.AwaitingHost && now > ConfirmBy ? VisitStatus.Expired : Status;

    /// <summary>The host (or the desk on the host's word by phone) lets the walk-in in; their pass code now admits them.</summary>
    public void ConfirmByHost(UnitCopy hostUnit, Actor host, DateTimeOffset now)
    {
        EnsureAwaitingHost(now);
        Status = VisitStatus.Expected;
        HostAnsweredAt = Stored(now);
        HostAnsweredByName = host.Name;
        Raise(new WalkInConfirmed(Guid.CreateVersion7(now), now, PropertyId, Id, UnitId, hostUnit.Number, VisitorName));
    }

    /// <summary>The host does not receive the walk-in; the pass code never admits anyone.</summary>
    public void DeclineByHost(UnitCopy hostUnit, Actor host, string? reason, DateTimeOffset now)
    {
        EnsureAwaitingHost(now);
        Status = VisitStatus.Declined;
        HostAnsweredAt = Stored(now);
        HostAnsweredByName = host.Name;
        DeclineReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        Raise(new WalkInDeclined(Guid.CreateVersion7(now), now, PropertyId, Id, UnitId, hostUnit.Number, VisitorName, DeclineReason));
    }

    private void EnsureAwaitingHost(DateTimeOffset now)
    {
        switch (StatusAt(now))
        {
            case VisitStatus.AwaitingHost:
                return;
            case VisitStatus.Expired:
                throw new DomainRuleException(
                    $"The host did not answer by {ConfirmBy:yyyy-MM-dd'T'HH:mm'Z'}: the request expired. Register the walk-in again to ask once more.");
            case VisitStatus.Declined:
                throw new DomainRuleException("The host already declined this visitor.");
            default:
                throw new DomainRuleException(IsWalkIn
                    ? "The host has already answered for this visitor."
                    : "Only a walk-in waits for the host's confirmation; this visit was invited.");
        }
    }

    /// <summary>Security lets the visitor in: only an expected visit, and only inside its window.</summary>
    public void CheckIn(UnitCopy hostUnit, DateTimeOffset now)
    {
        switch (StatusAt(now))
        {
            case VisitStatus.AwaitingHost:
                throw new DomainRuleException("The host has not confirmed this walk-in yet: the visitor waits at the desk.");
            case VisitStatus.Expired:
                throw new DomainRuleException("The host did not confirm this walk-in in time: the visitor may not enter.");
            case VisitStatus.Declined:
                throw new DomainRuleException("The host declined this visitor: they may not enter.");
            case VisitStatus.CheckedIn:
                throw new DomainRuleException("The visitor is already checked in.");
            case VisitStatus.CheckedOut:
                throw new DomainRuleException("The visitor has already checked out; register a new visit for another entry.");
            case VisitStatus.Cancelled:
                throw new DomainRuleException("The visit was cancelled; its pass code no longer admits anyone.");
        }
        if (now < ExpectedFrom)
        {
            throw new DomainRuleException(
                $"The visitor is early: the visit window opens at {ExpectedFrom:yyyy-MM-dd'T'HH:mm'Z'}. Ask the host to confirm or change the visit.");
        }
        if (now > ExpectedUntil)
        {
            throw new DomainRuleException(
                $"The visit window closed at {ExpectedUntil:yyyy-MM-dd'T'HH:mm'Z'}. Ask the host to register the visit again.");
        }

        Status = VisitStatus.CheckedIn;
        CheckedInAt = Stored(now);
        Raise(new VisitorCheckedIn(Guid.CreateVersion7(now), now, PropertyId, Id, UnitId, hostUnit.Number, VisitorName, PartySize));
    }

    /// <summary>The visitor leaves. Late leavers are still checked out: an overstay is reported, not refused.</summary>
    public void CheckOut(UnitCopy hostUnit, DateTimeOffset now)
    {
        switch (Status)
        {
            case VisitStatus.Expected or VisitStatus.AwaitingHost or VisitStatus.Declined or VisitStatus.Expired:
                throw new DomainRuleException("The visitor has not checked in.");
            case VisitStatus.CheckedOut:
                throw new DomainRuleException("The visitor has already checked out.");
            case VisitStatus.Cancelled:
                throw new DomainRuleException("The visit was cancelled; the visitor never checked in.");
        }

        Status = VisitStatus.CheckedOut;
        CheckedOutAt = Stored(now);
        Raise(new VisitorCheckedOut(Guid.CreateVersion7(now), now, PropertyId, Id, UnitId, hostUnit.Number, VisitorName));
    }

    /// <summary>Calls the visit off before the visitor arrives; the pass code stops working.</summary>
    public void Cancel(string reason, DateTimeOffset now)
    {
        switch (Status)
        {
            case VisitStatus.CheckedIn:
                throw new DomainRuleException("The visitor has already checked in; check them out instead.");
            case VisitStatus.CheckedOut:
                throw new DomainRuleException("The visit is over: the visitor has already checked out.");
            case VisitStatus.Cancelled:
                throw new DomainRuleException("The visit is already cancelled.");
            case VisitStatus.Declined:
                throw new DomainRuleException("The host declined this visitor; there is nothing to cancel.");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Say why the visit is cancelled.");
        }

        Status = VisitStatus.Cancelled;
        CancelledAt = Stored(now);
        CancelReason = reason.Trim();
        Raise(new VisitCancelled(Guid.CreateVersion7(now), now, PropertyId, Id, UnitId, CancelReason));
    }

    public static string? PartySizeProblem(int partySize) =>
        partySize is < MinPartySize or > MaxPartySize
            ? $"A party has {MinPartySize} to {MaxPartySize} people; larger groups are arranged with the property manager."
            : null;

    public static string? WindowOrderProblem(DateTimeOffset expectedFrom, DateTimeOffset expectedUntil) =>
        expectedUntil <= expectedFrom ? "The visit must end after it starts." : null;

    /// <summary>A window may not start in the past, give or take <see cref="PastTolerance"/>.</summary>
    public static string? WindowStartProblem(DateTimeOffset expectedFrom, DateTimeOffset now) =>
        expectedFrom < now - PastTolerance ? "The visit cannot start in the past." : null;

    /// <summary>As PostgreSQL reads it back: in UTC (clients may send any offset) and to the microsecond.</summary>
    private static DateTimeOffset Stored(DateTimeOffset time) => StoredTime.Of(time.ToUniversalTime());

    private static string? NormalizePlate(string? plate)
    {
        var normalized = string.Concat((plate ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-' && c != '·')).ToUpperInvariant();
        return normalized.Length == 0 ? null : normalized;
    }
}

/// <summary>What the host or the front desk fills in when pre-registering a visitor.</summary>
public sealed record VisitRegistration(
    string VisitorName,
    string VisitorPhone,
    ProtectedIdNumber IdNumber,
    string Purpose,
    int PartySize,
    DateTimeOffset ExpectedFrom,
    DateTimeOffset ExpectedUntil,
    string? PlateNumber = null,
    VisitorCategory Category = VisitorCategory.Ordinary);

/// <summary>Who the visitor is, as far as the manager is concerned (政府或媒体来访 notify the manager).</summary>
public enum VisitorCategory
{
    Ordinary,
    Vip,
    Government,
    Media,
}
