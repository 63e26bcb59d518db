using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PropertyPlatform.ServiceDefaults.Data;

namespace PropertyPlatform.Directory.Infrastructure.Migrations;

/// <summary>Properties, their buildings and units.</summary>
[DbContext(typeof(DirectoryDbContext))]
[Migration("20261122100000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateOutboxAndInbox();

        migrationBuilder.CreateTable(
            name: "properties",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_properties", x => x.id));

        migrationBuilder.CreateTable(
            name: "buildings",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                property_id = table.Column<Guid>(type: "uuid", nullable: false),
                name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_buildings", x => x.id);
                table.ForeignKey("fk_buildings_properties_property_id", x => x.property_id, "properties", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("ix_buildings_property_id_name", "buildings", ["property_id", "name"], unique: true);

        migrationBuilder.CreateTable(
            name: "units",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                property_id = table.Column<Guid>(type: "uuid", nullable: false),
                building_id = table.Column<Guid>(type: "uuid", nullable: false),
                number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                floor = table.Column<int>(type: "integer", nullable: false),
                type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                chargeable_area = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_units", x => x.id);
                table.ForeignKey("fk_units_buildings_building_id", x => x.building_id, "buildings", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_units_properties_property_id", x => x.property_id, "properties", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("ix_units_building_id_number", "units", ["building_id", "number"], unique: true);
        migrationBuilder.CreateIndex("ix_units_property_id", "units", "property_id");
    }
}
