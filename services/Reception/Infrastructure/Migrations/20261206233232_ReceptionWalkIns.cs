using System;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyPlatform.Reception.Infrastructure.Migrations
{
    /// <summary>Walk-ins: the host's confirmation (deadline, answer); an awaiting walk-in's pass code is held too.</summary>
    [DbContext(typeof(ReceptionDbContext))]
    [Migration("20261206233232_ReceptionWalkIns")]
    public partial class ReceptionWalkIns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_visits_active_pass_code",
                table: "visits");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "confirm_by",
                table: "visits",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "decline_reason",
                table: "visits",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "host_answered_at",
                table: "visits",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "host_answered_by_name",
                table: "visits",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_walk_in",
                table: "visits",
                type: "boolean",
                nullable: false,
                defaultValue: false);
            // The default only fills existing rows (invited visits); the model has none.
            migrationBuilder.Sql("ALTER TABLE visits ALTER COLUMN is_walk_in DROP DEFAULT");

            migrationBuilder.CreateIndex(
                name: "ix_visits_active_pass_code",
                table: "visits",
                columns: new[] { "property_id", "pass_code" },
                unique: true,
                filter: "status IN ('Expected', 'CheckedIn', 'AwaitingHost')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_visits_active_pass_code",
                table: "visits");

            migrationBuilder.DropColumn(
                name: "confirm_by",
                table: "visits");

            migrationBuilder.DropColumn(
                name: "decline_reason",
                table: "visits");

            migrationBuilder.DropColumn(
                name: "host_answered_at",
                table: "visits");

            migrationBuilder.DropColumn(
                name: "host_answered_by_name",
                table: "visits");

            migrationBuilder.DropColumn(
                name: "is_walk_in",
                table: "visits");

            migrationBuilder.CreateIndex(
                name: "ix_visits_active_pass_code",
                table: "visits",
                columns: new[] { "property_id", "pass_code" },
                unique: true,
                filter: "status IN ('Expected', 'CheckedIn')");
        }
    }
}
