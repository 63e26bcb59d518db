using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyPlatform.Notifications.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class NotifyRoutingAndOccupancyVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ended",
                table: "contact_units",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "version",
                table: "contact_units",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // The defaults only filled the existing rows (current occupancies, unversioned: the fill reads the feed once).
            migrationBuilder.Sql("ALTER TABLE contact_units ALTER COLUMN ended DROP DEFAULT, ALTER COLUMN version DROP DEFAULT");

            migrationBuilder.CreateTable(
                name: "routing_rules",
                columns: table => new
                {
                    property_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    audiences = table.Column<int[]>(type: "integer[]", nullable: false),
                    channels = table.Column<int[]>(type: "integer[]", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_routing_rules", x => new { x.property_id, x.event_type });
                });

            migrationBuilder.CreateIndex(
                name: "ix_contact_units_property_id_unit_id",
                table: "contact_units",
                columns: new[] { "property_id", "unit_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "routing_rules");

            migrationBuilder.DropIndex(
                name: "ix_contact_units_property_id_unit_id",
                table: "contact_units");

            migrationBuilder.DropColumn(
                name: "ended",
                table: "contact_units");

            migrationBuilder.DropColumn(
                name: "version",
                table: "contact_units");
        }
    }
}
