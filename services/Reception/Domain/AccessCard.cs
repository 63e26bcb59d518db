using PropertyPlatform.Contracts.Reception;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Reception.Domain;

public enum AccessCardStatus
{
    /// <summary>With its holder; the deposit is held.</summary>
    Issued,
    /// <summary>Back at the desk; the deposit is refunded.</summary>
    Returned,
    /// <summary>Reported lost; the deposit is kept.</summary>
    Lost,
}

/// <summary>
/// An access card (出入证) the front desk issues to a contractor's or renovation worker for work in a unit, against a
/// deposit. Returned, the deposit is refunded; reported lost, it is kept. Billing hears of each step.
/// </summary>
public sealed class AccessCard : AggregateRoot
{
    public const int CardNumberMaxLength = 32;
    public const int NameMaxLength = 100;
    public const int PhoneMaxLength = 32;
    public const int CompanyMaxLength = 200;
    public const int NoteMaxLength = 500;
    public const decimal MaxDeposit = 100_000m;

    private AccessCard()
    {
    }

    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    public Guid UnitId { get; private set; }

    /// <summary>The number printed on the card; one card with a number is out at a time per property.</summary>
    public string CardNumber { get; private set; } = "";

    public string HolderName { get; private set; } = "";

    public string? HolderPhone { get; private set; }

    public string Company { get; private set; } = "";

    /// <summary>Yuan, to the fen.</summary>
    public decimal Deposit { get; private set; }

    /// <summary>The last local day the card admits its holder.</summary>
    public DateOnly ValidUntil { get; private set; }

    public AccessCardStatus Status { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public string IssuedByName { get; private set; } = "";

    public DateTimeOffset? ReturnedAt { get; private set; }

    public DateTimeOffset? LostAt { get; private set; }

    public string? ClosedByName { get; private set; }

    public string? LostNote { get; private set; }

    /// <summary>Still out after its last valid day: the desk calls it back.</summary>
    public bool IsExpired(DateOnly today) => Status == AccessCardStatus.Issued && today > ValidUntil;

    public static AccessCard Issue(UnitCopy unit, AccessCardIssue issue, Actor desk, DateTimeOffset now, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(issue.CardNumber) || string.IsNullOrWhiteSpace(issue.HolderName) || string.IsNullOrWhiteSpace(issue.Company))
        {
            throw new DomainRuleException("An access card needs its number, the holder's name and the holder's company.");
        }
        if (DepositProblem(issue.Deposit) is { } deposit)
        {
            throw new DomainRuleException(deposit);
        }
        if (ValidUntilProblem(issue.ValidUntil, today) is { } validity)
        {
            throw new DomainRuleException(validity);
        }

        now = StoredTime.Of(now.ToUniversalTime());
        var card = new AccessCard
        {
            Id = Guid.CreateVersion7(now),
            PropertyId = unit.PropertyId,
            UnitId = unit.Id,
            CardNumber = issue.CardNumber.Trim().ToUpperInvariant(),
            HolderName = issue.HolderName.Trim(),
            HolderPhone = string.IsNullOrWhiteSpace(issue.HolderPhone) ? null : issue.HolderPhone.Trim(),
            Company = issue.Company.Trim(),
            Deposit = issue.Deposit,
            ValidUntil = issue.ValidUntil,
            Status = AccessCardStatus.Issued,
            IssuedAt = now,
            IssuedByName = desk.Name,
        };
        card.Raise(new AccessCardIssued(
            Guid.CreateVersion7(now), now, card.PropertyId, card.Id, card.CardNumber, unit.Id, unit.Number, card.HolderName, card.Company,
            card.Deposit, card.ValidUntil, desk.PersonId, desk.Name));
        return card;
    }

    /// <summary>The holder hands the card back: the deposit is refunded (Billing).</summary>
    public void Return(Actor desk, DateTimeOffset now)
    {
        EnsureIssued();
        now = StoredTime.Of(now.ToUniversalTime());
        Status = AccessCardStatus.Returned;
        ReturnedAt = now;
        ClosedByName = desk.Name;
        Raise(new AccessCardReturned(Guid.CreateVersion7(now), now, PropertyId, Id, CardNumber, UnitId, Deposit, desk.PersonId, desk.Name));
    }

    /// <summary>The holder lost the card: it no longer admits anyone and the deposit is kept (Billing).</summary>
    public void ReportLost(string? note, Actor desk, DateTimeOffset now)
    {
        EnsureIssued();
        now = StoredTime.Of(now.ToUniversalTime());
        Status = AccessCardStatus.Lost;
        LostAt = now;
        ClosedByName = desk.Name;
        LostNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Raise(new AccessCardLost(Guid.CreateVersion7(now), now, PropertyId, Id, CardNumber, UnitId, Deposit, LostNote, desk.PersonId, desk.Name));
    }

    private void EnsureIssued()
    {
        switch (Status)
        {
            case AccessCardStatus.Returned:
                throw new DomainRuleException("The card was already returned and its deposit refunded.");
            case AccessCardStatus.Lost:
                throw new DomainRuleException("The card was reported lost; its deposit is kept.");
        }
    }

    public static string? DepositProblem(decimal deposit) =>
        deposit < 0 || deposit > MaxDeposit || decimal.Round(deposit, 2) != deposit
            ? $"The deposit is an amount in yuan from 0 to {MaxDeposit}, to the fen."
            : null;

    public static string? ValidUntilProblem(DateOnly validUntil, DateOnly today) =>
        validUntil < today ? "The card must be valid at least until today." : null;
}

/// <summary>What the desk fills in to issue a card.</summary>
public sealed record AccessCardIssue(
    string CardNumber, string HolderName, string? HolderPhone, string Company, decimal Deposit, DateOnly ValidUntil);
