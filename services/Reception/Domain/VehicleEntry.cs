using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Reception.Domain;

/// <summary>
/// An unfamiliar vehicle registered at the gate (陌生车辆登记): its plate, its driver, whom it visits and when it came
/// in and went out. A vehicle is on site from its entry until it leaves.
/// </summary>
public sealed class VehicleEntry
{
    public const int PlateMaxLength = 16;
    public const int NameMaxLength = 100;
    public const int PhoneMaxLength = 32;
    public const int PurposeMaxLength = 200;

    private VehicleEntry()
    {
    }

    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    /// <summary>Upper case, without spaces, dashes or the middle dot: 京A·12345 → 京A12345.</summary>
    public string PlateNumber { get; private set; } = "";

    public string DriverName { get; private set; } = "";

    public string? DriverPhone { get; private set; }

    /// <summary>The unit the driver visits, when there is one (a delivery to the management office has none).</summary>
    public Guid? HostUnitId { get; private set; }

    public string Purpose { get; private set; } = "";

    public DateTimeOffset EnteredAt { get; private set; }

    public string RecordedByName { get; private set; } = "";

    public DateTimeOffset? LeftAt { get; private set; }

    public bool IsOnSite => LeftAt is null;

    public static VehicleEntry Register(
        Guid propertyId, string plateNumber, string driverName, string? driverPhone, UnitCopy? hostUnit, string purpose, Actor guard,
        DateTimeOffset now)
    {
        var plate = NormalizePlate(plateNumber);
        if (plate is null)
        {
            throw new DomainRuleException("Enter the vehicle's plate number.");
        }
        if (string.IsNullOrWhiteSpace(driverName) || string.IsNullOrWhiteSpace(purpose))
        {
            throw new DomainRuleException("Record the driver's name and why the vehicle comes in.");
        }
        if (hostUnit is not null && hostUnit.PropertyId != propertyId)
        {
            throw new DomainRuleException("The host unit belongs to another property.");
        }

        now = StoredTime.Of(now.ToUniversalTime());
        return new VehicleEntry
        {
            Id = Guid.CreateVersion7(now),
            PropertyId = propertyId,
            PlateNumber = plate,
            DriverName = driverName.Trim(),
            DriverPhone = string.IsNullOrWhiteSpace(driverPhone) ? null : driverPhone.Trim(),
            HostUnitId = hostUnit?.Id,
            Purpose = purpose.Trim(),
            EnteredAt = now,
            RecordedByName = guard.Name,
        };
    }

    /// <summary>The vehicle drives out.</summary>
    public void Leave(DateTimeOffset now)
    {
        if (!IsOnSite)
        {
            throw new DomainRuleException("The vehicle has already left.");
        }
        LeftAt = StoredTime.Of(now.ToUniversalTime());
    }

    public static string? NormalizePlate(string? plate)
    {
        var normalized = string.Concat((plate ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-' && c != '·')).ToUpperInvariant();
        return normalized.Length == 0 ? null : normalized;
    }
}
