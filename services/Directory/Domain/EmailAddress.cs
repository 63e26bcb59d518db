using System.Text.RegularExpressions;

namespace PropertyPlatform.Directory.Domain;

/// <summary>A plausible email address: something@domain.tld, without spaces. Delivery is the real test.</summary>
public static partial class EmailAddress
{
    public const int MaxLength = 254;

    public const string Rule = "Enter an email address like name@example.com.";

    public static string? Problem(string? email) =>
        email is not null && email.Trim().Length <= MaxLength && Shape().IsMatch(email.Trim()) ? null : Rule;

    [GeneratedRegex("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$")]
    private static partial Regex Shape();
}
