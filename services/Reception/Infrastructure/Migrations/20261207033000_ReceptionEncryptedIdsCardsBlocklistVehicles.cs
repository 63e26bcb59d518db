using System;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PropertyPlatform.Reception.Infrastructure.Migrations
{
    /// <summary>
    /// ID numbers encrypted at rest: the plain numbers move to <c>unencrypted_id_number</c> with their masked form beside
    /// them; <c>IdNumberEncryption</c> encrypts and empties that column at start (SQL has no access to the Data Protection
    /// keys, kept in <c>data_protection_keys</c>). Access cards (出入证), the blocklist and the vehicle register.
    /// </summary>
    [DbContext(typeof(ReceptionDbContext))]
    [Migration("20261207033000_ReceptionEncryptedIdsCardsBlocklistVehicles")]
    public partial class ReceptionEncryptedIdsCardsBlocklistVehicles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The plain numbers stay readable to the start-up step only; views read the masked form from now on.
            migrationBuilder.RenameColumn(name: "id_number", table: "visits", newName: "unencrypted_id_number");
            migrationBuilder.AlterColumn<string>(
                name: "unencrypted_id_number", table: "visits", type: "character varying(32)", maxLength: 32, nullable: true,
                oldClrType: typeof(string), oldType: "character varying(32)", oldMaxLength: 32);
            migrationBuilder.AddColumn<string>(
                name: "id_number_masked", table: "visits", type: "character varying(32)", maxLength: 32, nullable: false, defaultValue: "");
            migrationBuilder.AddColumn<string>(
                name: "id_number_ciphertext", table: "visits", type: "character varying(512)", maxLength: 512, nullable: false, defaultValue: "");
            migrationBuilder.Sql($"UPDATE visits SET id_number_masked = {Mask("unencrypted_id_number")}");
            // The defaults only filled the existing rows; the entity always sets both.
            migrationBuilder.Sql("ALTER TABLE visits ALTER COLUMN id_number_masked DROP DEFAULT");
            migrationBuilder.Sql("ALTER TABLE visits ALTER COLUMN id_number_ciphertext DROP DEFAULT");

            migrationBuilder.RenameColumn(name: "claimant_id_number", table: "lost_items", newName: "unencrypted_id_number");
            migrationBuilder.AddColumn<string>(
                name: "claimant_id_number_masked", table: "lost_items", type: "character varying(32)", maxLength: 32, nullable: true);
            migrationBuilder.AddColumn<string>(
                name: "claimant_id_number_ciphertext", table: "lost_items", type: "character varying(512)", maxLength: 512, nullable: true);
            migrationBuilder.Sql($"UPDATE lost_items SET claimant_id_number_masked = {Mask("unencrypted_id_number")} WHERE unencrypted_id_number IS NOT NULL");

            migrationBuilder.CreateTable(
                name: "access_cards",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    property_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    card_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    holder_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    holder_phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    company = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    deposit = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    valid_until = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    issued_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    returned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lost_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    lost_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_cards", x => x.id);
                    table.ForeignKey(
                        name: "fk_access_cards_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "blocklist",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    property_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    id_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    id_number_masked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    id_number_ciphertext = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    added_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    added_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    lifted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lifted_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_blocklist", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "vehicles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    property_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plate_number = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    driver_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    driver_phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    host_unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    purpose = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    entered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    left_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_vehicles", x => x.id);
                    table.ForeignKey(
                        name: "fk_vehicles_units_host_unit_id",
                        column: x => x.host_unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_access_cards_issued_card_number",
                table: "access_cards",
                columns: new[] { "property_id", "card_number" },
                unique: true,
                filter: "status = 'Issued'");

            migrationBuilder.CreateIndex(
                name: "ix_access_cards_property_id_issued_at",
                table: "access_cards",
                columns: new[] { "property_id", "issued_at" });

            migrationBuilder.CreateIndex(
                name: "ix_access_cards_unit_id",
                table: "access_cards",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_blocklist_property_id",
                table: "blocklist",
                column: "property_id",
                filter: "lifted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_vehicles_host_unit_id",
                table: "vehicles",
                column: "host_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_vehicles_on_site_plate",
                table: "vehicles",
                columns: new[] { "property_id", "plate_number" },
                unique: true,
                filter: "left_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_vehicles_property_id_entered_at",
                table: "vehicles",
                columns: new[] { "property_id", "entered_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "access_cards");

            migrationBuilder.DropTable(
                name: "blocklist");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "vehicles");

            // Going back cannot decrypt in SQL: numbers encrypted since the upgrade come back as their masked form.
            migrationBuilder.Sql("UPDATE visits SET unencrypted_id_number = id_number_masked WHERE unencrypted_id_number IS NULL");
            migrationBuilder.DropColumn(name: "id_number_ciphertext", table: "visits");
            migrationBuilder.DropColumn(name: "id_number_masked", table: "visits");
            migrationBuilder.AlterColumn<string>(
                name: "unencrypted_id_number", table: "visits", type: "character varying(32)", maxLength: 32, nullable: false,
                oldClrType: typeof(string), oldType: "character varying(32)", oldMaxLength: 32, oldNullable: true);
            migrationBuilder.RenameColumn(name: "unencrypted_id_number", table: "visits", newName: "id_number");

            migrationBuilder.Sql(
                "UPDATE lost_items SET unencrypted_id_number = claimant_id_number_masked WHERE unencrypted_id_number IS NULL AND claimant_id_number_masked IS NOT NULL");
            migrationBuilder.DropColumn(name: "claimant_id_number_ciphertext", table: "lost_items");
            migrationBuilder.DropColumn(name: "claimant_id_number_masked", table: "lost_items");
            migrationBuilder.RenameColumn(name: "unencrypted_id_number", table: "lost_items", newName: "claimant_id_number");
        }

        /// <summary>SQL for <c>IdentityDocument.Mask</c>: the first 3 and last 4 of 15 or more characters, the last 4 of 8 or more.</summary>
        private static string Mask(string column) => $"""
            CASE WHEN length({column}) >= 15 THEN left({column}, 3) || repeat('*', length({column}) - 7) || right({column}, 4)
                 WHEN length({column}) >= 8 THEN repeat('*', length({column}) - 4) || right({column}, 4)
                 ELSE repeat('*', length({column})) END
            """;
    }
}
