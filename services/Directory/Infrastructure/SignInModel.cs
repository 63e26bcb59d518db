using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Directory.Domain;

namespace PropertyPlatform.Directory.Infrastructure;

/// <summary>Tables of accounts, refresh tokens and token signing keys.</summary>
internal static class SignInModel
{
    public static void ConfigureSignIn(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Account>(account =>
        {
            account.HasKey(a => a.Id);
            account.Property(a => a.Id).ValueGeneratedNever();
            account.Property(a => a.UserName).HasMaxLength(Account.UserNameMaxLength);
            account.Property(a => a.NormalizedUserName).HasMaxLength(Account.UserNameMaxLength);
            account.Property(a => a.PasswordHash).HasMaxLength(256);
            account.Property(a => a.DisplayName).HasMaxLength(Account.DisplayNameMaxLength);
            // PostgreSQL arrays: read whole with the account, never queried by element.
            account.PrimitiveCollection(a => a.Roles);
            account.PrimitiveCollection(a => a.PropertyIds);
            account.PrimitiveCollection(a => a.UnitIds);
            account.Property<uint>("xmin").IsRowVersion();
            account.HasIndex(a => a.NormalizedUserName).IsUnique();
            // One account per person: a token's subject names exactly one account.
            account.HasIndex(a => a.PersonId).IsUnique();
        });

        modelBuilder.Entity<RefreshToken>(token =>
        {
            token.HasKey(t => t.Id);
            token.Property(t => t.Id).ValueGeneratedNever();
            token.Property(t => t.TokenHash).HasMaxLength(RefreshToken.HashLength).IsFixedLength();
            token.HasOne<Account>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Cascade);
            token.HasIndex(t => t.TokenHash).IsUnique();
            token.HasIndex(t => t.FamilyId);
        });

        modelBuilder.Entity<SigningKey>(key =>
        {
            key.HasKey(k => k.Id);
            key.Property(k => k.Id).HasMaxLength(SigningKey.IdMaxLength).ValueGeneratedNever();
        });
    }
}
