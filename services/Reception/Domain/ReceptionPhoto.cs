using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Photos;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Reception.Domain;

/// <summary>
/// A photo of the goods on an exit pass (the tenant's application, checked by the guard at the gate) or of a found item
/// (registered with it), kept in Reception's database so a photo and its record's photo count commit together. Created
/// only through <see cref="ExitPass.AddPhotos"/> and <see cref="LostItem.AddPhotos"/>.
/// </summary>
public sealed class ReceptionPhoto
{
    /// <summary>Photos a pass or a found item keeps: six of 5 MB fit one upload through the gateway.</summary>
    public const int MaxPhotos = 6;

    private ReceptionPhoto()
    {
    }

    public Guid Id { get; private set; }

    public PhotoSubject Subject { get; private set; }

    /// <summary>The exit pass or the lost item the photo belongs to.</summary>
    public Guid SubjectId { get; private set; }

    /// <summary>1 for the record's first photo, then one more per photo: the order they were added in.</summary>
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

    /// <summary>
    /// The photos of one upload for a record that has <paramref name="photoCount"/> already: all of them or none (every
    /// file is checked first), and never more than <see cref="MaxPhotos"/> in all.
    /// </summary>
    internal static IReadOnlyList<ReceptionPhoto> Take(
        PhotoSubject subject, Guid subjectId, int photoCount, IReadOnlyList<PhotoFile> files, Actor by, DateTimeOffset now)
    {
        if (files.Count == 0)
        {
            throw new DomainRuleException("At least one photo is required.");
        }
        if (photoCount + files.Count > MaxPhotos)
        {
            throw new DomainRuleException(
                $"At most {MaxPhotos} photos are kept; there are {photoCount}, so {MaxPhotos - photoCount} more can be added.");
        }
        now = StoredTime.Of(now.ToUniversalTime());
        return files.Select((file, i) =>
        {
            var photo = file.Check();
            return new ReceptionPhoto
            {
                Id = Guid.CreateVersion7(now),
                Subject = subject,
                SubjectId = subjectId,
                Sequence = photoCount + i + 1,
                ContentType = photo.ContentType,
                Size = photo.Size,
                Sha256 = photo.Sha256,
                FileName = photo.FileName,
                UploadedById = by.PersonId,
                UploadedByName = by.Name,
                UploadedAt = now,
                Content = photo.Content,
            };
        }).ToList();
    }
}

public enum PhotoSubject
{
    ExitPass,
    LostItem,
}
