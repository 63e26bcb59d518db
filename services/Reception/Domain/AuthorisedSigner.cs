using PropertyPlatform.Contracts.Directory;

namespace PropertyPlatform.Reception.Domain;

/// <summary>
/// Reception's copy of a company's authorised signer (指定签名人), fed by Directory's <see cref="AuthorisedSignerAdded"/>
/// and <see cref="AuthorisedSignerWithdrawn"/>: the front desk checks exit passes against it.
/// </summary>
public sealed class AuthorisedSigner
{
    private AuthorisedSigner()
    {
    }

    public Guid SignerId { get; private set; }

    public Guid PropertyId { get; private set; }

    public Guid CompanyId { get; private set; }

    public Guid PersonId { get; private set; }

    public string PersonName { get; private set; } = "";

    public DateTimeOffset AuthorisedAt { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    public bool IsCurrentAt(DateTimeOffset now) => AuthorisedAt <= now && (WithdrawnAt is null || now < WithdrawnAt);

    public static AuthorisedSigner From(AuthorisedSignerAdded added) => new()
    {
        SignerId = added.SignerId,
        PropertyId = added.PropertyId,
        CompanyId = added.CompanyId,
        PersonId = added.PersonId,
        PersonName = added.PersonName,
        AuthorisedAt = added.AuthorisedAt.ToUniversalTime(),
    };

    /// <summary>A withdrawal that overtook its authorisation: the row is kept withdrawn, the name filled in when the authorisation arrives.</summary>
    public static AuthorisedSigner From(AuthorisedSignerWithdrawn withdrawn) => new()
    {
        SignerId = withdrawn.SignerId,
        PropertyId = withdrawn.PropertyId,
        CompanyId = withdrawn.CompanyId,
        PersonId = withdrawn.PersonId,
        AuthorisedAt = withdrawn.WithdrawnAt.ToUniversalTime(),
        WithdrawnAt = withdrawn.WithdrawnAt.ToUniversalTime(),
    };

    /// <summary>A signer as read from Directory's feed.</summary>
    public static AuthorisedSigner From(SignerRecord record)
    {
        var signer = new AuthorisedSigner { SignerId = record.SignerId };
        signer.Apply(record);
        return signer;
    }

    /// <summary>
    /// The feed's state of the signer; a withdrawal stays (withdrawals are final, and one that arrived as an event may
    /// be newer than the feed's page).
    /// </summary>
    public void Apply(SignerRecord record)
    {
        PropertyId = record.PropertyId;
        CompanyId = record.CompanyId;
        PersonId = record.PersonId;
        PersonName = record.PersonName;
        AuthorisedAt = record.AuthorisedAt.ToUniversalTime();
        WithdrawnAt ??= record.WithdrawnAt?.ToUniversalTime();
    }

    public void Apply(AuthorisedSignerAdded added)
    {
        PersonName = added.PersonName;
        AuthorisedAt = added.AuthorisedAt.ToUniversalTime();
    }

    public void Withdraw(DateTimeOffset withdrawnAt) => WithdrawnAt = withdrawnAt.ToUniversalTime();
}

/// <summary>Reception's copy of who occupies which unit (fed by Directory's occupancy events): whose signers count for a unit.</summary>
public sealed class Occupancy
{
    private Occupancy()
    {
    }

    public Guid OccupancyId { get; private set; }

    public Guid PropertyId { get; private set; }

    public Guid UnitId { get; private set; }

    public Guid OccupantId { get; private set; }

    public DateOnly StartDate { get; private set; }

    /// <summary>The last day held; null while current.</summary>
    public DateOnly? EndDate { get; private set; }

    public static Occupancy From(OccupancyStarted started) => new()
    {
        OccupancyId = started.OccupancyId,
        PropertyId = started.PropertyId,
        UnitId = started.UnitId,
        OccupantId = started.OccupantId,
        StartDate = started.StartDate,
    };

    public static Occupancy From(OccupancyEnded ended) => new()
    {
        OccupancyId = ended.OccupancyId,
        PropertyId = ended.PropertyId,
        UnitId = ended.UnitId,
        OccupantId = ended.OccupantId,
        StartDate = ended.StartDate,
        EndDate = ended.EndDate,
    };

    /// <summary>An occupancy as read from Directory's feed.</summary>
    public static Occupancy From(OccupancyRecord record) => new()
    {
        OccupancyId = record.OccupancyId,
        PropertyId = record.PropertyId,
        UnitId = record.UnitId,
        OccupantId = record.OccupantId,
        StartDate = record.StartDate,
        EndDate = record.EndDate,
    };

    public void End(DateOnly endDate) => EndDate = endDate;
}
