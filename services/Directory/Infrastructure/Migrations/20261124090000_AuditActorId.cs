using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PropertyPlatform.Directory.Infrastructure.Migrations;

/// <summary>
/// The audit trail names who changed a record by person id (from the access token), beside the name: names are
/// not unique. Entries written before sign-in existed keep no id.
/// </summary>
[DbContext(typeof(DirectoryDbContext))]
[Migration("20261124090000_AuditActorId")]
public sealed class AuditActorId : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<Guid>(name: "actor_id", table: "audit_entries", type: "uuid", nullable: true);
}
