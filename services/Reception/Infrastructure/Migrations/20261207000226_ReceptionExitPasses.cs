using System;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyPlatform.Reception.Infrastructure.Migrations
{
    /// <summary>Goods exit passes (出门条) with their items, and the copies of Directory's signers and occupancies.</summary>
    [DbContext(typeof(ReceptionDbContext))]
    [Migration("20261207000226_ReceptionExitPasses")]
    public partial class ReceptionExitPasses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "authorised_signers",
                columns: table => new
                {
                    signer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    property_id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    authorised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_authorised_signers", x => x.signer_id);
                });

            migrationBuilder.CreateTable(
                name: "exit_passes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    property_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    applied_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    applied_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    carrier_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    exit_date = table.Column<DateOnly>(type: "date", nullable: false),
                    signer_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    signer_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    applied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    verified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    verified_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    checked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    checked_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    gate_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exit_passes", x => x.id);
                    table.ForeignKey(
                        name: "fk_exit_passes_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "occupancies",
                columns: table => new
                {
                    occupancy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    property_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    occupant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_occupancies", x => x.occupancy_id);
                });

            migrationBuilder.CreateTable(
                name: "exit_pass_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    exit_pass_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    quantity = table.Column<int>(type: "integer", nullable: false),
                    released_quantity = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exit_pass_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_exit_pass_items_exit_passes_exit_pass_id",
                        column: x => x.exit_pass_id,
                        principalTable: "exit_passes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_authorised_signers_person_id_company_id",
                table: "authorised_signers",
                columns: new[] { "person_id", "company_id" });

            migrationBuilder.CreateIndex(
                name: "ix_exit_pass_items_exit_pass_id_sequence",
                table: "exit_pass_items",
                columns: new[] { "exit_pass_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_exit_passes_property_id_exit_date",
                table: "exit_passes",
                columns: new[] { "property_id", "exit_date" });

            migrationBuilder.CreateIndex(
                name: "ix_exit_passes_unit_id",
                table: "exit_passes",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_occupancies_unit_id_occupant_id",
                table: "occupancies",
                columns: new[] { "unit_id", "occupant_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "authorised_signers");

            migrationBuilder.DropTable(
                name: "exit_pass_items");

            migrationBuilder.DropTable(
                name: "occupancies");

            migrationBuilder.DropTable(
                name: "exit_passes");
        }
    }
}
