using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PropertyPlatform.ServiceDefaults.LocalCopies;

/// <summary>The <c>units</c> table; <see cref="UnitCopies.CreateUnitCopies"/> must create exactly this.</summary>
public sealed class UnitCopyConfiguration : IEntityTypeConfiguration<UnitCopy>
{
    public void Configure(EntityTypeBuilder<UnitCopy> unit)
    {
        unit.ToTable("units");
        unit.HasKey(u => u.Id);
        // The id is Directory's unit id, never generated here.
        unit.Property(u => u.Id).ValueGeneratedNever();
        unit.Property(u => u.BuildingName).HasMaxLength(100);
        unit.Property(u => u.Number).HasMaxLength(32);
        unit.Property(u => u.Type).HasConversion<string>().HasMaxLength(32);
        unit.Property(u => u.ChargeableArea).HasPrecision(10, 2);
        unit.HasIndex(u => u.PropertyId);
        // An event and the feed's fill may change one unit at once: the second writer retries and compares versions again.
        unit.Property(u => u.Version).IsConcurrencyToken();
    }
}
