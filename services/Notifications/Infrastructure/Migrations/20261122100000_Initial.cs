using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PropertyPlatform.ServiceDefaults.Data;

namespace PropertyPlatform.Notifications.Infrastructure.Migrations;

/// <summary>The in-app inbox.</summary>
[DbContext(typeof(NotificationsDbContext))]
[Migration("20261122100000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateOutboxAndInbox();

        migrationBuilder.CreateTable(
            name: "inbox_entries",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                property_id = table.Column<Guid>(type: "uuid", nullable: false),
                recipient_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                recipient_role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                recipient_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                title_zh_cn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                body_zh_cn = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                title_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                body_en = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                link = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                source_event_id = table.Column<Guid>(type: "uuid", nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_inbox_entries", x => x.id));
        migrationBuilder.CreateIndex("ix_inbox_entries_property_id_created_at", "inbox_entries", ["property_id", "created_at"]);
        migrationBuilder.CreateIndex("ix_inbox_entries_source_event_id_recipient_key", "inbox_entries", ["source_event_id", "recipient_key"], unique: true);
    }
}
