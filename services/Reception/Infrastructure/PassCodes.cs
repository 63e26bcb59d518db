using Microsoft.EntityFrameworkCore;
using Npgsql;
using PropertyPlatform.Reception.Domain;

namespace PropertyPlatform.Reception.Infrastructure;

/// <summary>
/// Draws pass codes that no active visit of the property holds. The check is a courtesy; the partial unique
/// index <c>ix_visits_active_pass_code</c> is the guarantee, and <see cref="IsClash"/> recognises its refusal.
/// </summary>
public static class PassCodes
{
    private const int Draws = 10;

    public static async Task<PassCode> DrawFreeAsync(ReceptionDbContext db, Guid propertyId, CancellationToken cancellationToken)
    {
        for (var draw = 0; draw < Draws; draw++)
        {
            var code = PassCode.New();
            var taken = await db.Visits.AnyAsync(
                v => v.PropertyId == propertyId && v.PassCode == code.Value
                    && (v.Status == VisitStatus.Expected || v.Status == VisitStatus.CheckedIn || v.Status == VisitStatus.AwaitingHost),
                cancellationToken);
            if (!taken)
            {
                return code;
            }
        }
        // With 10^8 codes this means something is badly wrong (e.g. a broken random source), not bad luck.
        throw new InvalidOperationException($"No free pass code found for property {propertyId} in {Draws} draws.");
    }

    public static bool IsClash(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "ix_visits_active_pass_code" };
}
