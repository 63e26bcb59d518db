using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Notifications.Domain;

/// <summary>
/// A message in a recipient's in-app inbox, caused by one integration event. Both languages are kept so
/// each reader sees it in their own; it is unread until first read, and the first read time is kept.
/// </summary>
public sealed class InboxEntry
{
    public const int LinkMaxLength = 300;

    private InboxEntry()
    {
    }

    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    /// <summary>See <see cref="Domain.Recipient.Key"/>; with <see cref="SourceEventId"/> it is unique.</summary>
    public string RecipientKey { get; private set; } = "";

    public RecipientRole? RecipientRole { get; private set; }

    public Guid? RecipientPersonId { get; private set; }

    public string TitleZhCn { get; private set; } = "";

    public string BodyZhCn { get; private set; } = "";

    public string TitleEn { get; private set; } = "";

    public string BodyEn { get; private set; } = "";

    /// <summary>Where the record the message is about can be opened, as a path on the gateway.</summary>
    public string Link { get; private set; } = "";

    /// <summary>The event that caused the message.</summary>
    public Guid SourceEventId { get; private set; }

    /// <summary>True when the message escalates something past its limit, for the reader to take up first.</summary>
    public bool Escalation { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the recipient first read it; null while unread.</summary>
    public DateTimeOffset? ReadAt { get; private set; }

    public bool IsRead => ReadAt is not null;

    /// <summary>Puts a new, unread message in <paramref name="recipient"/>'s inbox.</summary>
    public static InboxEntry Deliver(Recipient recipient, MessageText text, string link, Guid sourceEventId, DateTimeOffset now, bool escalation = false)
    {
        // A relative path keeps the link working behind whatever address the gateway has.
        if (string.IsNullOrWhiteSpace(link) || !link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal) || link.Length > LinkMaxLength)
        {
            throw new DomainRuleException($"A message's link must be a path starting with '/' of at most {LinkMaxLength} characters.");
        }
        if (sourceEventId == Guid.Empty)
        {
            throw new DomainRuleException("A message must name the event that caused it.");
        }

        return new InboxEntry
        {
            Id = Guid.CreateVersion7(now),
            PropertyId = recipient.PropertyId,
            RecipientKey = recipient.Key,
            RecipientRole = recipient.Role,
            RecipientPersonId = recipient.PersonId,
            TitleZhCn = text.TitleZhCn,
            BodyZhCn = text.BodyZhCn,
            TitleEn = text.TitleEn,
            BodyEn = text.BodyEn,
            Link = link,
            SourceEventId = sourceEventId,
            Escalation = escalation,
            CreatedAt = StoredTime.Of(now),
        };
    }

    /// <summary>Marks the message read; marking it again changes nothing, so "read at" stays the first time.</summary>
    /// <returns>True when this call marked it read.</returns>
    public bool MarkRead(DateTimeOffset now)
    {
        if (ReadAt is not null)
        {
            return false;
        }
        // A server clock a little behind the one that delivered it must not make it read before it arrived.
        ReadAt = now < CreatedAt ? CreatedAt : StoredTime.Of(now);
        return true;
    }

    public (string Title, string Body) TextIn(Language language) =>
        language == Language.En ? (TitleEn, BodyEn) : (TitleZhCn, BodyZhCn);
}
