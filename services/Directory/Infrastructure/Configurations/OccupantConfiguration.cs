using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyPlatform.Directory.Domain;

namespace PropertyPlatform.Directory.Infrastructure.Configurations;

internal sealed class OccupantConfiguration : IEntityTypeConfiguration<Occupant>
{
    public void Configure(EntityTypeBuilder<Occupant> occupant)
    {
        occupant.HasKey(o => o.Id);
        occupant.Property(o => o.Id).ValueGeneratedNever();
        occupant.Property(o => o.Kind).HasConversion<string>().HasMaxLength(32);
        occupant.Property(o => o.Name).HasMaxLength(Occupant.NameMaxLength);
        occupant.Property(o => o.Phone).HasMaxLength(PhoneNumber.MaxLength);
        occupant.Property(o => o.Email).HasMaxLength(EmailAddress.MaxLength);
        occupant.Property(o => o.IdType).HasConversion<string>().HasMaxLength(32);
        occupant.Property(o => o.IdNumberMasked).HasMaxLength(ProtectedIdNumber.MaskedMaxLength);
        occupant.Property(o => o.IdNumberCiphertext).HasMaxLength(ProtectedIdNumber.CiphertextMaxLength);
        occupant.Property<uint>("xmin").IsRowVersion();
        occupant.HasOne<Property>().WithMany().HasForeignKey(o => o.PropertyId).OnDelete(DeleteBehavior.Restrict);
        occupant.HasOne<Occupant>().WithMany().HasForeignKey(o => o.CompanyId).OnDelete(DeleteBehavior.Restrict);
        // The import recognises an occupant it already knows by property, kind and name (then phone or email).
        occupant.HasIndex(o => new { o.PropertyId, o.Name });
        // The occupants feed reads them in the order of their latest change.
        occupant.HasIndex(o => new { o.ChangedAt, o.Id });

        occupant.HasMany(o => o.Signers).WithOne().HasForeignKey(s => s.CompanyId).OnDelete(DeleteBehavior.Restrict);
        occupant.Navigation(o => o.Signers).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AuthorisedSignerConfiguration : IEntityTypeConfiguration<AuthorisedSigner>
{
    public void Configure(EntityTypeBuilder<AuthorisedSigner> signer)
    {
        signer.HasKey(s => s.Id);
        signer.Property(s => s.Id).ValueGeneratedNever();
        signer.Ignore(s => s.IsCurrent);
        signer.HasOne<Occupant>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
        // One current authorisation per person and company; withdrawn ones stay as history.
        signer.HasIndex(s => new { s.CompanyId, s.PersonId }).IsUnique().HasFilter("withdrawn_at IS NULL");
    }
}
