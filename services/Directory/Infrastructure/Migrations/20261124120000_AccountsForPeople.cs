using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PropertyPlatform.Directory.Infrastructure.Migrations;

/// <summary>
/// Accounts for staff and occupants: an administrator may disable one, and a person may change their own password.
/// Existing accounts stay enabled.
/// </summary>
[DbContext(typeof(DirectoryDbContext))]
[Migration("20261124120000_AccountsForPeople")]
public sealed class AccountsForPeople : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTimeOffset>(name: "disabled_at", table: "accounts", type: "timestamp with time zone", nullable: true);
        migrationBuilder.AddColumn<DateTimeOffset>(name: "password_changed_at", table: "accounts", type: "timestamp with time zone", nullable: true);
    }
}
