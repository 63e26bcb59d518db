using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.LocalCopies;

namespace PropertyPlatform.Complaints.Infrastructure.Migrations;

/// <summary>Complaints, optionally from a unit of the local unit copy, numbered per property and day.</summary>
[DbContext(typeof(ComplaintsDbContext))]
[Migration("20261122100000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateOutboxAndInbox();
        migrationBuilder.CreateUnitCopies();

        migrationBuilder.CreateDailyCounters();

        migrationBuilder.CreateTable(
            name: "complaints",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                property_id = table.Column<Guid>(type: "uuid", nullable: false),
                number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                anonymous = table.Column<bool>(type: "boolean", nullable: false),
                complainant_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                complainant_phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                tier = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                investigation_started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                responded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                finding = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                action_taken = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                justified = table.Column<bool>(type: "boolean", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_complaints", x => x.id);
                table.ForeignKey("fk_complaints_units_unit_id", x => x.unit_id, "units", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("ix_complaints_property_id_number", "complaints", ["property_id", "number"], unique: true);
        migrationBuilder.CreateIndex("ix_complaints_property_id_received_at", "complaints", ["property_id", "received_at"]);
        migrationBuilder.CreateIndex("ix_complaints_unit_id", "complaints", "unit_id");
    }
}
