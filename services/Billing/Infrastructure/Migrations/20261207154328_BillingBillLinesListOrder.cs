using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyPlatform.Billing.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class BillingBillLinesListOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_bill_lines_property_id_period",
                table: "bill_lines");

            migrationBuilder.CreateIndex(
                name: "ix_bill_lines_property_id_period_building_name_unit_number_id",
                table: "bill_lines",
                columns: new[] { "property_id", "period", "building_name", "unit_number", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_bill_lines_property_id_period_building_name_unit_number_id",
                table: "bill_lines");

            migrationBuilder.CreateIndex(
                name: "ix_bill_lines_property_id_period",
                table: "bill_lines",
                columns: new[] { "property_id", "period" });
        }
    }
}
