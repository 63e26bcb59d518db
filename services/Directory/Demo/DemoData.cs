using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Directory.Domain;
using PropertyPlatform.Directory.Infrastructure;
using PropertyPlatform.Directory.Infrastructure.DataProtection;
using PropertyPlatform.Directory.SignIn;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Domain;
using static PropertyPlatform.Directory.Demo.DemoCatalogue;

namespace PropertyPlatform.Directory.Demo;

/// <summary>What a load of the demo data did: loaded it now, or found it there already.</summary>
public sealed record DemoLoadResult(
    bool Loaded, Guid PropertyId, string PropertyName, int Buildings, int Units, int Occupants, int Occupancies, int Staff,
    IReadOnlyList<string> Accounts, IReadOnlyList<string> AccountsAlreadyTaken);

/// <summary>
/// Loads the demo property (<see cref="DemoCatalogue"/>) with one account per role, all with <see cref="Password"/>.
/// One transaction, under a lock: the property's name is the mark, so a second load (another replica, the start-up
/// and the endpoint at once) finds it and adds nothing. Accounts are made through <see cref="AccountRegistration"/>;
/// a user name already taken (e.g. the bootstrap <c>admin</c>) is left as it is.
/// </summary>
public sealed class DemoData(DirectoryDbContext db, AccountRegistration accounts, IdNumberProtector protector, TimeProvider time)
{
    /// <summary>The demo accounts' password: it exists only where demo mode loaded them.</summary>
    public const string Password = "Demo@12345";

    private const long LoadLockKey = 0x64656d6f64617461; // "demodata"

    public async Task<DemoLoadResult> LoadAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LoadLockKey})", cancellationToken);

        var existing = await db.Properties.AsNoTracking().Where(p => p.Name == PropertyName).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is { } existingId)
        {
            return await DescribeAsync(existingId, loaded: false, [], cancellationToken);
        }

        var now = time.GetUtcNow();
        var property = Property.Register(PropertyName, PropertyType.OfficeTower, PropertyAddress, now);
        db.Properties.Add(property);
        var buildings = new[] { BuildingA, BuildingB }.ToDictionary(name => name, name => Building.Register(property, name, now));
        db.Buildings.AddRange(buildings.Values);
        var units = Units.ToDictionary(
            u => $"{u.Building}/{u.Number}", u => Unit.Register(buildings[u.Building], u.Number, u.Floor, u.Type, u.Area, now));
        db.Units.AddRange(units.Values);

        var occupancies = new List<Occupancy>();
        void MoveIn(string unit, Occupant occupant, OccupancyRole role, DateOnly since) =>
            occupancies.Add(Occupancy.Start(units[unit], occupant, role, since, occupancies, now));

        var phone = 0;
        var people = new Dictionary<string, Occupant>();
        foreach (var owner in Owners)
        {
            var idNumber = protector.Protect(IdentityDocument.Create(IdDocumentType.ResidentIdCard, IdCardNumber(owner.Born, 100 + ++phone)));
            var person = Occupant.Register(property, OccupantKind.Person, owner.Name, Mobile(phone), null, idNumber, null, now);
            db.Occupants.Add(person);
            people[owner.Name] = person;
            MoveIn(owner.Unit, person, OccupancyRole.Owner, owner.Since);
        }

        var companies = new Dictionary<string, Occupant>();
        foreach (var demo in Companies)
        {
            var company = Occupant.Register(property, OccupantKind.Company, demo.Name, demo.Phone, demo.Email, null, null, now);
            db.Occupants.Add(company);
            companies[demo.Name] = company;
            foreach (var unit in demo.Units)
            {
                MoveIn(unit, company, demo.Role, demo.Since);
            }
            foreach (var (name, index) in demo.Staff.Select((name, index) => (name, index)))
            {
                var person = Occupant.Register(
                    property, OccupantKind.Person, name, Mobile(++phone), name == OccupantPerson ? OccupantEmail : null, null, company, now);
                db.Occupants.Add(person);
                people[name] = person;
                if (index < demo.Signers)
                {
                    company.AuthoriseSigner(person, now);
                }
            }
        }

        // The developer owns whatever no one else owns.
        var developer = companies[Developer];
        var owned = occupancies.Where(o => o.Role == OccupancyRole.Owner).Select(o => o.UnitId).ToHashSet();
        foreach (var (key, unit) in units.Where(u => !owned.Contains(u.Value.Id)))
        {
            MoveIn(key, developer, OccupancyRole.Owner, new DateOnly(2022, 6, 30));
        }
        db.Occupancies.AddRange(occupancies);

        var staffMembers = new List<(DemoStaff Demo, StaffMember Member)>();
        foreach (var demo in Staff)
        {
            var member = StaffMember.Register(
                demo.Name, Mobile(500 + staffMembers.Count), demo.Department, [demo.Role], [property.Id], now, $"{demo.UserName}@{StaffEmailDomain}");
            db.Staff.Add(member);
            staffMembers.Add((demo, member));
        }
        await db.SaveChangesAsync(cancellationToken);

        // The occupant sees the units their company holds now.
        var occupantPerson = people[OccupantPerson];
        var companyUnits = occupancies.Where(o => o.OccupantId == companies[OccupantCompany].Id && o.IsCurrent).Select(o => o.UnitId).ToArray();
        var newAccounts = staffMembers
            .Select(s => new NewAccount(
                s.Demo.UserName, Password, s.Member.Id, s.Member.Name, [s.Demo.UserName],
                s.Demo.UserName == Roles.Admin ? AccountScope.Everything : AccountScope.Properties(property.Id)))
            .Append(new NewAccount(Roles.Occupant, Password, occupantPerson.Id, occupantPerson.Name, [Roles.Occupant], AccountScope.Units([property.Id], companyUnits)));
        var taken = new List<string>();
        foreach (var account in newAccounts)
        {
            if (await db.Accounts.AnyAsync(a => a.NormalizedUserName == Account.Normalize(account.UserName), cancellationToken))
            {
                taken.Add(account.UserName);
                continue;
            }
            await accounts.RegisterAsync(account, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return await DescribeAsync(property.Id, loaded: true, taken, cancellationToken);
    }

    private async Task<DemoLoadResult> DescribeAsync(Guid propertyId, bool loaded, List<string> taken, CancellationToken cancellationToken)
    {
        var userNames = UserNames.Select(Account.Normalize).ToList();
        return new DemoLoadResult(
            loaded,
            propertyId,
            PropertyName,
            await db.Buildings.CountAsync(b => b.PropertyId == propertyId, cancellationToken),
            await db.Units.CountAsync(u => u.PropertyId == propertyId, cancellationToken),
            await db.Occupants.CountAsync(o => o.PropertyId == propertyId, cancellationToken),
            await db.Occupancies.CountAsync(o => o.PropertyId == propertyId, cancellationToken),
            await db.Staff.CountAsync(s => s.PropertyIds.Contains(propertyId), cancellationToken),
            await db.Accounts.Where(a => userNames.Contains(a.NormalizedUserName)).OrderBy(a => a.UserName).Select(a => a.UserName).ToListAsync(cancellationToken),
            taken);
    }
}
