using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PropertyPlatform.Notifications.Infrastructure.Migrations;

/// <summary>Messages that escalate an order past its time limit are marked as such.</summary>
[DbContext(typeof(NotificationsDbContext))]
[Migration("20261124100000_Escalations")]
public sealed class Escalations : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // Earlier messages were no escalations; the default only fills them in, new rows always say.
        migrationBuilder.AddColumn<bool>("escalation", "inbox_entries", type: "boolean", nullable: false, defaultValue: false);
        migrationBuilder.Sql("ALTER TABLE inbox_entries ALTER COLUMN escalation DROP DEFAULT;");
    }
}
