namespace PropertyPlatform.Notifications.Domain;

/// <summary>
/// Notifications' own copy of how to reach a person (an occupant or a staff member), fed by Directory's events.
/// Email and phone are personal data: they are kept encrypted (<see cref="ProtectedValue"/>), with a masked form for
/// logs and support screens; only the sender decrypts them, right before sending.
/// </summary>
public sealed class Contact
{
    public const int NameMaxLength = 200;

    private Contact()
    {
    }

    /// <summary>The occupant's or staff member's id in Directory: the person id of their access token.</summary>
    public Guid PersonId { get; private set; }

    public string Name { get; private set; } = "";

    public string? EmailMasked { get; private set; }

    public string? EmailCiphertext { get; private set; }

    public string? PhoneMasked { get; private set; }

    public string? PhoneCiphertext { get; private set; }

    /// <summary>The units they hold and held (one row per occupancy), from Directory's occupancy events and feed.</summary>
    public List<ContactUnit> Units { get; private set; } = [];

    /// <summary>The <c>OccurredAt</c> of the Directory event this copy last took; older events change nothing.</summary>
    public DateTimeOffset Version { get; private set; }

    /// <summary>Whether Directory announced them as staff (filled from its staff feed on start).</summary>
    public bool IsStaff { get; private set; }

    public bool HasEmail => EmailCiphertext is not null;

    public bool HasPhone => PhoneCiphertext is not null;

    public static Contact For(Guid personId) => new() { PersonId = personId, Version = DateTimeOffset.MinValue };

    /// <summary>Takes the person's name and contacts as Directory announced them at <paramref name="version"/>, unless this copy is newer.</summary>
    public bool Apply(string name, ProtectedValue? email, ProtectedValue? phone, DateTimeOffset version, bool isStaff = false)
    {
        if (version < Version)
        {
            return false;
        }
        IsStaff |= isStaff;
        Name = name.Length > NameMaxLength ? name[..NameMaxLength] : name;
        (EmailMasked, EmailCiphertext) = (email?.Masked, email?.Ciphertext);
        (PhoneMasked, PhoneCiphertext) = (phone?.Masked, phone?.Ciphertext);
        Version = version;
        return true;
    }

    /// <summary>
    /// Takes an occupancy as Directory announced it at <paramref name="version"/>. An ended occupancy stays ended (it is
    /// kept, so a start that arrives late cannot bring it back), whatever order the event and the feed arrive in.
    /// </summary>
    public void Occupy(Guid occupancyId, Guid propertyId, Guid unitId, bool ended, DateTimeOffset version)
    {
        var unit = Units.Find(u => u.OccupancyId == occupancyId);
        if (unit is null)
        {
            Units.Add(new ContactUnit(occupancyId, propertyId, unitId, ended, version));
            return;
        }
        unit.Update(ended, version);
    }

    public void MoveIn(Guid occupancyId, Guid propertyId, Guid unitId, DateTimeOffset version) => Occupy(occupancyId, propertyId, unitId, false, version);

    public void MoveOut(Guid occupancyId, Guid propertyId, Guid unitId, DateTimeOffset version) => Occupy(occupancyId, propertyId, unitId, true, version);
}

/// <summary>A unit a person holds (or held, once <see cref="Ended"/>), by the occupancy that gave it to them.</summary>
public sealed class ContactUnit
{
    private ContactUnit()
    {
    }

    public ContactUnit(Guid occupancyId, Guid propertyId, Guid unitId, bool ended, DateTimeOffset version) =>
        (OccupancyId, PropertyId, UnitId, Ended, Version) = (occupancyId, propertyId, unitId, ended, version);

    public Guid OccupancyId { get; private set; }

    public Guid PropertyId { get; private set; }

    public Guid UnitId { get; private set; }

    /// <summary>Moved out: no longer told about the unit.</summary>
    public bool Ended { get; private set; }

    /// <summary>The time of the latest announcement of the occupancy (its move-out once ended, else its move-in).</summary>
    public DateTimeOffset Version { get; private set; }

    public void Update(bool ended, DateTimeOffset version)
    {
        Ended |= ended;
        if (version > Version)
        {
            Version = version;
        }
    }
}

/// <summary>A personal value as stored: its masked form and its ciphertext.</summary>
public sealed record ProtectedValue(string Masked, string Ciphertext)
{
    public const int MaskedMaxLength = 100;
    public const int CiphertextMaxLength = 500;
}
