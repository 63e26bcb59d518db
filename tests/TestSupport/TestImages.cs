namespace PropertyPlatform.TestSupport;

/// <summary>Tiny but valid images of each format (1×1 pixel), and files that only pretend to be photos.</summary>
public static class TestImages
{
    /// <summary>A baseline JPEG: one grey pixel, one DC and one AC Huffman code.</summary>
    public static byte[] Jpeg => Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQH/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAAP/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AP//Z");

    public static byte[] Png => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>A lossless WebP.</summary>
    public static byte[] WebP => Convert.FromBase64String("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    public static byte[] Gif => Convert.FromBase64String("R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==");

    public static byte[] Text => "这不是照片, only text saved as .jpg\n"u8.ToArray();

    /// <summary>A JPEG header padded to exactly <paramref name="size"/> bytes.</summary>
    public static byte[] JpegOfSize(int size)
    {
        var bytes = new byte[size];
        Jpeg.AsSpan(0, 20).CopyTo(bytes);
        return bytes;
    }
}
