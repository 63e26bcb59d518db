using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.LocalCopies;

namespace PropertyPlatform.Billing.Infrastructure.Migrations;

/// <summary>Fee schedules with their rate history, and the local copy of units with type and chargeable area.</summary>
[DbContext(typeof(BillingDbContext))]
[Migration("20261122100000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateOutboxAndInbox();
        migrationBuilder.CreateUnitCopies();

        migrationBuilder.CreateTable(
            name: "fee_schedules",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                property_id = table.Column<Guid>(type: "uuid", nullable: false),
                item = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                unit_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                last_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_fee_schedules", x => x.id));
        migrationBuilder.CreateIndex("ix_fee_schedules_property_id_item_unit_type", "fee_schedules", ["property_id", "item", "unit_type"], unique: true)
            .Annotation("Npgsql:NullsDistinct", false);

        migrationBuilder.CreateTable(
            name: "fee_rates",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                fee_schedule_id = table.Column<Guid>(type: "uuid", nullable: false),
                rate = table.Column<decimal>(type: "numeric(12,4)", precision: 12, scale: 4, nullable: false),
                effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                set_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_fee_rates", x => x.id);
                table.ForeignKey("fk_fee_rates_fee_schedules_fee_schedule_id", x => x.fee_schedule_id, "fee_schedules", "id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_fee_rates_fee_schedule_id_effective_from", "fee_rates", ["fee_schedule_id", "effective_from"], unique: true);
    }
}
