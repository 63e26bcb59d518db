using System.Collections;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PropertyPlatform.Directory.Domain;
using PropertyPlatform.ServiceDefaults.Domain;

namespace PropertyPlatform.Directory.Infrastructure.Auditing;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every added or changed occupant, staff member, occupancy and signer
/// authorisation, and for an account's creation, disabling, enabling and password change, in the same save as the
/// change: no endpoint can forget it and a failed save leaves neither. Values come from EF's change tracker; the
/// encrypted ID number and the password hash are never written, the masked ID number is. Sign-in bookkeeping (wrong
/// passwords, lockout, rehashing) is not an audited change.
/// </summary>
internal sealed class AuditInterceptor(AuditActor actor, TimeProvider time) : SaveChangesInterceptor
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Secrets, what only signing in changes, and the record's version (the audit entry's time says when).
    private static readonly HashSet<string> NeverWritten =
    [
        nameof(Occupant.IdNumberCiphertext), nameof(Account.PasswordHash), nameof(Account.NormalizedUserName),
        nameof(Account.FailedSignIns), nameof(Account.LockedUntil), nameof(StaffMember.ChangedAt),
    ];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext? context)
    {
        if (context is not DirectoryDbContext db)
        {
            return;
        }

        db.ChangeTracker.DetectChanges();
        var changed = db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var now = StoredTime.Of(time.GetUtcNow());
        var (actorId, actorName) = actor.Current;
        foreach (var entry in changed)
        {
            var added = entry.State == EntityState.Added;
            Subject[] subjects = entry.Entity switch
            {
                Occupant o => [new("occupant", o.Id, "occupant", o.Id, added ? "occupant_registered" : "occupant_changed")],
                StaffMember s => [new("staff", s.Id, "staff", s.Id, added ? "staff_registered" : "staff_changed")],
                Occupancy o => [new("occupant", o.OccupantId, "occupancy", o.Id, added ? "occupancy_started" : "occupancy_ended")],
                // Both records show it: the company's list of signers and the person who may sign.
                AuthorisedSigner s =>
                [
                    new("occupant", s.CompanyId, "signer", s.Id, added ? "signer_authorised" : "signer_withdrawn"),
                    new("occupant", s.PersonId, "signer", s.Id, added ? "signer_authorised" : "signer_withdrawn"),
                ],
                // Shown on the person's record, staff or occupant (AuditEntryView.PageAsync).
                Account a => [new("account", a.PersonId, "account", a.Id, AccountAction(entry, a, added))],
                _ => [],
            };
            if (subjects.Length == 0)
            {
                continue;
            }

            var changes = Changes(entry, added);
            if (changes.Count == 0)
            {
                continue;
            }
            var json = JsonSerializer.Serialize(changes, Json);
            foreach (var (subjectType, subjectId, entityType, entityId, action) in subjects)
            {
                db.AuditEntries.Add(new AuditEntry
                {
                    Id = Guid.CreateVersion7(now),
                    SubjectType = subjectType,
                    SubjectId = subjectId,
                    EntityType = entityType,
                    EntityId = entityId,
                    Action = action,
                    ActorId = actorId,
                    Actor = actorName,
                    At = now,
                    Changes = json,
                });
            }
        }
    }

    private static string AccountAction(EntityEntry entry, Account account, bool added) =>
        added ? "account_created"
        : entry.Property(nameof(Account.DisabledAt)).IsModified ? (account.IsDisabled ? "account_disabled" : "account_enabled")
        : entry.Property(nameof(Account.PasswordChangedAt)).IsModified ? "password_changed"
        : "account_changed";

    private readonly record struct Subject(string SubjectType, Guid SubjectId, string EntityType, Guid EntityId, string Action);

    private static List<FieldChange> Changes(EntityEntry entry, bool added)
    {
        var changes = new List<FieldChange>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (property.Metadata.IsShadowProperty() || property.Metadata.IsPrimaryKey() || NeverWritten.Contains(name)
                || (!added && !property.IsModified))
            {
                continue;
            }

            var before = added ? null : Format(property.OriginalValue);
            var after = Format(property.CurrentValue);
            if (before != after)
            {
                changes.Add(new FieldChange(FieldName(name), before, after));
            }
        }
        return changes;
    }

    /// <summary>Field names as the API writes them; the masked ID number is simply the record's ID number.</summary>
    private static string FieldName(string property) =>
        property == nameof(Occupant.IdNumberMasked) ? "idNumber" : JsonNamingPolicy.CamelCase.ConvertName(property);

    private static string? Format(object? value) => value switch
    {
        null => null,
        string text => text,
        Enum e => JsonNamingPolicy.SnakeCaseLower.ConvertName(e.ToString()),
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IEnumerable items => string.Join(", ", items.Cast<object?>().Select(Format)),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
