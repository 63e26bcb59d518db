using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PropertyPlatform.WorkOrders.Infrastructure.Migrations;

/// <summary>
/// The whole life of a work order: assignee, pauses, completion, follow-up, cancelling, time limits with their
/// due times, paid-service quotes, the timeline of transitions, and per-property time limits.
/// Orders taken before it get their unit number, the default limits of their priority and a timeline line.
/// </summary>
[DbContext(typeof(WorkOrdersDbContext))]
[Migration("20261122120000_WorkOrderLifecycle")]
public sealed class WorkOrderLifecycle : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            ALTER TABLE work_orders
                ADD COLUMN unit_number character varying(32) NOT NULL DEFAULT '',
                ADD COLUMN requester_id uuid NULL,
                ADD COLUMN taken_by_id uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000',
                ADD COLUMN taken_by_name character varying(100) NOT NULL DEFAULT 'system',
                ADD COLUMN assignee_id uuid NULL,
                ADD COLUMN assignee_name character varying(100) NULL,
                ADD COLUMN dispatched_at timestamp with time zone NULL,
                ADD COLUMN accepted_at timestamp with time zone NULL,
                ADD COLUMN started_at timestamp with time zone NULL,
                ADD COLUMN hold_reason character varying(500) NULL,
                ADD COLUMN held_at timestamp with time zone NULL,
                ADD COLUMN resume_at timestamp with time zone NULL,
                ADD COLUMN time_on_hold interval NOT NULL DEFAULT interval '0',
                ADD COLUMN completed_at timestamp with time zone NULL,
                ADD COLUMN completion_summary character varying(2000) NULL,
                ADD COLUMN materials character varying(1000) NULL,
                ADD COLUMN labour_minutes integer NULL,
                ADD COLUMN follow_up_due_at timestamp with time zone NULL,
                ADD COLUMN followed_up_at timestamp with time zone NULL,
                ADD COLUMN satisfaction integer NULL,
                ADD COLUMN follow_up_comment character varying(500) NULL,
                ADD COLUMN closed_at timestamp with time zone NULL,
                ADD COLUMN cancelled_at timestamp with time zone NULL,
                ADD COLUMN cancel_reason character varying(500) NULL,
                ADD COLUMN reopen_count integer NOT NULL DEFAULT 0,
                ADD COLUMN clock_started_at timestamp with time zone NOT NULL DEFAULT now(),
                ADD COLUMN response_limit interval NOT NULL DEFAULT interval '0',
                ADD COLUMN resolution_limit interval NOT NULL DEFAULT interval '0',
                ADD COLUMN response_due_at timestamp with time zone NOT NULL DEFAULT now(),
                ADD COLUMN resolution_due_at timestamp with time zone NOT NULL DEFAULT now(),
                ADD COLUMN response_flag character varying(16) NOT NULL DEFAULT 'None',
                ADD COLUMN resolution_flag character varying(16) NOT NULL DEFAULT 'None',
                ADD COLUMN escalated_at timestamp with time zone NULL,
                ADD COLUMN next_deadline_at timestamp with time zone NULL,
                ADD COLUMN quote_status character varying(16) NOT NULL DEFAULT 'None',
                ADD COLUMN quote_amount numeric(12,2) NULL,
                ADD COLUMN quote_description character varying(500) NULL;

            -- Orders taken before: the unit's number, and the default limits of their priority from intake on.
            UPDATE work_orders o SET
                unit_number = u.number,
                clock_started_at = o.submitted_at,
                response_limit = l.response, resolution_limit = l.resolution,
                response_due_at = o.submitted_at + l.response, resolution_due_at = o.submitted_at + l.resolution,
                next_deadline_at = o.submitted_at + l.response * 0.8
            FROM units u, (VALUES
                ('Emergency', interval '15 minutes', interval '4 hours'),
                ('High', interval '1 hour', interval '24 hours'),
                ('Normal', interval '4 hours', interval '72 hours'),
                ('Low', interval '24 hours', interval '7 days')) AS l(priority, response, resolution)
            WHERE u.id = o.unit_id AND l.priority = o.priority;

            ALTER TABLE work_orders
                ALTER COLUMN unit_number DROP DEFAULT,
                ALTER COLUMN taken_by_id DROP DEFAULT,
                ALTER COLUMN taken_by_name DROP DEFAULT,
                ALTER COLUMN time_on_hold DROP DEFAULT,
                ALTER COLUMN reopen_count DROP DEFAULT,
                ALTER COLUMN clock_started_at DROP DEFAULT,
                ALTER COLUMN response_limit DROP DEFAULT,
                ALTER COLUMN resolution_limit DROP DEFAULT,
                ALTER COLUMN response_due_at DROP DEFAULT,
                ALTER COLUMN resolution_due_at DROP DEFAULT,
                ALTER COLUMN response_flag DROP DEFAULT,
                ALTER COLUMN resolution_flag DROP DEFAULT,
                ALTER COLUMN quote_status DROP DEFAULT;
            """);

        migrationBuilder.CreateIndex("ix_work_orders_next_deadline_at", "work_orders", "next_deadline_at", filter: "next_deadline_at IS NOT NULL");
        migrationBuilder.CreateIndex("ix_work_orders_property_id_status", "work_orders", ["property_id", "status"]);

        migrationBuilder.CreateTable(
            name: "work_order_timeline",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                work_order_id = table.Column<Guid>(type: "uuid", nullable: false),
                sequence = table.Column<int>(type: "integer", nullable: false),
                at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                actor_id = table.Column<Guid>(type: "uuid", nullable: false),
                actor_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                from = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                to = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_work_order_timeline", x => x.id);
                table.ForeignKey("fk_work_order_timeline_work_orders_work_order_id", x => x.work_order_id, "work_orders", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_work_order_timeline_work_order_id_sequence", "work_order_timeline", ["work_order_id", "sequence"], unique: true);
        migrationBuilder.Sql("""
            INSERT INTO work_order_timeline (id, work_order_id, sequence, at, actor_id, actor_name, "from", "to", note)
            SELECT gen_random_uuid(), id, 1, submitted_at, taken_by_id, taken_by_name, NULL, status, NULL FROM work_orders;
            """);

        migrationBuilder.CreateTable(
            name: "time_limits",
            columns: table => new
            {
                property_id = table.Column<Guid>(type: "uuid", nullable: false),
                priority = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                response_minutes = table.Column<int>(type: "integer", nullable: false),
                resolution_minutes = table.Column<int>(type: "integer", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_time_limits", x => new { x.property_id, x.priority }));

        migrationBuilder.CreateTable(
            name: "engineers",
            columns: table => new
            {
                person_id = table.Column<Guid>(type: "uuid", nullable: false),
                property_id = table.Column<Guid>(type: "uuid", nullable: false),
                name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                can_be_dispatched = table.Column<bool>(type: "boolean", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_engineers", x => new { x.person_id, x.property_id }));
    }
}
