using PropertyPlatform.Contracts.Reception;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Reception.Domain;

/// <summary>
/// A key of a vacant unit (空置房钥匙) in the front desk's key register. Someone signs it out with a reason and the
/// time they will bring it back, the same day (in the property's time zone); it is returned and the loan closed. A key
/// still out after that time is overdue — so by the end of the day every key not back is, and the evening handover
/// already shows the keys whose holders are late.
/// </summary>
public sealed class UnitKey : AggregateRoot
{
    public const int LabelMaxLength = 100;
    public const int NameMaxLength = 100;
    public const int PhoneMaxLength = 32;
    public const int ReasonMaxLength = 500;

    private readonly List<KeyLoan> _loans = [];

    private UnitKey()
    {
    }

    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    public Guid UnitId { get; private set; }

    /// <summary>Which key of the unit, e.g. "大门钥匙 1/2".</summary>
    public string Label { get; private set; } = "";

    public DateTimeOffset RegisteredAt { get; private set; }

    public UnitKeyStatus Status { get; private set; }

    /// <summary>The open loan's holder, reason and times; null while the key is in the register.</summary>
    public string? HolderName { get; private set; }

    public string? HolderPhone { get; private set; }

    public string? Reason { get; private set; }

    public DateTimeOffset? SignedOutAt { get; private set; }

    public DateTimeOffset? ExpectedReturnAt { get; private set; }

    /// <summary>When the key is due back (the expected return, always the day it went out): still out then, it is overdue.</summary>
    public DateTimeOffset? DueBy { get; private set; }

    public IReadOnlyList<KeyLoan> Loans => _loans.OrderBy(l => l.Sequence).ToList();

    public bool IsOverdue(DateTimeOffset now) => Status == UnitKeyStatus.SignedOut && now >= DueBy;

    public static UnitKey Register(UnitCopy unit, string label, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            throw new DomainRuleException("Say which key this is, e.g. the front door's.");
        }

        now = Stored(now);
        var key = new UnitKey
        {
            Id = Guid.CreateVersion7(now),
            PropertyId = unit.PropertyId,
            UnitId = unit.Id,
            Label = label.Trim(),
            RegisteredAt = now,
            Status = UnitKeyStatus.Available,
        };
        key.Raise(new UnitKeyRegistered(Guid.CreateVersion7(now), now, key.PropertyId, key.Id, unit.Id, unit.Number, key.Label));
        return key;
    }

    /// <summary>Why <paramref name="expectedReturnAt"/> is not acceptable for a key signed out at <paramref name="now"/>, or null.</summary>
    public static string? ExpectedReturnProblem(DateTimeOffset expectedReturnAt, DateTimeOffset now, PropertyCalendar calendar)
    {
        if (expectedReturnAt <= now)
        {
            return "The expected return must be later than now.";
        }
        return calendar.DayOf(expectedReturnAt) != calendar.DayOf(now)
            ? "A key of a vacant unit goes back to the register the same day: choose a return time today."
            : null;
    }

    /// <summary>Hands the key to <paramref name="holderName"/> until <paramref name="expectedReturnAt"/>, today.</summary>
    public void SignOut(
        string holderName, string? holderPhone, string reason, DateTimeOffset expectedReturnAt, Actor by, DateTimeOffset now,
        PropertyCalendar calendar)
    {
        if (Status == UnitKeyStatus.SignedOut)
        {
            throw new DomainRuleException($"The key is already signed out to {HolderName}; it must be returned first.");
        }
        if (string.IsNullOrWhiteSpace(holderName) || string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Record who takes the key and why.");
        }
        if (ExpectedReturnProblem(expectedReturnAt, now, calendar) is { } problem)
        {
            throw new DomainRuleException(problem);
        }

        now = Stored(now);
        Status = UnitKeyStatus.SignedOut;
        HolderName = holderName.Trim();
        HolderPhone = string.IsNullOrWhiteSpace(holderPhone) ? null : holderPhone.Trim();
        Reason = reason.Trim();
        SignedOutAt = now;
        ExpectedReturnAt = Stored(expectedReturnAt);
        DueBy = ExpectedReturnAt;
        _loans.Add(new KeyLoan(Guid.CreateVersion7(now), Id, _loans.Count + 1, HolderName, HolderPhone, Reason, now, ExpectedReturnAt.Value,
            by.PersonId, by.Name));
        Raise(new UnitKeySignedOut(Guid.CreateVersion7(now), now, PropertyId, Id, UnitId, Label, HolderName, Reason, ExpectedReturnAt.Value));
    }

    /// <summary>The key is back in the register; a late return is recorded as such, not refused.</summary>
    public void Return(Actor by, DateTimeOffset now)
    {
        if (Status != UnitKeyStatus.SignedOut)
        {
            throw new DomainRuleException("The key is in the register: it has not been signed out.");
        }

        now = Stored(now);
        var late = IsOverdue(now);
        var loan = _loans.OrderBy(l => l.Sequence).Last();
        loan.Close(now, by, late);
        Status = UnitKeyStatus.Available;
        HolderName = null;
        HolderPhone = null;
        Reason = null;
        SignedOutAt = null;
        ExpectedReturnAt = null;
        DueBy = null;
        Raise(new UnitKeyReturned(Guid.CreateVersion7(now), now, PropertyId, Id, UnitId, Label, loan.HolderName, late));
    }

    private static DateTimeOffset Stored(DateTimeOffset time) => StoredTime.Of(time.ToUniversalTime());
}

/// <summary>One sign-out of a key, from the hand-over to its return.</summary>
public sealed class KeyLoan(
    Guid id, Guid unitKeyId, int sequence, string holderName, string? holderPhone, string reason, DateTimeOffset signedOutAt,
    DateTimeOffset expectedReturnAt, Guid signedOutById, string signedOutByName)
{
    public Guid Id { get; private set; } = id;

    public Guid UnitKeyId { get; private set; } = unitKeyId;

    public int Sequence { get; private set; } = sequence;

    public string HolderName { get; private set; } = holderName;

    public string? HolderPhone { get; private set; } = holderPhone;

    public string Reason { get; private set; } = reason;

    public DateTimeOffset SignedOutAt { get; private set; } = signedOutAt;

    public DateTimeOffset ExpectedReturnAt { get; private set; } = expectedReturnAt;

    public Guid SignedOutById { get; private set; } = signedOutById;

    public string SignedOutByName { get; private set; } = signedOutByName;

    public DateTimeOffset? ReturnedAt { get; private set; }

    public Guid? ReceivedById { get; private set; }

    public string? ReceivedByName { get; private set; }

    /// <summary>Returned after the time it was due back.</summary>
    public bool ReturnedLate { get; private set; }

    internal void Close(DateTimeOffset at, Actor by, bool late)
    {
        ReturnedAt = at;
        ReceivedById = by.PersonId;
        ReceivedByName = by.Name;
        ReturnedLate = late;
    }
}

public enum UnitKeyStatus
{
    /// <summary>In the register at the front desk.</summary>
    Available,
    SignedOut,
}
