using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyPlatform.Reception.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ReceptionEnquiryReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "reminder_at",
                table: "enquiries",
                type: "timestamp with time zone",
                nullable: true);

            // Enquiries still owed an answer remind the desk when it falls due; those already overdue are in the overdue list.
            migrationBuilder.Sql("UPDATE enquiries SET reminder_at = due_at WHERE status = 'Open' AND due_at > now();");

            migrationBuilder.CreateIndex(
                name: "ix_enquiries_reminder_at",
                table: "enquiries",
                column: "reminder_at",
                filter: "reminder_at IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_enquiries_reminder_at",
                table: "enquiries");

            migrationBuilder.DropColumn(
                name: "reminder_at",
                table: "enquiries");
        }
    }
}
