using System.Text.Json;

namespace PropertyPlatform.Complaints.Apis;

/// <summary>
/// Enums in query strings spelled as in JSON (<c>?status=checked_in</c>). Minimal APIs bind enums by their C#
/// names only, so list filters take the text and parse it here.
/// </summary>
internal static class QueryEnum
{
    public static bool TryParse<TEnum>(string text, out TEnum value) where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Name(candidate), text, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    public static string Choices<TEnum>() where TEnum : struct, Enum =>
        $"Use one of: {string.Join(", ", Enum.GetValues<TEnum>().Select(v => Name(v)))}.";

    private static string Name<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
