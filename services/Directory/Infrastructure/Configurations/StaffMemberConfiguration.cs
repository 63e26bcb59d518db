using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyPlatform.Directory.Domain;

namespace PropertyPlatform.Directory.Infrastructure.Configurations;

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> staff)
    {
        staff.ToTable("staff");
        staff.HasKey(s => s.Id);
        staff.Property(s => s.Id).ValueGeneratedNever();
        staff.Property(s => s.Name).HasMaxLength(StaffMember.NameMaxLength);
        staff.Property(s => s.Phone).HasMaxLength(PhoneNumber.MaxLength);
        staff.Property(s => s.Email).HasMaxLength(EmailAddress.MaxLength);
        staff.Property(s => s.Department).HasConversion<string>().HasMaxLength(32);
        // Arrays (text[], uuid[]): a staff member has a handful of each, and PostgreSQL filters on them directly.
        staff.PrimitiveCollection(s => s.Roles).ElementType().HasConversion<string>();
        staff.PrimitiveCollection(s => s.PropertyIds);
        staff.Property<uint>("xmin").IsRowVersion();
        // The feed other services fill their copies from is read in this order.
        staff.HasIndex(s => new { s.ChangedAt, s.Id });
    }
}
