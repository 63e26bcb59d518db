using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyPlatform.WorkOrders.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class IndexesForYearsOfOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_work_orders_property_id_status",
                table: "work_orders");

            migrationBuilder.CreateIndex(
                name: "ix_work_orders_property_id_accepted_at",
                table: "work_orders",
                columns: new[] { "property_id", "accepted_at" },
                filter: "accepted_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_work_orders_property_id_completed_at",
                table: "work_orders",
                columns: new[] { "property_id", "completed_at" },
                filter: "completed_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_work_orders_property_id_followed_up_at",
                table: "work_orders",
                columns: new[] { "property_id", "followed_up_at" },
                filter: "followed_up_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_work_orders_property_id_status_category_submitted_at",
                table: "work_orders",
                columns: new[] { "property_id", "status", "category", "submitted_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_work_orders_property_id_accepted_at",
                table: "work_orders");

            migrationBuilder.DropIndex(
                name: "ix_work_orders_property_id_completed_at",
                table: "work_orders");

            migrationBuilder.DropIndex(
                name: "ix_work_orders_property_id_followed_up_at",
                table: "work_orders");

            migrationBuilder.DropIndex(
                name: "ix_work_orders_property_id_status_category_submitted_at",
                table: "work_orders");

            migrationBuilder.CreateIndex(
                name: "ix_work_orders_property_id_status",
                table: "work_orders",
                columns: new[] { "property_id", "status" });
        }
    }
}
