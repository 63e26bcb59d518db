using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Directory.Domain;

/// <summary>Checks the directory's entities share; they throw before anything is created.</summary>
internal static class Text
{
    /// <summary>Trimmed, so " A座 " and "A座" are the same building.</summary>
    public static string Required(string? value, int maxLength, string what)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainRuleException($"{what} is required.");
        }
        return trimmed.Length <= maxLength ? trimmed : throw new DomainRuleException($"{what} is longer than {maxLength} characters.");
    }

    /// <summary>Blank means "not given", so it is stored as null rather than as an empty string.</summary>
    public static string? Optional(string? value, int maxLength, string what)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }
        return trimmed.Length <= maxLength ? trimmed : throw new DomainRuleException($"{what} is longer than {maxLength} characters.");
    }

    public static TEnum Defined<TEnum>(TEnum value, string what) where TEnum : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new DomainRuleException($"'{value}' is not a known {what}.");
}
