using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PropertyPlatform.Complaints.Infrastructure.Migrations;

/// <summary>The work orders complaints raised, as the complaints follow them (WorkOrders' events).</summary>
[DbContext(typeof(ComplaintsDbContext))]
[Migration("20261206202034_ComplaintsFollowWorkOrders")]
public sealed class ComplaintsFollowWorkOrders : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "complaint_work_orders",
            columns: table => new
            {
                work_order_id = table.Column<Guid>(type: "uuid", nullable: false),
                complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                outcome = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_complaint_work_orders", x => x.work_order_id);
                table.ForeignKey("fk_complaint_work_orders_complaints_complaint_id", x => x.complaint_id, "complaints", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_complaint_work_orders_complaint_id", "complaint_work_orders", "complaint_id");
    }
}
