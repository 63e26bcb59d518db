using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyPlatform.Billing.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class BillingLateFeesScheduleAccessCards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "access_card_id",
                table: "deposits",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "card_lost",
                table: "deposits",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Existing deposits are filled with false; the model has no default, so neither does the column after.
            migrationBuilder.Sql("ALTER TABLE deposits ALTER COLUMN card_lost DROP DEFAULT;");

            migrationBuilder.AddColumn<string>(
                name: "card_number",
                table: "deposits",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "late_fee_rules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    property_id = table.Column<Guid>(type: "uuid", nullable: false),
                    daily_rate = table.Column<decimal>(type: "numeric(8,6)", precision: 8, scale: 6, nullable: false),
                    grace_days = table.Column<int>(type: "integer", nullable: false),
                    cap = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    set_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    set_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    set_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_late_fee_rules", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "scheduled_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    property_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    done_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    outcome = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scheduled_runs", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_deposits_access_card_id",
                table: "deposits",
                column: "access_card_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_late_fee_rules_property_id_effective_from",
                table: "late_fee_rules",
                columns: new[] { "property_id", "effective_from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_scheduled_runs_due_at",
                table: "scheduled_runs",
                column: "due_at",
                filter: "done_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_scheduled_runs_property_id_kind_due_on",
                table: "scheduled_runs",
                columns: new[] { "property_id", "kind", "due_on" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "late_fee_rules");

            migrationBuilder.DropTable(
                name: "scheduled_runs");

            migrationBuilder.DropIndex(
                name: "ix_deposits_access_card_id",
                table: "deposits");

            migrationBuilder.DropColumn(
                name: "access_card_id",
                table: "deposits");

            migrationBuilder.DropColumn(
                name: "card_lost",
                table: "deposits");

            migrationBuilder.DropColumn(
                name: "card_number",
                table: "deposits");
        }
    }
}
