using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Notifications.Domain;

/// <summary>What a message is about, for choosing its channels.</summary>
public enum Category
{
    Repairs,
    Complaints,
    Billing,

    /// <summary>The front desk's and the gate's: visitors, keys, lost items, exit passes, access cards.</summary>
    Reception,
}

/// <summary>
/// How one person wants to hear: the channels per category (the inbox always), the language of email and SMS, and quiet
/// hours in their time zone during which email and SMS are held (escalations ignore them). Someone who never chose
/// gets <see cref="Default"/>: email for everything, no SMS, in Chinese, no quiet hours.
/// </summary>
public sealed class Preference
{
    public const string DefaultTimeZone = "Asia/Shanghai";

    private Preference()
    {
    }

    public Guid PersonId { get; private set; }

    public Language Language { get; private set; } = Languages.Default;

    public List<Category> EmailCategories { get; private set; } = [];

    public List<Category> SmsCategories { get; private set; } = [];

    /// <summary>Local start of quiet hours, e.g. 22:00; with <see cref="QuietUntil"/> (07:00) it may span midnight.</summary>
    public TimeOnly? QuietFrom { get; private set; }

    public TimeOnly? QuietUntil { get; private set; }

    public string TimeZone { get; private set; } = DefaultTimeZone;

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public static Preference Default(Guid personId) => new()
    {
        PersonId = personId,
        EmailCategories = [.. Enum.GetValues<Category>()],
    };

    public void Change(
        Language language, IEnumerable<Category> email, IEnumerable<Category> sms, TimeOnly? quietFrom, TimeOnly? quietUntil,
        string? timeZone, DateTimeOffset now)
    {
        if (quietFrom.HasValue != quietUntil.HasValue || (quietFrom is { } f && f == quietUntil))
        {
            throw new DomainRuleException("Quiet hours need both a start and a different end, or neither.");
        }
        var zone = string.IsNullOrWhiteSpace(timeZone) ? DefaultTimeZone : timeZone.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            throw new DomainRuleException($"'{zone}' is not a known time zone.");
        }
        Language = language;
        EmailCategories = [.. email.Distinct().Order()];
        SmsCategories = [.. sms.Distinct().Order()];
        (QuietFrom, QuietUntil, TimeZone) = (quietFrom, quietUntil, zone);
        UpdatedAt = now;
    }

    public bool Wants(Channel channel, Category category) =>
        (channel == Channel.Email ? EmailCategories : SmsCategories).Contains(category);

    /// <summary>When a message made at <paramref name="now"/> may go out: now, or the end of the quiet hours it falls in.</summary>
    public DateTimeOffset? QuietUntilAfter(DateTimeOffset now, bool escalation)
    {
        if (escalation || QuietFrom is not { } from || QuietUntil is not { } until)
        {
            return null;
        }
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var spansMidnight = from > until;
        var quiet = spansMidnight ? time >= from || time < until : time >= from && time < until;
        if (!quiet)
        {
            return null;
        }
        var endDay = DateOnly.FromDateTime(local.DateTime);
        if (spansMidnight && time >= from)
        {
            endDay = endDay.AddDays(1);
        }
        var endLocal = endDay.ToDateTime(until);
        return new DateTimeOffset(endLocal, zone.GetUtcOffset(endLocal));
    }
}
