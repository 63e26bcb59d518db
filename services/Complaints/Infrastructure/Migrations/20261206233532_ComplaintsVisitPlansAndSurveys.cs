using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyPlatform.Complaints.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintsVisitPlansAndSurveys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Row versions are PostgreSQL's system column xmin: nothing to create for them.
            migrationBuilder.AddColumn<Guid>(
                name: "due_visit_id",
                table: "follow_up_visits",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "survey_id",
                table: "follow_up_visits",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "survey_score",
                table: "follow_up_visits",
                type: "numeric(3,2)",
                precision: 3,
                scale: 2,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "surveys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    property_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    retired = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_surveys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "visit_plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    property_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    building_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    assignee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    assignee_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visit_plans", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "survey_questions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    survey_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    required = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_questions", x => x.id);
                    table.ForeignKey(
                        name: "fk_survey_questions_surveys_survey_id",
                        column: x => x.survey_id,
                        principalTable: "surveys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "due_visits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    property_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    period = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    due_from = table.Column<DateOnly>(type: "date", nullable: false),
                    due_by = table.Column<DateOnly>(type: "date", nullable: false),
                    assignee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    assignee_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    visit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    done_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_due_visits", x => x.id);
                    table.ForeignKey(
                        name: "fk_due_visits_visit_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "visit_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "visit_answers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    visit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    question_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    score = table.Column<int>(type: "integer", nullable: true),
                    text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visit_answers", x => x.id);
                    table.ForeignKey(
                        name: "fk_visit_answers_follow_up_visits_visit_id",
                        column: x => x.visit_id,
                        principalTable: "follow_up_visits",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_visit_answers_survey_questions_question_id",
                        column: x => x.question_id,
                        principalTable: "survey_questions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_follow_up_visits_due_visit_id",
                table: "follow_up_visits",
                column: "due_visit_id",
                unique: true,
                filter: "due_visit_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_follow_up_visits_survey_id",
                table: "follow_up_visits",
                column: "survey_id");

            migrationBuilder.CreateIndex(
                name: "ix_due_visits_plan_id_subject_id_period",
                table: "due_visits",
                columns: new[] { "plan_id", "subject_id", "period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_due_visits_property_id_due_by",
                table: "due_visits",
                columns: new[] { "property_id", "due_by" });

            migrationBuilder.CreateIndex(
                name: "ix_survey_questions_survey_id_sequence",
                table: "survey_questions",
                columns: new[] { "survey_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_surveys_property_id",
                table: "surveys",
                column: "property_id");

            migrationBuilder.CreateIndex(
                name: "ix_visit_answers_question_id",
                table: "visit_answers",
                column: "question_id");

            migrationBuilder.CreateIndex(
                name: "ix_visit_answers_visit_id_question_id",
                table: "visit_answers",
                columns: new[] { "visit_id", "question_id" },
                unique: true);

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

            migrationBuilder.AddForeignKey(
                name: "fk_follow_up_visits_surveys_survey_id",
                table: "follow_up_visits",
                column: "survey_id",
                principalTable: "surveys",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_follow_up_visits_surveys_survey_id",
                table: "follow_up_visits");

            migrationBuilder.DropTable(
                name: "due_visits");

            migrationBuilder.DropTable(
                name: "visit_answers");

            migrationBuilder.DropTable(
                name: "visit_plans");

            migrationBuilder.DropTable(
                name: "survey_questions");

            migrationBuilder.DropTable(
                name: "surveys");

            migrationBuilder.DropIndex(
                name: "ix_follow_up_visits_due_visit_id",
                table: "follow_up_visits");

            migrationBuilder.DropIndex(
                name: "ix_follow_up_visits_survey_id",
                table: "follow_up_visits");

            migrationBuilder.DropColumn(
                name: "due_visit_id",
                table: "follow_up_visits");

            migrationBuilder.DropColumn(
                name: "survey_id",
                table: "follow_up_visits");

            migrationBuilder.DropColumn(
                name: "survey_score",
                table: "follow_up_visits");
        }
    }
}
