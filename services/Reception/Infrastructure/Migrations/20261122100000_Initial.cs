using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.LocalCopies;

namespace PropertyPlatform.Reception.Infrastructure.Migrations;

/// <summary>Pre-registered visits to units of the local unit copy, with pass codes unique among active visits.</summary>
[DbContext(typeof(ReceptionDbContext))]
[Migration("20261122100000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateOutboxAndInbox();
        migrationBuilder.CreateUnitCopies();

        migrationBuilder.CreateTable(
            name: "visits",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                property_id = table.Column<Guid>(type: "uuid", nullable: false),
                unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                visitor_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                visitor_phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                id_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                id_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                plate_number = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                purpose = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                party_size = table.Column<int>(type: "integer", nullable: false),
                expected_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                expected_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                pass_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                checked_in_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                checked_out_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                cancel_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_visits", x => x.id);
                table.ForeignKey("fk_visits_units_unit_id", x => x.unit_id, "units", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("ix_visits_active_pass_code", "visits", ["property_id", "pass_code"], unique: true,
            filter: ReceptionDbContext.ActiveVisitFilter);
        migrationBuilder.CreateIndex("ix_visits_property_id_expected_from", "visits", ["property_id", "expected_from"]);
        migrationBuilder.CreateIndex("ix_visits_unit_id", "visits", "unit_id");
    }
}
