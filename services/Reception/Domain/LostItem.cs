using PropertyPlatform.Contracts.Reception;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Photos;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Reception.Domain;

/// <summary>
/// A found item (拾遗) in the front desk's register: when and where it was found, what it is and how to recognise
/// it, who found it and who recorded it. Valuables (documents, cash, securities, or worth over 500 CNY) go into the
/// admin office's custody; every hand-over is in the custody log. A claimant describes the features and the place
/// and shows ID; an item nobody claims is kept 3 months (valuables 1 year), then a manager decides its disposal.
/// </summary>
public sealed class LostItem : AggregateRoot
{
    public const int ItemMaxLength = 100;
    public const int FeaturesMaxLength = 500;
    public const int PlaceMaxLength = 200;
    public const int PersonNameMaxLength = 100;
    public const int PhoneMaxLength = 32;
    public const int NoteMaxLength = 500;

    /// <summary>Above this estimated value (CNY) an item is a valuable (贵重物品), whatever it is.</summary>
    public const decimal ValuableThreshold = 500m;

    public const int GeneralRetentionMonths = 3;
    public const int ValuableRetentionMonths = 12;

    private readonly List<CustodyLogEntry> _custodyLog = [];
    private readonly List<LostItemClaimRequest> _claimRequests = [];

    private LostItem()
    {
    }

    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    public DateTimeOffset FoundAt { get; private set; }

    public string Item { get; private set; } = "";

    public LostItemCategory Category { get; private set; }

    /// <summary>What a claimant must be able to describe: colour, brand, contents…</summary>
    public string Features { get; private set; } = "";

    public string Place { get; private set; } = "";

    public decimal? EstimatedValue { get; private set; }

    public string FinderName { get; private set; } = "";

    public string? FinderPhone { get; private set; }

    public Guid RecordedById { get; private set; }

    public string RecordedByName { get; private set; } = "";

    public DateTimeOffset RegisteredAt { get; private set; }

    public bool IsValuable { get; private set; }

    public LostItemCustodian Custodian { get; private set; }

    /// <summary>Until then the item is kept for its owner; afterwards a manager may dispose of it.</summary>
    public DateTimeOffset RetainUntil { get; private set; }

    public LostItemStatus Status { get; private set; }

    public string? ClaimantName { get; private set; }

    public string? ClaimantPhone { get; private set; }

    public IdDocumentType? ClaimantIdType { get; private set; }

    /// <summary>Kept for the record of who took the item, encrypted; views show <see cref="ClaimantIdNumberMasked"/>.</summary>
    public string? ClaimantIdNumberCiphertext { get; private set; }

    public string? ClaimantIdNumberMasked { get; private set; }

    public DateTimeOffset? ClaimedAt { get; private set; }

    public Guid? HandedOverById { get; private set; }

    public string? HandedOverByName { get; private set; }

    public LostItemDisposal? Disposal { get; private set; }

    public string? DisposalNote { get; private set; }

    public DateTimeOffset? DisposedAt { get; private set; }

    public Guid? DisposedById { get; private set; }

    public string? DisposedByName { get; private set; }

    /// <summary>How many photos of the item it has (<see cref="ReceptionPhoto"/>, stored beside it).</summary>
    public int PhotoCount { get; private set; }

    /// <summary>Occupants who said "this is mine" from the public notice, in the order they asked.</summary>
    public IReadOnlyList<LostItemClaimRequest> ClaimRequests => _claimRequests.OrderBy(r => r.Sequence).ToList();

    public IReadOnlyList<CustodyLogEntry> CustodyLog => _custodyLog.OrderBy(e => e.Sequence).ToList();

    /// <summary>Documents, cash and securities always are valuables; anything else when estimated over 500 CNY.</summary>
    public static bool IsValuableItem(LostItemCategory category, decimal? estimatedValue) =>
        category is LostItemCategory.Document or LostItemCategory.Cash or LostItemCategory.Securities
        || estimatedValue > ValuableThreshold;

    /// <summary>How long an item found at <paramref name="foundAt"/> is kept: 3 months, valuables 1 year.</summary>
    public static DateTimeOffset RetentionEnd(DateTimeOffset foundAt, bool valuable) =>
        foundAt.AddMonths(valuable ? ValuableRetentionMonths : GeneralRetentionMonths);

    public static string? FoundAtProblem(DateTimeOffset foundAt, DateTimeOffset now) =>
        foundAt > now + TimeSpan.FromMinutes(5) ? "An item cannot be found in the future." : null;

    public static string? EstimatedValueProblem(decimal? value) =>
        value is < 0 ? "The estimated value cannot be negative." : null;

    /// <summary>Registers a found item; a valuable goes straight into the admin office's custody.</summary>
    public static LostItem Register(Guid propertyId, FoundItem found, Actor recorder, DateTimeOffset now)
    {
        if ((FoundAtProblem(found.FoundAt, now) ?? EstimatedValueProblem(found.EstimatedValue)) is { } problem)
        {
            throw new DomainRuleException(problem);
        }
        if (string.IsNullOrWhiteSpace(found.Item) || string.IsNullOrWhiteSpace(found.Features)
            || string.IsNullOrWhiteSpace(found.Place) || string.IsNullOrWhiteSpace(found.FinderName))
        {
            throw new DomainRuleException("A found item needs the item, its features, the place and the finder.");
        }

        now = Stored(now);
        var valuable = IsValuableItem(found.Category, found.EstimatedValue);
        var item = new LostItem
        {
            Id = Guid.CreateVersion7(now),
            PropertyId = propertyId,
            FoundAt = Stored(found.FoundAt),
            Item = found.Item.Trim(),
            Category = found.Category,
            Features = found.Features.Trim(),
            Place = found.Place.Trim(),
            EstimatedValue = found.EstimatedValue,
            FinderName = found.FinderName.Trim(),
            FinderPhone = string.IsNullOrWhiteSpace(found.FinderPhone) ? null : found.FinderPhone.Trim(),
            RecordedById = recorder.PersonId,
            RecordedByName = recorder.Name,
            RegisteredAt = now,
            IsValuable = valuable,
            Custodian = LostItemCustodian.FrontDesk,
            RetainUntil = RetentionEnd(Stored(found.FoundAt), valuable),
            Status = LostItemStatus.Held,
        };
        item.Log(LostItemCustodian.FrontDesk, recorder, now, "Registered at the front desk.");
        if (valuable)
        {
            // Valuables are not kept at the desk: they go to the admin office's safe, and the log says so.
            item.Custodian = LostItemCustodian.AdminOffice;
            item.Log(LostItemCustodian.AdminOffice, recorder, now, "Valuable: handed to the admin office for custody.");
        }
        item.Raise(new LostItemRegistered(
            Guid.CreateVersion7(now), now, propertyId, item.Id, item.Item, item.Place, item.FoundAt, valuable, item.RetainUntil));
        return item;
    }

    /// <summary>
    /// The owner takes the item back. The staff member confirms the claimant described the features and the place
    /// and showed ID; without all three nothing is handed over.
    /// </summary>
    public void Claim(LostItemClaim claim, Actor handedOverBy, DateTimeOffset now)
    {
        EnsureHeld();
        var request = claim.ClaimRequestId is { } requestId
            ? _claimRequests.SingleOrDefault(r => r.Id == requestId && r.Status == ClaimRequestStatus.Waiting)
                ?? throw new DomainRuleException("The item has no waiting claim request with this id.")
            : null;
        if (!claim.FeaturesVerified || !claim.PlaceVerified)
        {
            throw new DomainRuleException(
                "The claimant must describe the item's features and where it was lost before it is handed over.");
        }
        if (string.IsNullOrWhiteSpace(claim.ClaimantName))
        {
            throw new DomainRuleException("Record the claimant's name.");
        }

        now = Stored(now);
        Status = LostItemStatus.Claimed;
        ClaimantName = claim.ClaimantName.Trim();
        ClaimantPhone = string.IsNullOrWhiteSpace(claim.ClaimantPhone) ? null : claim.ClaimantPhone.Trim();
        ClaimantIdType = claim.Id.Type;
        ClaimantIdNumberMasked = claim.Id.Masked;
        ClaimantIdNumberCiphertext = claim.Id.Ciphertext;
        ClaimedAt = now;
        HandedOverById = handedOverBy.PersonId;
        HandedOverByName = handedOverBy.Name;
        Log(Custodian, handedOverBy, now, $"Claimed by {ClaimantName} ({claim.Id.Masked}); features, place and ID verified.");
        // The occupant whose request this was sees the item handed to them; anyone else who asked sees it gone.
        foreach (var waiting in _claimRequests.Where(r => r.Status == ClaimRequestStatus.Waiting))
        {
            waiting.Status = waiting == request ? ClaimRequestStatus.HandedOver : ClaimRequestStatus.Closed;
        }
        Raise(new LostItemClaimed(Guid.CreateVersion7(now), now, PropertyId, Id, Item, ClaimantName));
    }

    /// <summary>
    /// An occupant recognises the item on the public notice and asks for it: how they describe it and where they lost it,
    /// for the desk to compare when they come with their ID (the hand-over itself is <see cref="Claim"/>). One waiting
    /// request per person.
    /// </summary>
    public LostItemClaimRequest RequestClaim(Actor occupant, string? phone, string description, string placeLost, DateTimeOffset now)
    {
        EnsureHeld();
        if (string.IsNullOrWhiteSpace(description) || string.IsNullOrWhiteSpace(placeLost))
        {
            throw new DomainRuleException("Describe the item and say where you lost it.");
        }
        if (_claimRequests.Any(r => r.PersonId == occupant.PersonId && r.Status == ClaimRequestStatus.Waiting))
        {
            throw new DomainRuleException("You have already asked for this item; bring your ID to the front desk.");
        }

        now = Stored(now);
        var request = new LostItemClaimRequest(
            Guid.CreateVersion7(now), Id, _claimRequests.Count + 1, occupant.PersonId, occupant.Name,
            string.IsNullOrWhiteSpace(phone) ? null : phone.Trim(), description.Trim(), placeLost.Trim(), now);
        _claimRequests.Add(request);
        return request;
    }

    /// <summary>
    /// The item as the public notice names it: a valuable only by its category (a name on a card, an amount of cash would
    /// tell a false claimant what to say), and the features never.
    /// </summary>
    public string? PublicItemName => IsValuable ? null : Item;

    /// <summary>Photos of the item, taken while it is held (at registration, or later while nobody has claimed it).</summary>
    public IReadOnlyList<ReceptionPhoto> AddPhotos(IReadOnlyList<PhotoFile> files, Actor by, DateTimeOffset now)
    {
        EnsureHeld();
        var photos = ReceptionPhoto.Take(PhotoSubject.LostItem, Id, PhotoCount, files, by, now);
        PhotoCount += photos.Count;
        return photos;
    }

    /// <summary>A manager decides what happens to an unclaimed item once its retention is over.</summary>
    public void DisposeOf(LostItemDisposal decision, string? note, Actor manager, DateTimeOffset now)
    {
        EnsureHeld();
        if (now < RetainUntil)
        {
            throw new DomainRuleException(
                $"The item is kept for its owner until {RetainUntil:yyyy-MM-dd} ({(IsValuable ? "valuables 1 year" : "3 months")}); it cannot be disposed of before.");
        }

        now = Stored(now);
        Status = LostItemStatus.Disposed;
        Disposal = decision;
        DisposalNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        DisposedAt = now;
        DisposedById = manager.PersonId;
        DisposedByName = manager.Name;
        foreach (var waiting in _claimRequests.Where(r => r.Status == ClaimRequestStatus.Waiting))
        {
            waiting.Status = ClaimRequestStatus.Closed;
        }
        Log(Custodian, manager, now, $"Disposed: {decision}." + (DisposalNote is null ? "" : $" {DisposalNote}"));
        Raise(new LostItemDisposed(Guid.CreateVersion7(now), now, PropertyId, Id, Item, decision.ToString(), DisposalNote));
    }

    /// <summary>Whether a manager may decide on it now: still held and its retention over.</summary>
    public bool IsDueForDisposal(DateTimeOffset now) => Status == LostItemStatus.Held && now >= RetainUntil;

    private void EnsureHeld()
    {
        switch (Status)
        {
            case LostItemStatus.Claimed:
                throw new DomainRuleException("The item has already been claimed by its owner.");
            case LostItemStatus.Disposed:
                throw new DomainRuleException("The item has already been disposed of.");
        }
    }

    private void Log(LostItemCustodian custodian, Actor by, DateTimeOffset at, string note) =>
        _custodyLog.Add(new CustodyLogEntry(Guid.CreateVersion7(at), Id, _custodyLog.Count + 1, at, custodian, by.PersonId, by.Name, note));

    private static DateTimeOffset Stored(DateTimeOffset time) => StoredTime.Of(time.ToUniversalTime());
}

/// <summary>An occupant's request for a found item from the public notice (我的认领).</summary>
public sealed class LostItemClaimRequest(
    Guid id, Guid lostItemId, int sequence, Guid personId, string personName, string? phone, string description, string placeLost,
    DateTimeOffset requestedAt)
{
    public const int DescriptionMaxLength = 500;

    public Guid Id { get; private set; } = id;

    public Guid LostItemId { get; private set; } = lostItemId;

    public int Sequence { get; private set; } = sequence;

    public Guid PersonId { get; private set; } = personId;

    public string PersonName { get; private set; } = personName;

    public string? Phone { get; private set; } = phone;

    /// <summary>The features as the occupant describes them: the desk compares them with the register.</summary>
    public string Description { get; private set; } = description;

    public string PlaceLost { get; private set; } = placeLost;

    public DateTimeOffset RequestedAt { get; private set; } = requestedAt;

    public ClaimRequestStatus Status { get; internal set; } = ClaimRequestStatus.Waiting;
}

public enum ClaimRequestStatus
{
    /// <summary>The occupant is to come to the desk with their ID.</summary>
    Waiting,
    /// <summary>The desk handed the item to this occupant.</summary>
    HandedOver,
    /// <summary>The item went to someone else or was disposed of.</summary>
    Closed,
}

/// <summary>A line of an item's custody log: who held it from when, and what happened.</summary>
public sealed class CustodyLogEntry(
    Guid id, Guid lostItemId, int sequence, DateTimeOffset at, LostItemCustodian custodian, Guid actorId, string actorName, string note)
{
    public Guid Id { get; private set; } = id;

    public Guid LostItemId { get; private set; } = lostItemId;

    public int Sequence { get; private set; } = sequence;

    public DateTimeOffset At { get; private set; } = at;

    public LostItemCustodian Custodian { get; private set; } = custodian;

    public Guid ActorId { get; private set; } = actorId;

    public string ActorName { get; private set; } = actorName;

    public string Note { get; private set; } = note;
}

public enum LostItemCategory
{
    General,
    /// <summary>证件: ID cards, passports, licences.</summary>
    Document,
    Cash,
    /// <summary>有价证券: cheques, bonds, cards with a value.</summary>
    Securities,
}

public enum LostItemStatus
{
    Held,
    Claimed,
    Disposed,
}

/// <summary>Who keeps the item: the front desk, or the admin office's safe for valuables.</summary>
public enum LostItemCustodian
{
    FrontDesk,
    AdminOffice,
}

/// <summary>A manager's decision on an unclaimed item.</summary>
public enum LostItemDisposal
{
    HandedToPolice,
    Donated,
    Destroyed,
    Sold,
}

/// <summary>What the front desk records about a found item.</summary>
public sealed record FoundItem(
    DateTimeOffset FoundAt,
    string Item,
    LostItemCategory Category,
    string Features,
    string Place,
    string FinderName,
    string? FinderPhone = null,
    decimal? EstimatedValue = null);

/// <summary>A claimant at the desk and what the staff member checked.</summary>
public sealed record LostItemClaim(
    string ClaimantName,
    string? ClaimantPhone,
    ProtectedIdNumber Id,
    bool FeaturesVerified,
    bool PlaceVerified,
    Guid? ClaimRequestId = null);
