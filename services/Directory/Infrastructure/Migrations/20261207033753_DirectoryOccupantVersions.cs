using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyPlatform.Directory.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class DirectoryOccupantVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "changed_at",
                table: "occupants",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Existing occupants take their registration time: their contacts changed last then, as far as anyone knows.
            migrationBuilder.Sql("UPDATE occupants SET changed_at = registered_at");
            migrationBuilder.Sql("ALTER TABLE occupants ALTER COLUMN changed_at DROP DEFAULT");

            migrationBuilder.CreateIndex(
                name: "ix_occupants_changed_at_id",
                table: "occupants",
                columns: new[] { "changed_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_occupants_changed_at_id",
                table: "occupants");

            migrationBuilder.DropColumn(
                name: "changed_at",
                table: "occupants");
        }
    }
}
