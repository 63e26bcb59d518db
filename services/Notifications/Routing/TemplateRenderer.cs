using System.Globalization;
using System.Text.RegularExpressions;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.ServiceDefaults.Domain;

namespace PropertyPlatform.Notifications.Routing;

/// <summary>
/// Fills a template's <c>{Field}</c> placeholders with the event's values, written for readers: times in the property's
/// local time, dates as yyyy-MM-dd, amounts with two decimals, yes/no (是/否). An unknown or empty field reads as nothing.
/// </summary>
public static partial class TemplateRenderer
{
    public static MessageText Render<TEvent>(EventTemplate template, TEvent message, PropertyCalendar calendar)
        where TEvent : notnull
    {
        var zh = Fill(template.TitleZhCn, message, calendar, Language.ZhCn);
        var en = Fill(template.TitleEn, message, calendar, Language.En);
        // A body that comes out empty (only optional fields) still needs a line: the title says it all.
        var bodyZh = Fill(template.BodyZhCn, message, calendar, Language.ZhCn);
        var bodyEn = Fill(template.BodyEn, message, calendar, Language.En);
        return new MessageText(
            Cut(zh, MessageText.TitleMaxLength), Cut(string.IsNullOrWhiteSpace(bodyZh) ? zh : bodyZh, MessageText.BodyMaxLength),
            Cut(en, MessageText.TitleMaxLength), Cut(string.IsNullOrWhiteSpace(bodyEn) ? en : bodyEn, MessageText.BodyMaxLength));
    }

    /// <summary>A link with its placeholders filled, e.g. <c>/api/reception/visits/{VisitId}</c>.</summary>
    public static string Link<TEvent>(string template, TEvent message)
        where TEvent : notnull => Placeholder().Replace(template, m => Uri.EscapeDataString(Value(message, m.Groups[1].Value, null, Language.En)));

    public static string Fill<TEvent>(string template, TEvent message, PropertyCalendar? calendar, Language language)
        where TEvent : notnull => Placeholder().Replace(template, m => Value(message, m.Groups[1].Value, calendar, language)).Trim();

    private static string Value<TEvent>(TEvent message, string field, PropertyCalendar? calendar, Language language)
        where TEvent : notnull
    {
        var value = message.GetType().GetProperty(field)?.GetValue(message);
        var zh = language == Language.ZhCn;
        return value switch
        {
            null => "",
            string s => s.Trim(),
            DateTimeOffset t when calendar is not null => zh ? MessageFormat.DueZh(calendar.LocalTime(t)) : MessageFormat.DueEn(calendar.LocalTime(t)),
            DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            decimal m => m.ToString("0.00", CultureInfo.InvariantCulture),
            bool b => zh ? (b ? "是" : "否") : (b ? "yes" : "no"),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
