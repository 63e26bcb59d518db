using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Messaging;

namespace PropertyPlatform.Notifications.Contacts;

/// <summary>A company named a signer: from now on they hear what the company is told.</summary>
public sealed class AuthorisedSignerAddedConsumer(NotificationsDbContext db, TimeProvider time)
    : IdempotentConsumer<AuthorisedSignerAdded, NotificationsDbContext>(db, time)
{
    protected override async Task HandleAsync(AuthorisedSignerAdded message, CancellationToken cancellationToken) =>
        (await CompanySigners.FindOrAddAsync(Db, message.SignerId, cancellationToken))
            .Take(message.PropertyId, message.CompanyId, message.PersonId, null, message.OccurredAt);
}

/// <summary>A company withdrew a signer: they no longer hear what the company is told (what they were told stays theirs).</summary>
public sealed class AuthorisedSignerWithdrawnConsumer(NotificationsDbContext db, TimeProvider time)
    : IdempotentConsumer<AuthorisedSignerWithdrawn, NotificationsDbContext>(db, time)
{
    protected override async Task HandleAsync(AuthorisedSignerWithdrawn message, CancellationToken cancellationToken) =>
        (await CompanySigners.FindOrAddAsync(Db, message.SignerId, cancellationToken))
            .Take(message.PropertyId, message.CompanyId, message.PersonId, message.WithdrawnAt, message.OccurredAt);
}

/// <summary>
/// Companies' signers as filled from Directory's <c>/feeds/signers</c> on start when the copy is empty or behind: the demo
/// data's signers, for one, were announced before this service's queue existed.
/// </summary>
internal sealed class SignersFeed(NotificationsDbContext db) : ILocalCopy<SignerRecord>
{
    public string Feed => "signers";

    public async Task<LocalCopyState> ReadStateAsync(CancellationToken cancellationToken) =>
        new(
            await db.CompanySigners.CountAsync(cancellationToken),
            await db.CompanySigners.AnyAsync(cancellationToken) ? await db.CompanySigners.MaxAsync(s => s.Version, cancellationToken) : null,
            false);

    public async Task ApplyAsync(IReadOnlyList<SignerRecord> records, CancellationToken cancellationToken)
    {
        var ids = records.Select(r => r.SignerId).ToList();
        var known = await db.CompanySigners.Where(s => ids.Contains(s.SignerId)).ToDictionaryAsync(s => s.SignerId, cancellationToken);
        foreach (var record in records)
        {
            if (!known.TryGetValue(record.SignerId, out var signer))
            {
                signer = CompanySigner.For(record.SignerId);
                db.CompanySigners.Add(signer);
                known[record.SignerId] = signer;
            }
            signer.Take(record.PropertyId, record.CompanyId, record.PersonId, record.WithdrawnAt, record.Version);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}

internal static class CompanySigners
{
    public static async Task<CompanySigner> FindOrAddAsync(NotificationsDbContext db, Guid signerId, CancellationToken cancellationToken)
    {
        if (await db.CompanySigners.FindAsync([signerId], cancellationToken) is { } known)
        {
            return known;
        }
        var signer = CompanySigner.For(signerId);
        db.CompanySigners.Add(signer);
        return signer;
    }
}
