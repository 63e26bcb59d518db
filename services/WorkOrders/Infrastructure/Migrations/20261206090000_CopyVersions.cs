using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PropertyPlatform.ServiceDefaults.LocalCopies;

namespace PropertyPlatform.WorkOrders.Infrastructure.Migrations;

/// <summary>
/// The copies of units and staff keep the version of each record's state, so a fill from Directory and events apply
/// in any order. Existing rows get none: they are read again from Directory's feeds once.
/// </summary>
[DbContext(typeof(WorkOrdersDbContext))]
[Migration("20261206090000_CopyVersions")]
public sealed class CopyVersions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddUnitCopyVersions();
        migrationBuilder.AddColumn<DateTimeOffset>(name: "version", table: "engineers", type: "timestamp with time zone", nullable: true);
    }
}
