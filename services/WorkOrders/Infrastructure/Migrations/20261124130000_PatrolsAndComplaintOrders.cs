using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PropertyPlatform.WorkOrders.Infrastructure.Migrations;

/// <summary>
/// Patrol routes with their checklist (a version number that grows with each change), patrol records with one line per
/// answered item, and on each order the patrol record or complaint that raised it (null for earlier orders).
/// </summary>
[DbContext(typeof(WorkOrdersDbContext))]
[Migration("20261124130000_PatrolsAndComplaintOrders")]
public sealed class PatrolsAndComplaintOrders : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "patrol_routes",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                property_id = table.Column<Guid>(type: "uuid", nullable: false),
                name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                area = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                checklist = table.Column<List<string>>(type: "text[]", nullable: false),
                checklist_version = table.Column<int>(type: "integer", nullable: false),
                active = table.Column<bool>(type: "boolean", nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_patrol_routes", x => x.id));
        migrationBuilder.CreateIndex("ix_patrol_routes_property_id_name", "patrol_routes", ["property_id", "name"], unique: true);

        migrationBuilder.CreateTable(
            name: "patrol_records",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                property_id = table.Column<Guid>(type: "uuid", nullable: false),
                route_id = table.Column<Guid>(type: "uuid", nullable: false),
                route_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                checklist_version = table.Column<int>(type: "integer", nullable: false),
                patrolled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                patroller_id = table.Column<Guid>(type: "uuid", nullable: false),
                patroller_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_patrol_records", x => x.id);
                table.ForeignKey("fk_patrol_records_patrol_routes_route_id", x => x.route_id, "patrol_routes", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("ix_patrol_records_property_id_patrolled_at", "patrol_records", ["property_id", "patrolled_at"]);
        migrationBuilder.CreateIndex("ix_patrol_records_route_id_patrolled_at", "patrol_records", ["route_id", "patrolled_at"]);

        migrationBuilder.CreateTable(
            name: "patrol_record_items",
            columns: table => new
            {
                patrol_record_id = table.Column<Guid>(type: "uuid", nullable: false),
                item = table.Column<int>(type: "integer", nullable: false),
                text = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                passed = table.Column<bool>(type: "boolean", nullable: false),
                note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                unit_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                priority = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                work_order_id = table.Column<Guid>(type: "uuid", nullable: true),
                work_order_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_patrol_record_items", x => new { x.patrol_record_id, x.item });
                table.ForeignKey("fk_patrol_record_items_patrol_records_patrol_record_id", x => x.patrol_record_id, "patrol_records", "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_patrol_record_items_units_unit_id", x => x.unit_id, "units", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("ix_patrol_record_items_unit_id", "patrol_record_items", "unit_id");

        migrationBuilder.AddColumn<Guid>("patrol_record_id", "work_orders", type: "uuid", nullable: true);
        migrationBuilder.AddColumn<Guid>("complaint_id", "work_orders", type: "uuid", nullable: true);
        migrationBuilder.AddForeignKey(
            "fk_work_orders_patrol_records_patrol_record_id", "work_orders", "patrol_record_id", "patrol_records", principalColumn: "id",
            onDelete: ReferentialAction.Restrict);
        migrationBuilder.CreateIndex("ix_work_orders_patrol_record_id", "work_orders", "patrol_record_id");
        migrationBuilder.CreateIndex("ix_work_orders_complaint_id", "work_orders", "complaint_id", filter: "complaint_id IS NOT NULL");
    }
}
