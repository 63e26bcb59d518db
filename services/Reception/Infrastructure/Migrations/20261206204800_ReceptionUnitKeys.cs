using System;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyPlatform.Reception.Infrastructure.Migrations
{
    /// <summary>Keys of vacant units (空置房钥匙): the key register and each key's loans.</summary>
    [DbContext(typeof(ReceptionDbContext))]
    [Migration("20261206204800_ReceptionUnitKeys")]
    public partial class ReceptionUnitKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "unit_keys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    property_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    holder_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    holder_phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    signed_out_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    expected_return_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    due_by = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_keys", x => x.id);
                    table.ForeignKey(
                        name: "fk_unit_keys_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "unit_key_loans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_key_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    holder_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    holder_phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    signed_out_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expected_return_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    signed_out_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    signed_out_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    returned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    received_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    received_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    returned_late = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_key_loans", x => x.id);
                    table.ForeignKey(
                        name: "fk_unit_key_loans_unit_keys_unit_key_id",
                        column: x => x.unit_key_id,
                        principalTable: "unit_keys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_unit_key_loans_unit_key_id_sequence",
                table: "unit_key_loans",
                columns: new[] { "unit_key_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_unit_keys_property_id_due_by",
                table: "unit_keys",
                columns: new[] { "property_id", "due_by" },
                filter: "status = 'SignedOut'");

            migrationBuilder.CreateIndex(
                name: "ix_unit_keys_unit_id_label",
                table: "unit_keys",
                columns: new[] { "unit_id", "label" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "unit_key_loans");

            migrationBuilder.DropTable(
                name: "unit_keys");
        }
    }
}
