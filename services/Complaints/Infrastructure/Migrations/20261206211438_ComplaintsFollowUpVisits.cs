using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PropertyPlatform.Complaints.Infrastructure.Migrations;

/// <summary>Follow-up visits (回访) and the feedback items each raised, tracked until handled.</summary>
[DbContext(typeof(ComplaintsDbContext))]
[Migration("20261206211438_ComplaintsFollowUpVisits")]
public sealed class ComplaintsFollowUpVisits : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // The row version is PostgreSQL's system column xmin: nothing to create for it.
        migrationBuilder.CreateTable(
            name: "follow_up_visits",
            columns: t => new
            {
                id = t.Column<Guid>(type: "uuid", nullable: false),
                property_id = t.Column<Guid>(type: "uuid", nullable: false),
                unit_id = t.Column<Guid>(type: "uuid", nullable: true),
                area = t.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                method = t.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                visited_at = t.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                visited_by_id = t.Column<Guid>(type: "uuid", nullable: false),
                visited_by_name = t.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                satisfaction = t.Column<int>(type: "integer", nullable: false),
                notes = t.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                open_items = t.Column<int>(type: "integer", nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("pk_follow_up_visits", x => x.id);
                t.ForeignKey("fk_follow_up_visits_units_unit_id", x => x.unit_id, "units", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateTable(
            name: "visit_feedback_items",
            columns: t => new
            {
                id = t.Column<Guid>(type: "uuid", nullable: false),
                visit_id = t.Column<Guid>(type: "uuid", nullable: false),
                sequence = t.Column<int>(type: "integer", nullable: false),
                text = t.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                handled_at = t.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                handled_by_id = t.Column<Guid>(type: "uuid", nullable: true),
                handled_by_name = t.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                resolution = t.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("pk_visit_feedback_items", x => x.id);
                t.ForeignKey("fk_visit_feedback_items_follow_up_visits_visit_id", x => x.visit_id, "follow_up_visits", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_follow_up_visits_property_id_visited_at", "follow_up_visits", ["property_id", "visited_at"]);
        migrationBuilder.CreateIndex("ix_follow_up_visits_unit_id", "follow_up_visits", "unit_id");
        migrationBuilder.CreateIndex("ix_visit_feedback_items_visit_id_sequence", "visit_feedback_items", ["visit_id", "sequence"], unique: true);
    }
}
