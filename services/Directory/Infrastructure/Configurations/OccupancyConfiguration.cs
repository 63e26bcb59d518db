using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyPlatform.Directory.Domain;

namespace PropertyPlatform.Directory.Infrastructure.Configurations;

internal sealed class OccupancyConfiguration : IEntityTypeConfiguration<Occupancy>
{
    public void Configure(EntityTypeBuilder<Occupancy> occupancy)
    {
        occupancy.HasKey(o => o.Id);
        occupancy.Property(o => o.Id).ValueGeneratedNever();
        occupancy.Property(o => o.Role).HasConversion<string>().HasMaxLength(32);
        occupancy.Ignore(o => o.IsCurrent);
        occupancy.Property<uint>("xmin").IsRowVersion();
        occupancy.HasOne<Property>().WithMany().HasForeignKey(o => o.PropertyId).OnDelete(DeleteBehavior.Restrict);
        occupancy.HasOne<Unit>().WithMany().HasForeignKey(o => o.UnitId).OnDelete(DeleteBehavior.Restrict);
        occupancy.HasOne<Occupant>().WithMany().HasForeignKey(o => o.OccupantId).OnDelete(DeleteBehavior.Restrict);

        // The entity's rules, guaranteed against two clerks recording a move-in at once: one current owner and
        // one current tenant per unit, and one current hold per occupant and role.
        occupancy.HasIndex(o => new { o.UnitId, o.Role }, "ix_occupancies_one_current_owner_or_tenant")
            .IsUnique().HasFilter("end_date IS NULL AND role <> 'Resident'");
        occupancy.HasIndex(o => new { o.UnitId, o.OccupantId, o.Role }, "ix_occupancies_one_current_per_occupant_and_role")
            .IsUnique().HasFilter("end_date IS NULL");
        occupancy.HasIndex(o => new { o.UnitId, o.StartDate });
        occupancy.HasIndex(o => o.OccupantId);
    }
}
