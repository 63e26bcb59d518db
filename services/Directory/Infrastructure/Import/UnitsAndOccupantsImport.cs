using System.Globalization;
using Columns = PropertyPlatform.Directory.Infrastructure.Import.ImportColumns;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Directory.Domain;
using PropertyPlatform.ServiceDefaults.Apis;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Directory.Infrastructure.Import;

public enum ImportRowStatus
{
    /// <summary>Everything the row describes was stored.</summary>
    Imported,
    /// <summary>The unit was registered before this import: the row changed nothing (re-importing a file is safe).</summary>
    AlreadyExists,
    /// <summary>The row has errors and nothing of it was stored.</summary>
    Rejected,
}

/// <summary>What happened to one row. <c>Errors</c> are keyed by column name (<c>row</c>: the row as a whole).</summary>
public sealed record ImportRowResult(
    int Row,
    ImportRowStatus Status,
    string? Building,
    string? UnitNumber,
    Guid? UnitId,
    Guid? OccupantId,
    Guid? OccupancyId,
    IReadOnlyDictionary<string, string[]> Errors);

public sealed record ImportReport(
    Guid PropertyId,
    int Rows,
    int Imported,
    int AlreadyExisting,
    int Rejected,
    IReadOnlyList<string> IgnoredColumns,
    IReadOnlyList<ImportRowResult> Results);

/// <summary>
/// Imports units and their occupants row by row. Each row is one transaction: its building (created when new),
/// unit, occupant (reused when the property already has one of that kind, name and phone or email) and
/// occupancy are stored together or not at all, so a bad row never half-imports and never stops the others.
/// A unit that existed before the import is reported and left alone; later rows of the same file may add
/// more occupants to a unit an earlier row created (e.g. an owner and a resident).
/// </summary>
public sealed class UnitsAndOccupantsImport(DirectoryDbContext db, TimeProvider time)
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd"];

    private static readonly Dictionary<string, UnitType> UnitTypeAliases = new()
    {
        ["写字间"] = UnitType.Office, ["写字楼"] = UnitType.Office, ["办公"] = UnitType.Office,
        ["商铺"] = UnitType.Shop, ["会所"] = UnitType.Clubhouse, ["库房"] = UnitType.Storage, ["仓库"] = UnitType.Storage,
        ["住宅"] = UnitType.Residence, ["车位"] = UnitType.ParkingSpace,
    };

    private static readonly Dictionary<string, OccupantKind> KindAliases = new()
    {
        ["个人"] = OccupantKind.Person, ["公司"] = OccupantKind.Company, ["企业"] = OccupantKind.Company, ["单位"] = OccupantKind.Company,
    };

    private static readonly Dictionary<string, OccupancyRole> RoleAliases = new()
    {
        ["业主"] = OccupancyRole.Owner, ["租户"] = OccupancyRole.Tenant, ["住户"] = OccupancyRole.Resident,
    };

    public async Task<ImportReport> RunAsync(Property property, ImportFile file, CancellationToken cancellationToken)
    {
        var createdUnits = new Dictionary<Guid, int>(); // unit id → the row that created it
        var results = new List<ImportRowResult>(file.Rows.Count);
        foreach (var row in file.Rows)
        {
            results.Add(await ImportRowAsync(property, row, createdUnits, cancellationToken));
        }

        return new ImportReport(
            property.Id, results.Count,
            results.Count(r => r.Status == ImportRowStatus.Imported),
            results.Count(r => r.Status == ImportRowStatus.AlreadyExists),
            results.Count(r => r.Status == ImportRowStatus.Rejected),
            file.IgnoredColumns, results);
    }

    private async Task<ImportRowResult> ImportRowAsync(
        Property property, ImportRow row, Dictionary<Guid, int> createdUnits, CancellationToken cancellationToken)
    {
        var errors = new Errors();
        var parsed = Parse(row, errors, PropertyCalendar.ChinaStandardTime.DayOf(time.GetUtcNow()));
        var building = row[Columns.Building];
        var number = row[Columns.UnitNumber];
        if (parsed is null)
        {
            return Rejected(row, errors);
        }

        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            var place = await db.Buildings.SingleOrDefaultAsync(b => b.PropertyId == property.Id && b.Name == parsed.Building, cancellationToken);
            if (place is null)
            {
                place = Building.Register(property, parsed.Building, now);
                db.Buildings.Add(place);
            }

            var unit = await db.Units.SingleOrDefaultAsync(u => u.BuildingId == place.Id && u.Number == parsed.UnitNumber, cancellationToken);
            if (unit is null)
            {
                unit = Unit.Register(place, parsed.UnitNumber, parsed.Floor, parsed.Type, parsed.ChargeableArea, now);
                db.Units.Add(unit);
            }
            else if (!createdUnits.TryGetValue(unit.Id, out var creatingRow))
            {
                return new ImportRowResult(row.Row, ImportRowStatus.AlreadyExists, building, number, unit.Id, null, null, Errors.None);
            }
            else if (unit.Floor != parsed.Floor || unit.Type != parsed.Type || unit.ChargeableArea != parsed.ChargeableArea)
            {
                errors.Add(Columns.UnitNumber, $"Row {creatingRow} already imported unit {unit.Number} of {place.Name} with another floor, type or area.");
                return Rejected(row, errors);
            }

            Occupant? occupant = null;
            Occupancy? occupancy = null;
            if (parsed.Occupant is { } who)
            {
                occupant = await FindOccupantAsync(property, who, cancellationToken)
                    ?? Occupant.Register(property, who.Kind, who.Name, who.Phone, who.Email, null, null, now);
                if (db.Entry(occupant).State == EntityState.Detached)
                {
                    db.Occupants.Add(occupant);
                }
                var current = await db.Occupancies.Where(o => o.UnitId == unit.Id && o.EndDate == null).ToListAsync(cancellationToken);
                occupancy = Occupancy.Start(unit, occupant, who.Role, who.MoveInDate, current, now);
                db.Occupancies.Add(occupancy);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            createdUnits.TryAdd(unit.Id, row.Row);
            return new ImportRowResult(row.Row, ImportRowStatus.Imported, building, number, unit.Id, occupant?.Id, occupancy?.Id, Errors.None);
        }
        catch (DomainRuleException ex)
        {
            errors.Add("row", ex.Message);
            return Rejected(row, errors);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            errors.Add("row", "Another change stored the same unit or occupancy at the same time; import the row again.");
            return Rejected(row, errors);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>An occupant the property already has: same kind and name, and the same phone (or email when no phone is given).</summary>
    private Task<Occupant?> FindOccupantAsync(Property property, OccupantFields who, CancellationToken cancellationToken)
    {
        var candidates = db.Occupants.Where(o => o.PropertyId == property.Id && o.Kind == who.Kind && o.Name == who.Name);
        candidates = who.Phone is { } phone
            ? candidates.Where(o => o.Phone == PhoneNumber.Normalize(phone))
            : candidates.Where(o => o.Phone == null && o.Email == who.Email);
        return candidates.OrderBy(o => o.RegisteredAt).ThenBy(o => o.Id).FirstOrDefaultAsync(cancellationToken);
    }

    private static RowFields? Parse(ImportRow row, Errors errors, DateOnly today)
    {
        if (row.Malformed)
        {
            errors.Add("row", "The row's quoting is malformed: a cell containing a quote must be quoted itself, with quotes doubled.");
        }

        var building = Required(row, Columns.Building, Building.NameMaxLength, errors);
        var number = Required(row, Columns.UnitNumber, Unit.NumberMaxLength, errors);
        int? floor = null;
        if (row[Columns.Floor] is not { } floorText)
        {
            errors.Add(Columns.Floor, "Required.");
        }
        else if (!int.TryParse(floorText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || !Unit.IsFloorAllowed(value))
        {
            errors.Add(Columns.Floor, $"Enter a whole floor number from {Unit.LowestFloor} to {Unit.HighestFloor} (basements are negative).");
        }
        else
        {
            floor = value;
        }
        var type = Choice(row, Columns.Type, UnitTypeAliases, errors, required: true);
        decimal? area = null;
        if (row[Columns.ChargeableArea] is not { } areaText)
        {
            errors.Add(Columns.ChargeableArea, "Required.");
        }
        else if (!decimal.TryParse(areaText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || !Unit.IsChargeableAreaAllowed(value))
        {
            errors.Add(Columns.ChargeableArea, $"Enter the chargeable area in m², above 0 and at most {Unit.MaxChargeableArea}, with at most two decimals.");
        }
        else
        {
            area = value;
        }

        var occupant = ParseOccupant(row, errors, today);
        return errors.Any || building is null || number is null || floor is null || type is null || area is null
            ? null
            : new RowFields(building, number, floor.Value, type.Value, area.Value, occupant);
    }

    /// <summary>The occupant columns: all blank for a vacant unit; otherwise name, kind, a contact, role and move-in date.</summary>
    private static OccupantFields? ParseOccupant(ImportRow row, Errors errors, DateOnly today)
    {
        string[] occupantColumns = [Columns.OccupantName, Columns.OccupantKind, Columns.Phone, Columns.Email, Columns.OccupancyRole, Columns.MoveInDate];
        if (occupantColumns.All(c => row[c] is null))
        {
            return null;
        }

        var name = Required(row, Columns.OccupantName, Occupant.NameMaxLength, errors);
        var kind = Choice(row, Columns.OccupantKind, KindAliases, errors, required: true);
        var phone = row[Columns.Phone];
        var email = row[Columns.Email];
        if (phone is null && email is null)
        {
            errors.Add(Columns.Phone, "Give a phone number or an email address.");
        }
        if (phone is not null && PhoneNumber.Problem(phone) is { } phoneProblem)
        {
            errors.Add(Columns.Phone, phoneProblem);
        }
        if (email is not null && EmailAddress.Problem(email) is { } emailProblem)
        {
            errors.Add(Columns.Email, emailProblem);
        }
        var role = Choice(row, Columns.OccupancyRole, RoleAliases, errors, required: true);
        if (role == OccupancyRole.Resident && kind == OccupantKind.Company)
        {
            errors.Add(Columns.OccupancyRole, "Only a person can be a resident; a company holds a unit as its owner or tenant.");
        }
        DateOnly? moveIn = null;
        if (row[Columns.MoveInDate] is not { } dateText)
        {
            errors.Add(Columns.MoveInDate, "Required.");
        }
        else if (!DateOnly.TryParseExact(dateText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(Columns.MoveInDate, "Enter the date as yyyy-mm-dd, e.g. 2026-03-01.");
        }
        else if (Occupancy.StartDateProblem(date, today) is { } dateProblem)
        {
            errors.Add(Columns.MoveInDate, dateProblem);
        }
        else
        {
            moveIn = date;
        }

        return name is null || kind is null || role is null || moveIn is null
            ? null
            : new OccupantFields(name, kind.Value, phone, email, role.Value, moveIn.Value);
    }

    private static string? Required(ImportRow row, string column, int maxLength, Errors errors)
    {
        if (row[column] is not { } value)
        {
            errors.Add(column, "Required.");
            return null;
        }
        if (value.Length > maxLength)
        {
            errors.Add(column, $"At most {maxLength} characters.");
            return null;
        }
        return value;
    }

    /// <summary>An enum cell, as the API spells it (<c>parking_space</c>) or by its Chinese name (车位).</summary>
    private static TEnum? Choice<TEnum>(ImportRow row, string column, Dictionary<string, TEnum> aliases, Errors errors, bool required)
        where TEnum : struct, Enum
    {
        var text = row[column];
        if (text is null)
        {
            if (required)
            {
                errors.Add(column, "Required.");
            }
            return null;
        }
        if (aliases.TryGetValue(text, out var alias))
        {
            return alias;
        }
        if (QueryEnum.TryParse<TEnum>(text, out var parsed) && parsed is { } value)
        {
            return value;
        }
        errors.Add(column, $"Unknown value '{text}'; use one of: {QueryEnum.AllowedValues<TEnum>()} (or {string.Join(", ", aliases.Keys)}).");
        return null;
    }

    private static ImportRowResult Rejected(ImportRow row, Errors errors) =>
        new(row.Row, ImportRowStatus.Rejected, row[Columns.Building], row[Columns.UnitNumber], null, null, null, errors.ToDictionary());

    private sealed record RowFields(string Building, string UnitNumber, int Floor, UnitType Type, decimal ChargeableArea, OccupantFields? Occupant);

    private sealed record OccupantFields(string Name, OccupantKind Kind, string? Phone, string? Email, OccupancyRole Role, DateOnly MoveInDate);

    private sealed class Errors
    {
        public static readonly IReadOnlyDictionary<string, string[]> None = new Dictionary<string, string[]>();

        private readonly Dictionary<string, List<string>> _byColumn = [];

        public bool Any => _byColumn.Count > 0;

        public void Add(string column, string message)
        {
            if (!_byColumn.TryGetValue(column, out var messages))
            {
                _byColumn[column] = messages = [];
            }
            messages.Add(message);
        }

        public IReadOnlyDictionary<string, string[]> ToDictionary() => _byColumn.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }
}
