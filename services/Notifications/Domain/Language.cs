namespace PropertyPlatform.Notifications.Domain;

/// <summary>The languages messages are written in; Chinese is the default (DOMAIN.md).</summary>
public enum Language
{
    ZhCn,
    En,
}

public static class Languages
{
    public const Language Default = Language.ZhCn;

    /// <summary>The BCP 47 tag clients see and send, e.g. in <c>Content-Language</c>.</summary>
    public static string Tag(this Language language) => language switch
    {
        Language.En => "en",
        _ => "zh-CN",
    };

    /// <summary>zh, zh-CN, zh-Hans… → Chinese; en, en-GB… → English; anything else is not offered.</summary>
    public static Language? FromTag(string? tag)
    {
        var primary = tag?.Split('-', 2)[0].Trim();
        return primary?.ToLowerInvariant() switch
        {
            "zh" => Language.ZhCn,
            "en" => Language.En,
            _ => null,
        };
    }
}
