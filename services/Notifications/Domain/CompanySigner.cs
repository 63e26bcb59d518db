namespace PropertyPlatform.Notifications.Domain;

/// <summary>
/// Notifications' copy of a company's authorised signer (指定签名人), fed by Directory's signer events and its
/// <c>/feeds/signers</c>. A company does not sign in, so what is addressed to it also reaches its current signers.
/// </summary>
public sealed class CompanySigner
{
    private CompanySigner()
    {
    }

    /// <summary>The authorisation's id in Directory: a person named again gets a new one.</summary>
    public Guid SignerId { get; private set; }

    public Guid PropertyId { get; private set; }

    public Guid CompanyId { get; private set; }

    public Guid PersonId { get; private set; }

    /// <summary>When the authorisation was withdrawn; from then on the person no longer hears what the company is told.</summary>
    public DateTimeOffset? WithdrawnAt { get; private set; }

    /// <summary>The time of the latest announcement of the authorisation (its withdrawal once withdrawn).</summary>
    public DateTimeOffset Version { get; private set; }

    public bool IsCurrent => WithdrawnAt is null;

    public static CompanySigner For(Guid signerId) => new() { SignerId = signerId, Version = DateTimeOffset.MinValue };

    /// <summary>
    /// Takes the authorisation as Directory announced it at <paramref name="version"/>. A withdrawal is final (Directory
    /// names a person again under a new id), so neither a late authorisation nor an older read brings it back.
    /// </summary>
    public void Take(Guid propertyId, Guid companyId, Guid personId, DateTimeOffset? withdrawnAt, DateTimeOffset version)
    {
        (PropertyId, CompanyId, PersonId) = (propertyId, companyId, personId);
        WithdrawnAt ??= withdrawnAt;
        if (version > Version)
        {
            Version = version;
        }
    }
}
