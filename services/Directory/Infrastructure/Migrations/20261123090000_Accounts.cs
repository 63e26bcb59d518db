using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PropertyPlatform.Directory.Infrastructure.Migrations;

/// <summary>Accounts, refresh tokens and the keys that sign access tokens.</summary>
[DbContext(typeof(DirectoryDbContext))]
[Migration("20261123090000_Accounts")]
public sealed class Accounts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "accounts",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                user_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                normalized_user_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                password_hash = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                person_id = table.Column<Guid>(type: "uuid", nullable: false),
                display_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                roles = table.Column<string[]>(type: "text[]", nullable: false),
                all_properties = table.Column<bool>(type: "boolean", nullable: false),
                property_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                unit_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                failed_sign_ins = table.Column<int>(type: "integer", nullable: false),
                locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_accounts", x => x.id));
        migrationBuilder.CreateIndex("ix_accounts_normalized_user_name", "accounts", "normalized_user_name", unique: true);
        migrationBuilder.CreateIndex("ix_accounts_person_id", "accounts", "person_id", unique: true);

        migrationBuilder.CreateTable(
            name: "refresh_tokens",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                family_id = table.Column<Guid>(type: "uuid", nullable: false),
                account_id = table.Column<Guid>(type: "uuid", nullable: false),
                token_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_refresh_tokens", x => x.id);
                table.ForeignKey("fk_refresh_tokens_accounts_account_id", x => x.account_id, "accounts", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_refresh_tokens_account_id", "refresh_tokens", "account_id");
        migrationBuilder.CreateIndex("ix_refresh_tokens_family_id", "refresh_tokens", "family_id");
        migrationBuilder.CreateIndex("ix_refresh_tokens_token_hash", "refresh_tokens", "token_hash", unique: true);

        migrationBuilder.CreateTable(
            name: "signing_keys",
            columns: table => new
            {
                id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                public_key = table.Column<byte[]>(type: "bytea", nullable: false),
                protected_private_key = table.Column<byte[]>(type: "bytea", nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                activates_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                retires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_signing_keys", x => x.id));
    }
}
