using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PropertyPlatform.Complaints.Infrastructure.Migrations;

/// <summary>
/// A complaint's whole life: its owner, place, deadlines and escalation, feedback, closing and reopening, compensation,
/// its timeline and co-complainants. Complaints taken before keep their state; their owner is whoever took them.
/// </summary>
[DbContext(typeof(ComplaintsDbContext))]
[Migration("20261206100000_ComplaintLifecycle")]
public sealed class ComplaintLifecycle : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        const string table = "complaints";
        migrationBuilder.AddColumn<string>("location", table, type: "character varying(200)", maxLength: 200, nullable: true);
        migrationBuilder.AddColumn<Guid>("complainant_id", table, type: "uuid", nullable: true);
        migrationBuilder.AddColumn<Guid>("owner_id", table, type: "uuid", nullable: true);
        migrationBuilder.AddColumn<string>("owner_name", table, type: "character varying(100)", maxLength: 100, nullable: true);
        migrationBuilder.AddColumn<DateTimeOffset>("investigation_due_at", table, type: "timestamp with time zone", nullable: true);
        migrationBuilder.AddColumn<bool>("investigation_overdue", table, type: "boolean", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<DateTimeOffset>("reply_due_at", table, type: "timestamp with time zone", nullable: true);
        migrationBuilder.AddColumn<DateTimeOffset>("reply_committed_at", table, type: "timestamp with time zone", nullable: true);
        migrationBuilder.AddColumn<string>("reply_flag", table, type: "character varying(16)", maxLength: 16, nullable: false, defaultValue: "None");
        migrationBuilder.AddColumn<DateTimeOffset>("next_deadline_at", table, type: "timestamp with time zone", nullable: true);
        migrationBuilder.AddColumn<string>("escalation_level", table, type: "character varying(16)", maxLength: 16, nullable: true);
        migrationBuilder.AddColumn<DateTimeOffset>("escalated_at", table, type: "timestamp with time zone", nullable: true);
        migrationBuilder.AddColumn<bool>("responded_on_time", table, type: "boolean", nullable: true);
        migrationBuilder.AddColumn<string>("explanation", table, type: "character varying(2000)", maxLength: 2000, nullable: true);
        migrationBuilder.AddColumn<DateTimeOffset>("feedback_at", table, type: "timestamp with time zone", nullable: true);
        migrationBuilder.AddColumn<bool>("satisfied", table, type: "boolean", nullable: true);
        migrationBuilder.AddColumn<string>("feedback_comment", table, type: "character varying(500)", maxLength: 500, nullable: true);
        migrationBuilder.AddColumn<int>("reopen_count", table, type: "integer", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<DateTimeOffset>("closed_at", table, type: "timestamp with time zone", nullable: true);
        migrationBuilder.AddColumn<string>("close_reason", table, type: "character varying(500)", maxLength: 500, nullable: true);
        migrationBuilder.AddColumn<decimal>("compensation_amount", table, type: "numeric(12,2)", precision: 12, scale: 2, nullable: true);
        migrationBuilder.AddColumn<string>("compensation_agreement", table, type: "character varying(500)", maxLength: 500, nullable: true);
        migrationBuilder.AddColumn<Guid>("compensation_approved_by_id", table, type: "uuid", nullable: true);
        migrationBuilder.AddColumn<string>("compensation_approved_by_name", table, type: "character varying(100)", maxLength: 100, nullable: true);
        migrationBuilder.AddColumn<DateTimeOffset>("compensation_agreed_at", table, type: "timestamp with time zone", nullable: true);
        // Earlier complaints: whoever took them owns them; one taken by an occupant waits for staff to take it up.
        migrationBuilder.Sql("""
            UPDATE complaints SET owner_id = received_by_id, owner_name = received_by_name WHERE channel <> 'OccupantApp';
            UPDATE complaints SET responded_on_time = true WHERE responded_at IS NOT NULL;
            ALTER TABLE complaints
                ALTER COLUMN investigation_overdue DROP DEFAULT,
                ALTER COLUMN reply_flag DROP DEFAULT,
                ALTER COLUMN reopen_count DROP DEFAULT;
            """);
        migrationBuilder.CreateIndex("ix_complaints_next_deadline_at", table, "next_deadline_at", filter: "next_deadline_at IS NOT NULL");
        migrationBuilder.CreateIndex("ix_complaints_owner_id", table, "owner_id");
        migrationBuilder.CreateIndex("ix_complaints_complainant_id", table, "complainant_id", filter: "complainant_id IS NOT NULL");

        migrationBuilder.CreateTable(
            name: "complaint_timeline",
            columns: t => new
            {
                id = t.Column<Guid>(type: "uuid", nullable: false),
                complaint_id = t.Column<Guid>(type: "uuid", nullable: false),
                sequence = t.Column<int>(type: "integer", nullable: false),
                at = t.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                actor_id = t.Column<Guid>(type: "uuid", nullable: false),
                actor_name = t.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                from = t.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                to = t.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                note = t.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                kind = t.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("pk_complaint_timeline", x => x.id);
                t.ForeignKey("fk_complaint_timeline_complaints_complaint_id", x => x.complaint_id, "complaints", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_complaint_timeline_complaint_id_sequence", "complaint_timeline", ["complaint_id", "sequence"], unique: true);
        // Earlier complaints start their timeline with their intake.
        migrationBuilder.Sql("""
            INSERT INTO complaint_timeline (id, complaint_id, sequence, at, actor_id, actor_name, "from", "to", note, kind)
            SELECT gen_random_uuid(), id, 1, received_at, coalesce(received_by_id, '00000000-0000-0000-0000-000000000000'),
                   coalesce(received_by_name, ''), NULL, status, NULL, 'Transition'
            FROM complaints;
            """);

        migrationBuilder.CreateTable(
            name: "complaint_co_complainants",
            columns: t => new
            {
                id = t.Column<Guid>(type: "uuid", nullable: false),
                complaint_id = t.Column<Guid>(type: "uuid", nullable: false),
                sequence = t.Column<int>(type: "integer", nullable: false),
                name = t.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                phone = t.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                unit = t.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("pk_complaint_co_complainants", x => x.id);
                t.ForeignKey("fk_complaint_co_complainants_complaints_complaint_id", x => x.complaint_id, "complaints", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_complaint_co_complainants_complaint_id_sequence", "complaint_co_complainants", ["complaint_id", "sequence"], unique: true);
    }
}
