using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyPlatform.Complaints.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintsPhotosAndPlanEnds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_visit_plans_property_id",
                table: "visit_plans");

            migrationBuilder.DropIndex(
                name: "ix_visit_plans_property_id_building_id",
                table: "visit_plans");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ended_at",
                table: "visit_plans",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ended_by_id",
                table: "visit_plans",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ended_by_name",
                table: "visit_plans",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ends_on",
                table: "visit_plans",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "photo_count",
                table: "complaints",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // The default only fills the complaints taken before; the model has none.
            migrationBuilder.Sql("ALTER TABLE complaints ALTER COLUMN photo_count DROP DEFAULT;");

            migrationBuilder.CreateTable(
                name: "complaint_photos",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    content_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    size = table.Column<int>(type: "integer", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    uploaded_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    uploaded_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaint_photos", x => x.id);
                    table.ForeignKey(
                        name: "fk_complaint_photos_complaints_complaint_id",
                        column: x => x.complaint_id,
                        principalTable: "complaints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_visit_plans_property_id",
                table: "visit_plans",
                column: "property_id",
                unique: true,
                filter: "kind = 'Occupants' AND ends_on IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_visit_plans_property_id_building_id",
                table: "visit_plans",
                columns: new[] { "property_id", "building_id" },
                unique: true,
                filter: "building_id IS NOT NULL AND ends_on IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_complaint_photos_complaint_id_sequence",
                table: "complaint_photos",
                columns: new[] { "complaint_id", "sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "complaint_photos");

            migrationBuilder.DropIndex(
                name: "ix_visit_plans_property_id",
                table: "visit_plans");

            migrationBuilder.DropIndex(
                name: "ix_visit_plans_property_id_building_id",
                table: "visit_plans");

            migrationBuilder.DropColumn(
                name: "ended_at",
                table: "visit_plans");

            migrationBuilder.DropColumn(
                name: "ended_by_id",
                table: "visit_plans");

            migrationBuilder.DropColumn(
                name: "ended_by_name",
                table: "visit_plans");

            migrationBuilder.DropColumn(
                name: "ends_on",
                table: "visit_plans");

            migrationBuilder.DropColumn(
                name: "photo_count",
                table: "complaints");

            migrationBuilder.CreateIndex(
                name: "ix_visit_plans_property_id",
                table: "visit_plans",
                column: "property_id",
                unique: true,
                filter: "kind = 'Occupants'");

            migrationBuilder.CreateIndex(
                name: "ix_visit_plans_property_id_building_id",
                table: "visit_plans",
                columns: new[] { "property_id", "building_id" },
                unique: true,
                filter: "building_id IS NOT NULL");
        }
    }
}
