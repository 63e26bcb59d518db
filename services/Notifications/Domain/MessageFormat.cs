using System.Globalization;

namespace PropertyPlatform.Notifications.Domain;

/// <summary>How every message is laid out: labelled lines, local times, one-line summaries.</summary>
public static class MessageFormat
{
    /// <summary>The lines that have a value, one per line.</summary>
    public static string Lines(params string?[] lines) => string.Join('\n', lines.Where(l => l is not null));

    /// <summary>"label value", or no line when there is no value (the platform itself acts without a name).</summary>
    public static string? Labelled(string label, string? value) => string.IsNullOrWhiteSpace(value) ? null : label + value.Trim();

    /// <summary>A local time as Chinese readers write it: 11月22日 14:30.</summary>
    public static string DueZh(DateTime due) => due.ToString("M月d日 HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A local time in English: 22 Nov 14:30.</summary>
    public static string DueEn(DateTime due) => due.ToString("d MMM HH:mm", CultureInfo.InvariantCulture);

    /// <summary>First line only, cut at <paramref name="length"/> with an ellipsis, so titles stay one line in a list.</summary>
    public static string Shorten(string text, int length)
    {
        var firstLine = text.Trim().Split('\n', 2)[0].Trim();
        return firstLine.Length <= length ? firstLine : firstLine[..length].TrimEnd() + "…";
    }
}
