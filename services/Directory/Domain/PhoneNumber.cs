using System.Text.RegularExpressions;

namespace PropertyPlatform.Directory.Domain;

/// <summary>
/// Phone numbers as the centre dials them: a mainland mobile (13800138000), a mainland landline with its
/// area code (010-12345678, 0755 1234567), or an international number starting with + (+85291234567).
/// Stored without the spaces, dashes and brackets people type, so one number is always written one way.
/// </summary>
public static partial class PhoneNumber
{
    public const int MaxLength = 16;

    /// <summary>The longest number accepted as typed, with spaces, dashes and brackets.</summary>
    public const int TypedMaxLength = 32;

    public const string Rule =
        "Enter a mainland mobile (11 digits starting with 1), a landline with its area code (e.g. 010-12345678), or an international number starting with +.";

    /// <summary>Why <paramref name="phone"/> is not a usable number, or null when it is.</summary>
    public static string? Problem(string? phone)
    {
        if (phone is null || !Typed().IsMatch(phone))
        {
            return Rule;
        }
        var normalized = Normalize(phone);
        return Mobile().IsMatch(normalized) || Landline().IsMatch(normalized) || International().IsMatch(normalized) ? null : Rule;
    }

    /// <summary>Digits only, with the leading + of an international number.</summary>
    public static string Normalize(string phone) =>
        string.Concat(phone.Where(c => char.IsAsciiDigit(c) || c == '+'));

    /// <summary>As lists show it: the first three and last four characters, e.g. <c>138****8000</c>.</summary>
    public static string Mask(string phone) =>
        phone.Length <= 7
            ? new string('*', phone.Length)
            : string.Concat(phone.AsSpan(0, 3), new string('*', phone.Length - 7), phone.AsSpan(phone.Length - 4));

    /// <summary>What people type: digits, a leading +, spaces, dashes and brackets around an area code.</summary>
    [GeneratedRegex("^\\s*\\+?[0-9 ()\\-]+$")]
    private static partial Regex Typed();

    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex Mobile();

    /// <summary>Area code: 0 and 2–3 digits; local number: 7–8 digits not starting with 0 or 1.</summary>
    [GeneratedRegex("^0[1-9][0-9]{1,2}[2-9][0-9]{6,7}$")]
    private static partial Regex Landline();

    /// <summary>E.164: + and at most 15 digits, the country code not starting with 0.</summary>
    [GeneratedRegex("^\\+[1-9][0-9]{6,14}$")]
    private static partial Regex International();
}
