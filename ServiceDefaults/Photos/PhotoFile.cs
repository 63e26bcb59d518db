using System.Security.Cryptography;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.ServiceDefaults.Photos;

/// <summary>A file as uploaded: its bytes and, when the client gave it, its name.</summary>
public sealed record PhotoFile(byte[] Content, string? FileName = null)
{
    /// <summary>5 MB: a phone photo fits; anything larger is refused rather than resized.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    public const int FileNameMaxLength = 255;

    /// <summary>
    /// Checks the file as a photo to keep (size, format by its bytes) and says what to store: the detected content type,
    /// the SHA-256 that serves as its entity tag, and the file name without any folder. Throws <see cref="DomainRuleException"/>.
    /// </summary>
    public CheckedPhoto Check()
    {
        if (Content.Length > MaxBytes)
        {
            throw new DomainRuleException($"A photo may be at most {MaxBytes / 1024 / 1024} MB.");
        }
        var contentType = PhotoFormat.Detect(Content)
            ?? throw new DomainRuleException($"Only {PhotoFormat.Accepted} photos are accepted.");

        var fileName = string.IsNullOrWhiteSpace(FileName) ? null : Path.GetFileName(FileName.Trim());
        return new CheckedPhoto(
            contentType, Content.Length, Convert.ToHexStringLower(SHA256.HashData(Content)),
            fileName is { Length: > FileNameMaxLength } ? fileName[..FileNameMaxLength] : fileName, Content);
    }
}

/// <summary>A photo that passed <see cref="PhotoFile.Check"/>: what a service stores for it.</summary>
/// <param name="ContentType">What the bytes are (<see cref="PhotoFormat"/>), whatever the uploader declared.</param>
/// <param name="Size">The bytes' length.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the content; a photo never changes, so it is also its entity tag.</param>
/// <param name="FileName">The uploaded file's name without any folder, at most <see cref="PhotoFile.FileNameMaxLength"/> characters.</param>
/// <param name="Content">The bytes.</param>
public sealed record CheckedPhoto(string ContentType, int Size, string Sha256, string? FileName, byte[] Content);
