using PropertyPlatform.Contracts.Directory;

namespace PropertyPlatform.WorkOrders.Domain;

/// <summary>
/// WorkOrders' copy of a member of staff in one property, fed by Directory's <see cref="StaffChanged"/>: whom
/// the front desk may dispatch an order to, and the name the timeline shows.
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

    public static Engineer From(StaffChanged changed)
    {
        var engineer = new Engineer { PersonId = changed.StaffId, PropertyId = changed.PropertyId };
        engineer.Apply(changed);
        return engineer;
    }

    public void Apply(StaffChanged changed)
    {
        Name = changed.Name;
        Phone = changed.Phone;
        CanBeDispatched = changed.AssignedToProperty && changed.Roles.Contains(StaffRole.Engineer);
    }
}
