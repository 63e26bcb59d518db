using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Notifications.Domain;

/// <summary>A message's title and body in every language the platform speaks; each must be written.</summary>
public sealed record MessageText
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 4000;

    public MessageText(string titleZhCn, string bodyZhCn, string titleEn, string bodyEn)
    {
        TitleZhCn = Checked(titleZhCn, TitleMaxLength, "Chinese title");
        BodyZhCn = Checked(bodyZhCn, BodyMaxLength, "Chinese body");
        TitleEn = Checked(titleEn, TitleMaxLength, "English title");
        BodyEn = Checked(bodyEn, BodyMaxLength, "English body");
    }

    public string TitleZhCn { get; }

    public string BodyZhCn { get; }

    public string TitleEn { get; }

    public string BodyEn { get; }

    private static string Checked(string? value, int maxLength, string what)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainRuleException($"A message needs its {what}.");
        }
        return trimmed.Length <= maxLength ? trimmed : throw new DomainRuleException($"A message's {what} is longer than {maxLength} characters.");
    }
}
