using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PropertyPlatform.Directory.Infrastructure.Migrations;

/// <summary>
/// Units and staff carry the time of their latest change, the version other services' copies compare, and are read
/// in that order by the feeds. Existing records take their registration time: the copies made before hold no version.
/// </summary>
[DbContext(typeof(DirectoryDbContext))]
[Migration("20261206090000_RecordVersions")]
public sealed class RecordVersions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "units", "staff" })
        {
            migrationBuilder.AddColumn<DateTimeOffset>(name: "changed_at", table: table, type: "timestamp with time zone", nullable: true);
            migrationBuilder.Sql($"UPDATE {table} SET changed_at = registered_at");
            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "changed_at", table: table, type: "timestamp with time zone", nullable: false,
                oldClrType: typeof(DateTimeOffset), oldType: "timestamp with time zone", oldNullable: true);
            migrationBuilder.CreateIndex(name: $"ix_{table}_changed_at_id", table: table, columns: ["changed_at", "id"]);
        }
    }
}
