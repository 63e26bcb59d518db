using System.Security.Cryptography;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.WorkOrders.Domain;

/// <summary>
/// A photo of a work order (the fault at intake, the work, the finished job), kept in the order's database so a
/// photo and the order's photo count commit together. Created only through <see cref="WorkOrder.AddPhotos"/>.
/// </summary>
public sealed class WorkOrderPhoto
{
    /// <summary>5 MB: a phone photo fits; anything larger is refused rather than resized.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    public const int FileNameMaxLength = 255;

    private WorkOrderPhoto()
    {
    }

    public Guid Id { get; private set; }

    public Guid WorkOrderId { get; private set; }

    /// <summary>1 for the order's first photo, then one more per photo: the order they were added in.</summary>
    public int Sequence { get; private set; }

    /// <summary>What the bytes are (<see cref="PhotoFormat"/>), whatever the uploader declared.</summary>
    public string ContentType { get; private set; } = "";

    public int Size { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the content; the photo never changes, so it is also its entity tag.</summary>
    public string Sha256 { get; private set; } = "";

    public string? FileName { get; private set; }

    public PhotoStage Stage { get; private set; }

    public Guid UploadedById { get; private set; }

    public string UploadedByName { get; private set; } = "";

    public DateTimeOffset UploadedAt { get; private set; }

    public byte[] Content { get; private set; } = [];

    internal static WorkOrderPhoto Create(Guid workOrderId, int sequence, PhotoFile file, PhotoStage stage, Actor by, DateTimeOffset now)
    {
        if (file.Content.Length > MaxBytes)
        {
            throw new DomainRuleException($"A photo may be at most {MaxBytes / 1024 / 1024} MB.");
        }
        var contentType = PhotoFormat.Detect(file.Content)
            ?? throw new DomainRuleException($"Only {PhotoFormat.Accepted} photos are accepted.");

        var fileName = string.IsNullOrWhiteSpace(file.FileName) ? null : Path.GetFileName(file.FileName.Trim());
        return new WorkOrderPhoto
        {
            Id = Guid.CreateVersion7(now),
            WorkOrderId = workOrderId,
            Sequence = sequence,
            ContentType = contentType,
            Size = file.Content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(file.Content)),
            FileName = fileName is { Length: > FileNameMaxLength } ? fileName[..FileNameMaxLength] : fileName,
            Stage = stage,
            UploadedById = by.PersonId,
            UploadedByName = by.Name,
            UploadedAt = now,
            Content = file.Content,
        };
    }
}

/// <summary>A file as uploaded: its bytes and, when the client gave it, its name.</summary>
public sealed record PhotoFile(byte[] Content, string? FileName = null);

/// <summary>When in the order's life a photo was taken.</summary>
public enum PhotoStage
{
    /// <summary>The fault as reported (报修).</summary>
    Intake,

    /// <summary>During the work.</summary>
    Work,

    /// <summary>The finished job (完工).</summary>
    Completion,
}

/// <summary>
/// The photo formats accepted, recognised by their magic bytes: a declared content type or file name is only
/// the client's word, and a renamed file must not be served back as an image.
/// </summary>
public static class PhotoFormat
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string WebP = "image/webp";

    public const string Accepted = "JPEG, PNG and WebP";

    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The content type the bytes are, or null when they are none of the accepted formats.</summary>
    public static string? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(JpegMagic))
        {
            return Jpeg;
        }
        if (content.StartsWith(PngMagic))
        {
            return Png;
        }
        // RIFF container: "RIFF", 4 bytes of length, then the form type "WEBP".
        if (content.Length >= 12 && content[..4].SequenceEqual("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }
        return null;
    }

    /// <summary>
    /// Whether a declared content type may name one of the accepted formats. A missing or generic type is let
    /// through to the check of the bytes; a specific other type (image/gif, text/plain) is refused at once.
    /// </summary>
    public static bool MayBeAccepted(string? declared) =>
        string.IsNullOrWhiteSpace(declared)
        || declared.Split(';')[0].Trim().ToLowerInvariant() is Jpeg or Png or WebP or "image/jpg" or "application/octet-stream";
}
