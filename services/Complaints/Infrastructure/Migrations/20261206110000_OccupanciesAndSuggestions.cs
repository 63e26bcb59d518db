using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PropertyPlatform.Complaints.Infrastructure.Migrations;

/// <summary>The copy of Directory's occupancies (for the valid complaint rate), and suggestions (合理化建议).</summary>
[DbContext(typeof(ComplaintsDbContext))]
[Migration("20261206110000_OccupanciesAndSuggestions")]
public sealed class OccupanciesAndSuggestions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "occupancies",
            columns: t => new
            {
                id = t.Column<Guid>(type: "uuid", nullable: false),
                property_id = t.Column<Guid>(type: "uuid", nullable: false),
                unit_id = t.Column<Guid>(type: "uuid", nullable: false),
                start_date = t.Column<DateOnly>(type: "date", nullable: false),
                end_date = t.Column<DateOnly>(type: "date", nullable: true),
            },
            constraints: t => t.PrimaryKey("pk_occupancies", x => x.id));
        migrationBuilder.CreateIndex("ix_occupancies_property_id_unit_id", "occupancies", ["property_id", "unit_id"]);

        migrationBuilder.CreateTable(
            name: "suggestions",
            columns: t => new
            {
                id = t.Column<Guid>(type: "uuid", nullable: false),
                property_id = t.Column<Guid>(type: "uuid", nullable: false),
                number = t.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                unit_id = t.Column<Guid>(type: "uuid", nullable: true),
                title = t.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                content = t.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                suggester_name = t.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                suggester_phone = t.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                suggester_id = t.Column<Guid>(type: "uuid", nullable: true),
                submitted_at = t.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                submitted_by_id = t.Column<Guid>(type: "uuid", nullable: false),
                submitted_by_name = t.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                status = t.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                decision_reason = t.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                decided_at = t.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                decided_by_id = t.Column<Guid>(type: "uuid", nullable: true),
                decided_by_name = t.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                plan = t.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                plan_published_at = t.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                plan_published_by_id = t.Column<Guid>(type: "uuid", nullable: true),
                plan_published_by_name = t.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("pk_suggestions", x => x.id);
                t.ForeignKey("fk_suggestions_units_unit_id", x => x.unit_id, "units", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("ix_suggestions_property_id_number", "suggestions", ["property_id", "number"], unique: true);
        migrationBuilder.CreateIndex("ix_suggestions_property_id_submitted_at", "suggestions", ["property_id", "submitted_at"]);
        migrationBuilder.CreateIndex("ix_suggestions_unit_id", "suggestions", "unit_id");
    }
}
