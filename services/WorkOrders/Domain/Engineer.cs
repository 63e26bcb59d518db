using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Domain;

namespace PropertyPlatform.WorkOrders.Domain;

/// <summary>
/// WorkOrders' copy of a member of staff in one property, fed by Directory's <see cref="StaffChanged"/> and filled from
/// its staff feed (<see cref="StaffRecord"/>): whom the front desk may dispatch an order to, and the name the timeline
/// shows. Events and feed records may arrive in any order: only a newer version of the staff record replaces the copy's.
/// </summary>
public sealed class Engineer
{
    private Engineer()
    {
    }

    /// <summary>The person id: the same id as the access token's subject and the work order's assignee.</summary>
    public Guid PersonId { get; private set; }

    public Guid PropertyId { get; private set; }

    public string Name { get; private set; } = "";

    public string Phone { get; private set; } = "";

    /// <summary>Assigned to the property with the engineer role.</summary>
    public bool CanBeDispatched { get; private set; }

    /// <summary>When Directory made the state held. Null for copies made before versions were kept (older than any).</summary>
    public DateTimeOffset? Version { get; private set; }

    public static Engineer From(StaffChanged changed)
    {
        var engineer = new Engineer { PersonId = changed.StaffId, PropertyId = changed.PropertyId };
        engineer.Apply(changed);
        return engineer;
    }

    /// <summary>The staff member in <paramref name="propertyId"/>, first heard of from Directory's feed.</summary>
    public static Engineer From(StaffRecord record, Guid propertyId)
    {
        var engineer = new Engineer { PersonId = record.StaffId, PropertyId = propertyId };
        engineer.Apply(record);
        return engineer;
    }

    /// <summary>Takes the change unless the copy already holds this state or a newer one.</summary>
    public bool Apply(StaffChanged changed) =>
        Apply(changed.Name, changed.Phone, changed.AssignedToProperty, changed.Roles, changed.OccurredAt);

    /// <summary>Takes the record as Directory holds it now (in this property, or taken off it) unless the copy is as new or newer.</summary>
    public bool Apply(StaffRecord record) =>
        Apply(record.Name, record.Phone, record.PropertyIds.Contains(PropertyId), record.Roles, record.Version);

    private bool Apply(string name, string phone, bool assigned, IReadOnlyList<StaffRole> roles, DateTimeOffset version)
    {
        version = StoredTime.Of(version);
        if (Version is { } held && held >= version)
        {
            return false;
        }
        Name = name;
        Phone = phone;
        CanBeDispatched = assigned && roles.Contains(StaffRole.Engineer);
        Version = version;
        return true;
    }
}
