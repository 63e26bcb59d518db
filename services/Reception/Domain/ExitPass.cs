using PropertyPlatform.Contracts.Reception;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Photos;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Reception.Domain;

/// <summary>
/// A goods exit pass (物资出门条): a tenant lists what will leave (items and quantities) on which day, signed by one of
/// the company's authorised signers; the front desk checks the signer against Directory's list; security checks the
/// goods at the gate and lets all or part of them out, or refuses with a reason. The record stays, searchable.
/// </summary>
public sealed class ExitPass : AggregateRoot
{
    public const int MaxItems = 30;
    public const int ItemNameMaxLength = 100;
    public const int MaxQuantity = 10_000;
    public const int NameMaxLength = 100;
    public const int ReasonMaxLength = 500;

    private readonly List<ExitPassItem> _items = [];

    private ExitPass()
    {
    }

    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    public Guid UnitId { get; private set; }

    /// <summary>Who applied (an occupant of the unit, or the desk on the tenant's paper form).</summary>
    public Guid AppliedById { get; private set; }

    public string AppliedByName { get; private set; } = "";

    /// <summary>Who carries the goods out, as the guard will see them.</summary>
    public string CarrierName { get; private set; } = "";

    public DateOnly ExitDate { get; private set; }

    /// <summary>The person who signed the form, when the tenant picked them from the list; the desk's check fills it.</summary>
    public Guid? SignerPersonId { get; private set; }

    public string SignerName { get; private set; } = "";

    public ExitPassStatus Status { get; private set; }

    public DateTimeOffset AppliedAt { get; private set; }

    public DateTimeOffset? VerifiedAt { get; private set; }

    public string? VerifiedByName { get; private set; }

    public DateTimeOffset? CheckedAt { get; private set; }

    public string? CheckedByName { get; private set; }

    /// <summary>The gate's note on a partial release, or its reason for refusing.</summary>
    public string? GateNote { get; private set; }

    /// <summary>How many photos of the goods the pass has (<see cref="ReceptionPhoto"/>, stored beside it).</summary>
    public int PhotoCount { get; private set; }

    public IReadOnlyList<ExitPassItem> Items => _items.OrderBy(i => i.Sequence).ToList();

    /// <summary>A tenant's application; the signer is checked later by the front desk, not here.</summary>
    public static ExitPass Apply(
        UnitCopy unit, Actor applicant, string carrierName, DateOnly exitDate, Guid? signerPersonId, string signerName,
        IReadOnlyList<(string Name, int Quantity)> items, DateOnly today, DateTimeOffset now)
    {
        if (ItemsProblem(items) is { } itemsProblem)
        {
            throw new DomainRuleException(itemsProblem);
        }
        if (ExitDateProblem(exitDate, today) is { } dateProblem)
        {
            throw new DomainRuleException(dateProblem);
        }
        if (string.IsNullOrWhiteSpace(carrierName) || string.IsNullOrWhiteSpace(signerName))
        {
            throw new DomainRuleException("An exit pass names who carries the goods and who signed it.");
        }

        now = StoredTime.Of(now.ToUniversalTime());
        var pass = new ExitPass
        {
            Id = Guid.CreateVersion7(now),
            PropertyId = unit.PropertyId,
            UnitId = unit.Id,
            AppliedById = applicant.PersonId,
            AppliedByName = applicant.Name,
            CarrierName = carrierName.Trim(),
            ExitDate = exitDate,
            SignerPersonId = signerPersonId,
            SignerName = signerName.Trim(),
            Status = ExitPassStatus.Submitted,
            AppliedAt = now,
        };
        for (var i = 0; i < items.Count; i++)
        {
            pass._items.Add(new ExitPassItem(Guid.CreateVersion7(now), pass.Id, i + 1, items[i].Name.Trim(), items[i].Quantity));
        }
        pass.Raise(new ExitPassApplied(Guid.CreateVersion7(now), now, pass.PropertyId, pass.Id, unit.Id, unit.Number, exitDate, items.Count));
        return pass;
    }

    public static string? ItemsProblem(IReadOnlyList<(string Name, int Quantity)> items)
    {
        if (items.Count is 0 or > MaxItems)
        {
            return $"List 1 to {MaxItems} items.";
        }
        if (items.Any(i => string.IsNullOrWhiteSpace(i.Name)))
        {
            return "Every item needs a name.";
        }
        return items.Any(i => i.Quantity is < 1 or > MaxQuantity) ? $"Every quantity is between 1 and {MaxQuantity}." : null;
    }

    public static string? ExitDateProblem(DateOnly exitDate, DateOnly today) =>
        exitDate < today ? "The goods cannot leave on a day that has passed." : null;

    /// <summary>
    /// Photos of the goods, part of the application: added while the pass waits for the desk's check, so what the guard
    /// compares at the gate is what the desk let through.
    /// </summary>
    public IReadOnlyList<ReceptionPhoto> AddPhotos(IReadOnlyList<PhotoFile> files, Actor by, DateTimeOffset now)
    {
        if (Status != ExitPassStatus.Submitted)
        {
            throw new DomainRuleException($"Photos are part of the application: they are added before the desk checks the pass; this one is {Status}.");
        }
        var photos = ReceptionPhoto.Take(PhotoSubject.ExitPass, Id, PhotoCount, files, by, now);
        PhotoCount += photos.Count;
        return photos;
    }

    /// <summary>Whether <paramref name="signer"/> is the one who signed this pass (by person when picked, else by name).</summary>
    public bool SignedBy(AuthorisedSigner signer) =>
        SignerPersonId is { } person ? signer.PersonId == person : string.Equals(signer.PersonName.Trim(), SignerName, StringComparison.Ordinal);

    /// <summary>
    /// The front desk checks the signature: <paramref name="signer"/> is the signer's authorisation for a company that
    /// occupies the unit, or null when Directory names none — then the pass is refused (it stays submitted for the
    /// tenant to have it signed properly, or to be rejected).
    /// </summary>
    public void Verify(AuthorisedSigner? signer, Actor desk, DateTimeOffset now)
    {
        if (Status != ExitPassStatus.Submitted)
        {
            throw new DomainRuleException($"Only a submitted exit pass is verified; this one is {Status}.");
        }
        if (signer is null || !SignedBy(signer) || !signer.IsCurrentAt(now))
        {
            throw new DomainRuleException(
                $"{SignerName} is not an authorised signer of the tenant of this unit: the exit pass is not valid. Ask the tenant to have it signed by an authorised signer.");
        }

        Status = ExitPassStatus.Verified;
        SignerPersonId = signer.PersonId;
        SignerName = signer.PersonName;
        VerifiedAt = StoredTime.Of(now.ToUniversalTime());
        VerifiedByName = desk.Name;
        Raise(new ExitPassVerified(Guid.CreateVersion7(now), now, PropertyId, Id, UnitId, signer.PersonId, signer.CompanyId));
    }

    /// <summary>The desk turns a pass down (e.g. no authorised signer could be found); the goods do not leave.</summary>
    public void Reject(string reason, Actor desk, DateTimeOffset now)
    {
        if (Status != ExitPassStatus.Submitted)
        {
            throw new DomainRuleException($"Only a submitted exit pass is rejected; this one is {Status}.");
        }
        RequireReason(reason);
        Status = ExitPassStatus.Rejected;
        VerifiedAt = StoredTime.Of(now.ToUniversalTime());
        VerifiedByName = desk.Name;
        GateNote = reason.Trim();
        Raise(new ExitPassRefused(Guid.CreateVersion7(now), now, PropertyId, Id, UnitId, GateNote, AtGate: false));
    }

    /// <summary>
    /// Security checks the goods at the gate on the exit day and lets out the quantities given per item (by sequence);
    /// anything less than the whole list is a partial release, with a note saying why.
    /// </summary>
    public void Release(IReadOnlyDictionary<int, int> released, string? note, Actor guard, DateOnly today, DateTimeOffset now)
    {
        EnsureAtGate(today);
        if (released.Keys.Any(sequence => _items.All(i => i.Sequence != sequence)))
        {
            throw new DomainRuleException("A released item is not on the exit pass.");
        }
        foreach (var item in _items)
        {
            var quantity = released.GetValueOrDefault(item.Sequence);
            if (quantity < 0 || quantity > item.Quantity)
            {
                throw new DomainRuleException($"Between 0 and {item.Quantity} of \"{item.Name}\" may leave.");
            }
        }
        if (released.Values.Sum() == 0)
        {
            throw new DomainRuleException("Nothing is released: refuse the exit pass with a reason instead.");
        }
        var partial = _items.Any(i => released.GetValueOrDefault(i.Sequence) < i.Quantity);
        if (partial && string.IsNullOrWhiteSpace(note))
        {
            throw new DomainRuleException("Say why only part of the goods may leave.");
        }

        foreach (var item in _items)
        {
            item.ReleasedQuantity = released.GetValueOrDefault(item.Sequence);
        }
        Status = partial ? ExitPassStatus.PartlyReleased : ExitPassStatus.Released;
        GateNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        CheckedAt = StoredTime.Of(now.ToUniversalTime());
        CheckedByName = guard.Name;
        Raise(new ExitPassReleased(Guid.CreateVersion7(now), now, PropertyId, Id, UnitId, partial));
    }

    /// <summary>Security refuses the goods at the gate (they do not match the pass, no pass for part of them…).</summary>
    public void Refuse(string reason, Actor guard, DateOnly today, DateTimeOffset now)
    {
        EnsureAtGate(today);
        RequireReason(reason);
        Status = ExitPassStatus.Refused;
        GateNote = reason.Trim();
        CheckedAt = StoredTime.Of(now.ToUniversalTime());
        CheckedByName = guard.Name;
        Raise(new ExitPassRefused(Guid.CreateVersion7(now), now, PropertyId, Id, UnitId, GateNote, AtGate: true));
    }

    private void EnsureAtGate(DateOnly today)
    {
        switch (Status)
        {
            case ExitPassStatus.Submitted:
                throw new DomainRuleException("The front desk has not verified the signer yet: the goods may not leave.");
            case ExitPassStatus.Rejected:
                throw new DomainRuleException("The front desk rejected this exit pass: the goods may not leave.");
            case ExitPassStatus.Released or ExitPassStatus.PartlyReleased or ExitPassStatus.Refused:
                throw new DomainRuleException("The gate has already checked this exit pass.");
        }
        if (today != ExitDate)
        {
            throw new DomainRuleException($"The exit pass is for {ExitDate:yyyy-MM-dd}, not today.");
        }
    }

    private static void RequireReason(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Give the reason.");
        }
    }
}

/// <summary>One line of an exit pass: what, how many, and how many the gate let out.</summary>
public sealed class ExitPassItem(Guid id, Guid exitPassId, int sequence, string name, int quantity)
{
    public Guid Id { get; private set; } = id;

    public Guid ExitPassId { get; private set; } = exitPassId;

    public int Sequence { get; private set; } = sequence;

    public string Name { get; private set; } = name;

    public int Quantity { get; private set; } = quantity;

    public int? ReleasedQuantity { get; internal set; }
}

public enum ExitPassStatus
{
    /// <summary>Applied for; the front desk has not checked the signer.</summary>
    Submitted,
    /// <summary>The signer is an authorised signer of the tenant: the gate may release.</summary>
    Verified,
    Rejected,
    Released,
    PartlyReleased,
    Refused,
}
