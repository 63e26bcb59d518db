using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Directory.Domain;
using PropertyPlatform.Directory.Infrastructure.Auditing;
using PropertyPlatform.Directory.Infrastructure.Configurations;
using PropertyPlatform.Directory.Infrastructure.DataProtection;
using PropertyPlatform.ServiceDefaults.Data;

namespace PropertyPlatform.Directory.Infrastructure;

public sealed class DirectoryDbContext(DbContextOptions<DirectoryDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Property> Properties => Set<Property>();

    public DbSet<Building> Buildings => Set<Building>();

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();

    // People: occupants and their signers, occupancies, staff, and the audit trail of their records.
    public DbSet<Occupant> Occupants => Set<Occupant>();

    public DbSet<AuthorisedSigner> AuthorisedSigners => Set<AuthorisedSigner>();

    public DbSet<Occupancy> Occupancies => Set<Occupancy>();

    public DbSet<StaffMember> Staff => Set<StaffMember>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>The key ring that encrypts ID numbers (see <see cref="DataProtectionSetup"/>).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        modelBuilder.Entity<Property>(property =>
        {
            property.HasKey(p => p.Id);
            property.Property(p => p.Id).ValueGeneratedNever();
            property.Property(p => p.Name).HasMaxLength(Property.NameMaxLength);
            property.Property(p => p.Type).HasConversion<string>().HasMaxLength(32);
            property.Property(p => p.Address).HasMaxLength(Property.AddressMaxLength);
            property.Property<uint>("xmin").IsRowVersion();
        });

        modelBuilder.Entity<Building>(building =>
        {
            building.HasKey(b => b.Id);
            building.Property(b => b.Id).ValueGeneratedNever();
            building.Property(b => b.Name).HasMaxLength(Building.NameMaxLength);
            building.Property<uint>("xmin").IsRowVersion();
            building.HasOne<Property>().WithMany().HasForeignKey(b => b.PropertyId).OnDelete(DeleteBehavior.Restrict);
            // Two buildings named A座 in one property could not be told apart on a work order or a bill.
            building.HasIndex(b => new { b.PropertyId, b.Name }).IsUnique();
        });

        modelBuilder.Entity<Unit>(unit =>
        {
            unit.HasKey(u => u.Id);
            unit.Property(u => u.Id).ValueGeneratedNever();
            unit.Property(u => u.Number).HasMaxLength(Unit.NumberMaxLength);
            unit.Property(u => u.Type).HasConversion<string>().HasMaxLength(32);
            unit.Property(u => u.ChargeableArea).HasPrecision(10, 2);
            unit.Property<uint>("xmin").IsRowVersion();
            unit.HasOne<Property>().WithMany().HasForeignKey(u => u.PropertyId).OnDelete(DeleteBehavior.Restrict);
            unit.HasOne<Building>().WithMany().HasForeignKey(u => u.BuildingId).OnDelete(DeleteBehavior.Restrict);
            unit.HasIndex(u => new { u.BuildingId, u.Number }).IsUnique();
            // The feed other services fill their copies from is read in this order (migration 20261206090000_RecordVersions).
            unit.HasIndex(u => new { u.ChangedAt, u.Id });
        });

        modelBuilder.ConfigureSignIn();

        // People (migration 20261122120000_People).
        modelBuilder.ApplyConfiguration(new OccupantConfiguration());
        modelBuilder.ApplyConfiguration(new AuthorisedSignerConfiguration());
        modelBuilder.ApplyConfiguration(new OccupancyConfiguration());
        modelBuilder.ApplyConfiguration(new StaffMemberConfiguration());
        modelBuilder.ApplyConfiguration(new AuditEntryConfiguration());
        modelBuilder.ApplyConfiguration(new DataProtectionKeyConfiguration());
    }
}
