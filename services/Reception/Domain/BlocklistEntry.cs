using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Reception.Domain;

/// <summary>
/// A person the property refuses entry (黑名单): named, and known by an ID number (kept encrypted) or a phone number.
/// Security sees the reason when such a visitor is checked in; nobody else does. Lifting an entry keeps it on record.
/// </summary>
public sealed class BlocklistEntry
{
    public const int NameMaxLength = 100;
    public const int PhoneMaxLength = 32;
    public const int ReasonMaxLength = 500;

    private BlocklistEntry()
    {
    }

    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    public string PersonName { get; private set; } = "";

    public IdDocumentType? IdType { get; private set; }

    public string? IdNumberMasked { get; private set; }

    /// <summary>The full number, encrypted; read back only to compare with a visitor's at check-in.</summary>
    public string? IdNumberCiphertext { get; private set; }

    /// <summary>Digits only, so "138 0013 8000" and "13800138000" match.</summary>
    public string? Phone { get; private set; }

    public string Reason { get; private set; } = "";

    public DateTimeOffset AddedAt { get; private set; }

    public Guid AddedById { get; private set; }

    public string AddedByName { get; private set; } = "";

    public DateTimeOffset? LiftedAt { get; private set; }

    public string? LiftedByName { get; private set; }

    public bool IsActive => LiftedAt is null;

    public static BlocklistEntry Add(
        Guid propertyId, string personName, ProtectedIdNumber? idNumber, string? phone, string reason, Actor addedBy, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(personName))
        {
            throw new DomainRuleException("Name the person to refuse.");
        }
        var digits = PhoneDigits(phone);
        if (idNumber is null && digits is null)
        {
            throw new DomainRuleException("Give the person's ID number or phone number: a name alone would refuse namesakes.");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Say why the person is refused entry; security reads it at the gate.");
        }

        now = StoredTime.Of(now.ToUniversalTime());
        return new BlocklistEntry
        {
            Id = Guid.CreateVersion7(now),
            PropertyId = propertyId,
            PersonName = personName.Trim(),
            IdType = idNumber?.Type,
            IdNumberMasked = idNumber?.Masked,
            IdNumberCiphertext = idNumber?.Ciphertext,
            Phone = digits,
            Reason = reason.Trim(),
            AddedAt = now,
            AddedById = addedBy.PersonId,
            AddedByName = addedBy.Name,
        };
    }

    /// <summary>The person may enter again; the entry stays on record.</summary>
    public void Lift(Actor liftedBy, DateTimeOffset now)
    {
        if (!IsActive)
        {
            throw new DomainRuleException("This entry was already lifted.");
        }
        LiftedAt = StoredTime.Of(now.ToUniversalTime());
        LiftedByName = liftedBy.Name;
    }

    /// <summary>
    /// Whether a visitor with this (decrypted) ID number and phone is the listed person: the same ID number, or the
    /// same phone number. <paramref name="listedIdNumber"/> is this entry's number, decrypted by the caller.
    /// </summary>
    public bool Matches(string? listedIdNumber, string visitorIdNumber, string? visitorPhone) =>
        IsActive
        && ((listedIdNumber is not null && string.Equals(listedIdNumber, visitorIdNumber, StringComparison.OrdinalIgnoreCase))
            || (Phone is not null && Phone == PhoneDigits(visitorPhone)));

    public static string? PhoneDigits(string? phone)
    {
        var digits = string.Concat((phone ?? "").Where(char.IsAsciiDigit));
        return digits.Length == 0 ? null : digits;
    }
}
