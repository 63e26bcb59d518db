using System.Globalization;
using System.Text.RegularExpressions;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.ServiceDefaults.Domain;

/// <summary>The identity document a person shows: an owner's record (业主档案), a visitor at the gate.</summary>
public enum IdDocumentType
{
    /// <summary>Mainland resident identity card (居民身份证): 17 digits and a check character.</summary>
    ResidentIdCard,
    Passport,
    /// <summary>Anything else the centre accepts, e.g. a Hong Kong/Macau travel permit.</summary>
    Other,
}

/// <summary>
/// An identity document as entered, checked and normalised, and its masked form for views (ID numbers are
/// personal data). How the number is stored is the service's concern: Directory encrypts it, Reception keeps it
/// for the guard's check at the gate.
/// </summary>
public sealed partial record IdentityDocument
{
    /// <summary>The longest number accepted as typed (with spaces or dashes); normalised numbers have at most 32 characters.</summary>
    public const int TypedMaxLength = 64;

    private IdentityDocument(IdDocumentType type, string number)
    {
        Type = type;
        Number = number;
    }

    public IdDocumentType Type { get; }

    /// <summary>Upper case, without spaces.</summary>
    public string Number { get; }

    public string Masked => Mask(Number);

    public static IdentityDocument Create(IdDocumentType type, string? number) =>
        Problem(type, number) is { } problem ? throw new DomainRuleException(problem) : new IdentityDocument(type, Normalize(number));

    /// <summary>Why the number is not acceptable for the document type, or null when it is.</summary>
    public static string? Problem(IdDocumentType type, string? number)
    {
        var normalized = Normalize(number);
        return type switch
        {
            IdDocumentType.ResidentIdCard when !ResidentIdCard().IsMatch(normalized) =>
                "A resident identity card number has 17 digits followed by a digit or X.",
            IdDocumentType.ResidentIdCard when !HasBirthDate(normalized) =>
                "The identity card number does not contain a valid date of birth (characters 7 to 14).",
            IdDocumentType.ResidentIdCard when !HasValidCheckCharacter(normalized) =>
                "The identity card number's check character does not match: please check the number.",
            IdDocumentType.Passport when !Passport().IsMatch(normalized) =>
                "A passport number has 5 to 20 letters and digits.",
            IdDocumentType.Other when !Other().IsMatch(normalized) =>
                "An identity document number has 4 to 32 letters, digits or dashes.",
            IdDocumentType.ResidentIdCard or IdDocumentType.Passport or IdDocumentType.Other => null,
            _ => "Unknown identity document type.",
        };
    }

    /// <summary>
    /// Keeps the start and end only where enough stays hidden: <c>110***********1234</c> for an 18-character
    /// card, the last four of a passport, nothing of a short number.
    /// </summary>
    public static string Mask(string number)
    {
        var (head, tail) = number.Length switch
        {
            >= 15 => (3, 4),
            >= 8 => (0, 4),
            _ => (0, 0),
        };
        return string.Concat(number.AsSpan(0, head), new string('*', number.Length - head - tail), number.AsSpan(number.Length - tail));
    }

    private static string Normalize(string? number) =>
        string.Concat((number ?? "").Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    private static bool HasBirthDate(string number) =>
        DateOnly.TryParseExact(number.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born)
        && born.Year >= 1900;

    /// <summary>GB 11643-1999: ISO 7064 MOD 11-2 over the first 17 digits, so most typos are caught.</summary>
    private static bool HasValidCheckCharacter(string number)
    {
        ReadOnlySpan<int> weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += (number[i] - '0') * weights[i];
        }
        return number[17] == "10X98765432"[sum % 11];
    }

    [GeneratedRegex("^[0-9]{17}[0-9X]$")]
    private static partial Regex ResidentIdCard();

    [GeneratedRegex("^[A-Z0-9]{5,20}$")]
    private static partial Regex Passport();

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{2,30}[A-Z0-9]$")]
    private static partial Regex Other();
}
