using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace PropertyPlatform.Reception.Domain;

/// <summary>
/// The code a visitor shows at the gate: 8 random digits, easy to read out over the phone or key in at a
/// turnstile. Drawn from a cryptographic generator because the code is what lets a stranger in.
/// </summary>
public readonly partial record struct PassCode(string Value)
{
    public const int Length = 8;

    public static PassCode New() => new(RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture));

    public static bool IsWellFormed(string? value) => value is not null && Shape().IsMatch(value);

    public override string ToString() => Value;

    [GeneratedRegex("^[0-9]{8}$")]
    private static partial Regex Shape();
}
