using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace PropertyPlatform.Directory.Infrastructure.Migrations;

/// <summary>
/// Occupants and their authorised signers, occupancies (move-in/move-out history), staff, the audit trail of
/// people's records, and the data-protection key ring that encrypts ID numbers.
/// </summary>
[DbContext(typeof(DirectoryDbContext))]
[Migration("20261122120000_People")]
public sealed class People : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "occupants",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                property_id = table.Column<Guid>(type: "uuid", nullable: false),
                kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                phone = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                id_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                id_number_masked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                id_number_ciphertext = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                company_id = table.Column<Guid>(type: "uuid", nullable: true),
                registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_occupants", x => x.id);
                table.ForeignKey("fk_occupants_occupants_company_id", x => x.company_id, "occupants", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_occupants_properties_property_id", x => x.property_id, "properties", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("ix_occupants_company_id", "occupants", "company_id");
        migrationBuilder.CreateIndex("ix_occupants_property_id_name", "occupants", ["property_id", "name"]);

        migrationBuilder.CreateTable(
            name: "authorised_signers",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                company_id = table.Column<Guid>(type: "uuid", nullable: false),
                person_id = table.Column<Guid>(type: "uuid", nullable: false),
                authorised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_authorised_signers", x => x.id);
                table.ForeignKey("fk_authorised_signers_occupants_company_id", x => x.company_id, "occupants", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_authorised_signers_occupants_person_id", x => x.person_id, "occupants", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("ix_authorised_signers_company_id_person_id", "authorised_signers", ["company_id", "person_id"],
            unique: true, filter: "withdrawn_at IS NULL");
        migrationBuilder.CreateIndex("ix_authorised_signers_person_id", "authorised_signers", "person_id");

        migrationBuilder.CreateTable(
            name: "occupancies",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                property_id = table.Column<Guid>(type: "uuid", nullable: false),
                unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                occupant_id = table.Column<Guid>(type: "uuid", nullable: false),
                role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                start_date = table.Column<DateOnly>(type: "date", nullable: false),
                end_date = table.Column<DateOnly>(type: "date", nullable: true),
                started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_occupancies", x => x.id);
                table.ForeignKey("fk_occupancies_occupants_occupant_id", x => x.occupant_id, "occupants", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_occupancies_properties_property_id", x => x.property_id, "properties", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_occupancies_units_unit_id", x => x.unit_id, "units", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("ix_occupancies_occupant_id", "occupancies", "occupant_id");
        migrationBuilder.CreateIndex("ix_occupancies_property_id", "occupancies", "property_id");
        migrationBuilder.CreateIndex("ix_occupancies_unit_id_start_date", "occupancies", ["unit_id", "start_date"]);
        migrationBuilder.CreateIndex("ix_occupancies_one_current_owner_or_tenant", "occupancies", ["unit_id", "role"],
            unique: true, filter: "end_date IS NULL AND role <> 'Resident'");
        migrationBuilder.CreateIndex("ix_occupancies_one_current_per_occupant_and_role", "occupancies", ["unit_id", "occupant_id", "role"],
            unique: true, filter: "end_date IS NULL");

        migrationBuilder.CreateTable(
            name: "staff",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                phone = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                department = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                roles = table.Column<string[]>(type: "text[]", nullable: false),
                property_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_staff", x => x.id));

        migrationBuilder.CreateTable(
            name: "audit_entries",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                subject_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                entity_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                changes = table.Column<string>(type: "jsonb", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_audit_entries", x => x.id));
        migrationBuilder.CreateIndex("ix_audit_entries_subject_id_at", "audit_entries", ["subject_id", "at"]);

        migrationBuilder.CreateTable(
            name: "data_protection_keys",
            columns: table => new
            {
                id = table.Column<int>(type: "integer", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                friendly_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                xml = table.Column<string>(type: "text", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_data_protection_keys", x => x.id));
    }
}
