using System.Text.Json;

namespace PropertyPlatform.ServiceDefaults.Apis;

/// <summary>
/// Reads an enum from the query string as JSON bodies write it (<c>parking_space</c>, <c>in_progress</c>);
/// minimal APIs' own binding only knows the C# names.
/// </summary>
public static class QueryEnum
{
    /// <summary>True when <paramref name="value"/> is empty (no filter) or names a value.</summary>
    public static bool TryParse<TEnum>(string? value, out TEnum? parsed) where TEnum : struct, Enum
    {
        parsed = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Name(candidate), value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                parsed = candidate;
                return true;
            }
        }
        return false;
    }

    /// <summary>The accepted spellings, for the error message.</summary>
    public static string AllowedValues<TEnum>() where TEnum : struct, Enum =>
        string.Join(", ", Enum.GetValues<TEnum>().Select(Name));

    private static string Name<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
