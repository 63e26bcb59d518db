using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PropertyPlatform.Directory.Infrastructure.DataProtection;

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> key)
    {
        key.HasKey(k => k.Id);
        key.Property(k => k.Id).UseIdentityByDefaultColumn();
        key.Property(k => k.FriendlyName).HasMaxLength(200);
    }
}
