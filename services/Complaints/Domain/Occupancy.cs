using PropertyPlatform.Contracts.Directory;

namespace PropertyPlatform.Complaints.Domain;

/// <summary>
/// The local copy of Directory's occupancies (入伙 to 迁出), fed by its events: the monthly analysis divides justified
/// complaints by the units occupied (有效投诉率).
/// </summary>
public sealed class Occupancy
{
    private Occupancy()
    {
    }

    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    public Guid UnitId { get; private set; }

    public DateOnly StartDate { get; private set; }

    /// <summary>The last day the occupant held the unit; null while they still do.</summary>
    public DateOnly? EndDate { get; private set; }

    public static Occupancy From(OccupancyStarted started) =>
        new() { Id = started.OccupancyId, PropertyId = started.PropertyId, UnitId = started.UnitId, StartDate = started.StartDate };

    /// <summary>An end heard of before its start (events of two kinds may arrive out of order).</summary>
    public static Occupancy From(OccupancyEnded ended) =>
        new() { Id = ended.OccupancyId, PropertyId = ended.PropertyId, UnitId = ended.UnitId, StartDate = ended.StartDate, EndDate = ended.EndDate };

    public void End(DateOnly endDate) => EndDate = endDate;
}
