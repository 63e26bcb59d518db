using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PropertyPlatform.Complaints.Infrastructure.Migrations;

/// <summary>The work orders asked for on a complaint: who asked when, and for what.</summary>
[DbContext(typeof(ComplaintsDbContext))]
[Migration("20261124130000_ComplaintWorkOrderRequests")]
public sealed class ComplaintWorkOrderRequests : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "complaint_work_order_requests",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                requested_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                requested_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                priority = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_complaint_work_order_requests", x => x.id);
                table.ForeignKey("fk_complaint_work_order_requests_complaints_complaint_id", x => x.complaint_id, "complaints", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_complaint_work_order_requests_complaint_id", "complaint_work_order_requests", "complaint_id");
    }
}
