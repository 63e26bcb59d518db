namespace PropertyPlatform.ServiceDefaults.LocalCopies;

/// <summary>
/// A service's copy of one kind of Directory record (units, staff) that <see cref="LocalCopyFill{TRecord}"/> fills
/// from Directory's feed <c>/feeds/{Feed}</c> when it is empty or behind. Registered scoped, with the service's DbContext.
/// </summary>
public interface ILocalCopy<in TRecord>
{
    /// <summary>The feed's name in Directory, e.g. <c>units</c>.</summary>
    string Feed { get; }

    Task<LocalCopyState> ReadStateAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Applies a page of records as they are in Directory now. Must be idempotent and leave alone any record whose
    /// copy is as new or newer (an event overtook the read); a concurrent event's write may make it throw, and the
    /// page is then applied again.
    /// </summary>
    Task ApplyAsync(IReadOnlyList<TRecord> records, CancellationToken cancellationToken);
}

/// <summary>
/// How much a copy holds: how many records, the newest version among them, and whether any record predates versions
/// (then its state cannot be compared, and the whole feed is read once).
/// </summary>
public sealed record LocalCopyState(int Count, DateTimeOffset? Latest, bool HasUnversioned);
