namespace PropertyPlatform.ServiceDefaults.Photos;

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
