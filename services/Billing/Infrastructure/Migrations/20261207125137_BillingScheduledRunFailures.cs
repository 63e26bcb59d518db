using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyPlatform.Billing.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class BillingScheduledRunFailures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "failures",
                table: "scheduled_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // The default only fills the rows there are (no failures yet); the model has none.
            migrationBuilder.Sql("ALTER TABLE scheduled_runs ALTER COLUMN failures DROP DEFAULT;");

            migrationBuilder.AddColumn<string>(
                name: "last_error",
                table: "scheduled_runs",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_failed_at",
                table: "scheduled_runs",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "failures",
                table: "scheduled_runs");

            migrationBuilder.DropColumn(
                name: "last_error",
                table: "scheduled_runs");

            migrationBuilder.DropColumn(
                name: "last_failed_at",
                table: "scheduled_runs");
        }
    }
}
