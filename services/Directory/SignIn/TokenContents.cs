using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Directory.Domain;
using PropertyPlatform.Directory.Infrastructure;
using PropertyPlatform.ServiceDefaults.Auth;

namespace PropertyPlatform.Directory.SignIn;

/// <summary>
/// What a token says about its account, read from the records when it is issued (sign-in and every refresh), so a
/// staff member's new properties or an occupant's move-in or move-out reach their next token (within the access
/// token's lifetime): a staff member's roles and properties from their staff record; an occupant person's units from
/// the current occupancies of themselves and of the company they work for. An account of neither (the bootstrap
/// administrator) keeps the roles and scope stored with it.
/// </summary>
public sealed class TokenContents(DirectoryDbContext db)
{
    public async Task<AccessTokenContent> ForAsync(Account account, CancellationToken cancellationToken)
    {
        var staff = await db.Staff.AsNoTracking().SingleOrDefaultAsync(s => s.Id == account.PersonId, cancellationToken);
        if (staff is not null)
        {
            return account.TokenContentFor(staff);
        }

        var person = await db.Occupants.AsNoTracking()
            .SingleOrDefaultAsync(o => o.Id == account.PersonId && o.Kind == OccupantKind.Person, cancellationToken);
        if (person is not null)
        {
            Guid[] holders = person.CompanyId is { } companyId ? [person.Id, companyId] : [person.Id];
            var units = await db.Occupancies
                .Where(o => o.EndDate == null && holders.Contains(o.OccupantId))
                .Select(o => o.UnitId)
                .ToListAsync(cancellationToken);
            return account.TokenContentFor(person, units);
        }

        return account.TokenContent();
    }
}
