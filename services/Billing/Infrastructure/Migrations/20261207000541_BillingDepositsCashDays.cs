using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyPlatform.Billing.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class BillingDepositsCashDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cash_days",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    property_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cashier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cashier_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    receipt_count = table.Column<int>(type: "integer", nullable: false),
                    voided_receipt_count = table.Column<int>(type: "integer", nullable: false),
                    first_receipt_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    last_receipt_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    receipts_total = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    deposits_in = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    deposits_out = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    expected = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    counted = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    supervisor_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    closed_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cash_days", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "deposits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    property_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    building_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    unit_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    occupant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    payer_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    taken_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deposits", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "deposit_steps",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    deposit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    method = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    actor_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deposit_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_deposit_steps_deposits_deposit_id",
                        column: x => x.deposit_id,
                        principalTable: "deposits",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_receipts_cashier_id_paid_at",
                table: "receipts",
                columns: new[] { "cashier_id", "paid_at" });

            migrationBuilder.CreateIndex(
                name: "ix_cash_days_property_id_cashier_id_day",
                table: "cash_days",
                columns: new[] { "property_id", "cashier_id", "day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_deposit_steps_actor_id_at",
                table: "deposit_steps",
                columns: new[] { "actor_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_deposit_steps_deposit_id",
                table: "deposit_steps",
                column: "deposit_id");

            migrationBuilder.CreateIndex(
                name: "ix_deposits_occupant_id",
                table: "deposits",
                column: "occupant_id");

            migrationBuilder.CreateIndex(
                name: "ix_deposits_property_id_status",
                table: "deposits",
                columns: new[] { "property_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_deposits_unit_id",
                table: "deposits",
                column: "unit_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cash_days");

            migrationBuilder.DropTable(
                name: "deposit_steps");

            migrationBuilder.DropTable(
                name: "deposits");

            migrationBuilder.DropIndex(
                name: "ix_receipts_cashier_id_paid_at",
                table: "receipts");
        }
    }
}
