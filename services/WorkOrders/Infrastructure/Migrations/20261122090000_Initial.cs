using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.LocalCopies;

namespace PropertyPlatform.WorkOrders.Infrastructure.Migrations;

/// <summary>Work orders taken against the local copy of units, numbered per property and day.</summary>
[DbContext(typeof(WorkOrdersDbContext))]
[Migration("20261122090000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateOutboxAndInbox();
        migrationBuilder.CreateUnitCopies();

        migrationBuilder.CreateDailyCounters();

        migrationBuilder.CreateTable(
            name: "work_orders",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                property_id = table.Column<Guid>(type: "uuid", nullable: false),
                number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                priority = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                contact_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                contact_phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                preferred_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_work_orders", x => x.id);
                table.ForeignKey("fk_work_orders_units_unit_id", x => x.unit_id, "units", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("ix_work_orders_property_id_number", "work_orders", ["property_id", "number"], unique: true);
        migrationBuilder.CreateIndex("ix_work_orders_property_id_submitted_at", "work_orders", ["property_id", "submitted_at"]);
        migrationBuilder.CreateIndex("ix_work_orders_unit_id", "work_orders", "unit_id");
    }
}
