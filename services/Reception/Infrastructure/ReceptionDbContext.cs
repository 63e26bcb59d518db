using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Reception.Domain;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Photos;

namespace PropertyPlatform.Reception.Infrastructure;

public sealed class ReceptionDbContext(DbContextOptions<ReceptionDbContext> options) : ServiceDbContext(options), IHasUnitCopies, IDataProtectionKeyContext
{
    /// <summary>
    /// The column of the ID numbers stored before they were encrypted; <see cref="IdNumberEncryption"/> encrypts and
    /// empties it at start. Kept as a shadow property until every database has run that step.
    /// </summary>
    public const string UnencryptedIdNumber = "UnencryptedIdNumber";
    /// <summary>Filter of the visits whose pass code still admits someone; pass codes are unique among them.</summary>
    public const string ActiveVisitFilter = "status IN ('Expected', 'CheckedIn', 'AwaitingHost')";

    public DbSet<Visit> Visits => Set<Visit>();

    public DbSet<UnitCopy> Units => Set<UnitCopy>();

    public DbSet<LostItem> LostItems => Set<LostItem>();

    public DbSet<UnitKey> UnitKeys => Set<UnitKey>();

    public DbSet<Enquiry> Enquiries => Set<Enquiry>();

    public DbSet<ExitPass> ExitPasses => Set<ExitPass>();

    public DbSet<AuthorisedSigner> AuthorisedSigners => Set<AuthorisedSigner>();

    public DbSet<Occupancy> Occupancies => Set<Occupancy>();

    public DbSet<Handover> Handovers => Set<Handover>();

    public DbSet<VacantUnitInspection> Inspections => Set<VacantUnitInspection>();

    public DbSet<AccessCard> AccessCards => Set<AccessCard>();

    public DbSet<BlocklistEntry> Blocklist => Set<BlocklistEntry>();

    public DbSet<VehicleEntry> Vehicles => Set<VehicleEntry>();

    public DbSet<ReceptionPhoto> Photos => Set<ReceptionPhoto>();

    /// <summary>The key ring that encrypts ID numbers (see <c>PersonalDataProtection</c>).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyUnitCopies();

        modelBuilder.Entity<Visit>(visit =>
        {
            visit.HasKey(v => v.Id);
            visit.Property(v => v.VisitorName).HasMaxLength(Visit.VisitorNameMaxLength);
            visit.Property(v => v.VisitorPhone).HasMaxLength(32);
            visit.Property(v => v.IdType).HasConversion<string>().HasMaxLength(32);
            visit.Property(v => v.IdNumberMasked).HasMaxLength(ProtectedIdNumber.MaskedMaxLength);
            visit.Property(v => v.IdNumberCiphertext).HasMaxLength(ProtectedIdNumber.CiphertextMaxLength);
            visit.Property<string?>(UnencryptedIdNumber).HasMaxLength(32);
            visit.Property(v => v.PlateNumber).HasMaxLength(Visit.PlateNumberMaxLength);
            visit.Property(v => v.Purpose).HasMaxLength(Visit.PurposeMaxLength);
            visit.Property(v => v.PassCode).HasMaxLength(16);
            visit.Property(v => v.Status).HasConversion<string>().HasMaxLength(32);
            visit.Property(v => v.CancelReason).HasMaxLength(Visit.ReasonMaxLength);
            visit.Property(v => v.HostAnsweredByName).HasMaxLength(Actor.NameMaxLength);
            visit.Property(v => v.DeclineReason).HasMaxLength(Visit.ReasonMaxLength);
            visit.Property(v => v.Category).HasConversion<string>().HasMaxLength(32).HasDefaultValue(VisitorCategory.Ordinary);
            // Optimistic concurrency on PostgreSQL's row version: two guards checking one visitor in cannot both win.
            visit.Property<uint>("xmin").IsRowVersion();
            visit.HasOne<UnitCopy>().WithMany().HasForeignKey(v => v.UnitId).OnDelete(DeleteBehavior.Restrict);
            visit.HasIndex(v => new { v.PropertyId, v.PassCode }).IsUnique().HasFilter(ActiveVisitFilter)
                .HasDatabaseName("ix_visits_active_pass_code");
            visit.HasIndex(v => new { v.PropertyId, v.ExpectedFrom });
        });

        modelBuilder.Entity<LostItem>(item =>
        {
            item.HasKey(i => i.Id);
            item.Property(i => i.Item).HasMaxLength(LostItem.ItemMaxLength);
            item.Property(i => i.Category).HasConversion<string>().HasMaxLength(32);
            item.Property(i => i.Features).HasMaxLength(LostItem.FeaturesMaxLength);
            item.Property(i => i.Place).HasMaxLength(LostItem.PlaceMaxLength);
            item.Property(i => i.EstimatedValue).HasPrecision(12, 2);
            item.Property(i => i.FinderName).HasMaxLength(LostItem.PersonNameMaxLength);
            item.Property(i => i.FinderPhone).HasMaxLength(LostItem.PhoneMaxLength);
            item.Property(i => i.RecordedByName).HasMaxLength(Actor.NameMaxLength);
            item.Property(i => i.Custodian).HasConversion<string>().HasMaxLength(32);
            item.Property(i => i.Status).HasConversion<string>().HasMaxLength(32);
            item.Property(i => i.ClaimantName).HasMaxLength(LostItem.PersonNameMaxLength);
            item.Property(i => i.ClaimantPhone).HasMaxLength(LostItem.PhoneMaxLength);
            item.Property(i => i.ClaimantIdType).HasConversion<string>().HasMaxLength(32);
            item.Property(i => i.ClaimantIdNumberMasked).HasMaxLength(ProtectedIdNumber.MaskedMaxLength);
            item.Property(i => i.ClaimantIdNumberCiphertext).HasMaxLength(ProtectedIdNumber.CiphertextMaxLength);
            item.Property<string?>(UnencryptedIdNumber).HasMaxLength(32);
            item.Property(i => i.HandedOverByName).HasMaxLength(Actor.NameMaxLength);
            item.Property(i => i.Disposal).HasConversion<string>().HasMaxLength(32);
            item.Property(i => i.DisposalNote).HasMaxLength(LostItem.NoteMaxLength);
            item.Property(i => i.DisposedByName).HasMaxLength(Actor.NameMaxLength);
            // Two desks acting on one item (a claim and a disposal) cannot both win.
            item.Property<uint>("xmin").IsRowVersion();
            item.HasIndex(i => new { i.PropertyId, i.Status, i.FoundAt });
            item.HasMany(i => i.CustodyLog).WithOne().HasForeignKey(e => e.LostItemId).OnDelete(DeleteBehavior.Cascade);
            item.HasMany(i => i.ClaimRequests).WithOne().HasForeignKey(r => r.LostItemId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<LostItemClaimRequest>(request =>
        {
            request.ToTable("lost_item_claim_requests");
            request.HasKey(r => r.Id);
            // The item gives each request its id; one found on a tracked item is new, to be inserted.
            request.Property(r => r.Id).ValueGeneratedNever();
            request.HasIndex(r => new { r.LostItemId, r.Sequence }).IsUnique();
            // "My claims": an occupant's requests.
            request.HasIndex(r => r.PersonId);
            request.Property(r => r.PersonName).HasMaxLength(Actor.NameMaxLength);
            request.Property(r => r.Phone).HasMaxLength(LostItem.PhoneMaxLength);
            request.Property(r => r.Description).HasMaxLength(LostItemClaimRequest.DescriptionMaxLength);
            request.Property(r => r.PlaceLost).HasMaxLength(LostItem.PlaceMaxLength);
            request.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        });

        modelBuilder.Entity<CustodyLogEntry>(entry =>
        {
            entry.ToTable("lost_item_custody_log");
            entry.HasKey(e => e.Id);
            // The item gives each line its id; a line found on a tracked item is new, to be inserted.
            entry.Property(e => e.Id).ValueGeneratedNever();
            entry.HasIndex(e => new { e.LostItemId, e.Sequence }).IsUnique();
            entry.Property(e => e.Custodian).HasConversion<string>().HasMaxLength(32);
            entry.Property(e => e.ActorName).HasMaxLength(Actor.NameMaxLength);
            entry.Property(e => e.Note).HasMaxLength(LostItem.NoteMaxLength + 200);
        });

        modelBuilder.Entity<ReceptionPhoto>(photo =>
        {
            photo.ToTable("photos");
            photo.HasKey(p => p.Id);
            photo.Property(p => p.Id).ValueGeneratedNever();
            // In Reception's database, not a file store: a photo and its pass's or item's photo count commit together.
            photo.Property(p => p.Subject).HasConversion<string>().HasMaxLength(16);
            photo.HasIndex(p => new { p.Subject, p.SubjectId, p.Sequence }).IsUnique();
            photo.Property(p => p.ContentType).HasMaxLength(32);
            photo.Property(p => p.Sha256).HasMaxLength(64);
            photo.Property(p => p.FileName).HasMaxLength(PhotoFile.FileNameMaxLength);
            photo.Property(p => p.UploadedByName).HasMaxLength(Actor.NameMaxLength);
        });

        modelBuilder.Entity<UnitKey>(key =>
        {
            key.ToTable("unit_keys");
            key.HasKey(k => k.Id);
            key.Property(k => k.Label).HasMaxLength(UnitKey.LabelMaxLength);
            key.Property(k => k.Status).HasConversion<string>().HasMaxLength(32);
            key.Property(k => k.HolderName).HasMaxLength(UnitKey.NameMaxLength);
            key.Property(k => k.HolderPhone).HasMaxLength(UnitKey.PhoneMaxLength);
            key.Property(k => k.Reason).HasMaxLength(UnitKey.ReasonMaxLength);
            // Two desks handing out one key cannot both win.
            key.Property<uint>("xmin").IsRowVersion();
            key.HasOne<UnitCopy>().WithMany().HasForeignKey(k => k.UnitId).OnDelete(DeleteBehavior.Restrict);
            key.HasIndex(k => new { k.UnitId, k.Label }).IsUnique();
            // The overdue list: keys still out, by when they are due.
            key.HasIndex(k => new { k.PropertyId, k.DueBy }).HasFilter("status = 'SignedOut'");
            key.HasMany(k => k.Loans).WithOne().HasForeignKey(l => l.UnitKeyId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<KeyLoan>(loan =>
        {
            loan.ToTable("unit_key_loans");
            loan.HasKey(l => l.Id);
            // The key gives each loan its id; a loan found on a tracked key is new, to be inserted.
            loan.Property(l => l.Id).ValueGeneratedNever();
            loan.HasIndex(l => new { l.UnitKeyId, l.Sequence }).IsUnique();
            loan.Property(l => l.HolderName).HasMaxLength(UnitKey.NameMaxLength);
            loan.Property(l => l.HolderPhone).HasMaxLength(UnitKey.PhoneMaxLength);
            loan.Property(l => l.Reason).HasMaxLength(UnitKey.ReasonMaxLength);
            loan.Property(l => l.SignedOutByName).HasMaxLength(Actor.NameMaxLength);
            loan.Property(l => l.ReceivedByName).HasMaxLength(Actor.NameMaxLength);
        });

        modelBuilder.Entity<Enquiry>(enquiry =>
        {
            enquiry.HasKey(e => e.Id);
            enquiry.Property(e => e.EnquirerName).HasMaxLength(Enquiry.NameMaxLength);
            enquiry.Property(e => e.EnquirerPhone).HasMaxLength(Enquiry.PhoneMaxLength);
            enquiry.Property(e => e.Channel).HasConversion<string>().HasMaxLength(32);
            enquiry.Property(e => e.Question).HasMaxLength(Enquiry.QuestionMaxLength);
            enquiry.Property(e => e.ReceivedByName).HasMaxLength(Actor.NameMaxLength);
            enquiry.Property(e => e.Status).HasConversion<string>().HasMaxLength(32);
            enquiry.Property(e => e.Answer).HasMaxLength(Enquiry.AnswerMaxLength);
            enquiry.Property(e => e.AnsweredByName).HasMaxLength(Actor.NameMaxLength);
            // Two staff answering one enquiry cannot both win.
            enquiry.Property<uint>("xmin").IsRowVersion();
            // The overdue list: open enquiries by when they are due.
            enquiry.HasIndex(e => new { e.PropertyId, e.DueAt }).HasFilter("status = 'Open'");
            // The reminder sweeper's read: the reminders still to send, by time.
            enquiry.HasIndex(e => e.ReminderAt).HasFilter("reminder_at IS NOT NULL");
        });

        modelBuilder.Entity<ExitPass>(pass =>
        {
            pass.HasKey(p => p.Id);
            pass.Property(p => p.AppliedByName).HasMaxLength(Actor.NameMaxLength);
            pass.Property(p => p.CarrierName).HasMaxLength(ExitPass.NameMaxLength);
            pass.Property(p => p.SignerName).HasMaxLength(ExitPass.NameMaxLength);
            pass.Property(p => p.Status).HasConversion<string>().HasMaxLength(32);
            pass.Property(p => p.VerifiedByName).HasMaxLength(Actor.NameMaxLength);
            pass.Property(p => p.CheckedByName).HasMaxLength(Actor.NameMaxLength);
            pass.Property(p => p.GateNote).HasMaxLength(ExitPass.ReasonMaxLength);
            // The desk and the gate acting on one pass cannot both win.
            pass.Property<uint>("xmin").IsRowVersion();
            pass.HasOne<UnitCopy>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
            pass.HasIndex(p => new { p.PropertyId, p.ExitDate });
            pass.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.ExitPassId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ExitPassItem>(item =>
        {
            item.ToTable("exit_pass_items");
            item.HasKey(i => i.Id);
            // The pass gives each line its id; a line found on a tracked pass is new, to be inserted.
            item.Property(i => i.Id).ValueGeneratedNever();
            item.HasIndex(i => new { i.ExitPassId, i.Sequence }).IsUnique();
            item.Property(i => i.Name).HasMaxLength(ExitPass.ItemNameMaxLength);
        });

        modelBuilder.Entity<AuthorisedSigner>(signer =>
        {
            signer.ToTable("authorised_signers");
            signer.HasKey(s => s.SignerId);
            signer.Property(s => s.SignerId).ValueGeneratedNever();
            signer.Property(s => s.PersonName).HasMaxLength(ExitPass.NameMaxLength);
            signer.HasIndex(s => new { s.PersonId, s.CompanyId });
        });

        modelBuilder.Entity<Occupancy>(occupancy =>
        {
            occupancy.ToTable("occupancies");
            occupancy.HasKey(o => o.OccupancyId);
            occupancy.Property(o => o.OccupancyId).ValueGeneratedNever();
            occupancy.HasIndex(o => new { o.UnitId, o.OccupantId });
        });

        modelBuilder.Entity<Handover>(handover =>
        {
            handover.HasKey(h => h.Id);
            handover.Property(h => h.HandedOverByName).HasMaxLength(Actor.NameMaxLength);
            handover.Property(h => h.Notes).HasMaxLength(Handover.NotesMaxLength);
            handover.Property(h => h.AcknowledgedByName).HasMaxLength(Actor.NameMaxLength);
            handover.Property(h => h.AcknowledgementNotes).HasMaxLength(Handover.NotesMaxLength);
            // Two people of the incoming shift acknowledging at once cannot both win.
            handover.Property<uint>("xmin").IsRowVersion();
            handover.HasIndex(h => new { h.PropertyId, h.HandedOverAt });
            handover.HasMany(h => h.Items).WithOne().HasForeignKey(i => i.HandoverId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<HandoverItem>(item =>
        {
            item.ToTable("handover_items");
            item.HasKey(i => i.Id);
            item.Property(i => i.Id).ValueGeneratedNever();
            item.HasIndex(i => new { i.HandoverId, i.Sequence }).IsUnique();
            item.Property(i => i.Kind).HasConversion<string>().HasMaxLength(32);
            item.Property(i => i.Summary).HasMaxLength(Handover.SummaryMaxLength);
        });

        modelBuilder.Entity<VacantUnitInspection>(inspection =>
        {
            inspection.ToTable("inspections");
            inspection.HasKey(i => i.Id);
            inspection.Property(i => i.Kind).HasConversion<string>().HasMaxLength(32);
            inspection.Property(i => i.Area).HasMaxLength(VacantUnitInspection.AreaMaxLength);
            inspection.Property(i => i.InspectorName).HasMaxLength(Actor.NameMaxLength);
            inspection.Property(i => i.Notes).HasMaxLength(VacantUnitInspection.NotesMaxLength);
            inspection.HasIndex(i => new { i.PropertyId, i.InspectedOn });
            inspection.HasMany(i => i.Findings).WithOne().HasForeignKey(f => f.InspectionId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<InspectionFinding>(finding =>
        {
            finding.ToTable("inspection_findings");
            finding.HasKey(f => f.Id);
            finding.Property(f => f.Id).ValueGeneratedNever();
            finding.HasIndex(f => new { f.InspectionId, f.Sequence }).IsUnique();
            finding.Property(f => f.BuildingName).HasMaxLength(100);
            finding.Property(f => f.UnitNumber).HasMaxLength(32);
            finding.Property(f => f.Finding).HasMaxLength(VacantUnitInspection.FindingMaxLength);
        });

        modelBuilder.Entity<AccessCard>(card =>
        {
            card.HasKey(c => c.Id);
            card.Property(c => c.CardNumber).HasMaxLength(AccessCard.CardNumberMaxLength);
            card.Property(c => c.HolderName).HasMaxLength(AccessCard.NameMaxLength);
            card.Property(c => c.HolderPhone).HasMaxLength(AccessCard.PhoneMaxLength);
            card.Property(c => c.Company).HasMaxLength(AccessCard.CompanyMaxLength);
            card.Property(c => c.Deposit).HasPrecision(12, 2);
            card.Property(c => c.Status).HasConversion<string>().HasMaxLength(32);
            card.Property(c => c.IssuedByName).HasMaxLength(Actor.NameMaxLength);
            card.Property(c => c.ClosedByName).HasMaxLength(Actor.NameMaxLength);
            card.Property(c => c.LostNote).HasMaxLength(AccessCard.NoteMaxLength);
            // A return and a loss report at once cannot both win (Billing would refund and keep the same deposit).
            card.Property<uint>("xmin").IsRowVersion();
            card.HasOne<UnitCopy>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
            // One card with a number is out at a time per property.
            card.HasIndex(c => new { c.PropertyId, c.CardNumber }).IsUnique().HasFilter("status = 'Issued'")
                .HasDatabaseName("ix_access_cards_issued_card_number");
            card.HasIndex(c => new { c.PropertyId, c.IssuedAt });
        });

        modelBuilder.Entity<BlocklistEntry>(entry =>
        {
            entry.ToTable("blocklist");
            entry.HasKey(b => b.Id);
            entry.Property(b => b.PersonName).HasMaxLength(BlocklistEntry.NameMaxLength);
            entry.Property(b => b.IdType).HasConversion<string>().HasMaxLength(32);
            entry.Property(b => b.IdNumberMasked).HasMaxLength(ProtectedIdNumber.MaskedMaxLength);
            entry.Property(b => b.IdNumberCiphertext).HasMaxLength(ProtectedIdNumber.CiphertextMaxLength);
            entry.Property(b => b.Phone).HasMaxLength(BlocklistEntry.PhoneMaxLength);
            entry.Property(b => b.Reason).HasMaxLength(BlocklistEntry.ReasonMaxLength);
            entry.Property(b => b.AddedByName).HasMaxLength(Actor.NameMaxLength);
            entry.Property(b => b.LiftedByName).HasMaxLength(Actor.NameMaxLength);
            entry.Property<uint>("xmin").IsRowVersion();
            entry.HasIndex(b => b.PropertyId).HasFilter("lifted_at IS NULL");
        });

        modelBuilder.Entity<VehicleEntry>(vehicle =>
        {
            vehicle.ToTable("vehicles");
            vehicle.HasKey(v => v.Id);
            vehicle.Property(v => v.PlateNumber).HasMaxLength(VehicleEntry.PlateMaxLength);
            vehicle.Property(v => v.DriverName).HasMaxLength(VehicleEntry.NameMaxLength);
            vehicle.Property(v => v.DriverPhone).HasMaxLength(VehicleEntry.PhoneMaxLength);
            vehicle.Property(v => v.Purpose).HasMaxLength(VehicleEntry.PurposeMaxLength);
            vehicle.Property(v => v.RecordedByName).HasMaxLength(Actor.NameMaxLength);
            vehicle.Property<uint>("xmin").IsRowVersion();
            vehicle.HasOne<UnitCopy>().WithMany().HasForeignKey(v => v.HostUnitId).OnDelete(DeleteBehavior.Restrict);
            // A plate is on site once at a time.
            vehicle.HasIndex(v => new { v.PropertyId, v.PlateNumber }).IsUnique().HasFilter("left_at IS NULL")
                .HasDatabaseName("ix_vehicles_on_site_plate");
            vehicle.HasIndex(v => new { v.PropertyId, v.EnteredAt });
        });
    }
}
