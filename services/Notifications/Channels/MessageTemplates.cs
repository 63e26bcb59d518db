using PropertyPlatform.Notifications.Domain;

namespace PropertyPlatform.Notifications.Channels;

/// <summary>
/// Frames an event's message (its title and body, written per event in both languages) for a channel, in the
/// recipient's language: an email with a greeting and a footer, an SMS as one short line with the platform's signature.
/// </summary>
public static class MessageTemplates
{
    public const int SmsMaxLength = 300;

    public static (string Subject, string Body) Render(Channel channel, MessageText text, Language language, string name)
    {
        var (title, body) = language == Language.En ? (text.TitleEn, text.BodyEn) : (text.TitleZhCn, text.BodyZhCn);
        if (channel == Channel.Sms)
        {
            var sms = language == Language.En ? $"[PropertyPlatform] {title}" : $"【物业平台】{title}";
            return (title, sms.Length > SmsMaxLength ? sms[..SmsMaxLength] : sms);
        }
        var greeting = string.IsNullOrWhiteSpace(name) ? (language == Language.En ? "Hello," : "您好：") : (language == Language.En ? $"Dear {name}," : $"{name}，您好：");
        var footer = language == Language.En
            ? "This message was sent by PropertyPlatform. You can choose your channels and quiet hours in the console under Notification preferences."
            : "此邮件由物业平台发送。您可在控制台“通知偏好”中设置接收渠道和免打扰时段。";
        return (title, $"{greeting}\n\n{title}\n{body}\n\n—\n{footer}");
    }
}
