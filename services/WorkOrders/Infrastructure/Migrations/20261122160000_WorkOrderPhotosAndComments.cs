using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PropertyPlatform.WorkOrders.Infrastructure.Migrations;

/// <summary>
/// Photos of work orders (bytea, in the order's database) with the order's photo count, and the kind of each
/// timeline line (transition, note, comment). Existing lines without a change of state become notes, except
/// reassignments (改派), which are transitions between two dispatched states.
/// </summary>
[DbContext(typeof(WorkOrdersDbContext))]
[Migration("20261122160000_WorkOrderPhotosAndComments")]
public sealed class WorkOrderPhotosAndComments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            ALTER TABLE work_orders ADD COLUMN photo_count integer NOT NULL DEFAULT 0;
            ALTER TABLE work_orders ALTER COLUMN photo_count DROP DEFAULT;

            ALTER TABLE work_order_timeline ADD COLUMN kind character varying(16) NOT NULL DEFAULT 'Transition';
            UPDATE work_order_timeline SET kind = 'Note'
            WHERE "from" = "to" AND NOT (coalesce(note, '') LIKE '改派%');
            ALTER TABLE work_order_timeline ALTER COLUMN kind DROP DEFAULT;
            """);

        migrationBuilder.CreateTable(
            name: "work_order_photos",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                work_order_id = table.Column<Guid>(type: "uuid", nullable: false),
                sequence = table.Column<int>(type: "integer", nullable: false),
                content_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                size = table.Column<int>(type: "integer", nullable: false),
                sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                stage = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                uploaded_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                uploaded_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                content = table.Column<byte[]>(type: "bytea", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_work_order_photos", x => x.id);
                table.ForeignKey("fk_work_order_photos_work_orders_work_order_id", x => x.work_order_id, "work_orders", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_work_order_photos_work_order_id_sequence", "work_order_photos", ["work_order_id", "sequence"], unique: true);
    }
}
