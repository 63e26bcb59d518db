using Microsoft.EntityFrameworkCore;
using PropertyPlatform.ServiceDefaults.Domain;

namespace PropertyPlatform.Reception.Infrastructure;

/// <summary>
/// Encrypts the ID numbers stored in plain text before Reception encrypted them (visitors', lost-item claimants'):
/// the migration <c>ReceptionEncryptedIdsCardsBlocklistVehicles</c> moved them to the <c>unencrypted_id_number</c> columns, which SQL
/// cannot encrypt (the keys are Data Protection's), so this step does it at start, right after the migrations and
/// before anything is served, and empties the column. On an up-to-date database it costs two queries.
/// Replicas starting together may both encrypt a row; the last write wins and both ciphertexts read back the same.
/// </summary>
public sealed partial class IdNumberEncryption(IServiceScopeFactory scopes, ILogger<IdNumberEncryption> logger) : IHostedLifecycleService
{
    private const int BatchSize = 200;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReceptionDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<IdNumberProtector>();
        var count = 0;

        while (await db.Visits.Where(v => EF.Property<string?>(v, ReceptionDbContext.UnencryptedIdNumber) != null)
                   .Take(BatchSize).ToListAsync(cancellationToken) is { Count: > 0 } visits)
        {
            foreach (var visit in visits)
            {
                var entry = db.Entry(visit);
                var number = entry.Property<string?>(ReceptionDbContext.UnencryptedIdNumber).CurrentValue!;
                // The stored number was checked and normalised when it was entered; it is encrypted as it is.
                var protectedNumber = protector.ProtectStored(visit.IdType, number);
                entry.Property(v => v.IdNumberMasked).CurrentValue = protectedNumber.Masked;
                entry.Property(v => v.IdNumberCiphertext).CurrentValue = protectedNumber.Ciphertext;
                entry.Property<string?>(ReceptionDbContext.UnencryptedIdNumber).CurrentValue = null;
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            count += visits.Count;
        }

        while (await db.LostItems.Where(i => EF.Property<string?>(i, ReceptionDbContext.UnencryptedIdNumber) != null)
                   .Take(BatchSize).ToListAsync(cancellationToken) is { Count: > 0 } items)
        {
            foreach (var item in items)
            {
                var entry = db.Entry(item);
                var number = entry.Property<string?>(ReceptionDbContext.UnencryptedIdNumber).CurrentValue!;
                var protectedNumber = protector.ProtectStored(item.ClaimantIdType ?? IdDocumentType.Other, number);
                entry.Property(i => i.ClaimantIdNumberMasked).CurrentValue = protectedNumber.Masked;
                entry.Property(i => i.ClaimantIdNumberCiphertext).CurrentValue = protectedNumber.Ciphertext;
                entry.Property<string?>(ReceptionDbContext.UnencryptedIdNumber).CurrentValue = null;
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            count += items.Count;
        }

        if (count > 0)
        {
            LogEncrypted(logger, count);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Encrypted {Count} ID numbers stored before Reception encrypted them")]
    private static partial void LogEncrypted(ILogger logger, int count);
}
