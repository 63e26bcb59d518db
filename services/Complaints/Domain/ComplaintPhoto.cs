using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Photos;

namespace PropertyPlatform.Complaints.Domain;

/// <summary>
/// A photo of what a complaint is about (the noise source, the dirty stairwell), kept in the complaints database so a
/// photo and the complaint's photo count commit together. Created only through <see cref="Complaint.AddPhotos"/>.
/// </summary>
public sealed class ComplaintPhoto
{
    private ComplaintPhoto()
    {
    }

    public Guid Id { get; private set; }

    public Guid ComplaintId { get; private set; }

    /// <summary>1 for the complaint's first photo, then one more per photo: the order they were added in.</summary>
    public int Sequence { get; private set; }

    /// <summary>What the bytes are (<see cref="PhotoFormat"/>), whatever the uploader declared.</summary>
    public string ContentType { get; private set; } = "";

    public int Size { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the content; the photo never changes, so it is also its entity tag.</summary>
    public string Sha256 { get; private set; } = "";

    public string? FileName { get; private set; }

    public Guid UploadedById { get; private set; }

    public string UploadedByName { get; private set; } = "";

    public DateTimeOffset UploadedAt { get; private set; }

    public byte[] Content { get; private set; } = [];

    internal static ComplaintPhoto Create(Guid complaintId, int sequence, PhotoFile file, Actor by, DateTimeOffset now)
    {
        var photo = file.Check();
        return new ComplaintPhoto
        {
            Id = Guid.CreateVersion7(now),
            ComplaintId = complaintId,
            Sequence = sequence,
            ContentType = photo.ContentType,
            Size = photo.Size,
            Sha256 = photo.Sha256,
            FileName = photo.FileName,
            UploadedById = by.PersonId,
            UploadedByName = by.Name,
            UploadedAt = now,
            Content = photo.Content,
        };
    }
}
