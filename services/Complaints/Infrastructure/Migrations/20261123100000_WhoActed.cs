using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PropertyPlatform.Complaints.Infrastructure.Migrations;

/// <summary>Who received, investigated and answered a complaint, from the caller's access token; empty for earlier complaints.</summary>
[DbContext(typeof(ComplaintsDbContext))]
[Migration("20261123100000_WhoActed")]
public sealed class WhoActed : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var step in new[] { "received_by", "investigated_by", "responded_by" })
        {
            migrationBuilder.AddColumn<Guid>($"{step}_id", "complaints", type: "uuid", nullable: true);
            migrationBuilder.AddColumn<string>($"{step}_name", "complaints", type: "character varying(100)", maxLength: 100, nullable: true);
        }
    }
}
