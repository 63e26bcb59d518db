using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Photos;

namespace PropertyPlatform.WorkOrders.Domain;

/// <summary>
/// A photo of a work order (the fault at intake, the work, the finished job), kept in the order's database so a
/// photo and the order's photo count commit together. Created only through <see cref="WorkOrder.AddPhotos"/>.
/// </summary>
public sealed class WorkOrderPhoto
{
    /// <summary>5 MB (<see cref="PhotoFile.MaxBytes"/>): a phone photo fits; anything larger is refused rather than resized.</summary>
    public const int MaxBytes = PhotoFile.MaxBytes;

    public const int FileNameMaxLength = PhotoFile.FileNameMaxLength;

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
        var photo = file.Check();
        return new WorkOrderPhoto
        {
            Id = Guid.CreateVersion7(now),
            WorkOrderId = workOrderId,
            Sequence = sequence,
            ContentType = photo.ContentType,
            Size = photo.Size,
            Sha256 = photo.Sha256,
            FileName = photo.FileName,
            Stage = stage,
            UploadedById = by.PersonId,
            UploadedByName = by.Name,
            UploadedAt = now,
            Content = photo.Content,
        };
    }
}

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
