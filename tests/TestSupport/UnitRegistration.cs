using PropertyPlatform.Contracts.Directory;

namespace PropertyPlatform.TestSupport;

/// <summary>For services that keep the local copy of Directory's units (ServiceDefaults' UnitCopy).</summary>
public static class UnitRegistration
{
    /// <summary>Registers a unit the way Directory does: by publishing <see cref="UnitRegistered"/> with its event id as message id.</summary>
    public static async Task<UnitRegistered> RegisterUnitAsync<TProgram>(
        this ServiceApp<TProgram> app, string number = "1201", Guid? propertyId = null, UnitType type = UnitType.Office,
        decimal chargeableArea = 120.50m)
        where TProgram : class
    {
        var registered = new UnitRegistered(Guid.NewGuid(), DateTimeOffset.UtcNow, propertyId ?? Guid.NewGuid(), Guid.NewGuid(),
            Guid.NewGuid(), "A座", number, 12, type, chargeableArea);
        await app.PublishAsync(registered);
        return registered;
    }

    /// <summary>A change of <paramref name="unit"/> as Directory announces it: the whole unit, as it is now.</summary>
    public static UnitChanged ChangeOf(UnitRegistered unit, string? number = null, decimal? chargeableArea = null) => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, unit.PropertyId, unit.UnitId, unit.BuildingId, unit.BuildingName,
        number ?? unit.UnitNumber, unit.Floor, unit.Type, chargeableArea ?? unit.ChargeableArea);

    /// <summary>Units arrive by event; a service can only use one once it has its copy.</summary>
    public static Task WaitForUnitAsync<TProgram>(this ServiceApp<TProgram> app, Guid unitId)
        where TProgram : class =>
        Eventually.ReturnsAsync(() => app.ScalarAsync<long>($"SELECT count(*) FROM units WHERE id = '{unitId}'"), c => c == 1,
            ServiceApp<TProgram>.Patience);
}
