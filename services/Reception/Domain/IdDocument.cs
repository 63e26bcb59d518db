using System.Text.RegularExpressions;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Reception.Domain;

/// <summary>The kind of identity document a visitor shows at the gate.</summary>
public enum IdDocumentType
{
    /// <summary>Mainland resident identity card (居民身份证), 18 characters with a check character.</summary>
    ResidentIdCard,
    Passport,
    /// <summary>Anything else security accepts, e.g. a Hong Kong/Macau travel permit or a driving licence.</summary>
    Other,
}

/// <summary>
/// A visitor's identity document. The full number is kept for the guard's check at the gate, but views
/// only ever show it masked: ID numbers are personal data.
/// </summary>
public sealed partial record IdDocument
{
    private IdDocument(IdDocumentType type, string number)
    {
        Type = type;
        Number = number;
    }

    public IdDocumentType Type { get; }

    /// <summary>Upper-case, without spaces.</summary>
    public string Number { get; }

    /// <summary>The number as views show it: <c>110***********1234</c> for an identity card.</summary>
    public string Masked => Mask(Number);

    public static IdDocument Create(IdDocumentType type, string number)
    {
        if (Problem(type, number) is { } problem)
        {
            throw new DomainRuleException(problem);
        }
        return new IdDocument(type, Normalize(number));
    }

    /// <summary>Why a number is not acceptable for the document type, or null when it is.</summary>
    public static string? Problem(IdDocumentType type, string? number)
    {
        var normalized = Normalize(number);
        return type switch
        {
            IdDocumentType.ResidentIdCard when !ResidentIdCardShape().IsMatch(normalized) =>
                "A resident identity card number has 17 digits followed by a digit or X.",
            IdDocumentType.ResidentIdCard when !HasValidCheckCharacter(normalized) =>
                "The identity card number's check character does not match: please check the number.",
            IdDocumentType.Passport when !PassportShape().IsMatch(normalized) =>
                "A passport number has 5 to 20 letters and digits.",
            IdDocumentType.Other when !OtherShape().IsMatch(normalized) =>
                "An identity document number has 4 to 32 letters, digits or dashes.",
            IdDocumentType.ResidentIdCard or IdDocumentType.Passport or IdDocumentType.Other => null,
            _ => "Unknown identity document type.",
        };
    }

    /// <summary>
    /// Shows the start and end only where enough stays hidden: 3 + 4 characters of an 18-character card,
    /// the last 4 of a passport, the last one of anything shorter.
    /// </summary>
    public static string Mask(string number)
    {
        var (head, tail) = number.Length switch
        {
            >= 15 => (3, 4),
            >= 8 => (0, 4),
            >= 2 => (0, 1),
            _ => (0, 0),
        };
        return string.Concat(number.AsSpan(0, head), new string('*', number.Length - head - tail), number.AsSpan(number.Length - tail));
    }

    private static string Normalize(string? number) =>
        string.Concat((number ?? "").Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    /// <summary>GB 11643-1999: ISO 7064 MOD 11-2 over the first 17 digits; a typo almost always breaks it.</summary>
    private static bool HasValidCheckCharacter(string number)
    {
        ReadOnlySpan<int> weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        const string checkCharacters = "10X98765432";
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (number[i] - '0') * weights[i];
        }
        return number[17] == checkCharacters[sum % 11];
    }

    [GeneratedRegex("^[0-9]{17}[0-9X]$")]
    private static partial Regex ResidentIdCardShape();

    [GeneratedRegex("^[A-Z0-9]{5,20}$")]
    private static partial Regex PassportShape();

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{2,30}[A-Z0-9]$")]
    private static partial Regex OtherShape();
}
