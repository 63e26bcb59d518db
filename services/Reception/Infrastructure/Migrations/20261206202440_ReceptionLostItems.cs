using System;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyPlatform.Reception.Infrastructure.Migrations
{
    /// <summary>Lost and found (拾遗): the register of found items and each item's custody log.</summary>
    [DbContext(typeof(ReceptionDbContext))]
    [Migration("20261206202440_ReceptionLostItems")]
    public partial class ReceptionLostItems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "lost_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    property_id = table.Column<Guid>(type: "uuid", nullable: false),
                    found_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    item = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    features = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    estimated_value = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    finder_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    finder_phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    recorded_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    is_valuable = table.Column<bool>(type: "boolean", nullable: false),
                    custodian = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    retain_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    claimant_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    claimant_phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    claimant_id_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    claimant_id_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    claimed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    handed_over_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    handed_over_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    disposal = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    disposal_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    disposed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    disposed_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    disposed_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lost_items", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lost_item_custody_log",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lost_item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    custodian = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    actor_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    note = table.Column<string>(type: "character varying(700)", maxLength: 700, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lost_item_custody_log", x => x.id);
                    table.ForeignKey(
                        name: "fk_lost_item_custody_log_lost_items_lost_item_id",
                        column: x => x.lost_item_id,
                        principalTable: "lost_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_lost_item_custody_log_lost_item_id_sequence",
                table: "lost_item_custody_log",
                columns: new[] { "lost_item_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_lost_items_property_id_status_found_at",
                table: "lost_items",
                columns: new[] { "property_id", "status", "found_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "lost_item_custody_log");

            migrationBuilder.DropTable(
                name: "lost_items");
        }
    }
}
