using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PropertyPlatform.ServiceDefaults.LocalCopies;

namespace PropertyPlatform.Reception.Infrastructure.Migrations;

/// <summary>Each unit of the copy keeps the version of its state, so a fill from Directory and events apply in any order.</summary>
[DbContext(typeof(ReceptionDbContext))]
[Migration("20261206090000_UnitCopyVersions")]
public sealed class UnitCopyVersions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.AddUnitCopyVersions();
}
